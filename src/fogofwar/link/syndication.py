"""Syndicated copies and wire credits: which articles are one report.

Near-duplicates are found with datasketch's MinHash over word shingles, banded as datasketch's
MinHashLSH would band them for THRESHOLD (no pairwise comparison: each new article is one look-up of
its bands). The bands are kept here for the articles of this run and in the ledger for the others
(a ``SyndicationSource``), so that a later run finds copies without loading every signature. An
article whose text credits a wire ("(Reuters)", "TASS reported", "according to RIA Novosti",
"citing TASS") and that is not the wire's own article belongs to that wire's report. Every article
gets a ``root``: the report it copies or relays (its earliest near-duplicate's root, the credited
wire, or itself).
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
# Jaccard similarity of 4-word shingles above which two articles are copies: an edited copy with a
# new lead and a trimmed ending keeps most shingles; two reports of one event in different words
# share very few 4-word shingles.
THRESHOLD = 0.5
SHINGLE = 4

# Wire agencies and the names they go by; the canonical name is the origin's name.
WIRES: dict[str, tuple[str, ...]] = {
    "TASS": ("tass",),
    "RIA Novosti": ("ria novosti", "ria"),
    "Interfax": ("interfax",),
    "Ukrinform": ("ukrinform",),
    "Reuters": ("reuters",),
    "Associated Press": ("associated press", "ap"),
    "Agence France-Presse": ("agence france-presse", "afp"),
}
_ALIASES = {alias: name for name, aliases in WIRES.items() for alias in aliases}
_ALT = "|".join(sorted((re.escape(a) for a in _ALIASES), key=len, reverse=True))
# Credits: a dateline "(Reuters) -", "AP reported", "according to RIA Novosti", "citing TASS",
# "TASS news agency reported", "told TASS". Case matters for the short ones (AP, RIA) in prose.
_CREDIT = re.compile(
    rf"\((?P<a>{_ALT})\)|\b(?P<b>{_ALT})(?: news agency| state news agency)? (?:reported|said|says|reports|cited)\b"
    rf"|\b(?:according to|citing|cited by|told|quoted by)(?: the)?(?: state)?(?: news agency)? (?P<c>{_ALT})\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+", re.UNICODE)


def credits(text: str) -> tuple[str, ...]:
    """The wires an article's text credits, canonical names, in order of first credit."""
    found: dict[str, None] = {}
    for match in _CREDIT.finditer(text):
        alias = match.group("a") or match.group("b") or match.group("c")
        if len(alias) <= 3 and alias != alias.upper():
            continue  # "ap", "ria" in lower case are words, not agencies
        found.setdefault(_ALIASES[alias.lower()], None)
    return tuple(found)


_OUTLET_WIRE = re.compile(rf"\b(?:{_ALT})\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def wire_of(outlet: str | None) -> str | None:
    """The wire an outlet is, if it is one ("Reuters", "TASS news agency")."""
    if not outlet:
        return None
    for match in _OUTLET_WIRE.finditer(outlet):
        alias = match.group(0)
        if len(alias) > 3 or alias == alias.upper():
            return _ALIASES[alias.lower()]
    return None


def _hash(value: str) -> int:
    return zlib.crc32(value.encode("utf-8"))


SCHEME = "affine32"
_PERMS = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


def signature(text: str) -> MinHash:
    """MinHash of the text's word shingles (lower-cased words, 4 at a time)."""
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    m = MinHash(num_perm=NUM_PERM, hashfunc=_hash, permutations=_PERMS, scheme=SCHEME)
    m.update_batch(shingles)
    return m


_LSH = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
BANDS, ROWS = _LSH.b, _LSH.r  # datasketch's optimal banding for THRESHOLD
del _LSH


def bands(m: MinHash) -> list[int]:
    """The article's LSH band keys (signed 64-bit): two articles sharing one are candidates."""
    values = np.asarray(m.hashvalues, dtype=np.uint64)
    out = []
    for i in range(BANDS):
        digest = hashlib.blake2b(bytes([i]) + values[i * ROWS : (i + 1) * ROWS].tobytes(), digest_size=8).digest()
        out.append(int.from_bytes(digest, "big", signed=True))
    return out


def signature_bytes(m: MinHash) -> bytes:
    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(blob: bytes) -> MinHash:
    return MinHash(
        num_perm=NUM_PERM, hashvalues=np.frombuffer(blob, dtype=np.uint64), permutations=_PERMS, scheme=SCHEME
    )


@dataclass(frozen=True, slots=True)
class Copy:
    """An article's place among reports: the report it belongs to, the wires it credits, and the
    earlier-indexed articles it is a near-duplicate of."""

    article: str
    root: str
    credits: tuple[str, ...]
    copies: tuple[str, ...] = ()


class SyndicationSource(Protocol):
    """Articles indexed in earlier runs (the ledger): what ``Syndication`` reads about them."""

    def band_matches(self, keys: Sequence[int]) -> Iterable[str]:
        """Articles with one of these band keys."""
        ...

    def entries(self, articles: Sequence[str]) -> Iterable[tuple[str, str, tuple[str, ...], int | None, str | None]]:
        """(article, root, copies, published ordinal, wire) of those indexed."""
        ...

    def bands_of(self, articles: Sequence[str]) -> Iterable[tuple[str, int]]:
        """(article, one of its band keys) of those indexed with text."""
        ...


class Syndication:
    """The near-duplicate index. Copies are edges between articles (recorded on the later-indexed
    one); a story groups its articles into reports through them (``linked``), whatever the ingest
    order. With a ``source``, articles of earlier runs are read from it when first needed."""

    def __init__(self, source: SyndicationSource | None = None) -> None:
        self.source = source
        self._bands: dict[int, list[str]] = defaultdict(list)
        self._root: dict[str, str] = {}
        self._order: dict[str, tuple[int, str]] = {}
        self._copies: dict[str, tuple[str, ...]] = {}
        self._copied_by: dict[str, dict[str, None]] = {}  # article -> later copies (an ordered set)
        self._wire: dict[str, str] = {}
        self._known: set[str] = set()  # articles read from the source (or known not to be there)
        self._unbanded: set[str] = set()  # articles without text: no bands, no copies

    def fault(self, articles: Iterable[str]) -> None:
        """Read these articles' entries from the source, once."""
        if self.source is None:
            return
        wanted = sorted({a for a in articles if a not in self._known})
        if not wanted:
            return
        self._known.update(wanted)
        for article, root, copies, published, wire in self.source.entries(wanted):
            if article in self._root:
                continue
            self._root[article] = root
            self._order[article] = (published if published is not None else 10**7, article)
            self._copies[article] = tuple(copies)
            if wire:
                self._wire[article] = wire

    def fault_edges(self, articles: Iterable[str]) -> None:
        """Read the near-duplicate edges among these articles (a story's members: all that its
        evidence reads) from the source: two articles sharing a band, one linked after the other,
        are copies. Each edge is kept both ways; ``linked`` is symmetric either way."""
        if self.source is None:
            return
        wanted = sorted(set(articles))
        self.fault(wanted)
        by_band: dict[int, list[str]] = defaultdict(list)
        for article, key in self.source.bands_of(wanted):
            by_band[key].append(article)
        for group in by_band.values():
            for a in group:
                for b in group:
                    if a != b:
                        self._copied_by.setdefault(a, {})[b] = None

    def __contains__(self, article: str) -> bool:
        self.fault([article])
        return article in self._root

    def root(self, article: str) -> str:
        self.fault([article])
        return self._root.get(article, article)

    def copies(self, article: str) -> tuple[str, ...]:
        """The earlier-indexed articles this one nearly duplicates."""
        self.fault([article])
        return self._copies.get(article, ())

    def linked(self, article: str) -> list[str]:
        """Its near-duplicates, indexed before or after it."""
        self.fault([article])
        return [*self._copies.get(article, ()), *self._copied_by.get(article, {})]

    def wire(self, article: str) -> str | None:
        """The wire an article is from or credits."""
        self.fault([article])
        return self._wire.get(article)

    def add(self, article: str, text: str, published: int | None, outlet: str | None,
            sig: MinHash | None = None) -> tuple[Copy, MinHash]:  # fmt: skip
        """Index one article; returns its Copy and its signature (to store)."""
        sig = sig if sig is not None else signature(text)
        cited = credits(text)
        matches: list[str] = []
        if text:
            keys = bands(sig)
            found = {a for k in keys for a in self._bands.get(k, ())}
            if self.source is not None:
                found.update(self.source.band_matches(keys))
            matches = sorted(found - {article})
        self.fault(matches)
        root = self._root_of(matches, cited, outlet) or article
        copy = Copy(article, root, cited, tuple(matches))
        if not text:
            self._unbanded.add(article)
        self.restore(copy, published, outlet, sig)
        return copy, sig

    def banded(self, article: str) -> bool:
        """Whether the article's bands are indexed (it has text)."""
        return article not in self._unbanded

    def restore(self, copy: Copy, published: int | None, outlet: str | None, sig: MinHash) -> None:
        """Index an article (also one indexed earlier, from the stored ledger)."""
        self._known.add(copy.article)
        if copy.article not in self._root and copy.article not in self._unbanded:
            for key in bands(sig):
                self._bands[key].append(copy.article)
        self._root[copy.article] = copy.root
        self._order[copy.article] = (published if published is not None else 10**7, copy.article)
        self._copies[copy.article] = copy.copies
        self.fault(copy.copies)
        for other in copy.copies:
            self._copied_by.setdefault(other, {})[copy.article] = None
        wire = wire_of(outlet) or (copy.credits[0] if copy.credits else None)
        if wire:
            self._wire[copy.article] = wire

    def _root_of(self, matches: Iterable[str], cited: tuple[str, ...], outlet: str | None) -> str | None:
        earlier = sorted(self._order[a] for a in matches if a in self._order)
        if earlier:
            return self._root[earlier[0][1]]
        # A wire's own articles and the articles that credit it are one report stream.
        own = wire_of(outlet)
        wire = own or (cited[0] if cited else None)
        return f"wire:{wire}" if wire else None
