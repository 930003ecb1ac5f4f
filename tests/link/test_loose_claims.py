"""Voiced claims that back no event are origins only of the happening they are about (issue 11):
in an article of one happening, that happening; in a long piece, the one whose place they name."""

from __future__ import annotations

from link_builders import article, claim, event, place, source

from fogofwar.link import Linker
from fogofwar.link.mentions import event_mentions

TOWNS = {"Siversk": 694403, "Kramatorsk": 704508, "Sloviansk": 700646, "Kostiantynivka": 709611}


def _long_piece() -> dict:
    events = [event(f"lp:ev{i}", "Shelling/artillery/missile attack", place(t, gid), "2025-12-08", [])
              for i, (t, gid) in enumerate(TOWNS.items())]  # fmt: skip
    loose = [claim(f"lp:c{i}", text, source(name, "person", side))
             for i, (text, name, side) in enumerate([
                 ("the shelling of Kramatorsk destroyed a school", "Vadym Filashkin", "ukraine"),
                 ("Western aid would arrive soon", "an EU diplomat", "other_state"),
                 ("the front was holding", "a Ukrainian officer", "ukraine"),
                 ("prices were rising in the capital", "an economist", "unknown"),
             ])]  # fmt: skip
    return article("lp", "2025-12-08", loose, events)


def test_in_a_long_piece_a_loose_claim_goes_only_to_the_happening_whose_place_it_names() -> None:
    by_event = {m.event: [c.name for c in m.claims] for m in event_mentions(_long_piece())}
    assert by_event == {"lp:ev0": [], "lp:ev1": ["Vadym Filashkin"], "lp:ev2": [], "lp:ev3": []}
    linker = Linker()
    linker.add(_long_piece())
    sources = {s.place["name"]: s.independent_sources for s in linker.all_stories()}
    assert sources == {"Siversk": 0, "Kramatorsk": 1, "Sloviansk": 0, "Kostiantynivka": 0}


def test_in_an_article_of_one_happening_loose_claims_go_to_it() -> None:
    c = claim("one:c1", "they had geolocated the footage to the city's central square", source("GeoConfirmed"))
    data = article("one", "2025-12-08", [c], [event("one:ev1", "Non-state actor overtakes territory",
                                                    place("Siversk"), "2025-12-08", [])])  # fmt: skip
    [mention] = event_mentions(data)
    assert [x.name for x in mention.claims] == ["GeoConfirmed"]
