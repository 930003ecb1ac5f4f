"""Voices: who speaks in a claim, classified for origins (name, side, type, and how identifiable).

The article's own voice is never an origin. A voice is ``named`` (a person, a named organisation
or group, a wire), unnamed ("a military official", "the brigade"), ``vague`` (a country or capital
as speaker: "Moscow said") or ``weak`` (unnamed and of no known side: "analysts", "the footage").
How voices merge into origins is decided per story (``fogofwar.link.evidence``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from fogofwar.link.mentions import ClaimInfo
from fogofwar.link.syndication import WIRES

SIDES_KNOWN = ("russia", "ukraine", "other_state", "international", "independent")

# Wires as sources: their side (who runs them) when the claims stage did not know it.
WIRE_SIDES = {
    "TASS": "russia", "RIA Novosti": "russia", "Interfax": "russia", "Ukrinform": "ukraine",
    "Reuters": "independent", "Associated Press": "independent", "Agence France-Presse": "independent",
}  # fmt: skip
_WIRE_NAMES = {alias: name for name, aliases in WIRES.items() for alias in aliases if len(alias) > 3} | {
    "tass": "TASS",
    "ria": "RIA Novosti",
    "ap": "Associated Press",
    "afp": "Agence France-Presse",
}

# Source words (canonical name or role) that say what kind of origin it is; first match wins
# (a "city military administration" is civil authority; a "spokesperson for the brigade" military).
_TYPE_WORDS: tuple[tuple[str, str], ...] = (
    ("osint", r"open[- ]source|osint|geolocat|deepstate|geoconfirmed|satellite|bellingcat|oryx"),
    ("analyst", r"institute|think tank|\bisw\b|analyst|expert|researcher|rusi|study of war|observer"),
    ("official", r"administration|governor|mayor|president|prime minister|minister\b|kremlin|parliament|"
                 r"united nations|\bun\b|mission|osce|red cross|icrc|iaea"),
    ("military", r"militar|defen[cs]e|armed forces|army|general staff|brigade|battalion|regiment|command|"
                 r"troops|forces|soldier|officer|commander|fighter|marine|paratrooper|task force|"
                 r"\bgeneral\b|serviceman|unit\b|corps|navy|air force|border guard|\bsbu\b|\bgur\b|\bfsb\b"),
    ("official", r"ministr|government|official|spokes|council|prosecutor|police|emergency|service|"
                 r"authorit|diplomat|lawmaker|office|embassy|delegation|secretary|\bkyiv\b|\bmoscow\b"),
    ("civilian", r"resident|witness|civilian|relative|villager|local|volunteer|driver|teacher|medic|doctor|"
                 r"worker|student|refugee|evacuee|survivor"),
    ("media", r"journalist|correspondent|reporter|milblogger|blogger|newspaper|channel|television|\btv\b|"
              r"news|media|outlet|editor|telegram"),
)  # fmt: skip
_TYPE_RES = tuple((kind, re.compile(words)) for kind, words in _TYPE_WORDS)
_INTERNATIONAL = re.compile(r"united nations|\bun\b|osce|red cross|icrc|iaea|european union|\bnato\b|amnesty|"
                            r"human rights watch|monitoring mission", re.IGNORECASE)  # fmt: skip
# Countries and capitals as speakers ("Moscow said"): a stand-in for a government voice, merged
# into that side's named source when the story has one. Also not proper names of a source.
_PLACES_AS_SPEAKERS = frozenset(
    "russia russian russians moscow kremlin ukraine ukrainian ukrainians kyiv kiev washington london brussels "
    "beijing minsk belarus belarusian".split()
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


_WIRE_RE = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _WIRE_NAMES), key=len, reverse=True)) + r")\b")


@lru_cache(maxsize=65536)
def wire_name(name: str | None) -> str | None:
    """The wire a source name denotes ("state news agency TASS" -> TASS), if any."""
    match = _WIRE_RE.search(name.lower()) if name else None
    return _WIRE_NAMES[match.group(0)] if match else None


def origin_type(name: str | None, role: str | None, kind: str | None) -> str:
    """official, military, media, agency, osint, analyst, civilian or other, from the source."""
    if wire_name(name) is not None:
        return "agency"
    words = " ".join(w for w in (name, role) if w).lower()
    for label, pattern in _TYPE_RES:
        if pattern.search(words):
            return label
    return "media" if kind == "media" else "other"


def _proper(name: str) -> bool:
    """Whether a source name holds a proper name (a capitalised word that is not a country or
    capital, or an ordinal such as "110th"), which makes it identifiable."""
    words = _WORD.findall(name)
    return any(
        (w[0].isupper() or w[0].isdigit()) and w.lower() not in _PLACES_AS_SPEAKERS and w.lower() not in _TITLES
        for w in words
    )


_TITLES = frozenset("the a an of for in at on chief head deputy general staff president minister governor".split())


@dataclass(frozen=True, slots=True)
class Voice:
    """Who speaks in one claim, as the article names them."""

    name: str
    side: str  # may be unknown; stories infer it
    kind: str  # the contract's source kind
    role: str | None
    type: str
    media: bool  # a news outlet or agency: a relay when it repeats another source
    vague: bool  # a country or capital as speaker
    named: bool  # identifiable: a person, a named organisation or group, a wire
    weak: bool  # unnamed and of no known side: counts only as the named source it refers to

    @property
    def head(self) -> str:
        words = _WORD.findall(self.name.lower())
        return words[-1] if words else ""

    @property
    def words(self) -> frozenset[str]:
        return frozenset(_WORD.findall(f"{self.name} {self.role or ''}".lower()))


def voice(claim: ClaimInfo) -> Voice | None:
    """The voice of a claim; None for the article's own voice."""
    if not claim.voiced or not claim.name or claim.kind is None:
        return None
    wire = wire_name(claim.name)
    name = wire or claim.name
    kind_of = origin_type(name, claim.role, claim.kind)
    side = claim.side or "unknown"
    if wire is not None and side == "unknown":
        side = WIRE_SIDES[wire]
    if _INTERNATIONAL.search(name):
        side = "international"
    if side == "unknown" and kind_of in ("osint", "analyst") and _proper(name):
        side = "independent"
    words = [w.lower() for w in _WORD.findall(name)]
    vague = bool(words) and all(w in _PLACES_AS_SPEAKERS for w in words)
    if claim.kind == "person" or wire is not None:
        named = True
    elif claim.kind == "anonymous":
        named = False
    else:
        named = _proper(name) and not vague
    if kind_of == "osint" and side == "unknown":
        side = "independent"
    media = kind_of in ("media", "agency") or claim.kind == "media"
    weak = not named and not vague and side == "unknown"
    return Voice(name, side, claim.kind, claim.role, kind_of, media, vague, named, weak)
