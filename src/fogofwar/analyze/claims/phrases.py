"""Attributions carried by phrases rather than verbs: "according to (a report by) X", "citing X",
and attribution nouns ("X's claim that ...", "a statement by X that ...")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from fogofwar.analyze.claims.lexicon import ClaimsLexicon
from fogofwar.analyze.claims.model import Draft, np_tokens, token_parts
from fogofwar.analyze.claims.sources import can_speak

_SOURCE_DOC_PREPS = ("by", "from", "of")


def _source_of(head: Token) -> tuple[Span, Token]:
    tokens = np_tokens(head)
    return head.doc[tokens[0].i : tokens[-1].i + 1], head


def according_to(doc: Doc, used: set[int]) -> list[Draft]:
    """ "According to (a report by) X, ..." and "..., according to X." """
    drafts: list[Draft] = []
    for tok in doc[:-1]:
        if tok.lower_ == "according" and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
        elif _as_cited(doc, tok):
            tok, to = doc[tok.i - 1], doc[tok.i + 1]  # "as cited by X": the cue is the whole phrase
        else:
            continue
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            # "according to show insiders" parsed as a verb and its object: the phrase is the source
            pobj = next((c for c in to.children if c.dep_ == "pcomp" and c.i == to.i + 1), None)
        if pobj is None:
            continue
        cue_last: Token = to
        source_head = pobj
        # "according to a report by X" / "the ministry's statement": the speaker is X
        for child in pobj.children:
            if child.dep_ == "prep" and child.lower_ in _SOURCE_DOC_PREPS:
                inner = next((c for c in child.children if c.dep_ == "pobj"), None)
                if inner is not None and pobj.lemma_.lower() in _DOC_NOUNS:
                    source_head, cue_last = inner, child
            elif child.dep_ == "poss" and pobj.lemma_.lower() in _DOC_NOUNS:
                source_head = child
        phrase = {t.i for t in tok.subtree} | {tok.i, to.i} | {t.i for t in doc[tok.i + 1].subtree}
        sent = tok.sent
        content = {t.i for t in sent if t.i not in phrase}
        parts = token_parts(doc, content)
        if not parts:
            continue
        source, head = _source_of(source_head)
        drafts.append(
            Draft(
                sent_start=sent.start_char,
                cue=(tok.idx, cue_last.idx + len(cue_last)),
                parts=parts,
                type="according_to",
                cue_class="say",
                source=source,
                source_head=head,
                score=0.85,
                tokens=phrase,
            )
        )
    return drafts


def _as_cited(doc: Doc, tok: Token) -> bool:
    """ "..., as cited by TASS", "as reported by Reuters": the source of what the sentence says."""
    return (
        tok.lower_ in ("cited", "reported", "quoted")
        and 0 < tok.i < len(doc) - 1
        and doc[tok.i - 1].lower_ == "as"
        and doc[tok.i + 1].lower_ == "by"
    )


_DOC_NOUNS = frozenset(
    {
        "report",
        "statement",
        "data",
        "estimate",
        "assessment",
        "information",
        "account",
        "analysis",
        "figure",
        "bulletin",
        "briefing",
        "update",
        "post",
        "video",
        "footage",
        "interview",
        "source",
        "claim",
    }
)


def citing(doc: Doc, lex: ClaimsLexicon, used: set[int], drafts: list[Draft]) -> list[Draft]:
    """ "..., Reuters reported, citing sources in the military": the cited source says the same.
    "..., citing the strategic importance of the town": the subject gives a reason, and that is its claim."""
    found: list[Draft] = []
    for tok in doc:
        if tok.lemma_.lower() != "cite" or tok.pos_ != "VERB" or tok.i in used:
            continue
        dobj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if dobj is None:
            continue
        speaker: Token | None = dobj
        kind = "according_to"
        own_subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if own_subject is not None or not can_speak(dobj, lex):
            # "He cited the figures" / "..., citing her work": the citer claims what it cites
            speaker = own_subject or next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            kind = "indirect"
            reason = {t.i for t in dobj.subtree}
            reason |= {t.i for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree}
            parts = token_parts(doc, reason)
        else:
            parent = next((d for d in drafts if d.cue and d.cue[0] == tok.head.idx), None)
            if parent is not None:
                parts = list(parent.parts)
            else:
                drop = {t.i for t in tok.subtree}
                parts = token_parts(doc, {t.i for t in tok.sent if t.i not in drop})
        if not parts or speaker is None:
            continue
        source, head = _source_of(speaker)
        found.append(
            Draft(
                sent_start=tok.sent.start_char,
                cue=(tok.idx, tok.idx + len(tok)),
                parts=parts,
                type=kind,
                cue_class="say",
                source=source,
                source_head=head,
                score=0.75,
                tokens={tok.i} | {t.i for t in source},
            )
        )
    return found


def noun_attributions(doc: Doc, lex: ClaimsLexicon, used: set[int]) -> list[Draft]:
    """ "X's claim that ...", "a statement by X that ...", "claims by X that ..."."""
    found: list[Draft] = []
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.i in used:
            continue
        cls = lex.nouns.get(noun.lemma_.lower())
        if cls is None:
            continue
        clause = next(
            (
                c
                for c in noun.children
                if c.dep_ in ("acl", "ccomp")
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ),
            None,
        )
        if clause is None:
            continue
        speaker: Token | None = None
        cue_last = noun
        for child in noun.children:
            if child.dep_ == "poss":
                speaker = child
            elif child.dep_ == "prep" and child.lower_ in ("by", "from") and child.i < clause.i:
                speaker = next((c for c in child.children if c.dep_ == "pobj"), speaker)
        if speaker is None:
            continue
        parts = token_parts(doc, {t.i for t in clause.subtree})
        if not parts:
            continue
        source, head = _source_of(speaker)
        found.append(
            Draft(
                sent_start=noun.sent.start_char,
                cue=(noun.idx, cue_last.idx + len(cue_last)),
                parts=parts,
                type="indirect",
                cue_class=cls,
                source=source,
                source_head=head,
                score=0.7,
                tokens={noun.i} | {t.i for t in source},
            )
        )
    return found



_QUESTION_DEPS = ("ccomp", "dobj", "xcomp")


def asked_questions(doc: Doc, used: set[int]) -> list[Draft]:
    """ "when asked whether he would ...", "Sanders was asked to name ...": a question put to
    someone, by an asker the text does not name; what was asked is the content."""
    found: list[Draft] = []
    for tok in doc:
        if tok.lemma_.lower() != "ask" or tok.tag_ != "VBN" or tok.i in used:
            continue
        aux = [c for c in tok.children if c.dep_ == "auxpass"]
        if not aux and tok.dep_ != "advcl" or any(c.dep_ == "agent" for c in tok.children):
            continue
        content = {t.i for c in tok.children if c.dep_ in _QUESTION_DEPS for t in c.subtree}
        cue_last = tok
        about = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "about"), None)
        if not content and about is not None:
            content = {t.i for c in about.children if c.dep_ == "pobj" for t in c.subtree}
            cue_last = about
        if any(c.dep_ == "xcomp" for c in tok.children):
            # "Sanders was asked to name ...": who was asked belongs to the request
            content |= {t.i for c in tok.children if c.dep_ == "nsubjpass" for t in c.subtree}
        parts = token_parts(doc, content)
        if not parts:
            continue
        first = aux[0] if aux and aux[0].i == tok.i - 1 else tok
        found.append(
            Draft(
                sent_start=tok.sent.start_char,
                cue=(first.idx, cue_last.idx + len(cue_last)),
                parts=parts,
                type="indirect",
                cue_class="say",
                score=0.5,
                tokens={tok.i},
            )
        )
    return found

