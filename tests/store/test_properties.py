"""Properties: identity ignores whitespace and composition; whatever is stored reads back the same
(events with their evidence sentence filled in when the analysis gave none)."""

from __future__ import annotations

import dataclasses
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fogofwar.schema import (
    CLAIM_STATUSES,
    CLAIM_TYPES,
    EVENT_CONTEXTS,
    EVENT_TYPE_OF,
    SIDES,
    SOURCE_KINDS,
    SUB_EVENT_TYPES,
    Actor,
    Analysis,
    Claim,
    Content,
    DateRef,
    Event,
    Part,
    Place,
    Source,
    TerritoryChange,
    TextSpan,
)
from fogofwar.store import article_key, ingest, iter_analyses, list_claims, list_events, normalise_text
from fogofwar.store.convert import evidence_of
from fogofwar.store.testing import memory_store

WORDS = st.lists(st.text(alphabet="abcdéКиїв", min_size=1, max_size=8), min_size=1, max_size=12)
SPACES = st.sampled_from([" ", "  ", "\n", "\t", " \n "])


@given(WORDS, st.data())
def test_whitespace_and_composition_do_not_change_identity(words: list[str], data: st.DataObject) -> None:
    plain = " ".join(words)
    spaced = data.draw(SPACES) + "".join(w + data.draw(SPACES) for w in words)
    decomposed = unicodedata.normalize("NFD", spaced)
    assert article_key(plain, "u") == article_key(decomposed, "u")
    assert normalise_text(normalise_text(decomposed)) == normalise_text(plain)


@st.composite
def analyses(draw: st.DrawFn) -> Analysis:
    text = " ".join(draw(st.lists(st.sampled_from(["Kherson", "shelled", "said", "officials", "«ok»", "\n"]),
                                  min_size=5, max_size=40)))  # fmt: skip
    n = len(text)

    def span() -> tuple[int, int, str]:
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        return a, b, text[a:b]

    def maybe(x: st.SearchStrategy[bool]) -> bool:
        return draw(x)

    aid = draw(st.sampled_from(["a", "b:c", "id with space"]))
    claims = []
    for i in range(draw(st.integers(0, 4))):
        source = (
            Source(
                *span(),
                draw(st.sampled_from(SOURCE_KINDS)),
                draw(st.none() | st.just("official")),
                draw(st.sampled_from(SIDES)),
                draw(st.none() | st.just("Canon")),
            )
            if maybe(st.booleans())
            else None
        )
        cue = TextSpan(*span()) if maybe(st.booleans()) else None
        s, e, t = span()
        parts = tuple(Part(*span()[:2]) for _ in range(draw(st.integers(0, 2)))) or None
        claims.append(Claim(f"{aid}:c{i + 1}", source, cue, Content(s, e, t, parts),
                            draw(st.sampled_from(CLAIM_TYPES)), draw(st.sampled_from(CLAIM_STATUSES)),
                            draw(st.floats(0, 1))))  # fmt: skip

    def place() -> Place:
        resolved = maybe(st.booleans())
        return Place(*span(), 7 if resolved else None, "Kherson" if resolved else None,
                     46.6 if resolved else None, 32.6 if resolved else None, "UA" if resolved else None,
                     None, None, 1 if resolved else None, None, draw(st.floats(0, 1)),
                     draw(st.none() | st.just("near")), draw(st.none() | st.floats(0, 50)))  # fmt: skip

    events = []
    for i in range(draw(st.integers(0, 3))):
        sub = draw(st.sampled_from(SUB_EVENT_TYPES))
        value = draw(st.sampled_from([None, "2025-12-11", "2025-12", "2025"]))
        canonical = st.none() | st.just("Military Forces of Ukraine")
        actors = tuple(Actor("x", draw(canonical), draw(st.sampled_from(SIDES)))
                       for _ in range(draw(st.integers(0, 3))))  # fmt: skip
        backing = tuple(c.id for c in claims[: draw(st.integers(0, len(claims)))])
        dangling = ("nowhere:c9",) if maybe(st.booleans()) else ()
        events.append(Event(
            f"{aid}:ev{i + 1}", EVENT_TYPE_OF[sub], sub, actors,
            place() if maybe(st.booleans()) else None,
            DateRef(*span(), value, "day") if maybe(st.booleans()) else None,
            draw(st.none() | st.integers(0, 100)), draw(st.sampled_from(EVENT_CONTEXTS)),
            backing + dangling,
            tuple(TextSpan(*span()) for _ in range(draw(st.integers(0, 3)))), draw(st.floats(0, 1)),
            TerritoryChange("Kherson", "russia", "ukraine", "claimed") if maybe(st.booleans()) else None,
            background=maybe(st.booleans()), evidence=TextSpan(*span()) if maybe(st.booleans()) else None,
        ))  # fmt: skip
    return Analysis(aid, text, draw(st.none() | st.just("2025-12-20")), None, None,
                    page_date=draw(st.none() | st.just("2025-12-19")),
                    places=tuple(place() for _ in range(draw(st.integers(0, 3)))),
                    claims=tuple(claims), events=tuple(events),
                    url=draw(st.none() | st.just("https://x.example/1")))  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(analyses())
def test_what_is_stored_reads_back_the_same(analysis: Analysis) -> None:
    store = memory_store()
    first = ingest(store, [analysis])
    assert first.new == 1, first.errors
    assert ingest(store, [analysis]).unchanged == 1
    assert [h.claim for h in list_claims(store)] == list(analysis.claims)
    events = [h.event for h in list_events(store)]
    assert events == [dataclasses.replace(e, evidence=evidence_of(e, analysis.text)) for e in analysis.events]
    for made, stored in zip(analysis.events, events, strict=True):
        if made.evidence is not None:
            assert stored.evidence == made.evidence  # the analysis's own evidence, as given
        elif made.mentions:  # else the sentence (or line) around the first mention, a span of the text
            assert stored.evidence is not None
            assert stored.evidence.text == analysis.text[stored.evidence.start : stored.evidence.end]
            first = min(made.mentions, key=lambda m: (m.start, m.end))
            core = first.text.strip()
            if core:
                core_start = first.start + first.text.index(core)
                assert stored.evidence.start <= core_start
                assert core_start + len(core) <= stored.evidence.end
            if "\n" not in first.text:
                assert "\n" not in stored.evidence.text
        else:
            assert stored.evidence is None
    assert list(iter_analyses(store)) == [analysis.to_dict()]
