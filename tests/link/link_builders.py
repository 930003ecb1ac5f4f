"""Small hand-made analyses (contract JSON) for the linking tests: only what linking reads."""

from __future__ import annotations

from typing import Any

PLACES = {
    "Siversk": {"geonameid": 694403, "name": "Siversk", "country_code": "UA"},
    "Kramatorsk": {"geonameid": 704508, "name": "Kramatorsk", "country_code": "UA"},
    "Belgorod": {"geonameid": 578072, "name": "Belgorod", "country_code": "RU"},
}


def place(name: str, geonameid: int | None = None, country: str | None = None) -> dict[str, Any]:
    known = PLACES.get(name, {})
    gid = geonameid if geonameid is not None else known.get("geonameid")
    return {"start": 0, "end": len(name), "text": name, "geonameid": gid, "name": known.get("name", name),
            "lat": 48.0 if gid else None, "lon": 38.0 if gid else None,
            "country_code": country or known.get("country_code"), "admin1": None,
            "feature_code": "PPL" if gid else None, "precision": 1 if gid else None, "radius_km": None,
            "score": 0.9}  # fmt: skip


def source(name: str, kind: str = "organization", side: str = "unknown", role: str | None = None) -> dict[str, Any]:
    return {"start": 0, "end": len(name), "text": name, "kind": kind, "role": role, "side": side, "canonical": name}


def claim(cid: str, content: str, src: dict[str, Any] | None = None, status: str = "reported",
          cue: str = "said") -> dict[str, Any]:  # fmt: skip
    return {"id": cid, "source": src, "cue": {"start": 0, "end": len(cue), "text": cue} if src else None,
            "content": {"start": 0, "end": len(content), "text": content, "parts": None},
            "type": "indirect" if src else "author", "status": status if src else "asserted", "score": 0.9}  # fmt: skip


def event(eid: str, sub: str, where: dict[str, Any] | None, day: str | None, claim_ids: list[str],
          context: str = "happened", fatalities: int | None = None, controller: str | None = None,
          actors: tuple[tuple[str, str], ...] = ()) -> dict[str, Any]:  # fmt: skip
    from fogofwar.schema import EVENT_TYPE_OF

    date = {"start": 0, "end": 6, "text": "Monday", "value": day, "precision": "day"} if day else None
    change = {"place": where["name"], "controller_before": None, "controller_after": controller, "status": "claimed"}
    return {"id": eid, "event_type": EVENT_TYPE_OF[sub], "sub_event_type": sub,
            "actors": [{"text": a, "canonical": a, "side": s} for a, s in actors],
            "place": where, "date": date, "fatalities": fatalities, "context": context, "claim_ids": claim_ids,
            "mentions": [{"start": 0, "end": 4, "text": "word"}], "score": 0.8,
            "territory_change": change if controller and where else None}  # fmt: skip


def article(aid: str, published: str, claims: list[dict[str, Any]], events: list[dict[str, Any]],
            text: str | None = None, outlet: str | None = None) -> dict[str, Any]:  # fmt: skip
    body = text if text is not None else " ".join(c["content"]["text"] + "." for c in claims)
    return {"schema_version": 1, "id": aid, "text": body, "published": published, "language": "en", "title": None,
            "outlet": outlet, "url": None, "entities": [], "places": [], "dates": [], "uncertainty_cues": [],
            "claims": claims, "events": events}  # fmt: skip


MOD = source("Ministry of Defence of Russia", "organization", "russia")
GS = source("General Staff of the Armed Forces of Ukraine", "organization", "ukraine")
CAPTURE = "Russian forces captured Siversk on Monday"


def capture(aid: str, published: str, src: dict[str, Any] = MOD, content: str = CAPTURE,
            text: str | None = None, outlet: str | None = None, day: str = "2025-12-08") -> dict[str, Any]:  # fmt: skip
    """An article reporting the capture of Siversk, said by ``src``."""
    c = claim(f"{aid}:c1", content, src)
    e = event(f"{aid}:ev1", "Non-state actor overtakes territory", place("Siversk"), day, [c["id"]],
              controller="russia", actors=(("Russian forces", "russia"), ("Ukrainian forces", "ukraine")))  # fmt: skip
    return article(aid, published, [c], [e], text=text, outlet=outlet)


def denial(aid: str, published: str, src: dict[str, Any] = GS) -> dict[str, Any]:
    c = claim(f"{aid}:c1", "Russian claims that Siversk had been captured were false", src, status="denied",
              cue="denied")  # fmt: skip
    e = event(f"{aid}:ev1", "Non-state actor overtakes territory", place("Siversk"), None, [c["id"]],
              context="denied", controller="russia")  # fmt: skip
    return article(aid, published, [c], [e])
FILASHKIN_SRC = source("Vadym Filashkin", "person", "ukraine", "Donetsk regional governor")
