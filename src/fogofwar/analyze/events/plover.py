"""PLOVER beside ACLED: each event's PLOVER category and mode, from ``data/events_plover.tsv``.

The table maps an ACLED sub-event type to a PLOVER category (ASSAULT, PROTEST, COERCE, RETREAT,
AGREE, MOBILIZE ...) and mode (heavy-weapons, explosives, demo, riot, arrest ...); a row may be
refined by the trigger class or the kind of agreement (a ceasefire is RETREAT/ceasefire, a
prisoner exchange RETREAT/release, other agreements AGREE). Types PLOVER has no category for
(air-defence interceptions, ACLED's "Other") get no PLOVER reading.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from fogofwar.analyze.events.lexicon import DATA, _rows
from fogofwar.schema import PLOVER_MODES, PLOVER_TYPES, SUB_EVENT_TYPES, Plover

PLOVER_FILE = DATA / "events_plover.tsv"


@cache
def _table() -> tuple[tuple[str, str, Plover | None], ...]:
    rows = []
    for sub, refine, kind, mode in (r[:4] for r in _rows(PLOVER_FILE, 4)):
        if sub not in SUB_EVENT_TYPES:
            raise ValueError(f"{PLOVER_FILE}: {sub!r} is not an ACLED sub-event type")
        if kind != "-" and kind not in PLOVER_TYPES:
            raise ValueError(f"{PLOVER_FILE}: {kind!r} is not a PLOVER category; allowed: {PLOVER_TYPES}")
        if mode != "-" and mode not in PLOVER_MODES:
            raise ValueError(f"{PLOVER_FILE}: {mode!r} is not a known PLOVER mode; allowed: {PLOVER_MODES}")
        plover = None if kind == "-" else Plover(kind, None if mode == "-" else mode)
        rows.append((sub, refine, plover))
    return tuple(rows)


def plover_of(sub_event_type: str, refiners: Iterable[str] = ()) -> Plover | None:
    """The PLOVER reading of an ACLED sub-event type; ``refiners`` are the trigger classes and
    agreement kinds of the event's mentions."""
    have = set(refiners)
    for sub, refine, plover in _table():
        if sub == sub_event_type and (refine == "*" or refine in have):
            return plover
    return None
