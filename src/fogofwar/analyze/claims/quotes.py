"""Quotations around the parsed attributions: a quoted content takes its whole quotation (which the
sentence splitter may have cut), a quotation that follows an attributed one without a new cue is the
same speaker's, a quotation after "X was blunter:" is X's, and attributions inside quotations are the
speaker's words, not the article's."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from fogofwar.analyze.claims.lexicon import ClaimsLexicon
from fogofwar.analyze.claims.model import Draft

_TRAILING = ",;:. \n"


def _inside(s: int, e: int, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    for qs, qe in quotes:
        if qs <= s and e <= qe:
            return qs, qe
    return None


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1] in _TRAILING:
        e -= 1
    while s < e and text[s] in " \n":
        s += 1
    return s, e


def drop_quoted_cues(drafts: list[Draft], quotes: list[tuple[int, int]]) -> list[Draft]:
    """Attributions whose cue stands inside a quotation ("They say ..." quoted) are not the article's."""
    return [d for d in drafts if d.cue is None or _inside(d.cue[0], d.cue[1], quotes) is None]


def widen_to_quotes(doc: Doc, drafts: list[Draft], quotes: list[tuple[int, int]], text: str) -> None:
    for d in drafts:
        new_parts: list[tuple[int, int]] = []
        for s, e in d.parts:
            q = _inside(s, e, quotes)
            part = _trim(text, *q) if q else (s, e)
            if part not in new_parts:
                new_parts.append(part)
        d.parts = sorted(new_parts)


def _sentence_start_before(text: str, pos: int) -> bool:
    """Whether a quotation opening at ``pos`` begins a sentence or follows a colon."""
    before = text[:pos].rstrip(" ")
    return not before or before[-1] in '.!?\n:"”’'


def unattributed_quotes(doc: Doc, drafts: list[Draft], quotes: list[tuple[int, int]], text: str) -> list[Draft]:
    """Claims for whole-sentence quotations that no cue introduces."""
    taken = [p for d in drafts for p in d.parts]
    found: list[Draft] = []
    by_end = sorted((d for d in drafts if d.source is not None), key=lambda d: max(e for _, e in d.parts))
    for qs, qe in quotes:
        if any(a < qe and qs < b for a, b in taken) or len(text[qs:qe].split()) < 3:
            continue
        opener = qs - 1
        if not _sentence_start_before(text, opener):
            continue
        before = text[:opener].rstrip(" ")
        span = doc.char_span(*_trim(text, qs, qe), alignment_mode="expand")
        if span is None:
            continue
        if before.endswith(":"):
            colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
            subj = None
            if colon is not None:
                subj = next(
                    (
                        t
                        for t in colon.sent
                        if t.i < colon.start
                        and t.dep_ in ("nsubj", "nsubjpass")
                        and t.head.i < colon.start
                        and t.pos_ != "PRON"
                    ),
                    None,
                )
            if subj is not None:
                src = doc[min(t.i for t in subj.subtree if not t.is_punct) : subj.i + 1]
                assert colon is not None
                verb = subj.head
                cue = (verb.idx, verb.idx + len(verb)) if verb.pos_ in ("VERB", "AUX") and verb != subj else None
                found.append(
                    Draft(
                        sent_start=colon.sent.start_char,
                        cue=cue,
                        parts=[_trim(text, qs, qe)],
                        type="direct",
                        source=src,
                        source_head=subj,
                        score=0.6,
                    )
                )
                continue
        prev = [d for d in by_end if max(e for _, e in d.parts) <= qs and d.type in ("direct", "indirect")]
        if not prev:
            continue
        last = prev[-1]
        end_prev = max(
            [e for _, e in last.parts]
            + ([last.cue[1]] if last.cue else [])
            + ([last.source.end_char] if last.source is not None else [])
        )
        gap = text[end_prev:opener]
        # the same paragraph, nothing between but the end of the attributing sentence
        if "\n\n" in gap or len(gap) > 80 or not re.fullmatch(r"[^\"“”]*", gap):
            continue
        found.append(
            Draft(
                sent_start=span.sent.start_char,
                cue=None,
                parts=[_trim(text, qs, qe)],
                type="direct",
                source=last.source,
                source_head=last.source_head,
                score=0.6,
            )
        )
    return found


def _covered(s: int, e: int, taken: list[tuple[int, int]]) -> bool:
    """Whether an earlier claim already holds most of [s, e): one nested in a speaker's turn
    ("TRUMP: ... they said ...") does not, and the turn stays the speaker's too."""
    return any(a <= s + 2 and e - 2 <= b for a, b in taken)


# "PENCE: Well, look, ..." in a transcript, "Pat Caddell: Democrat Voters Worried ..." in a headline.
_SPEAKER_LINE = re.compile(
    r"(?m)^[ \t\"“']*(?:[A-Z]+[ \t]+[–—-][ \t]+)?(?P<name>[A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,3})"
    r"(?P<cue>:)[ \t]+(?P<said>\S[^\n]*)$"
)
# 'Philip Bump: “Two weeks ago ...”', 'Rep. Trey Gowdy (R-S.C.):"I have not ...': a name, a colon and a
# quotation anywhere in a line.
_NAME_QUOTE = re.compile(
    r"(?<![\w:])(?P<name>[A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,3})(?:[ \t]\([^()\n]{1,30}\))?"
    r"(?P<cue>:)[ \t\xa0]*[“\"](?P<said>[^”\"\n]{2,})[”\"]?"
)
# '"We will not retreat." - Oleksandr Syrskyi': a quotation signed with a dash (or a horizontal
# bar, "― Name") at the end of a line.
_SIGNED_QUOTE = re.compile(
    r"(?m)(?:[“\"]|^[ \t\xa0]*”)(?P<said>[^”\"\n]{2,})[”\"][ \t\xa0]*(?P<cue>[–—―-])[ \t\xa0]*"
    r"(?P<name>[A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,3})[ \t\xa0.]*$"
)
# Line openers that label a section rather than name a speaker ("Update: ...", "Watch: ...").
_LABELS = frozenset(
    {
        "update",
        "updated",
        "note",
        "editor",
        "photo",
        "photos",
        "video",
        "watch",
        "related",
        "read",
        "more",
        "see",
        "also",
        "source",
        "sources",
        "exclusive",
        "breaking",
        "correction",
        "live",
        "opinion",
        "commentary",
        "warning",
        "email",
        "result",
        "results",
        "bottom",
        "background",
        "question",
        "answer",
        "q",
        "a",
        "subscribe",
        "click",
        "follow",
        "share",
        "contact",
        "caption",
        "credit",
        "image",
        "listen",
        "transcript",
        "disclaimer",
        "here",
        "the",
        "this",
        "that",
        "what",
    }
)


# A verb before the name it introduces ('Said Ellis: "..."'): the cue, not part of the speaker.
_INVERTED_SAYS = frozenset({"said", "says", "added", "adds", "wrote", "writes"})

# Documents that speak in a headline's "Report: ..." (not "Update: ...", a section label).
_HEADLINE_DOCS = frozenset({"report", "poll", "survey", "study", "analysis", "audit", "investigation"})


def speaker_lines(doc: Doc, drafts: list[Draft], text: str, lex: ClaimsLexicon | None = None) -> list[Draft]:
    """Claims of lines that open with a speaker's name and a colon ("Trump: ...", "TAPPER: ..."),
    and of a name, a colon and a quotation within a line ('Philip Bump: “..."')."""
    taken = [p for d in drafts for p in d.parts]
    found: list[Draft] = []
    lines = list(_SPEAKER_LINE.finditer(text))
    starts = {m.start("name") for m in lines}
    inline = [m for m in _NAME_QUOTE.finditer(text) if m.start("name") not in starts]
    known = {t.text for t in doc if t.ent_type_ in ("PERSON", "ORG") and t.text[:1].isupper()}
    for m in lines + inline + list(_SIGNED_QUOTE.finditer(text)):
        name_end = m.end("name")
        if m.re is _SIGNED_QUOTE and text[name_end - 1] == "." and len(m.group("name").split()[-1]) > 3:
            name_end -= 1  # "― Carla Sanchez." ends a sentence, not an initial
        name = doc.char_span(m.start("name"), name_end, alignment_mode="expand")
        if name is None:
            continue
        if name[0].lower_ in _LABELS or name[-1].lower_ in _LABELS:
            continue
        cue = (m.start("cue"), m.end("cue"))
        if len(name) > 1 and name[0].lower_ in _INVERTED_SAYS:
            cue, name = (name[0].idx, name[0].idx + len(name[0])), name[1:]  # 'Said Ellis: "..."'

        shouting = m.group("name").isupper() and len(m.group("name")) > 2
        person = (
            any(t.ent_type_ == "PERSON" for t in name)
            or all(t.pos_ == "PROPN" for t in name)
            or name[-1].text in known  # a headline's "Sanders:" parsed as a noun, named in the body
        ) and not any(t.ent_type_ in ("GPE", "NORP", "DATE", "LOC", "FAC", "EVENT") for t in name)
        # "Pentagon: ...", "Report: ...", "Poll: ..." in a headline: a body or a document speaks
        body = not any(t.ent_type_ in ("GPE", "NORP", "DATE") for t in name) and (
            name[-1].ent_type_ == "ORG"
            or name[-1].lemma_.lower() in _HEADLINE_DOCS
            or lex is not None
            and lex.sources.get((name[-1].lemma_.lower(),), ("", None))[0] in ("human", "media")
        )
        # a name, a colon and an opening quotation mark: a speaker however the name parsed
        # ... or a quotation signed "― Name" at the end of its line
        quoting = m.re in (_NAME_QUOTE, _SIGNED_QUOTE) and not any(
            t.ent_type_ in ("GPE", "NORP", "DATE") for t in name
        )
        if not (shouting or person or body or quoting):
            continue
        s, e = _trim(text, m.start("said"), m.end("said"))
        s, e = _trim(text, s + (text[s] in "\"“'"), e - (text[e - 1] in "\"”'"))
        if e <= s or _covered(s, e, taken):
            continue
        found.append(
            Draft(
                sent_start=m.start(),
                cue=cue,
                parts=[(s, e)],
                type="direct" if shouting else "indirect",  # a transcript's turn, or a headline's gist
                source=name,
                source_head=name[-1],
                score=0.5,
            )
        )
    return found
