"""What a verb of saying says: its clause, its object for verbs that take one, a quotation beside it,
or the clause it was hung on when the parser read the attribution backwards."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from fogofwar.analyze.claims.lexicon import ClaimsLexicon
from fogofwar.analyze.claims.sources import can_speak

_CONTENT_DEPS = ("ccomp", "xcomp")
_TRAILING_DEPS = ("parataxis", "ccomp", "advcl", "conj")


# Verbs whose object is what was said ("denied the report", "announced the capture of X",
# "emphasizing the need to ..."); for the others the object is a hearer or a thing ("told reporters").
_OBJECT_CONTENT = frozenset(
    {
        "announce",
        "confirm",
        "report",
        "reveal",
        "claim",
        "acknowledge",
        "admit",
        "allege",
        "predict",
        "estimate",
        "concede",
        "reiterate",
        "repeat",
        "stress",
        "emphasize",
        "emphasise",
        "underline",
        "underscore",
        "deny",
        "reject",
        "refute",
        "dismiss",
        "rebut",
        "frame",
        "describe",
        "portray",
        "characterize",
        "characterise",
        "label",
        "call",
    }
)
_MEDIUM_NOUNS = frozenset(
    {
        "statement",
        "interview",
        "post",
        "message",
        "briefing",
        "video",
        "address",
        "report",
        "speech",
        "update",
        "communique",
        "comment",
        "remark",
        "letter",
        "tweet",
    }
)
_PREP_CONTENT = {
    "talk": ("about", "of"),
    "speak": ("about", "of"),
    "refer": ("to",),
    "rail": ("against",),
    "call": ("for",),
    "cite": ("as",),
    "insist": ("on",),
    "warn": ("of", "about", "against"),
    "comment": ("on",),
    "accuse": ("of",),
    "blame": ("for",),
    "speculate": ("about", "on"),
    "reject": ("as",),
    "dismiss": ("as",),
    "deny": ("as",),
}


def drop_nested(verb: Token, tokens: set[int], lex: ClaimsLexicon) -> set[int]:
    """Content without a coordinated attribution of its own ("..., and bloggers claim ...")."""
    for tok in [verb.doc[i] for i in sorted(tokens)]:
        if (
            tok.dep_ == "conj"
            and tok.lemma_.lower() in lex.verbs
            and any(c.dep_ == "nsubj" for c in tok.children)
        ):
            tokens -= {t.i for t in tok.subtree}
            tokens -= {c.i for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i}
    return tokens


def content_of(verb: Token, cls: str, lex: ClaimsLexicon) -> set[int]:
    """Token indices of what ``verb`` says."""
    tokens: set[int] = set()
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ in _CONTENT_DEPS:
            tokens.update(t.i for t in child.subtree)
        elif child.dep_ == "prep" and child.lower_ in ("in", "on"):
            # "said in a statement that ...": the clause hangs on the statement
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in _MEDIUM_NOUNS:
                    for clause in pobj.children:
                        if clause.dep_ in ("acl", "relcl", "ccomp") and clause.left_edge.lower_ == "that":
                            tokens.update(t.i for t in clause.subtree)
    if tokens:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        for extra in subjects[:-1]:
            if not can_speak(extra, lex):
                tokens.update(t.i for t in extra.subtree)  # the misattached subject of the content
    else:
        for child in verb.children:
            # "said the depot stored shells", parsed as an object with a participle
            if (
                child.dep_ == "dobj"
                and cls in ("say", "hedge", "belief")
                and len(list(child.subtree)) >= 4
                and any(t.tag_ in ("VBN", "VBD", "VBZ", "VBP") for t in child.subtree)
            ):
                tokens.update(t.i for t in child.subtree)
    if cls == "tell" and not tokens:
        # "told a broadcaster that ...", parsed as a clause on the hearer
        for child in verb.children:
            if child.dep_ == "dobj":
                for clause in child.children:
                    if clause.dep_ in ("relcl", "acl", "ccomp") and clause.left_edge.lower_ == "that":
                        tokens.update(t.i for t in clause.subtree)
    if lemma in ("ask", "question", "wonder") and not any(c.dep_ == "ccomp" for c in verb.children):
        if lemma == "ask" and tokens and any(c.dep_ == "dobj" for c in verb.children):
            # "asked the ministry to investigate ...": a request of someone is what was asked
            for child in verb.children:
                if child.dep_ == "dobj":
                    tokens.update(t.i for t in child.subtree)
            return drop_nested(verb, tokens, lex)
        return set()  # "asked not to be named" is a request, "asked whether ..." a question
    if not tokens and lemma in ("show", "find", "see"):
        # "the poll shows Clinton leading Trump": an object with a participle is a small clause
        for child in verb.children:
            if child.dep_ == "dobj" and any(
                c.dep_ == "acl" and c.tag_ in ("VBG", "VBN") for c in child.children
            ):
                tokens.update(t.i for t in child.subtree)
    if lemma in _PREP_CONTENT and cls == "clause" and not tokens:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in _PREP_CONTENT[lemma]:
                tokens.update(t.i for t in child.subtree)
    if tokens or cls in ("tell", "clause"):
        return drop_nested(verb, tokens, lex)
    for child in verb.children:
        if (
            child.dep_ in ("dobj", "oprd")
            and child.pos_ != "PRON"
            and (lemma in _OBJECT_CONTENT or cls == "judge")
        ):
            tokens.update(t.i for t in child.subtree)
        elif child.dep_ == "prep" and (
            (cls == "frame" and child.lower_ == "as") or child.lower_ in _PREP_CONTENT.get(lemma, ())
        ):
            tokens.update(t.i for t in child.subtree)
    return drop_nested(verb, tokens, lex)


_OBJECT_DEPS = frozenset({"dobj", "prep", "xcomp", "ccomp", "attr", "acomp", "oprd", "dative", "advcl"})


def object_content(verb: Token) -> set[int]:
    """What a cue the model found outside the lexicon is about ("voted for X", "favored her",
    "seemed rattled by ..."): its objects and complements after it, else the clause it hangs on."""
    tokens = {t.i for c in verb.rights if c.dep_ in _OBJECT_DEPS for t in c.subtree}
    return tokens or trailing_content(verb, verb)


def judges(verb: Token) -> bool:
    """Whether "call"/"label" predicates a judgement of its object rather than giving it a name."""
    children = list(verb.children)
    for child in children:
        if child.dep_ in ("oprd", "xcomp", "ccomp"):
            return child.pos_ != "PROPN"
    for child in children:
        if child.dep_ == "dobj":
            # "the strikes terrorism" is parsed as one noun phrase
            if child.pos_ == "NOUN" and any(
                c.dep_ == "compound" and c.pos_ == "NOUN" for c in child.children
            ):
                return True
            # 'called the senator a "nasty guy"': a quoted judgement after the object
            after = verb.doc[child.right_edge.i + 1 : child.right_edge.i + 3]
            if any(t.text in ('"', "“", "''", "‘") for t in after):
                return True
            # 'called protesters “thugs”', parsed as one noun phrase with the quoted word its head
            return any(t.text in ('"', "“", "''", "‘") for t in child.subtree) and any(
                c.dep_ in ("nmod", "compound") and c.pos_ in ("NOUN", "PROPN") for c in child.children
            )
    return False


def trailing_content(verb: Token, source_head: Token) -> set[int]:
    """The clause around "..., the ministry said." or "The footage, he said, was filmed ..." when the
    parser hung the verb of saying on the clause it reports."""
    head = verb.head
    if verb.dep_ not in _TRAILING_DEPS or head == verb:
        return set()
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head  # "X has likely advanced, but Y remains unconfirmed, ISW said": both conjuncts
    drop = {t.i for t in verb.subtree}
    return {t.i for t in head.subtree if t.i not in drop}


def left_material(verb: Token, subj: Token) -> set[int]:
    """'People like Scott, he said.': what stands before ", SUBJECT said" when the parser hung it on
    the verb as a loose dependent."""
    lefts = [
        c
        for c in verb.lefts
        if c != subj and c.dep_ not in ("aux", "auxpass", "neg", "punct", "advmod", "cc")
    ]
    if not lefts:
        return set()
    first_subj = min(t.i for t in subj.subtree)
    tokens = {t.i for c in lefts for t in c.subtree if t.i < first_subj}
    if not tokens or verb.doc[first_subj - 1].text != ",":
        return set()
    return tokens


def following_quote(verb: Token, subj: Token, quotes: list[tuple[int, int]], text: str) -> set[int]:
    """'says of Clinton, "If she gets the chance ..."': a quotation opening just after the verb; or
    '"How many times ...?" Clinton said.': one closing just before the subject or the verb."""
    doc = verb.doc
    end = verb.idx + len(verb)
    clause_start = min(verb.idx, doc[min(t.i for t in subj.subtree)].idx)
    for qs, qe in quotes:
        if qe <= clause_start and not text[qe:clause_start].strip(" \n,.?!\"”’'"):
            span = doc.char_span(qs, qe, alignment_mode="expand")
            if span is not None:
                return {t.i for t in span}
    for qs, qe in quotes:
        if end < qs <= end + 60 and not any(ch in text[end : qs - 1] for ch in '.!?\n"“”'):
            span = doc.char_span(qs, qe, alignment_mode="expand")
            if span is not None:
                return {t.i for t in span}
    return set()


def quoted(doc: Doc, tokens: set[int], quotes: list[tuple[int, int]]) -> bool:
    words = [doc[i] for i in tokens if not doc[i].is_punct]
    return bool(words) and all(any(qs <= t.idx < qe for qs, qe in quotes) for t in words)
