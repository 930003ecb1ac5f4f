"""The article's own factual propositions: sentences that assert an event, control of a place
or a figure (casualties, population) in the author's voice. Opinion and background are not claims."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from fogofwar.analyze.claims.lexicon import ClaimsLexicon
from fogofwar.analyze.claims.model import Draft, token_parts
from fogofwar.analyze.claims.sources import doc_ents

_NON_ASSERTING_MODALS = frozenset(
    {"may", "might", "could", "would", "should", "will", "can", "must", "'ll", "wo"}
)
# An agentless framing ("is portrayed as") reports somebody's view without saying whose.
_FRAMING = frozenset(
    {
        "portray",
        "depict",
        "describe",
        "present",
        "characterize",
        "characterise",
        "frame",
        "label",
        "brand",
        "dub",
        "tout",
        "call",
    }
)
_FIGURE_ENTS = ("CARDINAL", "PERCENT")
# What a figure must count to be a claim of fact: people, losses, weapons, not kilometres or years.
_COUNTED = frozenset(
    {
        "people",
        "person",
        "civilian",
        "soldier",
        "troop",
        "serviceman",
        "resident",
        "population",
        "casualty",
        "dead",
        "death",
        "wounded",
        "injured",
        "child",
        "woman",
        "man",
        "prisoner",
        "pow",
        "drone",
        "missile",
        "shell",
        "rocket",
        "bomb",
        "tank",
        "vehicle",
        "aircraft",
        "helicopter",
        "jet",
        "home",
        "house",
        "building",
        "village",
        "settlement",
        "attack",
        "strike",
        "victim",
        "body",
        "refugee",
        "fighter",
        "mercenary",
        "percent",
    }
)
_NUMBER = re.compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?)\b",
    re.IGNORECASE,
)


def _depth(tok: Token, root: Token) -> int:
    d = 0
    while tok != root and tok.head != tok and d < 12:
        tok = tok.head
        d += 1
    return d


def _modal(tok: Token) -> bool:
    for t in (tok, tok.head):
        if any(c.dep_ == "aux" and c.lower_ in _NON_ASSERTING_MODALS for c in t.children):
            return True
    return False


def _counts(num: Token) -> bool:
    """Whether a number counts something the war is about ("11,000 residents", "a population of 11,000",
    "killing four", "80 percent")."""
    near = [num.head, num.head.head] + [c for c in num.children if c.pos_ == "NOUN"]
    if any(t.lemma_.lower() in _COUNTED or t.lower_ in _COUNTED for t in near):
        return True
    return num.dep_ in ("dobj", "nsubj", "nsubjpass") and num.head.lemma_.lower() in (
        "kill",
        "wound",
        "injure",
    )


def _trigger(sent: Span, lex: ClaimsLexicon) -> Token | None:
    root = sent.root
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in lex.event_verbs and not _modal(tok):
            if tok.dep_ not in ("relcl", "amod") or tok == root:
                return tok
        elif tok.pos_ == "NOUN" and lemma in lex.event_nouns and _depth(tok, root) <= 2 and not _modal(root):
            if any(
                c.dep_ in ("poss", "prep") and (c.dep_ == "poss" or c.lower_ in ("of", "by", "on", "under"))
                for c in tok.children
            ):
                return tok
    for ent in (e for e in doc_ents(sent.doc) if sent.start <= e.start and e.end <= sent.end):
        if ent.label_ in _FIGURE_ENTS and _NUMBER.search(ent.text) and not _modal(root) and _counts(ent.root):
            return ent.root
    return None


def author_claims(doc: Doc, lex: ClaimsLexicon, taken: list[tuple[int, int]]) -> list[Draft]:
    """Author claims of the sentences that overlap no attribution's cue or content (``taken``)."""
    found: list[Draft] = []
    for sent in doc.sents:
        if any(s < sent.end_char and sent.start_char < e for s, e in taken):
            continue
        text = sent.text.strip()
        if not text or text.endswith("?") or text[0] in '"“«':
            continue
        root = sent.root
        if root.lemma_.lower() in lex.verbs and any(c.dep_ == "nsubj" for c in root.children):
            continue  # "He did not say whether ...": about saying, not about the war
        if root.lemma_.lower() in _FRAMING and any(c.dep_ == "auxpass" for c in root.children):
            continue
        trigger = _trigger(sent, lex)
        if trigger is None:
            continue
        parts = token_parts(doc, [t.i for t in sent])
        if not parts:
            continue
        found.append(
            Draft(
                sent_start=sent.start_char,
                cue=None,
                parts=[(parts[0][0], parts[-1][1])],
                type="author",
                cue_class="author",
                score=0.6,
            )
        )
    return found
