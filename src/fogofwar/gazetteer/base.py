"""The gazetteer interface: entries, the query Protocol, and an in-memory implementation.

The places stage depends only on ``Gazetteer``; the real index (``fogofwar.gazetteer.index``)
and the test fake (``InMemoryGazetteer``) both implement it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from fogofwar.gazetteer.normalize import normalize


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place. ``geonameid`` is negative for features of ours that GeoNames lacks."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country_code: str
    admin1_code: str
    admin1: str | None  # English first-level name, e.g. "Donetsk Oblast"
    admin2: str
    feature_class: str  # GeoNames class: P populated, A admin, H water, L area, T terrain, V forest, S spot
    feature_code: str
    population: int
    radius_km: float  # rough extent

    @property
    def public_id(self) -> int | None:
        """The GeoNames id, or None for our own features."""
        return self.geonameid if self.geonameid > 0 else None


@runtime_checkable
class Gazetteer(Protocol):
    """What the places stage asks of a gazetteer."""

    def lookup(self, name: str) -> tuple[GazetteerEntry, ...]:
        """Every entry one of whose names normalises like ``name`` (empty when none)."""
        ...

    def get(self, geonameid: int) -> GazetteerEntry | None: ...

    def preferred(self, name: str) -> int | None:
        """The id a curated alias points to (e.g. "Artemovsk" -> Bakhmut), or None."""
        ...


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def default_radius_km(feature_class: str, feature_code: str, population: int, area_km2: float = 0.0) -> float:
    """A rough extent for a feature, from its kind and size."""
    if area_km2 > 0:
        return round(math.sqrt(area_km2 / math.pi), 1)
    if feature_class == "P":
        return round(1.0 + 0.5 * math.sqrt(max(population, 0) / 1000.0), 1)
    code_radius = {
        "PCLI": 500.0, "ADM1": 100.0, "ADM2": 30.0, "RGN": 150.0, "STM": 50.0, "RSV": 20.0,
        "LK": 5.0, "FRST": 8.0, "SEA": 200.0, "BAY": 15.0, "GULF": 60.0,
    }
    return code_radius.get(feature_code, 5.0)


class InMemoryGazetteer:
    """A Gazetteer over a list of entries, for tests and small custom gazetteers."""

    def __init__(
        self,
        entries: Iterable[GazetteerEntry],
        names: dict[int, Sequence[str]] | None = None,
        preferred: dict[str, int] | None = None,
    ) -> None:
        self._by_id: dict[int, GazetteerEntry] = {}
        self._by_key: dict[str, list[GazetteerEntry]] = {}
        for entry in entries:
            self._by_id[entry.geonameid] = entry
            for name in (entry.name, *(names or {}).get(entry.geonameid, ())):
                bucket = self._by_key.setdefault(normalize(name), [])
                if entry not in bucket:
                    bucket.append(entry)
        self._preferred = {normalize(k): v for k, v in (preferred or {}).items()}

    def lookup(self, name: str) -> tuple[GazetteerEntry, ...]:
        return tuple(self._by_key.get(normalize(name), ()))

    def get(self, geonameid: int) -> GazetteerEntry | None:
        return self._by_id.get(geonameid)

    def preferred(self, name: str) -> int | None:
        return self._preferred.get(normalize(name))
