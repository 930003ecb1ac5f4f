"""When an event happened, when its own clause names no resolved date.

In order: a background time in the clause that the dates stage left unresolved ("captured X in the
summer", "two months ago") makes the date unknown, not the report's day; else the day of the report
that asserts the happening: a day-precision date in an asserting mention's sentence (the one
nearest the mention in the parse, never the dateline's, "KYIV, Oct 15 (GWS) -", and not one the
mention is a temporal adjunct of at another time: "three weeks after X fell"), else in the sentence after it. The
caller falls back on the publication date.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from fogofwar.analyze.events.context import mention_context
from fogofwar.analyze.events.coref import Group
from fogofwar.analyze.events.lexicon import words
from fogofwar.analyze.events.mentions import Mention
from fogofwar.analyze.events.syntax import DocIndex, other_frame
from fogofwar.analyze.extensions import published
from fogofwar.schema import Claim, DateRef

_BEFORE_AFTER = frozenset({"after", "before", "since", "until", "following", "prior"})
_INTERVALS = frozenset({"day", "week", "month", "year", "decade", "long"})
_TIME_PREPS = frozenset({"in", "during", "over", "since", "through", "throughout", "by"})


def background_time(m: Mention) -> DateRef | None:
    """An unresolved earlier time in a mention's clause ("in the summer", "months ago"), as a date
    of unknown value: the happening is not the report's news of the day."""
    times = words()["background_times"]
    for tok in m.clause:
        if tok.lemma_.lower() not in times and tok.lower_ not in times:
            continue
        if tok.lower_ == "ago":
            top: Token = tok
        elif tok.dep_ == "pobj" and tok.head.lower_ in _TIME_PREPS and not _has_of(tok):
            top = tok.head  # "in the summer", not "the fall of X"
        elif tok.dep_ == "npadvmod" and any(c.lower_ in ("last", "this", "that") for c in tok.children):
            top = tok  # "last summer"
        else:
            continue
        sub = list(top.subtree)
        a, b = sub[0].idx, sub[-1].idx + len(sub[-1])
        return DateRef(a, b, m.span.doc.text[a:b], None, "unknown")
    return None


def _has_of(tok: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def _adjunct(head: Token, date: Token) -> bool:
    """Whether the mention sits in a temporal adjunct that the date does not reach: in "posted a
    video on Friday, three weeks after Moscow claimed X had been captured" Friday dates the video."""
    below = {t.i for t in date.ancestors} | {date.i}
    tok = head
    while tok.head.i != tok.i and tok.i not in below:
        if (tok.dep_ == "prep" and _apart(tok, tok)) or any(c.dep_ == "mark" and _apart(c, tok) for c in tok.children):
            return True  # "weeks after the fall of X", "since Moscow claimed X fell"
        tok = tok.head
    return False


def _apart(marker: Token, clause: Token) -> bool:
    """Whether "after"/"since"/... sets its clause at another time than the main one: "since",
    "until", or an interval ("three weeks after", "long before"); a bare "after" ("lost power on
    Monday after drones hit X") tells what came just before, on the same day."""
    low = marker.lower_
    if low in ("since", "until", "prior"):
        return True
    mods = [*marker.children, *clause.children]  # "weeks" hangs on "after" or on its clause's verb
    interval = any(c.lemma_.lower() in _INTERVALS for c in mods if c.dep_ in ("npadvmod", "advmod"))
    return low in _BEFORE_AFTER and interval


def _path(a: Token, b: Token) -> int:
    """Steps between two tokens of a sentence through their lowest common ancestor."""
    up = {a.i: 0}
    cur, n = a, 0
    while cur.head.i != cur.i:
        cur, n = cur.head, n + 1
        up[cur.i] = n
    cur, n = b, 0
    while cur.i not in up and cur.head.i != cur.i:
        cur, n = cur.head, n + 1
    return n + up.get(cur.i, 40)


def _day_dates(sent: Span, ctx: DocIndex, pub: str | None) -> list[tuple[DateRef, Token]]:
    out = []
    for d in ctx.dates:
        if not (sent.start_char <= d.start < sent.end_char) or d.precision != "day":
            continue
        if pub is not None and (d.value or "") > pub:
            continue
        tok = sent.doc.char_span(d.start, d.end, alignment_mode="expand")
        if tok is not None:
            out.append((d, tok.root))
    return out


def _asserting(g: Group, claims: Sequence[Claim]) -> list[Mention]:
    """The mentions that tell the happening, not its denial: their own words say it happened and
    no denial holds them ("rejected a Russian claim that X had been captured" tells the denial),
    whatever a later denial makes of the claim that tells them."""
    own = [m for m in g.mentions if _own_context(m) == "happened" and not _in_denial(m, claims)]
    return own or [m for m in g.mentions if m.context == "happened"] or g.mentions


def _in_denial(m: Mention, claims: Sequence[Claim]) -> bool:
    doc = m.span.doc
    for c in claims:
        if c.cue is None or not (c.content.start <= m.span.start_char < c.content.end):
            continue
        cue = doc.char_span(c.cue.start, c.cue.end, alignment_mode="expand")
        if cue is not None and cue.root.lemma_.lower() in words()["deny_verbs"]:
            return True
    return False


def _own_context(m: Mention) -> str:
    return mention_context(m.head, m.nominal, m.span.start_char, m.span.end_char, ())


def report_date(
    doc: Doc, g: Group, mention_sents: dict[int, int], ctx: DocIndex, claims: Sequence[Claim]
) -> DateRef | None:
    sents = ctx.sents
    pub = published(doc)
    asserting = _asserting(g, claims)
    mine = {mention_sents[id(m)] for m in asserting}
    others = set(mention_sents.values()) - mine
    for i in sorted(mine | {i + 1 for i in mine}):
        if i >= len(sents) or (i in others and i not in mine):
            continue
        if i not in mine and _line_break_before(doc, sents, i):
            continue  # the next paragraph's day is its own ("... the withdrawal from the Kyiv region.
            # <blank line> In a signed letter on Monday, ...")
        found = _day_dates(sents[i], ctx, pub)
        if not found:
            continue
        heads = [m.head for m in asserting if mention_sents[id(m)] == i]
        if not heads:
            return min(found, key=lambda f: f[0].start)[0]
        # the date of the clause that carries the mention: "Russia said on Tuesday that a strike ...,
        # while the brigade said on Wednesday ...": Tuesday
        dated = [f for f in found if not any(_adjunct(h, f[1]) or other_frame(f[1], h) for h in heads)]
        if dated:
            return min(dated, key=lambda f: min((_path(f[1], h), abs(f[1].i - h.i)) for h in heads))[0]
    return _paragraph_date(doc, min(mine), ctx, pub) if mine else None


def _line_break_before(doc: Doc, sents: Sequence[Span], i: int) -> bool:
    gap = doc.text[sents[i - 1].start_char : sents[i].start_char] if i > 0 else ""
    return "\n\n" in gap[len(gap.rstrip()) :].replace(" ", "")  # a blank line: another paragraph


PARAGRAPH_LOOKBACK = 4  # sentences


def _paragraph_date(doc: Doc, first: int, ctx: DocIndex, pub: str | None) -> DateRef | None:
    """The day the paragraph is about, for a mention without a date of its own or the next
    sentence's: the latest day named in the sentences before it in the same paragraph ("Saturday's
    strikes are a reminder ... The teenager died after rockets hit Kharkiv"), a digest item's or
    a live-blog entry's time frame. Only in a paragraph after a line break (a page of several
    paragraphs), never across one."""
    sents = ctx.sents
    para_start = doc.text.rfind("\n", 0, sents[first].start_char) + 1
    if para_start == 0:
        return None  # one paragraph (a snippet, a wire's single block): its report's date
    for i in range(first - 1, max(-1, first - 1 - PARAGRAPH_LOOKBACK), -1):
        if sents[i].end_char <= para_start:
            return None
        found = [f for f in _day_dates(sents[i], ctx, pub) if f[0].start >= para_start]
        if found:
            return max(found, key=lambda f: f[0].start)[0]
    return None



def event_date(
    doc: Doc, g: Group, mention_sents: dict[int, int], ctx: DocIndex, claims: Sequence[Claim]
) -> DateRef | None:
    """The event's date: its clause's own, an unresolved background time, or its report's."""
    own = g.date()
    if own is not None:
        return own
    background = next(filter(None, map(background_time, g.mentions)), None)
    return background or report_date(doc, g, mention_sents, ctx, claims)
