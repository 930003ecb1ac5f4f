"""A person's role from the words around the name.

Two forms: a title right before the name ("Chief of the General Staff Valery Gerasimov", "Kremlin
spokesman Dmitry Peskov") and an apposition right after it ("Oleksandr Syrskyi, Ukraine's
commander-in-chief,"). A leading country qualifier ("Russian", "Ukraine's") is not part of the
role; it gives the person's side instead. Organisation and place names inside a title are part of
the role ("Kremlin spokesman"), and ``find`` drops them as separate entities.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from fogofwar.analyze.actors import ActorBook

DATA = Path(__file__).parent.parent / "data" / "entities_roles.toml"
FUNCTION = {"of", "the", "for", "'s", "’s", "-", "a", "an"}
STOP_AFTER = {",", ".", ";", ":", ")", "—", "–", "!", "?", '"', "”", "who", "that", "which", "whose", "whom"}
NOT_CAPS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERSON", "MONEY", "PERCENT", "QUANTITY"}


@dataclass(frozen=True, slots=True)
class Lexicon:
    heads: frozenset[str]
    modifiers: frozenset[str]
    honorifics: frozenset[str]
    ranks: frozenset[str]
    unit_nouns: frozenset[str]


@functools.cache
def lexicon() -> Lexicon:
    with open(DATA, "rb") as f:
        data = tomllib.load(f)
    return Lexicon(
        *(
            frozenset(w.lower() for w in data[k])
            for k in ("heads", "modifiers", "honorifics", "ranks", "unit_nouns")
        )
    )


@dataclass(frozen=True, slots=True)
class RoleSpan:
    start: int
    end: int
    text: str
    side_word: str | None  # the stripped country qualifier, e.g. "Russian"
    rank_only: bool  # only a military rank ("Captain")


def _word(tok: Token) -> str:
    return tok.text.lower().replace("’", "'")


def _allowed(tok: Token, in_entity: set[int], lex: Lexicon) -> bool:
    w = _word(tok)
    if w in lex.heads or w in lex.modifiers or w in lex.honorifics or w in FUNCTION:
        return True
    if tok.i in in_entity:
        return True
    if "-" in w and all(p in lex.heads or p in lex.modifiers or p == "in" for p in w.split("-")):
        return True
    # A capitalised word inside a title ("Roscosmos chief"), but never a sentence's first word.
    return tok.is_title and not tok.is_sent_start and tok.ent_type_ not in NOT_CAPS and tok.is_alpha


def _hyphenated_in(doc: Doc, i: int) -> bool:
    """The "in" of "commander-in-chief", which spaCy splits into five tokens."""
    return (
        doc[i].lower_ == "in" and 0 < i < len(doc) - 1 and doc[i - 1].text == "-" and doc[i + 1].text == "-"
    )


def _finish(doc: Doc, toks: list[Token], book: ActorBook, lex: Lexicon) -> RoleSpan | None:
    """Trim function words and the country qualifier; a role must hold a head word."""
    side_word: str | None = None
    while toks:
        w = _word(toks[0])
        if w in FUNCTION or w in lex.honorifics:
            toks = toks[1:]
            continue
        state = book.state_of(toks[0].text)
        nxt = _word(toks[1]) if len(toks) > 1 else ""
        qualifier = (
            toks[0].text in state.demonyms or nxt == "'s" and toks[0].text in state.names if state else False
        )
        if state is not None and side_word is None and qualifier:
            side_word = toks[0].text
            toks = toks[2:] if nxt == "'s" else toks[1:]
            continue
        break
    while toks and (_word(toks[-1]) in FUNCTION or _word(toks[-1]) in lex.honorifics):
        toks = toks[:-1]
    words = [_word(t) for t in toks]
    parts = {p for w in words for p in w.split("-")}
    if not toks or not (parts & lex.heads):
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    rank_only = all(w in lex.ranks or w in FUNCTION for w in words)
    return RoleSpan(start, end, doc[toks[0].i : toks[-1].i + 1].text, side_word, rank_only)


def title_before(
    doc: Doc, first: int, in_entity: set[int], persons: set[int], book: ActorBook, last: int | None = None
) -> RoleSpan | None:
    """The title written right before the token ``first`` that starts a name, also set off by a
    comma ("Ukraine's top commander, Oleksandr Syrskyi, said") when the name ends at ``last``."""
    lex = lexicon()
    i = first - 1
    if i > 0 and doc[i].text == "," and last is not None:
        return _title_comma(doc, i, last, in_entity, persons, book, lex)
    # "a spokeswoman for Hillary Clinton": the title is someone else's.
    if i >= 0 and _word(doc[i]) in ("of", "for", "'s", "to", "with", "by"):
        return None
    toks: list[Token] = []
    while i >= 0:
        tok = doc[i]
        if tok.i in persons or tok.is_space or tok.is_punct and tok.text != "-":
            break
        if not (_allowed(tok, in_entity, lex) or _hyphenated_in(doc, i)):
            break
        toks.insert(0, tok)
        i -= 1
    return _finish(doc, toks, book, lex)


def _title_comma(
    doc: Doc, comma: int, last: int, in_entity: set[int], persons: set[int], book: ActorBook, lex: Lexicon
) -> RoleSpan | None:
    """A title before "<comma> name": only a definite description ("the head of the SBU,", "Ukraine's
    top commander,") followed, after the name, by a comma, a full stop or the end, so that a list
    of names ("Lavrov, Peskov") never reads as a title."""
    if last < len(doc) and doc[last].text not in (",", ".", ";", ")", "—"):
        return None
    toks: list[Token] = []
    i = comma - 1
    while i >= 0:
        tok = doc[i]
        if tok.i in persons or tok.is_space or tok.is_punct and tok.text != "-":
            break
        if not (_allowed(tok, in_entity, lex) or _hyphenated_in(doc, i)):
            break
        toks.insert(0, tok)
        i -= 1
    definite = bool(toks) and (
        _word(toks[0]) in ("the", "a", "an") or any(_word(t) == "'s" for t in toks[:2])
    )
    return _finish(doc, toks, book, lex) if definite else None


def apposition_after(
    doc: Doc, last: int, in_entity: set[int], persons: set[int], book: ActorBook
) -> RoleSpan | None:
    """The apposition after the name ending at token ``last`` (exclusive): ", <role>," ."""
    lex = lexicon()
    if last >= len(doc) or doc[last].text != ",":
        return None
    toks: list[Token] = []
    i = last + 1
    while i < len(doc):
        tok = doc[i]
        if tok.i in persons or tok.is_space:
            return None
        if tok.text in STOP_AFTER or tok.lower_ in STOP_AFTER or tok.pos_ in ("VERB", "AUX") and toks:
            break
        if not (_allowed(tok, in_entity, lex) or _hyphenated_in(doc, i)):
            return None
        toks.append(tok)
        i += 1
        if len(toks) > 12:
            return None
    return _finish(doc, toks, book, lex)
