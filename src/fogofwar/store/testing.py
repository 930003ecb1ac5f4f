"""The in-memory ledger and hand-built analyses, for tests of the ledger and what builds on it.

The analyses are small invented reports, built with correct offsets, one per shape the ledger must
handle: a battle with claims from both sides, a strike across the border, an article without
events or a publication date.
"""

from __future__ import annotations

import os

from sqlalchemy import text

from fogofwar.schema import (
    Actor,
    Analysis,
    Claim,
    Content,
    DateRef,
    Entity,
    Event,
    Place,
    Plover,
    Source,
    TerritoryChange,
    TextSpan,
    UncertaintyCue,
)
from fogofwar.store.db import MEMORY_URL, SqlStore, make_engine, open_store
from fogofwar.store.models import Base

# Tests run on in-memory SQLite, and also on this database when it is set (e.g. a PostgreSQL URL).
TEST_URL_VARIABLE = "FOGOFWAR_TEST_DATABASE_URL"


def memory_store() -> SqlStore:
    """A fresh, migrated, in-memory SQLite ledger."""
    return open_store(MEMORY_URL)


def store_urls() -> list[str]:
    """The databases the store's tests run on: in-memory SQLite, plus $FOGOFWAR_TEST_DATABASE_URL."""
    extra = os.environ.get(TEST_URL_VARIABLE)
    return [MEMORY_URL, extra] if extra else [MEMORY_URL]


def fresh_store(url: str = MEMORY_URL) -> SqlStore:
    """An empty, migrated ledger at ``url``; a server database is emptied first (tests only)."""
    if url != MEMORY_URL:
        engine = make_engine(url)
        with engine.begin() as conn:
            Base.metadata.drop_all(conn)
            conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
        engine.dispose()
    return open_store(url)


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def span(text: str, needle: str, nth: int = 0) -> TextSpan:
    s, e = _at(text, needle, nth)
    return TextSpan(s, e, needle)


def place(text: str, needle: str, name: str, geonameid: int | None, lat: float | None, lon: float | None,
          country: str | None, admin1: str | None, nth: int = 0) -> Place:  # fmt: skip
    s, e = _at(text, needle, nth)
    resolved = geonameid is not None
    return Place(s, e, needle, geonameid, name, lat, lon, country, admin1, "PPL" if resolved else None,
                 1 if resolved else None, 5.0 if resolved else None, 0.9)  # fmt: skip


def date(text: str, needle: str, value: str | None, precision: str) -> DateRef:
    s, e = _at(text, needle)
    return DateRef(s, e, needle, value, precision)


def source(
    text: str, needle: str, kind: str, side: str, canonical: str | None, role: str | None = None
) -> Source:
    s, e = _at(text, needle)
    return Source(s, e, needle, kind, role, side, canonical)


def content(text: str, needle: str) -> Content:
    s, e = _at(text, needle)
    return Content(s, e, needle)


SIVERSK = (
    "Russian forces captured Siversk on December 11, a military official said. "
    "Analysts suggest the fall of Siversk could isolate Ukrainian troops. "
    "Ukraine's General Staff denied that the city had fallen."
)
BELGOROD = (
    "Ukrainian drones struck an oil depot near Belgorod on November 3, killing two people, "
    "the Russian Defence Ministry said."
)
QUIET = "Talks in Geneva may resume next month, according to diplomats."
KRAMATORSK = (
    "Russian missiles struck Kramatorsk on March 3, killing three people, regional officials said.\n"
    "Separatists seized the city in April 2014 before Ukrainian forces retook it. "
    "The Defence Ministry denied that an ammunition depot had been hit."
)


def siversk(
    aid: str = "siversk",
    url: str | None = "https://example.org/siversk",
    published: str | None = "2025-12-20",
    outlet: str | None = "Example News",
) -> Analysis:
    t = SIVERSK
    sv = place(t, "Siversk", "Siversk", 700001, 48.8667, 38.1, "UA", "Donetsk Oblast")
    day = date(t, "December 11", "2025-12-11", "day")
    claims = (
        Claim(f"{aid}:c1",
              source(t, "a military official", "anonymous", "unknown", None, "military official"),
              span(t, "said"), content(t, "Russian forces captured Siversk on December 11"),
              "indirect", "reported", 0.9),
        Claim(f"{aid}:c2", source(t, "Analysts", "group", "unknown", "analysts"), span(t, "suggest"),
              content(t, "the fall of Siversk could isolate Ukrainian troops"), "indirect", "hedged", 0.8),
        Claim(f"{aid}:c3", source(t, "Ukraine's General Staff", "organization", "ukraine",
                                  "General Staff of the Armed Forces of Ukraine"),
              span(t, "denied"), content(t, "that the city had fallen"), "indirect", "denied", 0.85),
    )  # fmt: skip
    event = Event(
        f"{aid}:ev1", "Battles", "Armed clash",
        (Actor("Russian forces", "Military Forces of Russia", "russia", 8),
         Actor("Ukrainian troops", "Military Forces of Ukraine", "ukraine", 1)),
        sv, day, None, "happened", (f"{aid}:c1",), (span(t, "captured"), span(t, "fall")), 0.8,
        TerritoryChange("Siversk", "ukraine", "russia", "contested"), Plover("ASSAULT", "firearms"),
    )  # fmt: skip
    return Analysis(
        id=aid, text=t, published=published, title="Siversk falls", outlet=outlet, url=url,
        entities=(Entity(f"{aid}:e1", *_at(t, "Siversk"), "Siversk", "GPE", "Siversk"),
                  Entity(f"{aid}:e2", *_at(t, "Ukraine's General Staff"), "Ukraine's General Staff", "ORG",
                         "General Staff of the Armed Forces of Ukraine", None, "ukraine")),
        places=(sv, place(t, "Siversk", "Siversk", 700001, 48.8667, 38.1, "UA", "Donetsk Oblast", nth=1)),
        dates=(day,), uncertainty_cues=(UncertaintyCue(*_at(t, "suggest"), "suggest", "hedge"),),
        claims=claims, events=(event,),
    )  # fmt: skip


def belgorod(aid: str = "belgorod", published: str | None = "2025-11-04") -> Analysis:
    t = BELGOROD
    bg = place(t, "Belgorod", "Belgorod", 700002, 50.6107, 36.5802, "RU", "Belgorod Oblast")
    claim = Claim(f"{aid}:c1", source(t, "the Russian Defence Ministry", "organization", "russia",
                                      "Ministry of Defence of Russia"),
                  span(t, "said"), content(t, BELGOROD[: BELGOROD.index(", the Russian")]),
                  "indirect", "reported", 0.9)  # fmt: skip
    event = Event(
        f"{aid}:ev1", "Explosions/Remote violence", "Air/drone strike",
        (Actor("Ukrainian drones", "Military Forces of Ukraine", "ukraine"),),
        bg, date(t, "November 3", "2025-11-03", "day"), 2, "happened", (f"{aid}:c1",),
        (span(t, "struck"),), 0.9,
    )  # fmt: skip
    return Analysis(
        id=aid, text=t, published=published, title=None, outlet="Other Wire", url=None,
        places=(bg,), dates=(event.date,) if event.date else (), claims=(claim,), events=(event,),
    )  # fmt: skip


def quiet(aid: str = "quiet") -> Analysis:
    t = QUIET
    return Analysis(
        id=aid, text=t, published=None, title=None, outlet=None,
        places=(place(t, "Geneva", "Geneva", None, None, None, None, None),),
        dates=(date(t, "next month", None, "month"),),
        claims=(Claim(f"{aid}:c1", source(t, "diplomats", "group", "international", "diplomats"),
                      span(t, "according to"), content(t, "Talks in Geneva may resume next month"),
                      "according_to", "hedged", 0.7),),
    )  # fmt: skip


def kramatorsk(aid: str = "kramatorsk", published: str | None = "2026-03-04") -> Analysis:
    """An article with one event of the day (its evidence given), one background happening of 2014
    and one denied event (their evidence left to the ledger), and a page date."""
    t = KRAMATORSK
    km = place(t, "Kramatorsk", "Kramatorsk", 700003, 48.7231, 37.5564, "UA", "Donetsk Oblast")
    strike_day = date(t, "March 3", "2026-03-03", "day")
    seized = date(t, "April 2014", "2014-04", "month")
    first_line = t[: t.index("\n")]
    claim = Claim(f"{aid}:c1", source(t, "regional officials", "group", "ukraine", "regional officials"),
                  span(t, "said"), content(t, first_line[: first_line.index(", regional")]), "indirect",
                  "reported", 0.9)  # fmt: skip
    strike = Event(
        f"{aid}:ev1", "Explosions/Remote violence", "Shelling/artillery/missile attack",
        (Actor("Russian missiles", "Military Forces of Russia", "russia", 8),), km, strike_day, 3, "happened",
        (f"{aid}:c1",), (span(t, "struck"),), 0.9, evidence=TextSpan(0, len(first_line), first_line),
    )  # fmt: skip
    seizure = Event(
        f"{aid}:ev2", "Battles", "Non-state actor overtakes territory",
        (Actor("Separatists", "Separatists", "russia", 2),), km, seized, None, "happened", (),
        (span(t, "seized"),), 0.7, background=True,
    )  # fmt: skip
    depot = Event(
        f"{aid}:ev3", "Explosions/Remote violence", "Shelling/artillery/missile attack", (), None, None, None,
        "denied", (), (span(t, "hit"),), 0.5,
    )  # fmt: skip
    return Analysis(
        id=aid, text=t, published=published, title="Missiles hit Kramatorsk", outlet="Example News",
        url="https://example.org/kramatorsk", page_date="2026-03-03",
        places=(km,), dates=(strike_day, seized), claims=(claim,), events=(strike, seizure, depot),
    )  # fmt: skip


def sample_analyses() -> list[Analysis]:
    return [siversk(), belgorod(), quiet()]
