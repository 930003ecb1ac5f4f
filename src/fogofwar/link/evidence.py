"""The evidence of a story, read article by article in publication order: who supports it, who
denies or opposes it, which claims contradict each other, and the origins after merging.

A voiced claim takes a stance on the story (``stance``): ``deny`` (a denial: denied status with a
word of denial in its cue or content, or the denier's other words in a denied event), ``doubt``
(it reports no proof either way: "had not seen evidence", "could not verify"), ``oppose`` (a
control claim with the other side holding the place) or ``support``. Contradictions are pairs
of claim ids: a denial with the first claim of each supporting origin of another known side; an
opposing control claim with the story's first control claim; two fatality figures that cannot
both be right (``fatalities_agree``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from fogofwar.link.mentions import ClaimInfo, Mention
from fogofwar.link.origins import Voice, voice
from fogofwar.link.syndication import Syndication
from fogofwar.link.voices import Group, Origin, merge_groups, voice_key

_VISUAL = re.compile(r"geolocat|satellite (?:image|imagery|photo)|verified (?:video|footage)", re.IGNORECASE)
_DENIAL = re.compile(
    r"\b(?:den(?:y|ied|ies)|reject|refut|dismiss|false|fake|untrue|not true|fabricat|"
    r"does not correspond|did not happen|no truth)", re.IGNORECASE)  # fmt: skip
# "<Russian|Ukrainian> <forces> [have] <verb>": who gains or leaves a place, in the active voice.
_SUBJECT = (r"\b(russian|ukrainian)\s+(?:forces|troops|units|army|military|soldiers|servicemen|assault groups?)"
            r"\s+(?:(?!been\b|was\b|were\b)\w+\s+){0,2}?")  # fmt: skip
_LOSS = re.compile(_SUBJECT + r"(?:withdr|retreat|pulled (?:out|back)|abandon|left\b|lost\b)", re.IGNORECASE)
_GAIN = re.compile(_SUBJECT + r"(?:captur|took|taken|seiz|liberat|recaptur|occup|entered|retook|regain|control)",
                   re.IGNORECASE)  # fmt: skip
_LEAVE = re.compile(r"\b(?:withdr|retreat|pulled (?:out|back)|abandon)", re.IGNORECASE)
# A voice that says it has seen no proof ("had not seen evidence that", ISW's "has not observed
# confirmation", "could not verify") neither supports the story nor denies it.
_DOUBT = re.compile(
    r"\b(?:(?:has|have|had|did|do|does)\s+not\s+(?:yet\s+)?|(?:hasn't|haven't|hadn't|didn't)\s+(?:yet\s+)?)"
    r"(?:seen|observed|found|confirmed|verified)\b|\bno (?:evidence|confirmation|proof)\b|"
    r"\b(?:could|can|cannot)(?:\s*not|n't)?\s+(?:\w+\s+)?(?:confirm|verif)|\bunable to (?:confirm|verif)",
    re.IGNORECASE)  # fmt: skip
OPPOSITE = {"russia": "ukraine", "ukraine": "russia"}
_NATION_SIDE = {"russian": "russia", "ukrainian": "ukraine"}


def fatalities_agree(a: int, b: int, a_day: int | None, b_day: int | None) -> bool:
    """Two tolls agree when close (within 2, or within a quarter of the larger: 5 vs 6, 40 vs 48),
    or when the larger is a later update of at most four times the earlier (a rising toll: 2 on
    the day, 7 the next). 5 vs 50 never agree."""
    low, high = min(a, b), max(a, b)
    if high - low <= max(2, high // 4):
        return True
    later_high = (b_day or 0) > (a_day or 0) if b > a else (a_day or 0) > (b_day or 0)
    return later_high and high <= 4 * max(low, 1)


def is_denial(claim: ClaimInfo) -> bool:
    """A denied claim that denies (the claims stage also marks the claim being denied)."""
    return claim.status == "denied" and bool(_DENIAL.search(f"{claim.cue or ''} {claim.content}"))


def is_doubt(claim: ClaimInfo) -> bool:
    """A claim that reports no proof either way (not a denial: it does not say the event is false)."""
    return bool(_DOUBT.search(f"{claim.cue or ''} {claim.content}"))


def controller(claim: ClaimInfo, side: str, fallback: str | None) -> str | None:
    """Who holds the place according to a claim: a side that says it withdrew concedes the place;
    a side's own words otherwise claim it; independent voices keep the event's reading."""
    loss, gain = _LOSS.search(claim.content), _GAIN.search(claim.content)
    if loss and (not gain or loss.start() <= gain.start()):
        return OPPOSITE[_NATION_SIDE[loss.group(1).lower()]]
    if gain:
        return _NATION_SIDE[gain.group(1).lower()]
    if side in OPPOSITE:
        return OPPOSITE[side] if _LEAVE.search(claim.content) else side
    return fallback


def representative(mention: Mention) -> ClaimInfo | None:
    """The claim that speaks for a mention: its first voiced claim, else its first claim."""
    for claim in mention.claims:
        if claim.voiced:
            return claim
    return mention.claims[0] if mention.claims else None


class Reports:
    """The syndicated reports among a story's articles so far (a union-find over copy links and
    wires), for telling apart anonymous sources of different reports."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def _find(self, x: str) -> str:
        parent = self._parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def of(self, article: str, syndication: Syndication) -> str:
        if article not in self._parent:
            self._find(article)
            for other in syndication.linked(article):
                if other in self._parent:
                    self._union(article, other)
            wire = syndication.wire(article)
            if wire:
                self._union(article, "~wire:" + wire)
        return self._find(article)

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)


@dataclass(frozen=True, slots=True)
class Denial:
    claim: str
    group: str  # the voice group that denies


@dataclass(slots=True)
class Evidence:
    """Accumulates one story's evidence in publication order."""

    syndication: Syndication
    country: str | None = None  # the story place's country, to place local officials
    controller: str | None = None
    groups: dict[str, Group] = field(default_factory=dict)
    denials: list[Denial] = field(default_factory=list)
    pairs: dict[tuple[str, str], None] = field(default_factory=dict)  # opposition and toll pairs
    tolls: list[tuple[int, int | None, str]] = field(default_factory=list)  # (figure, day, claim id)
    control_claim: str | None = None
    claims: dict[str, None] = field(default_factory=dict)
    articles: dict[str, None] = field(default_factory=dict)
    reports: Reports = field(default_factory=Reports)
    _origins: list[Origin] | None = None
    _position: int = 0

    def add(self, mention: Mention) -> None:
        self._origins = None
        self.articles.setdefault(mention.article, None)
        if self.country is None and mention.place:
            self.country = mention.place.get("country_code")
        deniers = {c.side for c in mention.claims if is_denial(c)}
        denied_event = mention.context in ("denied", "negated")
        for claim in mention.claims:
            self.claims.setdefault(claim.id, None)
            v = voice(claim)
            if v is None:
                continue
            if is_denial(claim) or (denied_event and (not deniers or claim.side in deniers)):
                stance = "deny"
            elif is_doubt(claim):
                stance = "doubt"
            else:
                stance = self._control(mention, claim, v)
            report = self.reports.of(mention.article, self.syndication) if v.kind == "anonymous" else ""
            key = voice_key(v, report)
            group = self.groups.get(key)
            if group is None:
                group = self.groups[key] = Group(key, v, self._position)
            firm = claim.status not in ("hedged", "unverified")
            group.add(v, mention.article, claim.id, stance, firm and bool(_VISUAL.search(claim.content)),
                      self._position, firm)  # fmt: skip
            if stance == "deny":
                self.denials.append(Denial(claim.id, key))
            self._position += 1
        self._toll(mention)

    def _control(self, mention: Mention, claim: ClaimInfo, v: Voice) -> str:
        if mention.family != "territory" or mention.context != "happened" or v.weak:
            return "support"
        held = controller(claim, v.side, mention.controller)
        if held is None:
            return "support"
        if self.controller is None:
            self.controller, self.control_claim = held, claim.id
            return "support"
        if held == self.controller:
            return "support"
        if self.control_claim:
            self.pairs.setdefault((self.control_claim, claim.id), None)
        return "oppose"

    def _toll(self, mention: Mention) -> None:
        rep = representative(mention)
        if mention.fatalities is None or rep is None or mention.context != "happened":
            return
        for figure, when, claim_id in self.tolls:
            if not fatalities_agree(figure, mention.fatalities, when, mention.published):
                self.pairs.setdefault((claim_id, rep.id), None)
        if all(figure != mention.fatalities for figure, _, _ in self.tolls):
            self.tolls.append((mention.fatalities, mention.published, rep.id))

    def origins(self) -> list[Origin]:
        if self._origins is None:
            self._origins = merge_groups(list(self.groups.values()), self.country)
        return self._origins

    def _denial_pairs(self) -> Iterator[tuple[str, str]]:
        origins = self.origins()
        side_of = {claim: o.side for o in origins for claim in o.claims}
        supporters = [o for o in origins if o.supports and o.side != "unknown" and o.first_support]
        for d in self.denials:
            side = side_of.get(d.claim)
            if side is None:
                continue  # a voice that identifies no one
            for o in supporters:
                if o.side != side and o.first_support != d.claim:
                    yield (o.first_support, d.claim)  # type: ignore[misc]

    def independent_reports(self) -> int:
        """The story's articles, a syndicated copy or a relay of one wire counted once."""
        return len({self.reports.of(a, self.syndication) for a in self.articles})

    def contested(self) -> bool:
        return bool(self.pairs) or next(self._denial_pairs(), None) is not None

    def contradiction_pairs(self) -> list[tuple[str, str]]:
        pairs = dict(self.pairs)
        for pair in self._denial_pairs():
            pairs.setdefault(pair, None)
        return list(pairs)
