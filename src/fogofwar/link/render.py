"""Stories for people: a table of stories, and one story's timeline, origins and contradictions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from fogofwar.link.model import Story

if TYPE_CHECKING:
    from fogofwar.store.links import ArticleInfo, ClaimText

SIDE_ORDER = ("russia", "ukraine", "other_state", "international", "independent", "unknown")


def _where(story: Story) -> str:
    place = story.place or {}
    return str(place.get("name") or "")


def _when(story: Story) -> str:
    return str((story.date or {}).get("value") or "")


def stories_table(stories: Sequence[Story]) -> Table:
    table = Table(title=f"{len(stories)} stories")
    for column in ("id", "date", "place", "sub-event type", "status", "sources", "articles", "contradictions"):
        table.add_column(column, no_wrap=column not in ("place", "sub-event type"))
    for s in stories:
        table.add_row(*(escape(c) for c in (
            s.id, _when(s), _where(s), s.sub_event_type or "", s.status, str(s.independent_sources),
            str(len(s.articles)), str(len(s.contradictions)))))  # fmt: skip
    return table


def _said(c: ClaimText) -> str:
    who = f"{c.source} ({c.side or 'unknown'})" if c.source else "the article"
    return f"{who}, {c.published or 'undated'}, {c.status}: {c.content}"


def story_view(story: Story, claims: Mapping[str, ClaimText] | None = None,
               articles: Mapping[str, ArticleInfo] | None = None) -> Group:  # fmt: skip
    """The story's heading; why it has its status (each change with the claims of the article that
    made it); its origins by side, each with its claims; its contradictions as text; its articles.
    ``claims`` and ``articles`` (from the ledger) give the texts; without them ids are shown."""
    claims = claims or {}
    articles = articles or {}
    head = Text(f"{story.id}: {story.sub_event_type or 'story'} at {_where(story) or '?'} on {_when(story) or '?'}"
                f" - {story.status}, {story.independent_sources} independent sources, "
                f"{len(story.articles)} articles", style="bold")  # fmt: skip
    timeline = Table(title=f"why {story.status}: the status after each article that changed it")
    for column in ("date", "status", "article", "its claims in the story"):
        timeline.add_column(column, overflow="fold")
    for t in story.timeline:
        said = [_said(claims[c]) for c in story.claims if c in claims and claims[c].article == t.article]
        timeline.add_row(escape(t.date or ""), escape(t.status), escape(t.article), escape("\n".join(said)))
    origins = Table(title="origins by side")
    for column in ("side", "origin", "type", "articles", "claims"):
        origins.add_column(column, overflow="fold")
    ordered = sorted(story.origins, key=lambda o: (SIDE_ORDER.index(o.side) if o.side in SIDE_ORDER else 9, o.name))
    for o in ordered:
        own = [c for c in (claims[c] for c in story.claims if c in claims)
               if c.article in o.articles and (c.source or "").lower() == o.name.lower()]  # fmt: skip
        origins.add_row(escape(o.side), escape(o.name), escape(o.type), escape(", ".join(o.articles)),
                        escape("\n".join(f"{c.status}: {c.content}" for c in own)))
    parts: list[Text | Table] = [head, timeline, origins]
    if story.contradictions:
        pairs = Table(title="contradictions")
        pairs.add_column("claim", overflow="fold")
        pairs.add_column("contradicts", overflow="fold")
        for a, b in story.contradictions:
            pairs.add_row(*(escape(_said(claims[x]) + f" [{x}]" if x in claims else x) for x in (a, b)))
        parts.append(pairs)
    else:
        parts.append(Text("no contradictions"))
    listed = Table(title="articles")
    for column in ("article", "outlet", "published", "title"):
        listed.add_column(column, overflow="fold")
    for aid in story.articles:
        info = articles.get(aid)
        listed.add_row(escape(aid), escape((info.outlet if info else None) or ""),
                       escape((info.published if info else None) or ""), escape((info.title if info else None) or ""))
    parts.append(listed)
    return Group(*parts)


def print_renderable(renderable: Table | Group, wide: bool) -> None:
    Console(width=None if wide else 200).print(renderable)
