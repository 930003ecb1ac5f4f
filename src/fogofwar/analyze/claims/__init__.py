"""The claims stage: every attribution (who said what, how) and the article's own factual
propositions, written to ``doc._.claims`` as schema.Claim. Reads, when earlier stages ran,
``doc._.entities`` (to name sources and give their sides), ``doc._.places`` (the country a local
institution speaks for) and ``doc._.uncertainty_cues`` (for hedged and unverified)."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from fogofwar.analyze.claims.author import author_claims
from fogofwar.analyze.claims.cuemodel import load_model
from fogofwar.analyze.claims.lexicon import DATA, ClaimsLexicon, load_lexicon
from fogofwar.analyze.claims.model import Draft, quote_spans
from fogofwar.analyze.claims.phrases import according_to, asked_questions, citing, noun_attributions
from fogofwar.analyze.claims.quotes import (
    drop_quoted_cues,
    speaker_lines,
    unattributed_quotes,
    widen_to_quotes,
)
from fogofwar.analyze.claims.sides import MILITARY_HEADS, MILITARY_ROLES, adversary_side, is_local, place_side
from fogofwar.analyze.claims.sources import (
    STATE_ROLES,
    SourceInfo,
    compatible,
    context_side,
    describe,
    full_names,
)
from fogofwar.analyze.claims.speech import verbal
from fogofwar.analyze.claims.status import statuses
from fogofwar.analyze.extensions import article_id, register_extensions
from fogofwar.schema import Claim, Content, Entity, Part, Place, Source, TextSpan, UncertaintyCue, make_id

__all__ = ["ClaimsStage", "find", "load_lexicon", "make_claims"]

# A next sentence opening so elaborates the claim before it ("This development, outlined during ...").
_DEMONSTRATIVE_OPENERS = frozenset({"this", "these", "that", "those", "such", "it"})


def _attributions(
    doc: Doc, lex: ClaimsLexicon, quotes: list[tuple[int, int]], probs: dict[int, float] | None
) -> list[Draft]:
    used: set[int] = set()
    drafts = according_to(doc, used)
    for d in drafts:
        used |= d.tokens
    drafts += verbal(doc, lex, used, quotes, probs)
    drafts += citing(doc, lex, used, drafts)
    for d in drafts:
        used |= d.tokens
    drafts += noun_attributions(doc, lex, used)
    drafts += asked_questions(doc, used)
    seen: set[tuple[int, int] | None] = set()
    unique = []
    for d in sorted(drafts, key=lambda d: (d.sent_start, d.cue or (0, 0))):
        if d.cue not in seen:
            seen.add(d.cue)
            unique.append(d)
    return unique


def _claim_type(d: Draft, quotes: list[tuple[int, int]], text: str) -> str:
    if d.type == "author":
        return "author"
    inside = sum(min(e, qe) - max(s, qs) for s, e in d.parts for qs, qe in quotes if qs < e and s < qe)
    total = sum(e - s for s, e in d.parts)
    if total and inside >= 0.9 * total:
        return "direct"
    if d.type == "indirect" and any(
        qs < e and s < qe and len(text[qs:qe].split()) >= 3 for s, e in d.parts for qs, qe in quotes
    ):
        return "mixed"
    return d.type


def _resolve(
    doc: Doc, drafts: list[Draft], lex: ClaimsLexicon, entities: list[Entity], places: list[Place]
) -> list[SourceInfo | None]:
    """Describe each source, then point anaphors ("he", "the official") back to earlier mentions."""
    names = full_names(doc, entities, lex)
    infos: list[SourceInfo | None] = []
    for n, d in enumerate(drafts):
        if d.source is None or d.source_head is None:
            infos.append(None)
            continue
        info = describe(d.source, d.source_head, lex, entities, names)
        if info.anaphor:
            prior = next(
                (
                    p
                    for p in reversed(infos[:n])
                    if p is not None and compatible(info, p, d.source_head.lower_)
                ),
                None,
            )
            if (
                prior is None
                and info.anaphor == "definite"
                and info.kind in ("organization", "media")
                and d.source_head.tag_ == "NN"
            ):
                # "the think tank" after "the Institute for the Study of War": the latest named body
                prior = next(
                    (
                        p
                        for p in reversed(infos[:n])
                        if p is not None and p.kind == info.kind and p.canonical and p.canonical[:1].isupper()
                    ),
                    None,
                )
            if prior is not None:
                info = SourceInfo(
                    prior.kind,
                    prior.role if not info.role or (prior.role or "").endswith(info.role) else info.role,
                    prior.side,
                    prior.canonical,
                    prior.head_lemma,
                )
            elif info.anaphor == "pronoun":
                d.score -= 0.2
        elif info.kind in ("organization", "media") and info.side == "unknown" and info.canonical:
            # "the General Staff" after "Ukraine's General Staff": the shorter name of the same body
            tail = " " + info.canonical.lower()
            prior = next(
                (
                    p
                    for p in reversed(infos[:n])
                    if p is not None and p.canonical and (" " + p.canonical.lower()).endswith(tail)
                ),
                None,
            )
            if prior is not None:
                info.canonical, info.side = prior.canonical, prior.side
        infos.append(info)
    _context_sides(doc, drafts, infos, lex, entities)
    _default_sides(doc, drafts, infos, places)
    by_canonical: dict[str, str] = {}
    for info in infos:
        if info is not None and info.canonical and info.side != "unknown":
            by_canonical.setdefault(info.canonical, info.side)
    for info in infos:
        if info is not None and info.side == "unknown" and info.canonical in by_canonical:
            info.side = by_canonical[info.canonical or ""]
    return infos


def _context_sides(
    doc: Doc, drafts: list[Draft], infos: list[SourceInfo | None], lex: ClaimsLexicon, entities: list[Entity]
) -> None:
    """An unnamed official's side from the people named around the claim: its own sentence outside
    the content, and a next sentence that opens by pointing back ("This development, outlined during
    a meeting between ...")."""
    sents = list(doc.sents)
    index = {s.start_char: k for k, s in enumerate(sents)}
    for d, info in zip(drafts, infos, strict=True):
        if info is None or info.side != "unknown" or info.role not in STATE_ROLES or info.kind == "person":
            continue
        k = index.get(d.sent_start)
        if k is None:
            continue
        hi = sents[k].end_char
        if k + 1 < len(sents) and sents[k + 1][0].lower_ in _DEMONSTRATIVE_OPENERS:
            hi = sents[k + 1].end_char
        info.side = context_side(doc, sents[k].start_char, hi, list(d.parts), lex, entities)


def _default_sides(
    doc: Doc, drafts: list[Draft], infos: list[SourceInfo | None], places: list[Place]
) -> None:
    for d, info in zip(drafts, infos, strict=True):
        if info is None or info.side != "unknown" or d.source is None:
            continue
        if is_local(d.source, info.head_lemma, places) and info.kind in (
            "organization",
            "group",
            "anonymous",
        ):
            info.side = place_side(d.source, d.source.sent, places)
            if info.side == "unknown":
                info.side = adversary_side(doc, d.parts)
        elif (
            info.role in MILITARY_ROLES
            or info.head_lemma in MILITARY_HEADS
            or (info.kind == "person" and info.role in MILITARY_ROLES)
        ):
            info.side = adversary_side(doc, d.parts)


def find(
    doc: Doc,
    lex: ClaimsLexicon,
    entities: list[Entity] | None = None,
    cues: list[UncertaintyCue] | None = None,
    aid: str = "doc",
    places: list[Place] | None = None,
    cue_model: bool = True,
) -> list[Claim]:
    """Claims of ``doc`` in text order, ids ``<aid>:c<n>``."""
    text = doc.text
    quotes = quote_spans(text)
    model = load_model() if cue_model else None
    probs = model.scores(doc, lex, quotes) if model is not None and model.weights is not None else None
    attributed = drop_quoted_cues(_attributions(doc, lex, quotes, probs), quotes)
    widen_to_quotes(doc, attributed, quotes, text)
    # speakers named at a line's head before quotations lent to the previous speaker
    attributed += speaker_lines(doc, attributed, text, lex)
    attributed += unattributed_quotes(doc, attributed, quotes, text)
    taken = [span for d in attributed for span in (*d.parts, *([d.cue] if d.cue else []))]
    drafts = sorted(
        attributed + author_claims(doc, lex, taken), key=lambda d: (d.parts[0][0], d.cue or (0, 0))
    )
    infos = _resolve(doc, drafts, lex, entities or [], places or [])
    status = statuses(
        doc,
        drafts,
        cues or [],
        lex,
        [i.canonical if i else None for i in infos],
        [i.side if i else None for i in infos],
    )

    claims: list[Claim] = []
    for n, (d, info, st) in enumerate(zip(drafts, infos, status, strict=True), 1):
        source = None
        if info is not None and d.source is not None:
            source = Source(
                d.source.start_char,
                d.source.end_char,
                d.source.text,
                info.kind,
                info.role,
                info.side,
                info.canonical,
            )
        s, e = d.parts[0][0], d.parts[-1][1]
        parts = tuple(Part(a, b) for a, b in d.parts) if len(d.parts) > 1 else None
        claims.append(
            Claim(
                id=make_id(aid, "c", n),
                source=source,
                cue=TextSpan(d.cue[0], d.cue[1], text[d.cue[0] : d.cue[1]]) if d.cue else None,
                content=Content(s, e, text[s:e], parts),
                type=_claim_type(d, quotes, text),
                status=st,
                score=round(max(0.05, min(1.0, d.score)), 3),
            )
        )
    return claims


class ClaimsStage:
    """Writes ``doc._.claims``. Lexicons load on first use or in ``load()``."""

    def __init__(self, data_dir: str = "") -> None:
        register_extensions()
        self.data_dir = Path(data_dir) if data_dir else DATA
        self._lex: ClaimsLexicon | None = None

    def load(self) -> ClaimsStage:
        self._lex = load_lexicon(self.data_dir)
        return self

    def __call__(self, doc: Doc) -> Doc:
        if self._lex is None:
            self.load()
        assert self._lex is not None
        doc._.claims = find(
            doc, self._lex, doc._.entities, doc._.uncertainty_cues, article_id(doc), doc._.places
        )
        return doc


@Language.factory(
    "fogofwar_claims",
    assigns=["doc._.claims"],
    requires=["doc._.entities", "doc._.places", "doc._.uncertainty_cues"],
    default_config={"data_dir": ""},
)
def make_claims(nlp: Language, name: str, data_dir: str) -> ClaimsStage:
    return ClaimsStage(data_dir)
