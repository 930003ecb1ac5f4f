"""The ``fogofwar`` command line. Thin: each command parses its options and calls the library."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import click

from fogofwar import __version__
from fogofwar.schema import Analysis, AnalysisError

log = logging.getLogger("fogofwar")


def _dumps(obj: dict[str, Any], pretty: bool = False) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None)


@click.group()
@click.version_option(__version__, prog_name="fogofwar")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-v info, -vv debug).")
def main(verbose: int) -> None:
    """fogofwar: sourced, geolocated, dated claims and events from conflict reporting."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@main.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, allow_dash=False))
@click.option(
    "--jsonl",
    "jsonl_in",
    metavar="IN.jsonl",
    help="Analyse many articles, one JSON object per line (- for stdin).",
)
@click.option("--out", default="-", show_default=True, metavar="OUT.jsonl", help="Where --jsonl writes (- for stdout).")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date of FILE (dates are resolved against it).")
@click.option("--id", "article_id", metavar="ID", help="Id of FILE's article (default: the file name).")
@click.option("--model", default=None, help="spaCy model to load instead of the pipeline config's.")
@click.option(
    "--pipeline",
    "pipeline_path",
    type=click.Path(exists=True, dir_okay=False),
    help="A pipeline.toml to use.",
)
@click.option("--pretty", is_flag=True, help="Indent the JSON of a single FILE.")
@click.option("--batch-size", default=16, show_default=True, help="Articles per spaCy batch with --jsonl.")
def analyze(
    file: str | None,
    jsonl_in: str | None,
    out: str,
    published: str | None,
    article_id: str | None,
    model: str | None,
    pipeline_path: str | None,
    pretty: bool,
    batch_size: int,
) -> None:
    """Analyse one article (FILE: .txt, .html or .json) or many (--jsonl) into the contract's JSON."""
    from fogofwar.analyze import Analyzer
    from fogofwar.analyze.batch import analyze_one, analyze_records
    from fogofwar.ingest import InputError, read_file, read_inputs

    if (file is None) == (jsonl_in is None):
        raise click.UsageError("give either FILE or --jsonl IN.jsonl")
    analyzer = Analyzer(model=model, config_path=pipeline_path)
    if file is not None:
        if out != "-":
            raise click.UsageError("--out goes with --jsonl; a single FILE's analysis goes to stdout")
        try:
            article = read_file(file, published=published, article_id=article_id)
        except InputError as exc:
            click.echo(_dumps({"id": article_id or Path(file).stem, "error": str(exc)}))
            raise click.ClickException(str(exc)) from exc
        result = analyze_one(analyzer.load(), article)
        click.echo(_dumps(result.to_dict(), pretty))
        if isinstance(result, AnalysisError):
            sys.exit(1)
        return
    if published or article_id:
        raise click.UsageError("--published and --id go with FILE; with --jsonl give them on each line")
    assert jsonl_in is not None
    records = read_inputs([jsonl_in]) if jsonl_in == "-" else _jsonl_records(jsonl_in)
    analyzer.load()
    # Counting lines reads the input a second time: only worth it for a progress bar on a terminal.
    total = _count_lines(jsonl_in) if sys.stderr.isatty() else None
    ok, errors = _write_lines(analyze_records(analyzer, records, batch_size), out, total)
    click.echo(f"{ok} analysed, {errors} errors", err=True)
    if ok == 0:
        raise click.ClickException("nothing could be read")


def _jsonl_records(path: str) -> Iterator[Any]:
    from fogofwar.ingest import read_jsonl

    try:
        f = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is drained
    except OSError as exc:
        raise click.ClickException(f"cannot read {path}: {exc.strerror or exc}") from exc
    with f:
        yield from read_jsonl(f, path)


def _count_lines(path: str) -> int | None:
    if path == "-":
        return None
    try:
        with open(path, "rb") as f:
            return sum(1 for line in f if line.strip())
    except OSError:
        return None


def _write_lines(results: Iterator[Analysis | AnalysisError], out: str, total: int | None) -> tuple[int, int]:
    """Write one JSON line per result, flushed as it comes; a progress bar on a terminal."""
    ok = errors = 0
    stream: IO[str] = sys.stdout if out == "-" else open(out, "w", encoding="utf-8")  # noqa: SIM115
    progress = None
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import Progress

        progress = Progress(console=Console(stderr=True), transient=True)
        progress.start()
        task = progress.add_task("analysing", total=total)
    try:
        for result in results:
            stream.write(_dumps(result.to_dict()) + "\n")
            stream.flush()
            if isinstance(result, AnalysisError):
                errors += 1
            else:
                ok += 1
            if progress is not None:
                progress.advance(task)
    finally:
        if progress is not None:
            progress.stop()
        if stream is not sys.stdout:
            stream.close()
    return ok, errors


@main.command()
@click.argument("names", nargs=-1)
@click.option("--data", type=click.Path(file_okay=False), default="../shared/data", show_default=True)
@click.option("--floors", type=click.Path(exists=True, dir_okay=False), help="Pinned floors (TOML); fail under them.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as one JSON object.")
def evaluate(names: tuple[str, ...], data: str, floors: str | None, as_json: bool) -> None:
    """Score stages on the development data (NAMES: evaluators, or `all`)."""
    from fogofwar import evaluate as ev
    from fogofwar.evaluate.corpora import MissingData

    chosen = sorted(ev.EVALUATORS) if not names or "all" in names else list(names)
    all_metrics: dict[str, dict[str, float]] = {}
    failed = 0
    try:
        for name, metrics, gates in ev.run(chosen, Path(data), Path(floors) if floors else None):
            all_metrics[name] = metrics
            if not as_json:
                click.echo(f"{name}: " + ", ".join(f"{k}={v:.4g}" for k, v in metrics.items()))
            for gate in gates:
                op = ">=" if gate.kind == "min" else "<="
                mark = "ok  " if gate.passed else "FAIL"
                click.echo(f"{mark} {gate.evaluator}.{gate.metric} = {gate.value} ({op} {gate.bound})", err=True)
                failed += not gate.passed
    except (MissingData, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(all_metrics, indent=1))
    if failed:
        raise click.ClickException(f"{failed} quality gate(s) failed")


@main.command()
@click.option("--db", type=click.Path(dir_okay=False), default="fogofwar-sample.db", show_default=True)
@click.option(
    "--articles",
    type=click.Path(exists=True, file_okay=False),
    help="A folder of articles instead of the sample.",
)
def demo(db: str, articles: str | None) -> None:
    """Run the main job on the bundled sample: analyse, store in a ledger, print a summary."""
    from fogofwar.demo import run_demo

    sys.exit(run_demo(Path(db), articles_dir=Path(articles) if articles else None))


@main.group()
def gazetteer() -> None:
    """Build and inspect the gazetteer index."""


@gazetteer.command("build")
@click.option("--path", type=click.Path(dir_okay=False), default=None, help="Where to write the index.")
def gazetteer_build(path: str | None) -> None:
    """Build the gazetteer index from the bundled GeoNames data (done lazily on first use too)."""
    from fogofwar.gazetteer import build_index

    built = build_index(Path(path) if path else None)
    click.echo(f"gazetteer index written to {built}", err=True)


def _codes(value: str | None) -> set[str] | None:
    """ "FR,DE" -> {"FR", "DE"}; None when not given."""
    return {c.strip() for c in value.split(",") if c.strip()} if value else None


@gazetteer.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--alternate-names", type=click.Path(exists=True, dir_okay=False), default=None,
              help="GeoNames alternateNamesV2.txt or .zip: more names, former names included.")
@click.option("--countries", default=None, metavar="FR,DE", help="Keep only these ISO country codes.")
@click.option("--feature-classes", default=None, metavar="P,A,...",
              help="Keep every feature of these GeoNames classes (default: populated places and "
                   "conflict-relevant features).")
@click.option("--strict", is_flag=True, help="Stop at the first malformed line instead of skipping it.")
@click.option("--no-build", is_flag=True, help="Do not rebuild the index now (it is rebuilt on next use).")
def gazetteer_import(path: str, alternate_names: str | None, countries: str | None, feature_classes: str | None,
                     strict: bool, no_build: bool) -> None:
    """Import a GeoNames dump (allCountries.txt, FR.txt or FR.zip) into the gazetteer."""
    from fogofwar.gazetteer import build_index
    from fogofwar.gazetteer.importer import MalformedLine, import_geonames

    def progress(name: str, lines: int, done: int, total: int) -> None:
        share = f" ({100 * done / total:.0f}%)" if total else ""
        click.echo(f"{name}: {lines:,} lines{share}", err=True)

    try:
        report = import_geonames(path, alternate_names, countries=_codes(countries),
                                 feature_classes=_codes(feature_classes), strict=strict, progress=progress)
    except (MalformedLine, ValueError) as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"imported {report.kept:,} places ({report.filtered:,} filtered out, {report.malformed:,} "
               f"malformed lines skipped, {report.alternate_names:,} alternate names) into {report.output}",
               err=True)
    for error in report.errors:
        click.echo(f"  skipped {error}", err=True)
    if not no_build:
        click.echo(f"gazetteer index written to {build_index()}", err=True)


from fogofwar.cli_ledger import register  # noqa: E402 - the ledger commands join the main group

register(main)
