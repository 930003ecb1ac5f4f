"""The evidence of an anchor for a candidate: how well it sits where the reporter says it is."""

from __future__ import annotations

import math
from collections.abc import Sequence

from fogofwar.analyze.places.detect import Mention
from fogofwar.gazetteer.base import GazetteerEntry, distance_km

RELATIVE_WEIGHT = 3.0  # "X, south of Y": a candidate at Y's edge
ADMIN1_WEIGHT = 2.5  # "X, Y region": a candidate inside the oblast or state
ADMIN2_WEIGHT = 3.0  # "X in the Y district": a candidate inside the raion
COUNTRY_WEIGHT = 0.8  # "X, France"
SCALE_KM = 40.0
NEAR_KM = 15.0  # "south of Bakhmut" spans the villages within a short drive: all alike


def _distance_km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    return distance_km(a.lat, a.lon, b.lat, b.lon)


def _inside(e: GazetteerEntry, where: GazetteerEntry, hint: str | None) -> float:
    """The bonus for ``e`` being inside the unit ``where`` (a country, oblast, raion, or the raion
    or oblast of a town read as "the Y district" / "the Y region")."""
    if not e.country_code or e.country_code != where.country_code or e is where:
        return 0.0
    code = where.feature_code
    if code == "PCLI":
        return COUNTRY_WEIGHT
    same_admin1 = bool(where.admin1_code) and e.admin1_code == where.admin1_code
    if code == "ADM1" or (hint == "region" and where.feature_class == "P"):
        return ADMIN1_WEIGHT if same_admin1 else 0.0
    if code in ("ADM2", "ADM3") or (hint == "district" and where.feature_class == "P"):
        if same_admin1 and where.admin2 and e.admin2 == where.admin2:
            return ADMIN2_WEIGHT
        return 0.6 if same_admin1 else 0.0
    return 0.0


def located_bonus(e: GazetteerEntry, mentions: Sequence[Mention],
                  choice_of: dict[int, GazetteerEntry | None]) -> float:
    """The largest anchor bonus any mention of the group gives candidate ``e``."""
    best = 0.0
    for m in mentions:
        if m.anchor_admin1 is not None and e.admin1 == m.anchor_admin1:
            best = max(best, ADMIN1_WEIGHT)
        anchor = m.anchor
        if anchor is None:
            continue
        where = choice_of.get(id(anchor))
        if where is None:
            continue
        inside = _inside(e, where, anchor.kind_hint)
        if inside:
            best = max(best, inside)
        elif where.feature_class != "A" and anchor.kind_hint not in ("region", "district"):
            gap = max(0.0, _distance_km(e, where) - where.radius_km - NEAR_KM)
            best = max(best, RELATIVE_WEIGHT * math.exp(-gap / SCALE_KM))
    return best
