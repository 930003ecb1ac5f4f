"""Canonical names and sides of the mentions of one article.

People: a last-name mention ("Putin", "President Putin") links to the longest full-name mention
with that last name in the article ("Vladimir Putin"); the knowledge file's canonical name wins
over both. Unqualified institutions ("the Defence Ministry") link to the one qualified mention of
the same institution in the article ("Russia's Defence Ministry"). Places and demonyms take the
side of their state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from fogofwar.analyze.actors import ActorBook
from fogofwar.analyze.entities.matching import Mention

POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(slots=True)
class Item:
    """A mention being resolved: where it is, and what is known of it so far."""

    mention: Mention
    text: str
    role: str | None = None
    side: str | None = None
    canonical: str | None = None


def name_of(text: str) -> str:
    return POSSESSIVE.sub("", " ".join(text.split()))


def link_people(items: list[Item]) -> None:
    """Canonical names of PERSON mentions not in the knowledge file, and their shared role/side."""
    people = [it for it in items if it.mention.label == "PERSON" and it.mention.actor is None]
    full: dict[str, list[Item]] = {}  # last name -> full-name mentions, in text order
    for it in people:
        words = name_of(it.text).split()
        if len(words) >= 2:
            full.setdefault(words[-1].lower(), []).append(it)
    for it in people:
        name = name_of(it.text)
        words = name.split()
        group = full.get(words[-1].lower(), []) if words else []
        if len(words) >= 2:
            same = [g for g in group if name_of(g.text).split()[0].lower() == words[0].lower()]
            it.canonical = max((name_of(g.text) for g in same), key=len, default=name)
        elif group:
            before = [g for g in group if g.mention.start < it.mention.start]
            anchor = before[-1] if before else group[0]
            firsts = {name_of(g.text).split()[0].lower() for g in group}
            same = (
                [g for g in group if name_of(g.text).split()[0].lower() in firsts]
                if len(firsts) == 1
                else [anchor]
            )
            it.canonical = max((name_of(g.text) for g in same), key=len)
        else:
            it.canonical = name
    # A role or side said once by a full-name mention holds for every mention of that person
    # (a last name alone may be another person of the same name: "President Clinton").
    by_name: dict[str, list[Item]] = {}
    for it in people:
        by_name.setdefault(it.canonical or it.text, []).append(it)
    for group_items in by_name.values():
        full_items = [g for g in group_items if len(name_of(g.text).split()) >= 2]
        role = next((g.role for g in full_items if g.role), None)
        side = next((g.side for g in full_items if g.side), None)
        for g in group_items:
            g.role = g.role or role
            g.side = g.side or side


def link_institutions(items: list[Item], text: str, book: ActorBook) -> list[Item]:
    """Unqualified institution names take the canonical name of their qualified mention, or of
    the state an "its" points back to ("Moscow ... its foreign ministry"); a lower-case one
    that stays unresolved ("the emergency service" with no service named) is dropped."""
    kept: list[Item] = []
    for it in items:
        family = it.mention.family
        if family is None:
            kept.append(it)
            continue
        pattern = re.compile(re.escape(family).replace(re.escape("{state}"), ".+") + "$")
        qualified = [o for o in items if o.mention.canonical and pattern.match(o.mention.canonical)]
        names = {o.mention.canonical for o in qualified}
        if qualified:
            before = [o for o in qualified if o.mention.start < it.mention.start]
            anchor = before[-1] if len(names) > 1 and before else qualified[0]
            it.canonical, it.side = anchor.mention.canonical, anchor.mention.side
        elif re.search(r"\bits\s+$", text[max(0, it.mention.start - 6) : it.mention.start]):
            states = [
                book.state_of(name_of(o.text))
                for o in items
                if o.mention.label == "GPE" and o.mention.end <= it.mention.start
            ]
            state = next((s for s in reversed(states) if s is not None), None)
            if state is None:
                continue
            it.canonical, it.side = family.format(state=state.display), state.side
        elif it.text[:1].isupper():
            it.canonical = name_of(it.text)
        else:
            continue
        kept.append(it)
    return kept


def state_side(items: list[Item], book: ActorBook) -> None:
    """Canonical and side of places, demonyms and plain organisations named after a state."""
    for it in items:
        label = it.mention.label
        if it.canonical is not None or it.mention.canonical is not None:
            continue
        name = name_of(it.text)
        if label in ("GPE", "NORP"):
            name = re.sub(r"^(?i:pro)-", "", name) if label == "NORP" else name
            state = book.state_of(name) or (book.state_of(name[:-1]) if name.endswith("s") else None)
            if state is not None:
                it.side = it.side or state.side
                if label == "GPE" and name.lower() in {n.lower() for n in state.names}:
                    name = state.name
            name = name_of(it.text) if label == "NORP" else name
        elif label in ("ORG", "MILITARY_UNIT"):
            first = it.text.split()[0] if it.text.split() else ""
            state = book.state_of(POSSESSIVE.sub("", first)) if len(it.text.split()) > 1 else None
            if state is not None:
                it.side = it.side or state.side
        it.canonical = name


def finalize(items: list[Item]) -> list[Item]:
    for it in items:
        if it.canonical is None:
            it.canonical = it.mention.canonical or name_of(it.text)
        if it.side is None:
            it.side = it.mention.side
    return items


def with_label(mention: Mention, label: str) -> Mention:
    return replace(mention, label=label)
