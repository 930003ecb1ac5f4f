"""Anchors: the place a reporter names to say which namesake is meant.

"Andriivka, south of Bakhmut", "Pryluky (northwest of Hulyaipole)", "Novoselivka in the Kramatorsk
district", "Robotyne, Zaporizhzhia region", "Macon, Ga.": the second place pins the first. A mention
so anchored is a place (whatever NER called it), and its candidates near the anchor, or inside the
region or district it names, are preferred.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fogofwar.analyze.places.detect import Mention

_DIR = r"(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?"
_DIST = (r"(?:(?:about|some|roughly|around|nearly)\s+)?\d+(?:[.,]\d+)?\s*(?:-\s*)?"
         r"(?:km|kilometers|kilometres|miles|mi)\s+")
# Words between a place and the place that locates it ("X, 10 km south-west of Y", "X near Y").
_RELATIVE = (rf"(?:{_DIST}(?:to the\s+)?)?(?:{_DIR})\s+of|near(?:by)?|outside(?:\s+of)?|close\s+to|next\s+to"
             r"|not\s+far\s+from|on\s+the\s+outskirts\s+of|on\s+the\s+approaches\s+to|(?:a|the)\s+suburb\s+of"
             r"|on\s+the\s+(?:left|right|east|west|eastern|western|northern|southern)\s+bank\s+of"
             r"|across\s+the\s+\w+\s+from|in\s+the\s+direction\s+of|toward(?:s)?")
# The gap between a mention and its anchor, when the anchor is any place.
RELATIVE_GAP = re.compile(rf"^\s*[,(]?\s*(?:{_RELATIVE})\s+(?:the\s+)?$", re.IGNORECASE)
# The gap when the anchor must be a region, district or country ("X, Y region", "X in the Y district").
CONTAINER_GAP = re.compile(r"^\s*(?:[,(]|,?\s*in(?:\s+the)?|,?\s*of\s+the)?\s*(?:occupied\s+)?$", re.IGNORECASE)
# Right after a name: does an anchor phrase follow? (decides detection before mentions are linked)
_AFTER = re.compile(
    rf"\s*[,(]?\s*(?:(?:{_RELATIVE})\s+(?:the\s+)?[A-Z]"
    r"|(?:in\s+(?:the\s+)?)?(?:occupied\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:region|oblast|province|district|raion|rayon)\b"
    r"|in\s+the\s+(?:Donetsk|Luhansk|Lugansk)\s+People)",
)
# Names of the self-proclaimed republics: actors, never places, but they say which oblast is meant.
_REPUBLIC = re.compile(r"\s*,?\s*in\s+the\s+(?:self-proclaimed\s+)?(Donetsk|Luhansk|Lugansk)\s+People['’]s\s+Republic")
_REPUBLIC_OBLAST = {"donetsk": "Donetsk Oblast", "luhansk": "Luhansk Oblast", "lugansk": "Luhansk Oblast"}
CONTAINER_CODES = frozenset({"ADM1", "ADM2", "ADM3", "PCLI", "RGN"})


def anchor_follows(text: str, end: int) -> bool:
    """Whether an anchor phrase follows the name ending at ``end``."""
    return _AFTER.match(text, end) is not None


def _is_container(m: Mention) -> bool:
    if m.kind_hint in ("region", "district"):
        return True
    return bool(m.candidates) and all(e.feature_code in CONTAINER_CODES for e in m.candidates[:3]) or any(
        e.feature_code in ("ADM1", "PCLI") and e.population >= 100_000 for e in m.candidates)


def link_anchors(text: str, mentions: Sequence[Mention]) -> None:
    """Set ``anchor`` (and ``anchor_admin1``) on mentions that a following phrase locates."""
    for n, m in enumerate(mentions):
        republic = _REPUBLIC.match(text, m.end)
        if republic is not None:
            m.anchor_admin1 = _REPUBLIC_OBLAST[republic.group(1).lower()]
            continue
        if n + 1 >= len(mentions):
            continue
        nxt = mentions[n + 1]
        gap = text[m.end : nxt.start]
        if len(gap) > 60 or nxt is m.parent:
            continue
        if RELATIVE_GAP.match(gap) or (CONTAINER_GAP.match(gap) and _is_container(nxt)):
            m.anchor = nxt
