"""Recall of attribution forms: invented sentences only."""

from __future__ import annotations

import pytest

from fogofwar.analyze import Analyzer
from fogofwar.schema import Article


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _claims(analyzer: Analyzer, text: str):
    return [c for c in analyzer.analyze(Article(id="t", text=text)).claims if c.type != "author"]


def test_quote_signed_with_horizontal_bar(analyzer: Analyzer) -> None:
    text = "Readers wrote in.\n\n“The bridge plan is a waste of money. Nobody asked us.” ― Marta Kowalczyk\n"
    claims = _claims(analyzer, text)
    assert any(c.source and c.source.text == "Marta Kowalczyk" and c.cue and c.cue.text == "―" for c in claims)


def test_quotation_ending_in_not_before_its_speaker(analyzer: Analyzer) -> None:
    text = 'The council met on Monday.\n\n"Is the road ready? Probably not," Ms. Varga said.'
    claims = _claims(analyzer, text)
    assert any(c.source and c.source.text == "Ms. Varga" and c.cue and c.cue.text == "said" for c in claims)


def test_negated_saying_still_says_nothing(analyzer: Analyzer) -> None:
    claims = _claims(analyzer, "The mayor did not say whether the bridge would reopen.")
    assert not any(c.cue and c.cue.text == "say" for c in claims)


def test_according_to_a_phrase_parsed_as_a_verb(analyzer: Analyzer) -> None:
    text = "The ferry ran late all summer, according to dock workers."
    claims = _claims(analyzer, text)
    assert any(c.cue and c.cue.text.lower() == "according to" and c.source for c in claims)


def test_inverted_said_before_a_name_and_colon(analyzer: Analyzer) -> None:
    text = 'Critics call the levy unfair. Said Ortega: "I do not think the council has read it."'
    claims = _claims(analyzer, text)
    assert any(c.source and c.source.text == "Ortega" and c.cue and c.cue.text == "Said" for c in claims)
