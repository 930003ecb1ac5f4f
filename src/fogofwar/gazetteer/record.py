"""One place while the index is being built (the builder and the modules that add places share it)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Record:
    geonameid: int
    name: str
    lat: float
    lon: float
    country_code: str
    admin1_code: str
    admin1: str
    admin2: str
    feature_class: str
    feature_code: str
    population: int
    radius_km: float = 0.0
    names: set[str] = field(default_factory=set)
    protected: set[str] = field(default_factory=set)  # keys never dropped by the admin rule
