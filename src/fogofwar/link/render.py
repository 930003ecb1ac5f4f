"""Stories for people: a table of stories, and one story's timeline, origins and contradictions."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from fogofwar.link.model import Story

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


def story_view(story: Story) -> Group:
    """The story's heading, its status over time, its origins by side, its contradictions."""
    head = Text(f"{story.id}: {story.sub_event_type or 'story'} at {_where(story) or '?'} on {_when(story) or '?'}"
                f" - {story.status}, {story.independent_sources} independent sources, "
                f"{len(story.articles)} articles", style="bold")  # fmt: skip
    timeline = Table(title="timeline")
    for column in ("date", "status", "article"):
        timeline.add_column(column)
    for t in story.timeline:
        timeline.add_row(escape(t.date or ""), escape(t.status), escape(t.article))
    origins = Table(title="origins by side")
    for column in ("side", "origin", "type", "articles"):
        origins.add_column(column, overflow="fold")
    ordered = sorted(story.origins, key=lambda o: (SIDE_ORDER.index(o.side) if o.side in SIDE_ORDER else 9, o.name))
    for o in ordered:
        origins.add_row(escape(o.side), escape(o.name), escape(o.type), escape(", ".join(o.articles)))
    parts: list[Text | Table] = [head, timeline, origins]
    if story.contradictions:
        pairs = Table(title="contradictions")
        pairs.add_column("claim")
        pairs.add_column("contradicts")
        for a, b in story.contradictions:
            pairs.add_row(escape(a), escape(b))
        parts.append(pairs)
    else:
        parts.append(Text("no contradictions"))
    return Group(*parts)


def print_renderable(renderable: Table | Group, wide: bool) -> None:
    Console(width=None if wide else 200).print(renderable)
