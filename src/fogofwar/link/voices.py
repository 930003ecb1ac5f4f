"""Merging the voices of a story into origins.

- A named person is one origin under every spelling of the name (keyed by surname); a named
  organisation by its canonical name.
- An unnamed voice ("Russia's top general", "the regional governor", "the brigade") is the named
  source of the story whose name or role holds its head noun, when their sides agree; otherwise an
  anonymous individual is one origin per syndicated report (five copies quote one official).
- A country or capital as speaker ("Moscow said") is its side's named source, when there is one.
- A news outlet or agency (TASS, Ukrinform, a milblogger channel) that carries a claim of a source of
  its side relays it: it adds no origin.
- Voices that identify no one and have no side ("analysts", "the footage") count only when they
  merge into a named source.
A side left unknown is taken from the merged voices, then from the story's country for local
officials, then "independent" for open-source and analyst groups.

Groups of voices are kept up to date one claim at a time (``Groups.add``); merging them is then a
pass over the groups, not over every claim, so a story of a thousand reports stays cheap.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fogofwar.link.origins import Voice

COUNTRY_SIDES = {"UA": "ukraine", "RU": "russia"}


@dataclass(slots=True)
class Origin:
    """An origin of a story, as merged from voices, with the claims and stances behind it."""

    name: str
    side: str
    type: str
    articles: list[str] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)
    supports: bool = False
    denies: bool = False
    opposes: bool = False
    visual: bool = False
    firm: bool = False  # supports with a claim that is neither hedged nor unverified
    first_support: str | None = None
    position: int = 0


@dataclass(slots=True)
class Group:
    """The claims of one voice key, summarised as they arrive."""

    key: str
    first: Voice
    position: int  # of its first claim in the story
    names: list[str] = field(default_factory=list)  # named spellings
    side: str = "unknown"
    words: set[str] = field(default_factory=set)
    articles: dict[str, None] = field(default_factory=dict)
    claims: list[str] = field(default_factory=list)
    supports: bool = False
    denies: bool = False
    opposes: bool = False
    visual: bool = False
    firm: bool = False
    first_support: tuple[int, str] | None = None

    @property
    def named(self) -> bool:
        return self.first.named

    def add(self, v: Voice, article: str, claim: str, stance: str, visual: bool, position: int,
            firm: bool = True) -> None:
        if v.named and v.name not in self.names:
            self.names.append(v.name)
        if self.side == "unknown":
            self.side = v.side
        self.words |= v.words
        self.articles.setdefault(article, None)
        self.claims.append(claim)
        if stance == "support":
            self.supports = True
            self.visual |= visual
            self.firm |= firm
            if self.first_support is None:
                self.first_support = (position, claim)
        self.denies |= stance == "deny"
        self.opposes |= stance == "oppose"


def voice_key(v: Voice, report: str) -> str:
    """How voices are told apart before merging; ``report`` is the article's syndicated report."""
    if v.named and v.kind == "person":
        return "p:" + (v.head or v.name.lower())
    if v.named:
        return "n:" + v.name.lower()
    if v.kind == "anonymous":
        return f"a:{v.name.lower()}:{v.side}:{report}"
    return f"u:{v.name.lower()}:{v.side}"


def _agree(a: str, b: str) -> bool:
    return a == b or "unknown" in (a, b)


def _target(g: Group, groups: list[Group]) -> Group | None:
    """The group an unnamed, vague or media group stands for, if any."""
    others = [o for o in groups if o is not g]
    if g.first.vague:
        return next((o for o in others if o.named and not o.first.media and not o.first.vague
                     and o.side == g.side and o.supports), None)  # fmt: skip
    if g.first.media:
        return next((o for o in others if not o.first.media and not o.first.weak and not o.first.vague
                     and o.side == g.side and g.side != "unknown" and o.supports), None)  # fmt: skip
    if g.named:
        return None
    head = g.first.head
    named = next((o for o in others if o.named and not o.first.media and _agree(o.side, g.side)
                  and head in o.words), None)  # fmt: skip
    if named is not None:
        return named
    # "the Washington-based think tank" after "the Institute for the Study of War" in one article
    if g.first.type in ("analyst", "osint") and g.first.kind == "organization":
        same = next((o for o in others if o.named and o.first.type == g.first.type
                     and not o.articles.keys().isdisjoint(g.articles)), None)  # fmt: skip
        if same is not None:
            return same
    if not g.first.weak:
        return None
    return next((o for o in others if not o.named and not o.first.weak and not o.first.media
                 and o.first.head == head and _agree(o.side, g.side)), None)  # fmt: skip


def merge_groups(groups: list[Group], country: str | None) -> list[Origin]:
    """The origins of a story from its voice groups (in order of first appearance)."""
    target = {g.key: t for g in groups if (t := _target(g, groups)) is not None}
    by_key = {g.key: g for g in groups}

    def root(g: Group) -> Group:
        for _ in range(4):  # short chains only: a relay of an unnamed voice of a named source
            if g.key not in target:
                break
            g = target[g.key]
        return g

    merged: dict[str, list[Group]] = {}
    for g in groups:
        merged.setdefault(root(g).key, []).append(g)
    out = [_origin(by_key[key], members, country) for key, members in merged.items() if not by_key[key].first.weak]
    return sorted(out, key=lambda o: o.position)


def _origin(head: Group, members: list[Group], country: str | None) -> Origin:
    side = head.side if head.side != "unknown" else next((g.side for g in members if g.side != "unknown"), "unknown")
    kind = head.first.type
    if side == "unknown" and kind == "official" and country in COUNTRY_SIDES:
        side = COUNTRY_SIDES[country]
    if side == "unknown" and kind in ("osint", "analyst"):
        side = "independent"
    members = sorted(members, key=lambda g: g.position)
    origin = Origin(max(head.names or [head.first.name], key=len), side, kind, position=members[0].position)
    articles: dict[str, None] = {}
    supports = [g.first_support for g in members if g.first_support is not None]
    for g in members:
        articles.update(g.articles)
        origin.claims.extend(g.claims)
        origin.supports |= g.supports
        origin.denies |= g.denies
        origin.opposes |= g.opposes
        origin.visual |= g.visual
        origin.firm |= g.firm
    origin.articles = list(articles)
    origin.first_support = min(supports)[1] if supports else None
    return origin
