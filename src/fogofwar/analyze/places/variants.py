"""Reporters' spellings of Ukrainian place names that GeoNames does not list.

Russian-style and Ukrainian-style transliterations differ mostly in vowels and in g/h, kh/h:
"Andreyevka"/"Andriivka", "Kleshcheyevka"/"Klishchiivka", "Krasnogorovka"/"Krasnohorivka",
"Velikaya Novoselka"/"Velyka Novosilka". Their consonant skeletons agree, so a name of Ukraine whose
skeleton matches is a candidate. The skeleton index is built once, lazily, from our compiled
Ukrainian data file (names and Latin alternates of populated places).
"""

from __future__ import annotations

import gzip
import logging
import os
import pickle
import re
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

from fogofwar.gazetteer.base import Gazetteer, GazetteerEntry
from fogofwar.gazetteer.index import DATA_DIR, cache_dir, data_fingerprint
from fogofwar.gazetteer.normalize import is_latin_key, normalize

log = logging.getLogger(__name__)

_VOWELS = re.compile(r"[aeiouyj]+")
_G_TO_H = str.maketrans({"g": "h"})
# Shapes of Russian-style spellings of Ukrainian names: worth widening beyond the exact matches.
RUSSIAN_STYLE = re.compile(r"(?:[oe]vka|skoye|skoe|oye|aya|ovo|ino|[ey]evka|kiy|skiy|sky)\b")
MIN_CONSONANTS = 4
SPELLINGS_VERSION = 1  # raise when skeleton() changes: old cache files are then never read
_LOCK = threading.Lock()
_INDEX: dict[str, tuple[str, ...]] | None = None


@lru_cache(maxsize=50_000)
def skeleton(key: str) -> str:
    """The consonants of a normalised name, kh and g read as h: "andreyevka" -> "ndrvk"."""
    return _VOWELS.sub("", key.replace("kh", "h").translate(_G_TO_H))


def _build() -> dict[str, tuple[str, ...]]:
    """Skeleton -> normalised names of Ukrainian populated places."""
    out: dict[str, set[str]] = {}
    path = DATA_DIR / "ua.tsv.gz"
    if not path.exists():
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        header: list[str] | None = None
        for line in f:
            if line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            if header is None:
                header = cells
                name_col, alt_col, class_col = (header.index(c) for c in ("name", "alternates", "feature_class"))
                continue
            if cells[class_col] != "P":
                continue
            for name in (cells[name_col], *cells[alt_col].split(",")):
                key = normalize(name) if name else ""
                if key and is_latin_key(key):
                    out.setdefault(skeleton(key), set()).add(key)
    return {k: tuple(v) for k, v in out.items()}


def _index() -> dict[str, tuple[str, ...]]:
    """The skeleton index, once per process: from our cache file (keyed by the data files' hash,
    like the gazetteer index), built and written there when missing."""
    global _INDEX
    with _LOCK:
        if _INDEX is None:
            path = cache_dir() / f"spellings-v{SPELLINGS_VERSION}-{data_fingerprint()}.pickle"
            try:
                with open(path, "rb") as f:
                    _INDEX = pickle.load(f)
            except (OSError, pickle.UnpicklingError, EOFError):
                _INDEX = _build()
                _write(path, _INDEX)
            log.debug("spelling skeletons of %d Ukrainian names", len(_INDEX))
        return _INDEX


def _write(path: Path, index: dict[str, tuple[str, ...]]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".spellings-", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            pickle.dump(index, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a concurrent reader never sees half a file
        for stale in path.parent.glob("spellings-v*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)  # of older data: never read again
    except OSError as exc:
        log.warning("could not cache spelling skeletons at %s: %s", path, exc)


def spelling_candidates(name: str, gaz: Gazetteer) -> tuple[GazetteerEntry, ...]:
    """Ukrainian populated places whose name is another spelling of ``name`` (empty when none)."""
    key = normalize(name)
    sk = skeleton(key)
    if len(sk.replace(" ", "")) < MIN_CONSONANTS:
        return ()
    found: dict[int, GazetteerEntry] = {}
    for other in _index().get(sk, ()):
        if other == key or other[0] != key[0] and not (other[0] in "aeiouy" and key[0] in "aeiouy"):
            continue
        for e in gaz.lookup(other):
            if e.country_code == "UA" and e.feature_class == "P":
                found.setdefault(e.geonameid, e)
    return tuple(found.values())


def looks_russian_style(name: str) -> bool:
    return RUSSIAN_STYLE.search(normalize(name)) is not None
