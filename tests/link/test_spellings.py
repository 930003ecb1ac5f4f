"""Place names across spellings, transliterations and old or Russian-language names of Ukrainian
towns meet in one place key (the gazetteer resolves them to one GeoNames id), so reports that
spell a town differently link into one story."""

from __future__ import annotations

import pytest

from fogofwar.analyze import Analyzer
from fogofwar.link import Linker
from fogofwar.link.mentions import event_mentions
from fogofwar.schema import Article


@pytest.mark.parametrize(
    ("one", "other"),
    [("Bakhmut", "Artyomovsk"), ("Pokrovsk", "Krasnoarmeysk"), ("Huliaipole", "Gulyaipole"),
     ("Kostiantynivka", "Konstantinovka"), ("Sievierodonetsk", "Severodonetsk"), ("Kupiansk", "Kupyansk")],
)
def test_two_spellings_of_a_town_are_one_place_key_and_one_story(analyzer: Analyzer, one: str, other: str) -> None:
    texts = [(f"a-{one}", f"Russian forces shelled {one} on Monday, killing two civilians, the governor said."),
             (f"b-{other}", f"Russian artillery shelled {other} on Monday, killing two civilians, officials said.")]
    analyses = [analyzer.analyze(Article(id=aid, text=text, published="2025-10-14")).to_dict() for aid, text in texts]
    keys = {m.place_key for a in analyses for m in event_mentions(a)}
    assert len(keys) == 1 and next(iter(keys)).startswith("gn:")
    linker = Linker()
    for a in analyses:
        linker.add(a)
    assert [len(s.articles) for s in linker.all_stories()] == [2]
