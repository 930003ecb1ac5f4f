"""Which of the many US counties of a name an article means ("Douglas County": twelve states).

Local news names a county beside its towns ("Alexandria", "Brandon", "Kensington"), each of them
ambiguous alone; the county that holds a namesake of each is the one meant (Douglas County,
Minnesota holds all three). A county candidate gains for every other name of the article that has a
town inside it, whatever that name was first resolved to.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from fogofwar.gazetteer.base import GazetteerEntry
from fogofwar.gazetteer.us_local import is_us_county_id

PER_TOWN = 0.4
MAX_BONUS = 1.2
MARGIN_KM = 10.0


def is_county_group(candidates: Sequence[GazetteerEntry]) -> bool:
    """Whether every candidate of a name is one of our US counties."""
    return bool(candidates) and all(is_us_county_id(e.geonameid) for e in candidates)


def _inside(county: GazetteerEntry, town: GazetteerEntry) -> bool:
    reach = county.radius_km + MARGIN_KM
    dlat = (town.lat - county.lat) * 111.2
    if abs(dlat) > reach:
        return False
    dlon = (town.lon - county.lon) * 111.2 * math.cos(math.radians(county.lat))
    return dlat * dlat + dlon * dlon <= reach * reach


def county_bonuses(candidate_lists: Sequence[Sequence[GazetteerEntry]]) -> dict[tuple[int, int], float]:
    """(group number, geonameid) -> bonus for the county candidates of county groups, from the US
    towns of the other groups that lie inside them."""
    towns = [(n, [e for e in cands if e.country_code == "US" and e.feature_class == "P"])
             for n, cands in enumerate(candidate_lists) if not is_county_group(cands)]
    towns = [(n, ts) for n, ts in towns if ts]
    out: dict[tuple[int, int], float] = {}
    for n, cands in enumerate(candidate_lists):
        if len(cands) < 2 or not is_county_group(cands):
            continue
        for county in cands:
            held = sum(any(_inside(county, t) for t in ts) for other, ts in towns if other != n)
            if held:
                out[(n, county.geonameid)] = min(MAX_BONUS, PER_TOWN * held)
    return out
