"""The main job on the bundled sample: analyse every article, store the ledger, link the stories,
print a summary."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from fogofwar.schema import Analysis, AnalysisError

if TYPE_CHECKING:
    from fogofwar.store import SqlStore


def _clip(text: str, width: int = 90) -> str:
    """One line of article text, shortened, with rich's markup characters escaped."""
    text = " ".join(text.split())
    return escape(text if len(text) <= width else text[: width - 1] + "…")


def summarize(analysis: Analysis, console: Console) -> None:
    """A readable account of one article's claims, events and places."""
    title = _clip(analysis.title or analysis.id)
    meta = _clip(f"{analysis.id}, {analysis.outlet or 'no outlet'}, {analysis.published or 'undated'}")
    console.rule(f"[bold]{title}[/bold]  [dim]({meta})")
    if analysis.events:
        table = Table(
            "event", "where", "when", "actors", "context / territory", box=None, header_style="bold cyan"
        )
        for ev in analysis.events:
            where = "?"
            if ev.place is not None and ev.place.lat is not None and ev.place.lon is not None:
                where = _clip(f"{ev.place.name} ({ev.place.lat:.2f}, {ev.place.lon:.2f})")
            when = ev.date.value if ev.date and ev.date.value else "?"
            actors = _clip(", ".join(f"{a.canonical or a.text} ({a.side})" for a in ev.actors)) or "?"
            status = ev.context + (f" / {ev.territory_change.status}" if ev.territory_change else "")
            fatal = f", {ev.fatalities} killed" if ev.fatalities else ""
            table.add_row(f"{ev.sub_event_type}{fatal}", where, when, actors, status)
        console.print(table)
    attributed = [c for c in analysis.claims if c.source is not None]
    if attributed:
        table = Table("source", "kind / side", "cue", "status", "what", box=None, header_style="bold magenta")
        for claim in attributed:
            assert claim.source is not None
            table.add_row(
                _clip(claim.source.canonical or claim.source.text),
                f"{claim.source.kind} / {claim.source.side}",
                _clip(claim.cue.text) if claim.cue else "",
                claim.status,
                _clip(claim.content.text, 70),
            )
        console.print(table)
    authored = sum(1 for c in analysis.claims if c.source is None)
    resolved = {(p.name, p.geonameid) for p in analysis.places if p.geonameid is not None}
    places = escape(", ".join(sorted(f"{name} ({gid})" for name, gid in resolved)) or "none")
    console.print(f"[dim]places:[/dim] {places}")
    cues = len(analysis.uncertainty_cues)
    console.print(f"[dim]{authored} claims in the article's own voice; {cues} uncertainty cues[/dim]")


def run_demo(db: Path, console: Console | None = None, articles_dir: Path | None = None) -> int:
    """Analyse the sample (or a folder of articles), store it in ``db``, print a summary."""
    from fogofwar.analyze import Analyzer
    from fogofwar.analyze.batch import analyze_records
    from fogofwar.ingest import read_inputs
    from fogofwar.sample import sample_articles
    from fogofwar.store import ingest, open_store

    console = console or Console()
    records: Sequence = list(read_inputs([str(articles_dir)])) if articles_dir else sample_articles()
    with console.status("loading the model and the gazetteer"):
        analyzer = Analyzer().load()
    results = list(analyze_records(analyzer, records))
    for result in results:
        if isinstance(result, AnalysisError):
            console.print(f"[red]{escape(result.id)}: {escape(result.error)}[/red]")
        else:
            summarize(result, console)
    store = open_store(db)
    report = ingest(store, results)
    ok = [r for r in results if isinstance(r, Analysis)]
    console.rule("[bold]ledger")
    console.print(
        f"{len(ok)} articles analysed: {sum(len(a.claims) for a in ok)} claims, "
        f"{sum(len(a.events) for a in ok)} events, {sum(len(a.places) for a in ok)} place mentions"
    )
    where = escape(str(db))
    console.print(f"stored in {where}: {escape(str(report))}")
    show_stories(store, console)
    console.print(f"next: fogofwar stories --db {where}   fogofwar events --db {where}   "
                  f"fogofwar claims --db {where} --side russia")  # fmt: skip
    return 0 if ok else 1


def show_stories(store: SqlStore, console: Console) -> None:
    """Link the stored articles into stories and print those that more than one article reports."""
    from fogofwar.store.links import link_pending, list_stories

    linked = link_pending(store)
    console.rule("[bold]stories across articles")
    console.print(escape(linked.summary()))
    shared = [s for s in list_stories(store) if len(s.articles) > 1]
    for story in shared:
        place = (story.place or {}).get("name") or "?"
        day = (story.date or {}).get("value") or "?"
        sides = ", ".join(sorted({o.side for o in story.origins})) or "none"
        console.print(
            f"[bold]{escape(story.status)}[/bold] {escape(story.sub_event_type or 'claim')} · "
            f"{escape(place)} · {escape(day)} · {len(story.articles)} articles, "
            f"{story.independent_sources} independent sources ({escape(sides)}), "
            f"{len(story.contradictions)} contradictions"
        )
