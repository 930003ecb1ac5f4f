"""Events and places with coordinates as a GeoJSON FeatureCollection (RFC 7946: [lon, lat])."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from fogofwar.export.acled import geo_precision, notes
from fogofwar.schema import to_dict
from fogofwar.store.convert import happened
from fogofwar.store.db import Store
from fogofwar.store.queries import list_places
from fogofwar.store.read import iter_articles


def _point(lon: float, lat: float) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [lon, lat]}


def event_features(store: Store, all_contexts: bool = False) -> Iterator[dict[str, Any]]:
    """Events with coordinates: those that happened and are not background, unless ``all_contexts``."""
    for article in iter_articles(store):
        for ev in article.events:
            if not (all_contexts or happened(ev)):
                continue
            place = ev.place
            if place is None or place.lat is None or place.lon is None:
                continue
            yield {
                "type": "Feature",
                "id": ev.id,
                "geometry": _point(place.lon, place.lat),
                "properties": {
                    "kind": "event", "id": ev.id, "article_id": article.ref.id,
                    "published": article.ref.published.isoformat() if article.ref.published else None,
                    "outlet": article.ref.outlet, "event_type": ev.event_type,
                    "sub_event_type": ev.sub_event_type,
                    "date": ev.date.value if ev.date else None,
                    "date_precision": ev.date.precision if ev.date else None,
                    "context": ev.context, "background": ev.background, "fatalities": ev.fatalities,
                    "score": ev.score, "evidence": notes(article, ev),
                    "actors": [to_dict(a) for a in ev.actors], "claim_ids": list(ev.claim_ids),
                    "place": place.name or place.text, "geonameid": place.geonameid,
                    "country_code": place.country_code, "admin1": place.admin1,
                    "geo_precision": geo_precision(place) or None, "radius_km": place.radius_km,
                    "territory_change": to_dict(ev.territory_change),
                },
            }  # fmt: skip


def place_features(store: Store) -> Iterator[dict[str, Any]]:
    for p in list_places(store):
        if p.lat is None or p.lon is None:
            continue
        props = {"kind": "place", **p.to_dict()}
        del props["lat"], props["lon"]
        yield {"type": "Feature", "id": p.key, "geometry": _point(p.lon, p.lat), "properties": props}


def features(store: Store, what: str, all_contexts: bool = False) -> Iterator[dict[str, Any]]:
    if what in ("all", "events"):
        yield from event_features(store, all_contexts)
    if what in ("all", "places"):
        yield from place_features(store)


def write_collection(store: Store, what: str, out: TextIO, all_contexts: bool = False) -> int:
    """Stream the FeatureCollection feature by feature (no whole ledger in memory)."""
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for feature in features(store, what, all_contexts):
        out.write(("," if n else "") + "\n" + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n
