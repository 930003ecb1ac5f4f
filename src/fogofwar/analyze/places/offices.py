"""A region named by its capital's name in an office: "Luhansk's governor", "the governor of
Kharkiv", "Donetsk regional governor" speak for the oblast, not for its capital city."""

from __future__ import annotations

import re
from dataclasses import replace

from fogofwar.analyze.places.resolve import _precision
from fogofwar.gazetteer.base import Gazetteer
from fogofwar.schema import Place

# "Luhansk's governor", "Luhansk governor", "Luhansk regional governor", "Luhansk oblast's governor"
_AFTER = re.compile(r"^(?:['’]s)?\s+(?:regional\s+|region['’]s\s+|oblast['’]s\s+)?governor\b", re.I)
# "governor of Luhansk", "the governor of the Luhansk"
_BEFORE = re.compile(r"\bgovernor\s+of\s+(?:the\s+)?$", re.I)
# Feature codes of capitals whose name a governor's office borrows.
_CAPITALS = frozenset({"PPLA", "PPLC"})


def regions_of_governors(places: list[Place], text: str, gaz: Gazetteer) -> list[Place]:
    """Places of a governor's office given by a regional capital's name, moved to the region."""
    out = []
    for p in places:
        if (
            p.feature_code in _CAPITALS
            and p.admin1
            and p.country_code
            and (_AFTER.match(text[p.end : p.end + 40]) or _BEFORE.search(text[max(0, p.start - 30) : p.start]))
        ):
            region = next(
                (e for e in gaz.lookup(p.admin1) if e.feature_code == "ADM1" and e.country_code == p.country_code),
                None,
            )
            if region is not None:
                p = replace(
                    p, geonameid=region.public_id, name=region.name, lat=round(region.lat, 5),
                    lon=round(region.lon, 5), admin1=region.name, feature_code=region.feature_code,
                    precision=_precision(region, None), radius_km=region.radius_km,
                )
        out.append(p)
    return out
