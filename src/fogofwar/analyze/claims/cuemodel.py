"""A learned reading of which verbs are cues of attribution here: logistic regression over hashed
lexical and dependency features of a verb, trained on PolNeAR train (``benchmarks/train_cues.py``).

The lexicon says which verbs may attribute; news uses hundreds more ("hopes", "seemed", "declined
to comment", "is expected"), and the lexicon's own verbs do not always attribute ("want", "think",
"support" are cues in some sentences only). The model scores every verb in its sentence; the rules
still find the source and the content.
"""

from __future__ import annotations

import gzip
import logging
import math
import zlib
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token

from fogofwar.analyze.claims.lexicon import ClaimsLexicon
from fogofwar.analyze.claims.sources import can_speak

log = logging.getLogger(__name__)

# hashed feature index <TAB> weight, one a line, after a "#bias <TAB> value" line (a gzipped TSV, so
# that it ships with the package's other data files)
WEIGHTS = Path(__file__).with_name("cue_weights.tsv.gz")
DIM = 1 << 20
CANDIDATE_POS = frozenset({"VERB", "AUX"})
_PERSONAL = frozenset({"i", "he", "she", "we", "they", "you", "who"})
_QUOTE_MARKS = frozenset({'"', "“", "”", "„", "''", "``", "«", "»", "‘", "’", "'"})


def _subject_kind(tok: Token, lex: ClaimsLexicon) -> str:
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            if c.pos_ == "PRON":
                return "pron_person" if c.lower_ in _PERSONAL else "pron_other"
            if c.ent_type_:
                return "ent_" + c.ent_type_
            return c.pos_ + ("_speaker" if can_speak(c, lex) else "")
    return "none"


def features(tok: Token, lex: ClaimsLexicon, in_quote: bool) -> list[str]:
    """Feature strings of a candidate verb: its word, its place in the parse, its subject and
    clause, and the lexicon's class for it."""
    lemma = tok.lemma_.lower()
    head = tok.head
    doc = tok.doc
    prev = doc[tok.i - 1].lower_ if tok.i > 0 else "<s>"
    nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else "</s>"
    subj = _subject_kind(tok, lex)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
    feats = [
        "b",
        "l=" + lemma,
        "w=" + tok.lower_,
        "t=" + tok.tag_,
        "d=" + tok.dep_,
        "ld=" + lemma + "|" + tok.dep_,
        "lt=" + lemma + "|" + tok.tag_,
        "hl=" + head.lemma_.lower(),
        "hd=" + head.dep_ + "|" + tok.dep_,
        "hp=" + head.pos_,
        "p=" + prev,
        "n=" + nxt,
        "lp=" + lemma + "|" + prev,
        "ln=" + lemma + "|" + nxt,
        "s=" + subj,
        "ls=" + lemma + "|" + subj,
        "c=" + lex.verbs.get(lemma, "-"),
        "q=" + str(in_quote),
        "nq=" + str(nxt in _QUOTE_MARKS or prev in _QUOTE_MARKS),
        "hc=" + lex.verbs.get(head.lemma_.lower(), "-") + "|" + tok.dep_,
        "pa=" + lemma + "|" + str(passive),
        "st=" + str(tok.i == tok.sent.start) + "|" + tok.tag_,
        "p2=" + (doc[tok.i - 2].lower_ if tok.i > 1 else "<s>") + "|" + prev,
    ]
    deps = []
    for c in tok.children:
        deps.append(c.dep_)
        if c.lower_ == "according":
            # PolNeAR leaves "X said, according to Y" to the outer cue; a reported saying is still one
            continue
        if c.dep_ in ("nsubj", "nsubjpass"):
            feats.append("sl=" + c.lemma_.lower())
        if c.dep_ in ("prep", "prt", "mark", "neg", "aux", "auxpass", "dobj", "nsubj", "xcomp", "advmod"):
            feats.append("cl=" + c.dep_ + "|" + c.lemma_.lower())
            feats.append("lcl=" + lemma + "|" + c.dep_ + "|" + c.lemma_.lower())
        elif c.dep_ in ("ccomp", "advcl", "parataxis"):
            mark = next((m.lower_ for m in c.children if m.dep_ == "mark"), "-")
            feats.append("cc=" + c.dep_ + "|" + mark)
            feats.append("lcc=" + lemma + "|" + c.dep_ + "|" + mark)
    for dep in set(deps):
        feats.append("cd=" + dep)
        feats.append("lcd=" + lemma + "|" + dep)
    return feats


_INDEX: dict[str, int] = {}
_INDEX_MAX = 500_000  # features seen are few; the memo is cleared past this, so it cannot grow unbounded


def feature_index(feature: str) -> int:
    """A feature's slot: CRC-32, stable across processes (Python's str hash is not), memoised."""
    found = _INDEX.get(feature)
    if found is None:
        if len(_INDEX) > _INDEX_MAX:
            _INDEX.clear()
        found = _INDEX[feature] = zlib.crc32(feature.encode("utf-8")) & (DIM - 1)
    return found


def quote_mask(doc: Doc, quotes: list[tuple[int, int]]) -> list[bool]:
    """Per token, whether it lies inside a quotation."""
    mask = [False] * len(doc)
    k = 0
    for tok in doc:
        while k < len(quotes) and quotes[k][1] <= tok.idx:
            k += 1
        mask[tok.i] = k < len(quotes) and quotes[k][0] <= tok.idx
    return mask


class CueModel:
    """Probabilities that verbs are attribution cues; ``None`` weights score nothing (rules only)."""

    def __init__(self, weights: np.ndarray | None, bias: float = 0.0, pos: frozenset[str] = CANDIDATE_POS) -> None:
        self.weights = weights
        self.bias = bias
        self.pos = pos

    def scores(self, doc: Doc, lex: ClaimsLexicon, quotes: list[tuple[int, int]]) -> dict[int, float]:
        """Token index -> probability, for every candidate token (of the model's parts of speech)."""
        if self.weights is None:
            return {}
        mask = quote_mask(doc, quotes)
        out: dict[int, float] = {}
        w = self.weights
        for tok in doc:
            if tok.pos_ in self.pos:
                index = [feature_index(f) for f in features(tok, lex, mask[tok.i])]
                z = self.bias + float(w[index].sum())
                out[tok.i] = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        return out


def read_weights(path: Path) -> tuple[np.ndarray, float]:
    weights = np.zeros(DIM, dtype=np.float32)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        head = f.readline().split("\t")
        if head[0] != "#bias":
            raise ValueError(f"{path}: the first line is not '#bias <TAB> value'")
        # one split of the whole rest: numpy parses the numbers far faster than a loop over lines
        pairs = np.array(f.read().split(), dtype=np.float64).reshape(-1, 2)
    weights[pairs[:, 0].astype(np.int64)] = pairs[:, 1]
    return weights, float(head[1])


def write_weights(path: Path, weights: np.ndarray, bias: float, floor: float = 1e-3) -> int:
    """Write the non-negligible weights; returns how many."""
    index = np.flatnonzero(np.abs(weights) > floor)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(f"#bias\t{bias:.5f}\n")
        f.writelines(f"{i}\t{weights[i]:.4f}\n" for i in index)
    return len(index)


@lru_cache(maxsize=4)
def load_model(path: Path | str = WEIGHTS, pos: frozenset[str] = CANDIDATE_POS) -> CueModel:
    path = Path(path)
    if not path.exists():
        log.warning("no cue model at %s: cues come from the lexicon only", path)
        return CueModel(None, pos=pos)
    weights, bias = read_weights(path)
    return CueModel(weights, bias, pos)
