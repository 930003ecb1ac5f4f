"""Country codes and names: ISO 3166 through pycountry, with ACLED's short names."""

from __future__ import annotations

import pycountry

# ACLED's country names where they differ from ISO's.
ACLED_NAMES = {
    "RU": "Russia", "MD": "Moldova", "SY": "Syria", "IR": "Iran", "KR": "South Korea",
    "KP": "North Korea", "VE": "Venezuela", "BO": "Bolivia", "TZ": "Tanzania", "LA": "Laos",
    "VN": "Vietnam", "CD": "Democratic Republic of Congo", "CG": "Republic of Congo",
    "PS": "Palestine", "TW": "Taiwan", "GB": "United Kingdom", "US": "United States",
}  # fmt: skip
_BY_NAME = {name.lower(): code for code, name in ACLED_NAMES.items()}


def alpha2(value: str) -> str | None:
    """The ISO alpha-2 code of a country given by code (UA, UKR), ISO name or ACLED name."""
    wanted = value.strip()
    if wanted.lower() in _BY_NAME:
        return _BY_NAME[wanted.lower()]
    try:
        return str(pycountry.countries.lookup(wanted).alpha_2)
    except LookupError:
        return None


def name(code: str | None) -> str:
    """ACLED's name of the country, else ISO's common or official name; "" when unknown."""
    if not code:
        return ""
    if code in ACLED_NAMES:
        return ACLED_NAMES[code]
    country = pycountry.countries.get(alpha_2=code)
    return str(getattr(country, "common_name", None) or country.name) if country else ""


def numeric(code: str | None) -> int | None:
    """The ISO 3166 numeric code (Ukraine 804)."""
    country = pycountry.countries.get(alpha_2=code) if code else None
    return int(country.numeric) if country else None
