"""Attributions read off the dependency parse: a verb of saying, its subject (found again where the
parser lost it) and what it says (see ``content``)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from fogofwar.analyze.claims.content import (
    content_of,
    following_quote,
    judges,
    left_material,
    quoted,
    trailing_content,
)
from fogofwar.analyze.claims.lexicon import ClaimsLexicon
from fogofwar.analyze.claims.model import Draft, np_tokens, same_paragraph, token_parts
from fogofwar.analyze.claims.sources import can_speak

_LINKED_VERB_DEPS = ("advcl", "conj", "xcomp")


def _span(doc: Doc, tokens: list[Token]) -> Span:
    return doc[tokens[0].i : tokens[-1].i + 1]


def _source_of(head: Token) -> tuple[Span, Token]:
    return _span(head.doc, np_tokens(head)), head


def _left_np(verb: Token) -> Token | None:
    """The noun phrase right before a verb the parser left without a subject ("..., Ukraine's General
    Staff said"): its head is the token before the verb."""
    if verb.i == 0:
        return None
    prev = verb.doc[verb.i - 1]
    if prev.pos_ in ("NOUN", "PROPN") and prev.dep_ in (
        "appos",
        "conj",
        "npadvmod",
        "dobj",
        "pobj",
        "attr",
        "dep",
    ):
        return prev
    return None


_SAYING = frozenset({"saying", "adding"})
_CLOSING_MARKS = ("'", '"', "”", "’")


def _right_np(verb: Token) -> Token | None:
    """The speaker after a verb the parser left without a subject right after a quotation
    ('"...," said Robin Doe, half joking'): the head of the name or noun phrase that follows."""
    doc = verb.doc
    if verb.i == 0 or verb.tag_ not in ("VBD", "VBZ"):
        return None
    before = doc.text[: verb.idx].rstrip(" ")
    if not before.endswith(_CLOSING_MARKS):
        return None
    head = None
    for tok in doc[verb.i + 1 : verb.i + 8]:
        if tok.pos_ in ("PROPN", "NOUN"):
            head = tok
        elif tok.pos_ not in ("DET", "ADJ", "NUM") or head is not None and tok.pos_ != "PROPN":
            break
    return head


def _right_source(head: Token) -> tuple[Span, Token]:
    """The name after an inverted verb, with its determiners and modifiers but not what follows."""
    start = head.i
    while start > 0 and head.doc[start - 1].pos_ in ("DET", "ADJ", "NUM", "PROPN", "NOUN"):
        start -= 1
    return head.doc[start : head.i + 1], head


def _left_source(head: Token) -> tuple[Span, Token]:
    """The noun phrase ending at ``head`` read leftwards up to a comma or clause boundary."""
    doc = head.doc
    start = head.i
    while start > 0:
        prev = doc[start - 1]
        if (
            prev.is_punct
            or prev.pos_ not in ("DET", "ADJ", "PROPN", "NOUN", "PART", "NUM")
            or prev.dep_ == "prep"
        ):
            break
        start -= 1
    return doc[start : head.i + 1], head


def _after_and(verb: Token) -> bool:
    """Whether a coordinated verb directly follows its "and"/"but" ("... and said she would")."""
    i = verb.i - 1
    while i > 0 and verb.doc[i].dep_ in ("advmod", "aux", "neg") and verb.doc[i].head == verb:
        i -= 1
    return verb.doc[i].pos_ == "CCONJ"


def _subject(verb: Token, lex: ClaimsLexicon | None = None) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) > 1 and lex is not None:
        # "A ceasefire ... would start ..., a Western diplomat said": the parser gave it two subjects
        speakers = [c for c in subjects if can_speak(c, lex)]
        return speakers[-1] if speakers else subjects[-1]
    if subjects:
        return subjects[0]
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    for child in verb.children if passive else ():
        if child.dep_ == "agent":  # "it was announced by the ministry"
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if (verb.dep_ == "relcl" or verb.dep_ == "acl" and verb.tag_ == "VBG") and verb.head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        return verb.head  # "the ministry, which said ..."
    if (
        verb.dep_ == "conj"
        and verb.head.pos_ in ("VERB", "AUX")
        and verb.head.i < verb.i
        and _after_and(verb)
    ):
        # "... promised to help and said she would stand up": the first verb's subject
        return _subject(verb.head, lex)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep":
        # "responded by saying ...": the subject of the verb the preposition hangs on
        governor = verb.head.head
        if governor.pos_ in ("VERB", "AUX"):
            return next((c for c in governor.children if c.dep_ == "nsubj"), None)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        # "Ukraine has stepped up attacks, arguing that ...": the subject of the clause it hangs on
        return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return None


# Verbs that things as well as people do ("This development underscores ..."): a source noun is needed.
_WEAK_VERBS = frozenset(
    {
        "underscore",
        "underline",
        "highlight",
        "indicate",
        "signal",
        "point",
        "note",
        "confirm",
        "observe",
        "recall",
        "stress",
        "repeat",
        "reiterate",
        "publish",
        "quote",
        "add",
        "report",
        "show",
        "reveal",
        "answer",
        "respond",
        "reply",
        "mention",
    }
)
_NEEDS_PREDICATE = frozenset({"call", "label", "brand", "dub"})
# Verbs that are verbs of saying only around a quotation ('"...," he continued'; 'read one sign').
_QUOTE_ONLY = frozenset({"continue", "read", "chant", "yell", "shout"})


def verbal(doc: Doc, lex: ClaimsLexicon, used: set[int], quotes: list[tuple[int, int]]) -> list[Draft]:
    drafts: list[Draft] = []
    merged: set[int] = set()
    text = doc.text  # a Doc builds its text anew on each access
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or verb.i in merged or verb.i in used:
            continue
        cls = lex.verbs.get(verb.lemma_.lower())
        if cls is None:
            continue
        if verb.tag_ == "VBG" and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lex.verbs:
            continue  # '"...," said Doe, half joking': the manner of the saying, not a second one
        subj = _subject(verb, lex)
        inverted = False
        if subj is None:
            subj = _right_np(verb)
            inverted = subj is not None
        fallback = subj is None
        if fallback:
            subj = _left_np(verb)
        if subj is None or not can_speak(
            subj, lex, strong=cls in ("say", "tell", "deny") and verb.lemma_.lower() not in _WEAK_VERBS
        ):
            continue
        if any(
            t.tag_ in ("WP", "WDT")
            and t.dep_ in ("dobj", "nsubj", "nsubjpass")
            # "the use, which an inquiry said was careless": the relative clause says it
            and not (verb.dep_ == "relcl" and t.lower_ in ("which", "that", "who"))
            for c in verb.children
            if c.dep_ in ("dobj", "ccomp")
            for t in (c, *c.children)
        ):
            continue  # "what it said was the town centre": no content of its own
        if verb.lemma_.lower() == "point" and not any(c.dep_ == "prt" for c in verb.children):
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue  # "He did not say whether ...": nothing was said
        if (
            verb.lemma_.lower() in _NEEDS_PREDICATE
            and not judges(verb)
            and not any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)
        ):
            continue  # "calls the town Artemovsk" names; "calls the strikes terrorism" judges
        # after an inverted speaker the quotation is what was said, not what the parser hung on it
        content = following_quote(verb, subj, quotes, text) if inverted else set()
        if not content:
            content = same_paragraph(doc, verb.i, content_of(verb, cls, lex), text)
        if not content:
            content = same_paragraph(doc, verb.i, trailing_content(verb, subj), text)
        if not content:
            content = following_quote(verb, subj, quotes, text)
        if not content:
            content = same_paragraph(doc, verb.i, left_material(verb, subj), text)
        if not content:
            continue
        if verb.lemma_.lower() in _QUOTE_ONLY and not quoted(doc, content, quotes):
            continue  # "continued to advance", "read the report": no quotation, no saying
        cue_end = verb
        for child in verb.children:
            if child.dep_ == "prt" and child.i == verb.i + 1:
                cue_end = child
        parts = token_parts(doc, content)
        # "framed X as Y, emphasizing Z": one claim whose content has both parts (a quotation stays
        # its own claim: '"...," the think tank wrote, adding that ...')
        for child in [] if quoted(doc, content, quotes) else verb.children:
            if child.dep_ in _LINKED_VERB_DEPS and child.i not in content and child.pos_ == "VERB":
                if (
                    child.lemma_.lower() in lex.verbs
                    and not any(c.dep_ == "nsubj" for c in child.children)
                    # "urged X, saying (that) ...": a plain "saying" with a clause of its own is a second
                    # attribution, while "framed X, emphasizing the need" stays one
                    and not (
                        child.lower_ in _SAYING and any(c.dep_ == "ccomp" for c in child.children)
                    )
                ):
                    extra = content_of(child, lex.verbs[child.lemma_.lower()], lex)
                    if extra:
                        parts = sorted(parts + token_parts(doc, extra))
                        merged.add(child.i)
                        content |= extra
        if not parts:
            continue
        source, head = (
            _source_of(subj) if not (fallback or inverted) else _left_source(subj) if fallback else _right_source(subj)
        )
        if fallback:
            content -= set(range(source.start, source.end))
            parts = [
                p
                for p in token_parts(doc, content)
                if not (p[0] < source.end_char and source.start_char < p[1])
            ]
            parts = sorted(parts)
            if not parts:
                continue
        drafts.append(
            Draft(
                sent_start=verb.sent.start_char,
                cue=(verb.idx, cue_end.idx + len(cue_end)),
                parts=parts,
                type="indirect",
                cue_class=cls,
                source=source,
                source_head=head,
                score=0.85 if verb.dep_ == "ROOT" else 0.75,
                tokens={verb.i} | {t.i for t in source},
            )
        )
    return drafts
