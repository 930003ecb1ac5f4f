"""PolNeAR scoring (fogofwar.evaluate.attribution): one-to-one matches by overlap and by exact span,
content tokens over cue-matched pairs, author claims left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from fogofwar.evaluate.attribution import Relation, Tally, read_ann
from fogofwar.schema import Claim, Content, Source, TextSpan

TEXT = "The ministry said the bridge was destroyed. Residents say the army left."


def _claim(text: str, source: str, cue: str, content: str, kind: str = "indirect") -> Claim:
    def span(s: str) -> tuple[int, int]:
        start = text.index(s)
        return start, start + len(s)

    (ss, se), (cs, ce), (ks, ke) = span(source), span(cue), span(content)
    return Claim(
        id="t:c1",
        source=Source(ss, se, source, "organization", None, "unknown", None),
        cue=TextSpan(cs, ce, cue),
        content=Content(ks, ke, content, None),
        type=kind,
        status="reported",
        score=0.8,
    )


def _gold(text: str, source: str, cue: str, content: str) -> Relation:
    def span(s: str) -> list[tuple[int, int]]:
        start = text.index(s)
        return [(start, start + len(s))]

    return Relation(span(source), span(cue), span(content))


@pytest.mark.parametrize(
    ("pred", "cue_exact", "content_exact"),
    [
        (("The ministry", "said", "the bridge was destroyed"), 1.0, 1.0),
        (("ministry", "said", "bridge was destroyed"), 1.0, 0.0),
    ],
)
def test_overlap_and_exact(pred: tuple[str, str, str], cue_exact: float, content_exact: float) -> None:
    tally = Tally()
    gold = [
        _gold(TEXT, "The ministry", "said", "the bridge was destroyed"),
        _gold(TEXT, "Residents", "say", "the army left"),
    ]
    tally.add(TEXT, gold, [_claim(TEXT, *pred), _claim(TEXT, "Residents", "say", "the army left", "author")])
    m = tally.metrics()
    assert m["cue_precision"] == 1.0 and m["cue_recall"] == 0.5  # the author claim is not scored
    assert m["cue_exact_precision"] == cue_exact and m["content_exact_precision"] == content_exact
    assert m["source_precision"] == 1.0
    assert m["cue_matched_pairs"] == 1.0
    assert m["content_token_recall"] == (1.0 if content_exact else 0.75)


def test_read_ann_keeps_discontinuous_spans(tmp_path: Path) -> None:
    ann = tmp_path / "a_x.ann"
    ann.write_text(
        "T1\tSource 0 12\tThe ministry\nT2\tCue 13 17\tsaid\nT3\tContent 18 24;25 31\tthe br idge\n"
        "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n",
        encoding="utf-8",
    )
    (rel,) = read_ann(ann)
    assert rel.source == [(0, 12)] and rel.cue == [(13, 17)] and rel.content == [(18, 24), (25, 31)]
