"""Voices: who speaks in a claim, as an origin's type and side, and how identifiable."""

from __future__ import annotations

import pytest

from fogofwar.link.mentions import ClaimInfo
from fogofwar.link.origins import voice


def _claim(name: str | None, kind: str | None, side: str | None, role: str | None = None,
           type_: str = "indirect") -> ClaimInfo:  # fmt: skip
    return ClaimInfo("a:c1", "reported", type_, kind, role, side, name, "Something happened", "said")


@pytest.mark.parametrize(
    ("name", "kind", "side", "role", "expected"),
    [
        ("state news agency TASS", "media", "russia", None, ("TASS", "agency", "russia")),
        ("RIA Novosti", "media", "unknown", None, ("RIA Novosti", "agency", "russia")),
        ("Ministry of Defence of Russia", "organization", "russia", None, (None, "military", "russia")),
        ("Institute for the Study of War", "organization", "independent", None, (None, "analyst", "independent")),
        ("open source investigators of GeoConfirmed", "group", "unknown", "investigator",
         (None, "osint", "independent")),
        ("head of city military administration", "anonymous", "ukraine", "official", (None, "official", "ukraine")),
        ("Vadym Filashkin", "person", "ukraine", "Donetsk regional governor", (None, "official", "ukraine")),
        ("Viktor Trehubov", "person", "ukraine", "spokesperson for the Khortytsia group of forces",
         (None, "military", "ukraine")),
        ("United Nations Human Rights Monitoring Mission in Ukraine", "organization", "ukraine", None,
         (None, "official", "international")),
        ("residents", "group", "unknown", "resident", (None, "civilian", "unknown")),
    ],
)  # fmt: skip
def test_type_and_side(
    name: str, kind: str, side: str, role: str | None, expected: tuple[str | None, str, str]
) -> None:
    v = voice(_claim(name, kind, side, role))
    assert v is not None
    wanted_name, wanted_type, wanted_side = expected
    assert (v.name, v.type, v.side) == (wanted_name or name, wanted_type, wanted_side)


@pytest.mark.parametrize(
    ("name", "kind", "side", "named", "vague", "weak"),
    [
        ("Valery Gerasimov", "person", "russia", True, False, False),
        ("a military official", "anonymous", "russia", False, False, False),
        ("Russia top general", "anonymous", "russia", False, False, False),
        ("Moscow", "organization", "russia", False, True, False),
        ("analysts", "group", "unknown", False, False, True),
        ("footage", "document", "unknown", False, False, True),
        ("press service of 110th Mechanised Brigade", "organization", "unknown", True, False, False),
    ],
)
def test_how_identifiable(name: str, kind: str, side: str, named: bool, vague: bool, weak: bool) -> None:
    v = voice(_claim(name, kind, side))
    assert v is not None and (v.named, v.vague, v.weak) == (named, vague, weak)


def test_the_articles_own_voice_is_no_origin() -> None:
    assert voice(_claim(None, None, None, type_="author")) is None
