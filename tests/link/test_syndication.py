"""Wire credits, near-duplicates and reports (components)."""

from __future__ import annotations

import pytest

from fogofwar.link.evidence import Reports
from fogofwar.link.syndication import Syndication, credits, wire_of

BODY = (
    "Units of the Center group of forces have completely liberated the settlement of Rodinskoye, the ministry "
    "said in a statement on Monday. The Ukrainian army lost up to 420 servicemen in the area of responsibility "
    "of the group over the past 24 hours, according to the ministry, which gave no further details."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KYIV, Nov 5 (Reuters) - Ukrainian troops pushed on.", ("Reuters",)),
        ("Russian forces took the village, TASS reported.", ("TASS",)),
        ("The town fell, according to RIA Novosti.", ("RIA Novosti",)),
        ("Drones hit the depot, the agency said, citing TASS.", ("TASS",)),
        ("AP reported that the strike killed two.", ("Associated Press",)),
        ("He had a nap and went to the ria in the afternoon.", ()),
        ("Officials said nothing.", ()),
    ],
)
def test_wire_credits(text: str, expected: tuple[str, ...]) -> None:
    assert credits(text) == expected


@pytest.mark.parametrize(
    ("outlet", "wire"),
    [("Reuters", "Reuters"), ("TASS news agency", "TASS"), ("Apple Daily", None), ("Kyiv Independent", None)],
)
def test_outlet_is_a_wire(outlet: str, wire: str | None) -> None:
    assert wire_of(outlet) == wire


def test_an_edited_copy_is_found_and_a_different_report_is_not() -> None:
    index = Syndication()
    index.add("original", "MOSCOW, Sept 8. " + BODY, 739000, "TASS")
    copy, _ = index.add("copy", "Moscow claimed another gain on Monday. " + BODY, 739000, "Steppe Daily")
    other, _ = index.add("other", "Ukrainian drones struck an oil depot near Belgorod overnight, the governor "
                         "said, adding that two people were wounded and a fire broke out at the site.", 739001, None)
    assert copy.copies == ("original",)
    assert other.copies == ()


def test_copies_and_wire_credits_make_one_report_whatever_the_order() -> None:
    index = Syndication()
    index.add("copy", "A new lead. " + BODY, 739001, "Steppe Daily")
    index.add("original", BODY, 739000, "Caspian Herald")
    index.add("relay", "Something else entirely happened, TASS reported.", 739000, "Volga Review")
    index.add("tass", "Another text of the agency about the day.", 739000, "TASS")
    index.add("own", "Our correspondent saw it.", 739000, "Kyiv Review")
    reports = Reports()
    report = {a: reports.of(a, index) for a in ["copy", "original", "relay", "tass", "own"]}
    assert report["copy"] == report["original"]
    assert report["relay"] == report["tass"]
    assert len({report["copy"], report["relay"], report["own"]}) == 3
