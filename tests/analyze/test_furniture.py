"""Page furniture is marked by line shape and blanked before the stages, offsets kept."""

from __future__ import annotations

import pytest

from fogofwar.analyze import Analyzer
from fogofwar.analyze.furniture import find_furniture, line_kind, mask
from fogofwar.schema import Article
from fogofwar.validate import validate

PAGE = """Drones hit a fuel depot in Odesa overnight, officials say

Share
Save to Read Later
Photograph: Invented Agency/Getty Images

Russian drones struck a fuel depot in Odesa overnight, the regional governor said on Tuesday.

Read more:
Russia captures Izium in eastern push
Ukraine retakes Bucha after fierce fighting

Most read
World
Business
Sport

Sign up to our morning briefing
Firefighters put out the blaze by morning, the governor said."""


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Share", "button"),
        ("ADVERTISEMENT", "button"),
        ("Photograph: Invented Agency/Getty Images", "credit"),
        ("Jane Doe for The New York Times", "credit"),
        ("Updated at 22.38 BST", "credit"),
        ("Read more: Ukraine retakes Bucha after fierce fighting", "related"),
        ("Sign up to our morning briefing", "signup"),
        ("[Kyiv says it downed 20 drones](https://example.invalid/a)", "related"),
    ],
)
def test_furniture_lines(line: str, kind: str) -> None:
    assert line_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Russian drones struck a fuel depot in Odesa overnight, the regional governor said on Tuesday.",
        "More than 40 people were evacuated from the town, officials said.",
        "Video showed smoke rising over the port.",
        "Updated figures from the ministry put the toll at 12.",
    ],
)
def test_prose_is_not_furniture(line: str) -> None:
    assert line_kind(line) is None


def test_page_furniture_spans_and_mask() -> None:
    spans = find_furniture(PAGE)
    marked = [PAGE[s.start : s.end] for s in spans]
    assert any("Share" in m for m in marked)
    assert any("Russia captures Izium" in m for m in marked), "headlines under 'Read more' are furniture"
    assert any("Business" in m for m in marked), "a run of menu items is furniture"
    assert not any("the regional governor said" in m for m in marked)
    assert not any("Firefighters" in m for m in marked)
    blanked = mask(PAGE, spans)
    assert len(blanked) == len(PAGE) and blanked.count("\n") == PAGE.count("\n")
    assert "Izium" not in blanked and "regional governor" in blanked


def test_the_first_line_is_the_page_title_not_furniture() -> None:
    text = "Russia Shells Kharkiv As Talks Stall\n\nRussian forces shelled Kharkiv on Monday."
    assert not any(s.start == 0 for s in find_furniture(text))


def test_prose_after_a_related_marker_is_kept() -> None:
    text = "Russian troops shelled the town.\n\nREAD MORE STORIES\n\nThe governor said two people were hurt."
    marked = [text[s.start : s.end] for s in find_furniture(text)]
    assert marked == ["READ MORE STORIES"]


def test_nothing_in_furniture_becomes_a_place_claim_or_event(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(Article(id="page", text=PAGE, published="2024-05-14"))
    assert validate(analysis.to_dict()) == []
    furniture = [(f.start, f.end) for f in analysis.furniture]
    assert furniture

    def inside(start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in furniture)

    assert not any(inside(p.start, p.end) for p in analysis.places)
    assert not any(inside(c.content.start, c.content.end) for c in analysis.claims)
    assert not any(inside(m.start, m.end) for e in analysis.events for m in e.mentions)
    assert not any(p.text in ("Izium", "Bucha") for p in analysis.places)
    assert any(p.text == "Odesa" for p in analysis.places)



def test_a_span_over_furniture_carries_the_input_words() -> None:
    # The stages read the masked text; a span that runs over blanked furniture (a claim's content
    # over a poll form) must carry the input's words: text[start:end] == span text.
    from fogofwar.analyze.pipeline import _retext
    from fogofwar.schema import Place

    text = "Kherson\nShare\nEmail *\nregion was shelled."
    furniture = find_furniture(text)
    masked = mask(text, furniture) if furniture else text
    assert masked != text
    place = Place(0, 30, masked[:30], None, None, None, None, None, None, None, None, None, 0.5)
    (fixed,) = _retext((place,), text)
    assert fixed.text == text[:30] and fixed.start == 0 and fixed.end == 30


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.kind) for f in find_furniture(text)]


def test_photo_captions_before_a_credit_line() -> None:
    text = (
        "Shelling goes on in the east\n"
        "Rescuers search the rubble of a school in Toretsk, Ukraine, Monday, May 6, 2024. Officials said"
        " three people were killed when a missile hit the building at dawn.\n"
        "Ivan Petrenko - staff, AP\n"
        "A volunteer carries water.\n"
        "Ivan Petrenko/AFP via Getty Images\n"
        "Russian forces shelled the town of Toretsk again on Monday, the regional governor said, and the"
        " mayor asked residents to stay in shelters until the strikes were over for the day.\n"
        "Olga Marchenko/Reuters\n"
    )
    kinds = dict(_kinds(text))
    assert kinds.get("Ivan Petrenko - staff, AP") == "credit"
    assert any(k == "caption" and s.startswith("Rescuers search") for s, k in kinds.items())
    assert kinds.get("A volunteer carries water.") == "caption"
    # A long paragraph before a credit is text: the page may have lost the caption itself.
    assert not any(s.startswith("Russian forces shelled") for s in kinds)


def test_a_quotation_before_a_copyright_line_is_text() -> None:
    text = 'She said she hoped to go home.\n"But I do not know if that will be possible."\n© 2022 AFP\n'
    assert not any(s.startswith('"But') for s, _ in _kinds(text))


def test_captions_inside_a_live_blog_entry() -> None:
    text = (
        "Live: the war on day 126\n"
        "30 Jun 2022 00.32 Ukrainian forces say they pushed Russian troops from a Black Sea island. A"
        " satellite image shows smoke rising over the island. Photograph: Planet Labs/Reuters A general"
        " view of the island. Photograph: Ukraine Operational Command South/Reuters\n"
    )
    captions = [s for s, k in _kinds(text) if k == "caption"]
    assert captions == [
        "A satellite image shows smoke rising over the island. Photograph: Planet Labs/Reuters",
        "A general view of the island. Photograph: Ukraine Operational Command South/Reuters",
    ]


def test_lines_an_outlet_repeats_on_its_pages_become_furniture(analyzer: Analyzer) -> None:
    from fogofwar.analyze.furniture import Boilerplate

    memory = Boilerplate(pages=3)
    line = "Russian forces attack Kharkiv region, please support independent journalism"
    pages = [f"{line}\nRussian drones struck a depot in Odesa number {n} on Tuesday, officials said." for n in range(4)]
    for page in pages[:3]:
        assert line not in memory.known("Kyiv Daily")
        memory.learn("Kyiv Daily", page)
    assert line in memory.known("Kyiv Daily")
    assert memory.known("Other Outlet") == frozenset() and memory.known(None) == frozenset()
    spans = find_furniture(pages[3], memory.known("Kyiv Daily"))
    assert [(s.kind, pages[3][s.start : s.end]) for s in spans] == [("repeated", line)]


def test_the_analyzer_learns_an_outlet_s_boilerplate_as_pages_stream_by() -> None:
    fresh = Analyzer()
    line = "Russian troops shelled the village of Nowhereivka, support our reporting today"
    articles = [
        Article(id=f"p{n}", outlet="Kyiv Daily", published="2024-05-14",
                text=f"{line}\n\nUkrainian forces shot down {n + 2} drones over Kharkiv on Monday, the air force said.")
        for n in range(4)
    ]
    analyses = list(fresh.analyze_many(articles))
    kinds = [[f.kind for f in a.furniture] for a in analyses]
    assert kinds[:3] == [[], [], []] and kinds[3] == ["repeated"]
    assert all(a.text == art.text for a, art in zip(analyses, articles, strict=True))  # nothing lost


def test_the_boilerplate_memory_stays_bounded() -> None:
    from fogofwar.analyze.furniture import Boilerplate

    memory = Boilerplate(pages=2, max_lines=50)
    for n in range(200):
        memory.learn("Site", f"unique line number {n}\nShare this article")
    assert "Share this article" in memory.known("Site")
    assert len(memory._counts["Site"]) <= 51
