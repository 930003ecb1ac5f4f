"""The ledger's commands: ingest, claims, events, places, export, link, stories, story. Thin:
options in, library out.

``fogofwar.cli`` registers the click commands of this module on the main group.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from fogofwar.schema import (
    CLAIM_STATUSES,
    EVENT_CONTEXTS,
    EVENT_TYPES,
    SIDES,
    SOURCE_KINDS,
    SUB_EVENT_TYPES,
    AnalysisError,
    Article,
)

if TYPE_CHECKING:
    from fogofwar.store import SqlStore

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_DB = "fogofwar.db"


def db_option(f: F) -> F:
    return click.option(
        "--db",
        default=DEFAULT_DB,
        envvar="FOGOFWAR_DB",
        show_default=True,
        metavar="PATH|URL",
        help="The ledger: an SQLite file or a database URL (default: $FOGOFWAR_DB or ./fogofwar.db).",
    )(f)


def _open(db: str, create: bool) -> SqlStore:
    # The store (SQLAlchemy, Alembic) is imported here, not at module load, so that commands
    # that never touch the ledger, such as `analyze`, start fast.
    from fogofwar.store import StoreError, open_store

    try:
        return open_store(db, create=create)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None


def _choice(values: tuple[str, ...]) -> click.Choice[str]:
    return click.Choice(values, case_sensitive=False)


DAY = click.DateTime(formats=["%Y-%m-%d"])


# ingest


def analyse_inputs(
    paths: list[str],
    model: str | None,
    batch_size: int,
    overrides: dict[str, str | None] | None = None,
    skip: Callable[[Article], Any] | None = None,
) -> Iterator[Any]:
    """Read and analyse the inputs; an article over the size limit becomes an error record.
    ``overrides`` (published, outlet, url) apply to the article files read. ``skip(article)``
    returns a record to pass on instead of analysing the article (an input already stored
    unchanged), or None. The model loads when the first article needs it, so that a repeated
    ingest of stored pages never loads it; a missing model is a RuntimeError then."""
    from fogofwar.analyze import Analyzer
    from fogofwar.analyze.batch import analyze_records
    from fogofwar.analyze.pipeline import MAX_CHARS
    from fogofwar.ingest import read_inputs

    analyzer = Analyzer(model=model)
    loaded: list[bool] = []

    def checked() -> Iterator[Any]:
        for record in read_inputs(paths, overrides):
            if isinstance(record, AnalysisError):
                yield record
            elif len(record.text) > MAX_CHARS:
                yield AnalysisError(
                    record.id, f"article has {len(record.text):,} characters; the limit is {MAX_CHARS:,}"
                )
            else:
                known = skip(record) if skip is not None else None
                if known is None and not loaded:
                    analyzer.load()  # here, not inside a batch, so that a missing model is one error
                    loaded.append(True)
                yield known if known is not None else record

    return analyze_records(analyzer, checked(), batch_size)


@click.command("ingest")
@db_option
@click.argument("inputs", nargs=-1, required=True, metavar="IN...")
@click.option(
    "--analyses",
    "from_analyses",
    is_flag=True,
    help="IN are JSON lines of analyses (from `fogofwar analyze --jsonl` or `export --format jsonl`): "
    "store them without analysing again.",
)
@click.option("--model", default=None, help="spaCy model to load instead of the pipeline config's.")
@click.option("--batch-size", default=16, show_default=True, help="Articles per spaCy batch.")
@click.option("--quiet", "-q", is_flag=True, help="Do not list the inputs that failed.")
@click.option("--no-link", is_flag=True, help="Store only; link the new articles into stories later (`link`).")
@click.option("--published", default=None, metavar="DATE",
              help="Publication date of the article files read (not JSONL lines); any form `analyze` reads.")
@click.option("--outlet", default=None, help="Outlet of the article files read (not JSONL lines).")
@click.option("--url", default=None, help="URL of the article, with one article file as IN.")
@click.option("--reanalyse", is_flag=True,
              help="Analyse every input again, even one stored unchanged (after a change of fogofwar).")
def ingest(
    db: str, inputs: tuple[str, ...], from_analyses: bool, model: str | None, batch_size: int, quiet: bool,
    no_link: bool, published: str | None, outlet: str | None, url: str | None, reanalyse: bool,
) -> None:
    """Analyse articles (IN: .jsonl, .txt, .md, .html, .json files or folders; - for JSONL on stdin)
    and store them in the ledger. Running it twice changes nothing: an input stored unchanged (same
    text, url, id, date, title and outlet) is recognised by its hash before analysis and skipped."""
    from fogofwar.ingest import JSONL_SUFFIXES
    from fogofwar.store import find_known
    from fogofwar.store import ingest as store_ingest
    from fogofwar.store.jsonl import read_analyses

    overrides = {k: v for k, v in (("published", published), ("outlet", outlet), ("url", url)) if v is not None}
    if overrides and from_analyses:
        raise click.UsageError("--published, --outlet and --url go with article files, not with --analyses")
    if url is not None and (len(inputs) != 1 or inputs[0] == "-" or Path(inputs[0]).is_dir()
                            or Path(inputs[0]).suffix.lower() in JSONL_SUFFIXES):
        raise click.UsageError("--url names one article: give exactly one article file as IN")
    store = _open(db, create=True)
    if from_analyses:
        records: Iterator[Any] = read_analyses(list(inputs))
    else:
        skip = None if reanalyse else (lambda article: find_known(store, article))
        records = analyse_inputs(list(inputs), model, batch_size, overrides, skip)
    warnings: list[tuple[str, str]] = []

    def noted(items: Iterator[Any]) -> Iterator[Any]:
        for item in items:
            warnings.extend((item.id, w) for w in getattr(item, "warnings", ()) or ())
            yield item

    try:
        with _Progress() as advance:
            report = store_ingest(store, noted(records), on_item=advance)
        if not no_link and report.stored:
            from fogofwar.store.links import link_pending

            click.echo(f"{db}: {link_pending(store).summary()}")
    except (ImportError, RuntimeError) as exc:  # the model, loaded when first needed
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    if not quiet:
        for error in report.errors:
            click.echo(f"error: {error.id}: {error.message}", err=True)
        for article_id, warning in warnings:
            click.echo(f"warning: {article_id}: {warning}", err=True)
    click.echo(f"{db}: {report.summary()}")
    if report.stored == 0 and report.errors:
        raise click.ClickException("nothing could be stored")


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


class _Progress:
    """A rich progress display on stderr when stderr is a terminal; a no-op otherwise."""

    def __enter__(self) -> Callable[[str, str], None]:
        self._bar: Any = None
        if not _stderr_is_terminal():
            return lambda _id, _outcome: None
        from rich.console import Console
        from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._bar = Progress(
            SpinnerColumn(), TextColumn("ingesting {task.description}"), MofNCompleteColumn(),
            TimeElapsedColumn(), console=Console(stderr=True), transient=True,
        )  # fmt: skip
        self._bar.start()
        task = self._bar.add_task("", total=None)

        def advance(item_id: str, outcome: str) -> None:
            self._bar.update(task, advance=1, description=f"{item_id} ({outcome})")

        return advance

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


# queries


def _emit_json(items: list[Any]) -> None:
    for item in items:
        click.echo(json.dumps(item.to_dict(), ensure_ascii=False))


def _table(title: str, columns: list[str], rows: list[list[str]]) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for column in columns:
        wide = column in ("content", "actors", "source", "admin1", "evidence")
        table.add_column(column, overflow="fold", no_wrap=not wide)
    for row in rows:
        table.add_row(*(escape(cell) for cell in row))
    # A pipe gets a wide table rather than rich's 80 columns.
    Console(width=None if sys.stdout.isatty() else 200).print(table)


def _s(value: Any) -> str:
    return "" if value is None else str(value)


def _clip(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _query(fn: Callable[..., Any], db: str, **filters: Any) -> Any:
    store = _open(db, create=False)
    try:
        return fn(store, **filters)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()


def all_contexts_option(f: F) -> F:
    return click.option(
        "--all-contexts",
        is_flag=True,
        help="Every event, whatever its context, background included (by default only events that "
        "happened, told as news).",
    )(f)


def _context_cell(event: Any) -> str:
    return f"{event.context} (background)" if event.background else event.context


def _common_filters(f: F) -> F:
    for option in reversed((
        click.option("--place", help="A place name or mention, any case (e.g. Siversk)."),
        click.option("--since", type=DAY, help="From this date (YYYY-MM-DD)."),
        click.option("--until", type=DAY, help="Up to this date (YYYY-MM-DD), inclusive."),
        click.option("--side", type=_choice(SIDES)),
    )):  # fmt: skip
        f = option(f)
    return f


@click.command("claims")
@db_option
@_common_filters
@click.option("--source-kind", type=_choice(SOURCE_KINDS))
@click.option("--status", type=_choice(CLAIM_STATUSES))
@click.option("--article", help="Only this article's claims (its id).")
@click.option("--limit", type=click.IntRange(min=1))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def claims(db: str, place: str | None, since: dt.datetime | None, until: dt.datetime | None,
           side: str | None, source_kind: str | None, status: str | None, article: str | None,
           limit: int | None, as_json: bool) -> None:  # fmt: skip
    """Claims in the ledger: who said what, how, how sure. Dates are publication dates; --side is
    the source's side; --place finds claims that mention the place or back an event there."""
    from fogofwar.store import list_claims

    hits = _query(list_claims, db, place=place, since=_day(since), until=_day(until), side=side,
                  source_kind=source_kind, status=status, article=article, limit=limit)  # fmt: skip
    if as_json:
        _emit_json(hits)
        return
    rows = []
    for h in hits:
        c, s = h.claim, h.claim.source
        who = (s.canonical or s.text) if s else "(the article)"
        rows.append([c.id, _s(h.article.published), _clip(who, 40), s.kind if s else "", s.side if s else "",
                     c.status, c.type, _clip(c.content.text)])  # fmt: skip
    _table(f"{len(hits)} claims", ["id", "published", "source", "kind", "side", "status", "type", "content"],
           rows)  # fmt: skip


@click.command("events")
@db_option
@_common_filters
@click.option("--event-type", type=_choice(EVENT_TYPES))
@click.option("--sub-event-type", type=_choice(SUB_EVENT_TYPES))
@click.option("--context", type=_choice(EVENT_CONTEXTS),
              help="Only events of this context (background ones too with --all-contexts).")  # fmt: skip
@all_contexts_option
@click.option("--limit", type=click.IntRange(min=1))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def events(db: str, place: str | None, since: dt.datetime | None, until: dt.datetime | None,
           side: str | None, event_type: str | None, sub_event_type: str | None, context: str | None,
           all_contexts: bool, limit: int | None, as_json: bool) -> None:  # fmt: skip
    """Events in the ledger (ACLED types): those that happened, told as news, unless --all-contexts.
    Dates are the event's own (the publication date when it has none); --side is an actor's side."""
    from fogofwar.store import list_events

    if not all_contexts:  # what happened, told as news
        context = context or "happened"
    hits = _query(list_events, db, place=place, since=_day(since), until=_day(until), side=side,
                  event_type=event_type, sub_event_type=sub_event_type, context=context,
                  background=None if all_contexts else False, limit=limit)  # fmt: skip
    if as_json:
        _emit_json(hits)
        return
    rows = []
    for h in hits:
        e = h.event
        where = (e.place.name or e.place.text) if e.place else ""
        when = (e.date.value or e.date.text) if e.date else f"({_s(h.article.published)})"
        actors = "; ".join(f"{a.canonical or a.text} [{a.side}]" for a in e.actors)
        rows.append([e.id, _s(when), e.sub_event_type, where, _clip(actors, 60), _context_cell(e),
                     _s(e.fatalities), f"{e.score:.2f}", _clip(e.evidence.text if e.evidence else "", 80)])  # fmt: skip
    title = f"{len(hits)} events" + ("" if all_contexts else " (happened; --all-contexts for the rest)")
    _table(title, ["id", "date", "sub-event type", "place", "actors", "context", "fatalities", "score",
                   "evidence"], rows)  # fmt: skip


@click.command("places")
@db_option
@click.option("--place", help="A place name or mention, any case.")
@click.option("--country", help="An ISO code (UA, UKR) or a country name.")
@click.option("--since", type=DAY, help="Mentions in articles published from this date.")
@click.option("--until", type=DAY, help="Mentions in articles published up to this date.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def places(db: str, place: str | None, country: str | None, since: dt.datetime | None,
           until: dt.datetime | None, as_json: bool) -> None:  # fmt: skip
    """Places in the ledger, most mentioned first, with their mentions, articles and events."""
    from fogofwar.store import list_places

    found = _query(list_places, db, place=place, country=country, since=_day(since), until=_day(until))
    if as_json:
        _emit_json(found)
        return
    rows = [[p.name, _s(p.country_code), _s(p.admin1), _s(p.lat), _s(p.lon), _s(p.geonameid),
             str(p.mentions), str(p.articles), str(p.events)] for p in found]  # fmt: skip
    _table(f"{len(found)} places", ["place", "country", "admin1", "lat", "lon", "geonameid", "mentions",
                                    "articles", "events"], rows)  # fmt: skip


@click.command("export")
@db_option
@click.option("--format", "fmt", type=_choice(("jsonl", "csv", "geojson")), required=True,
              help="jsonl: every analysis; csv: events with ACLED's columns first (or claims); "
              "geojson: events and places with coordinates.")  # fmt: skip
@click.option("--out", default="-", show_default=True, metavar="PATH|-", help="Where to write; - is stdout.")
@click.option("--what", type=_choice(("events", "claims", "places", "all", "analyses")),
              help="csv: events (default) or claims; geojson: all (default), events or places.")  # fmt: skip
@all_contexts_option
def export(db: str, fmt: str, out: str, what: str | None, all_contexts: bool) -> None:
    """Write the ledger as JSON lines, CSV or GeoJSON. Events (csv, geojson) are those that happened,
    told as news, unless --all-contexts; each carries its context."""
    from fogofwar.export import export as run_export

    if out != "-" and Path(out).is_dir():
        raise click.ClickException(f"--out {out} is a directory; give a file path or -")
    if out != "-" and not Path(out).parent.exists():
        raise click.ClickException(f"--out {out}: folder {Path(out).parent} does not exist")
    store = _open(db, create=False)
    try:
        n = run_export(store, fmt, out, what, all_contexts=all_contexts)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    click.echo(f"exported {n} records as {fmt} to {'stdout' if out == '-' else out}", err=True)


# stories


@click.command("link")
@db_option
@click.option("--rebuild", is_flag=True, help="Forget every story and link all stored articles again.")
def link(db: str, rebuild: bool) -> None:
    """Link the stored articles into stories (those not linked yet; all of them with --rebuild)."""
    from fogofwar.store.links import link_pending

    click.echo(f"{db}: {_query(link_pending, db, rebuild=rebuild).summary()}")


@click.command("stories")
@db_option
@click.option("--status", type=_choice(("claimed", "corroborated", "contested", "confirmed", "refuted")))
@click.option("--place", help="The story's place name, any case (e.g. Siversk).")
@click.option("--since", type=DAY, help="Stories of this day or later (YYYY-MM-DD).")
@click.option("--until", type=DAY, help="Stories up to this day, inclusive.")
@click.option("--limit", type=click.IntRange(min=1))
@click.option("--all-contexts", is_flag=True,
              help="Every story (by default only those with an event that happened, told as news).")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line (the contract's story).")
def stories(db: str, status: str | None, place: str | None, since: dt.datetime | None, until: dt.datetime | None,
            limit: int | None, all_contexts: bool, as_json: bool) -> None:  # fmt: skip
    """Stories: one happening across articles, its independent sources, contradictions and status.
    Only stories with an event that happened (not background) unless --all-contexts."""
    from fogofwar.store.links import list_stories

    found = _query(list_stories, db, status=status, place=place, since=_day(since), until=_day(until), limit=limit,
                   happened_only=not all_contexts)  # fmt: skip
    if as_json:
        _emit_json(found)
        return
    from fogofwar.link.render import print_renderable, stories_table

    print_renderable(stories_table(found), sys.stdout.isatty())


@click.command("story")
@db_option
@click.argument("story_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="The story as one JSON object.")
def story(db: str, story_id: str, as_json: bool) -> None:
    """One story, explained: why its status (the claims that moved it, with source, side and date),
    each origin with its claims, the contradictions as text, the articles with their outlets."""
    from fogofwar.store.links import get_story, story_details

    found = _query(get_story, db, sid=story_id)
    if found is None:
        raise click.ClickException(f"no story {story_id} in {db}; list them with `fogofwar stories`")
    if as_json:
        _emit_json([found])
        return
    from fogofwar.link.render import print_renderable, story_view

    claims, articles = _query(story_details, db, story=found)
    print_renderable(story_view(found, claims, articles), sys.stdout.isatty())


COMMANDS = (ingest, claims, events, places, export, link, stories, story)


def register(group: click.Group) -> None:
    """Add the ledger's commands to a click group."""
    for command in COMMANDS:
        group.add_command(command)
