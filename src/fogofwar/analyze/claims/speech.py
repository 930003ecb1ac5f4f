"""Attributions read off the dependency parse: a verb of saying, its subject (found again where the
parser lost it) and what it says (see ``content``)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from fogofwar.analyze.claims.content import (
    content_of,
    following_quote,
    judges,
    left_material,
    object_content,
    quoted,
    trailing_content,
)
from fogofwar.analyze.claims.lexicon import ClaimsLexicon
from fogofwar.analyze.claims.model import Draft, same_paragraph, token_parts
from fogofwar.analyze.claims.speakers import Speaker, find_speaker, source_span

# The model's probability a verb needs to be a cue: lower for the lexicon's verbs, which the rules
# after it still vet, than for verbs the lexicon does not know; and the probability at which a cue
# speaks for a subject that is no speaker ("the data show").
CUE_THRESHOLD = 0.5
LEXICON_THRESHOLD = 0.15
SURE = 0.6
# "citing X" and "according to X" are read by ``phrases``, which knows who speaks there.
_PHRASAL = frozenset({"cite", "accord"})
_LINKED_VERB_DEPS = ("advcl", "conj", "xcomp")
_SAYING = frozenset({"saying", "adding"})


_NEEDS_PREDICATE = frozenset({"call", "label", "brand", "dub"})
# Verbs that are verbs of saying only around a quotation ('"...," he continued'; 'read one sign').
_QUOTE_ONLY = frozenset({"continue", "read", "chant", "yell", "shout"})


def _same_line(doc: Doc, verb: Token, tokens: set[int], text: str) -> set[int]:
    lo = text.rfind("\n", 0, verb.idx)
    hi = text.find("\n", verb.idx)
    hi = len(text) if hi == -1 else hi
    return {i for i in tokens if lo < doc[i].idx < hi}


def _cue_class(verb: Token, lex: ClaimsLexicon, probs: dict[int, float] | None) -> str | None:
    """The verb's cue class, or None when it is no cue here: the cue model decides where it is
    loaded (a verb outside the lexicon it accepts is a plain "say"), the lexicon alone otherwise."""
    lemma = verb.lemma_.lower()
    if lemma in _PHRASAL:
        return None
    cls = lex.verbs.get(lemma)
    if probs is None:
        return cls
    if probs.get(verb.i, 0.0) < (LEXICON_THRESHOLD if cls else CUE_THRESHOLD):
        return None
    return cls or "say"


def _no_saying(verb: Token) -> bool:
    """Verbs of saying that say nothing of their own here."""
    if any(
        t.tag_ in ("WP", "WDT")
        and t.dep_ in ("dobj", "nsubj", "nsubjpass")
        # "the use, which an inquiry said was careless": the relative clause says it
        and not (verb.dep_ == "relcl" and t.lower_ in ("which", "that", "who"))
        for c in verb.children
        if c.dep_ in ("dobj", "ccomp")
        for t in (c, *c.children)
    ):
        return True  # "what it said was the town centre": no content of its own
    if verb.lemma_.lower() == "point" and not any(c.dep_ == "prt" for c in verb.children):
        return True
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # '"Probably not," Ms. Moore said': a negation before the speaker is the quotation's own
    if any(c.dep_ == "neg" and (subj is None or c.i > subj.i) for c in verb.children):
        # "He did not say whether ...": nothing was said (PolNeAR counts it; the ledger does not)
        return True
    return (
        verb.lemma_.lower() in _NEEDS_PREDICATE
        and not judges(verb)
        and not any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)
    )  # "calls the town Artemovsk" names; "calls the strikes terrorism" judges


def _said(
    doc: Doc,
    verb: Token,
    cls: str,
    lex: ClaimsLexicon,
    speaker: Speaker,
    quotes: list[tuple[int, int]],
    text: str,
    learned: bool,
) -> set[int]:
    """Token indices of what the verb says, tried in order of trust. A quotation beside the verb is
    said only by a speaker, not by a thing ("This rhetoric, echoed in ...")."""
    subj = speaker.head
    quoting = subj is not None and not speaker.thing
    if learned and verb.lemma_.lower() not in lex.verbs and not speaker.inverted:
        # a verb the lexicon does not know ("sided with", "hopes that"): what follows it, not the
        # time or place phrase before it
        return same_paragraph(doc, verb.i, object_content(verb), text)
    # after an inverted speaker the quotation is what was said, not what the parser hung on it
    content = following_quote(verb, subj, quotes, text) if speaker.inverted and subj is not None else set()
    if not content:
        content = same_paragraph(doc, verb.i, content_of(verb, cls, lex), text)
    anchor = subj if subj is not None else verb
    if not content:
        content = same_paragraph(doc, verb.i, trailing_content(verb, anchor), text)
    if not content and quoting and subj is not None:
        content = following_quote(verb, subj, quotes, text)
    if not content and subj is not None:
        content = same_paragraph(doc, verb.i, left_material(verb, subj), text)
    if not content and learned and verb.lemma_.lower() not in ("ask", "question", "wonder"):
        content = same_paragraph(doc, verb.i, object_content(verb), text)
    return content


def verbal(
    doc: Doc,
    lex: ClaimsLexicon,
    used: set[int],
    quotes: list[tuple[int, int]],
    probs: dict[int, float] | None = None,
) -> list[Draft]:
    """Attributions headed by verbs; ``probs`` are the cue model's probabilities per verb, if any."""
    drafts: list[Draft] = []
    merged: set[int] = set()
    text = doc.text  # a Doc builds its text anew on each access
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or verb.i in merged or verb.i in used:
            continue
        cls = _cue_class(verb, lex, probs)
        if cls is None:
            continue
        if verb.tag_ == "VBG" and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lex.verbs:
            continue  # '"...," said Doe, half joking': the manner of the saying, not a second one
        speaker = find_speaker(
            verb, cls, lex, probs is not None, probs is not None and probs.get(verb.i, 0.0) >= SURE
        )
        if speaker.blocked:
            continue
        if _no_saying(verb):
            continue
        content = _said(doc, verb, cls, lex, speaker, quotes, text, probs is not None)
        if not content:
            continue
        if speaker.head is None:
            # "Its capture is seen as a symbolic victory": the passive's subject is part of what is said
            content |= {t.i for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree}
        if speaker.head is None or verb.lemma_.lower() not in lex.verbs:
            # a cue the lexicon does not know, or one without a speaker, says no more than its sentence
            # and its line (the parser may join a title line to the sentence under it)
            content = _same_line(doc, verb, content & set(range(verb.sent.start, verb.sent.end)), text)
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
            if (
                child.dep_ in _LINKED_VERB_DEPS
                and child.i not in content
                and child.pos_ == "VERB"
                and child.i > verb.i  # not "Asked whether ..., Peskov said": a question of its own
            ):
                if (
                    child.lemma_.lower() in lex.verbs
                    and not any(c.dep_ == "nsubj" for c in child.children)
                    # "urged X, saying (that) ...": a plain "saying" with a clause of its own is a second
                    # attribution, while "framed X, emphasizing the need" stays one
                    and not (
                        (child.lower_ in _SAYING or child.dep_ == "conj")
                        and any(c.dep_ == "ccomp" for c in child.children)
                    )  # "tweeted a photograph and said she ...": the said clause is its own claim
                ):
                    extra = content_of(child, lex.verbs[child.lemma_.lower()], lex)
                    if extra:
                        parts = sorted(parts + token_parts(doc, extra))
                        merged.add(child.i)
                        content |= extra
        if not parts:
            continue
        source, head = source_span(speaker)
        if speaker.fallback and source is not None:
            content -= set(range(source.start, source.end))
            parts = sorted(
                p
                for p in token_parts(doc, content)
                if not (p[0] < source.end_char and source.start_char < p[1])
            )
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
                tokens={verb.i} | ({t.i for t in source} if source is not None else set()),
            )
        )
    return drafts
