"""Import a GeoNames dump (``allCountries.txt``, ``FR.txt`` or ``FR.zip``, optionally with
``alternateNamesV2.txt``/``.zip``) into the user's gazetteer (``fogofwar gazetteer import``).

The dump is read as a stream, line by line (allCountries is 1.5 GB), and compiled into one file of
ours per source, ``<cache_dir>/imported/<name>.tsv.gz``, with the columns of the committed data
files. The next index build merges every imported file by geonameid: a place the index already has
gains the imported names instead of being added twice.

Contains data from GeoNames (https://www.geonames.org/), CC BY 4.0.
"""

from __future__ import annotations

import gzip
import logging
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from fogofwar.gazetteer.compile import ATTRIBUTION, COLUMNS, KEEP_FEATURES, UA_ADMIN1, _keep_alternates
from fogofwar.gazetteer.index import imported_dir, imported_files, read_tsv_gz
from fogofwar.gazetteer.normalize import is_latin_or_cyrillic

log = logging.getLogger(__name__)
__all__ = ["ImportReport", "MalformedLine", "import_geonames", "imported_dir", "imported_files", "parse_geoname"]

GEONAMES_COLUMNS = 19
FEATURE_CLASSES = frozenset("ADHLPRSTUV")
# alternateNames "languages" that are codes, not names: postcodes, airport codes, links, ids.
PSEUDO_LANGUAGES = frozenset({"post", "iata", "icao", "faac", "tcid", "unlc", "abbr", "link", "wkdt", "phon",
                              "piny", "fr_1793"})
MAX_ERRORS_LOGGED = 10
_SPACES = re.compile(r"[\t\r\n]+")  # our files are tab-separated, one row a line

Progress = Callable[[str, int, int, int], None]  # (file name, lines read, bytes read, total bytes)


class MalformedLine(ValueError):
    """A line that is not in GeoNames' format; the message names the file and the line number."""


@dataclass
class ImportReport:
    """What one import read, kept and wrote."""

    source: Path
    output: Path | None = None
    lines: int = 0
    kept: int = 0
    filtered: int = 0
    malformed: int = 0
    alternate_names: int = 0
    errors: list[str] = field(default_factory=list)  # the first malformed lines, "file:line N: why"


@contextmanager
def _open_source(path: Path) -> Iterator[tuple[Iterator[bytes], int]]:
    """Binary lines of a .txt file, or of the one data member of a .zip, and their total size."""
    if path.suffix.lower() != ".zip":
        with open(path, "rb") as f:
            yield iter(f), path.stat().st_size
        return
    with zipfile.ZipFile(path) as zf:
        members = [i for i in zf.infolist() if i.filename.endswith(".txt")
                   and not Path(i.filename).name.lower().startswith("readme")]
        # alternateNamesV2.zip also holds iso-languagecodes.txt: the member named like the archive wins
        named = [i for i in members if Path(i.filename).stem == path.stem]
        members = named or members
        if len(members) != 1:
            names = ", ".join(i.filename for i in zf.infolist())
            raise ValueError(f"{path}: expected one GeoNames .txt file inside, found: {names or 'none'}")
        with zf.open(members[0]) as raw:
            yield iter(raw), members[0].file_size


def _lines(path: Path, progress: Progress | None, every: int) -> Iterator[tuple[int, str | None, int]]:
    """(line number, decoded line or None when it is not UTF-8, bytes read so far), streamed."""
    with _open_source(path) as (raw_lines, total):
        done = n = 0
        for n, raw in enumerate(raw_lines, start=1):
            done += len(raw)
            try:
                line: str | None = raw.decode("utf-8")
            except UnicodeDecodeError:
                line = None
            yield n, line, done
            if progress is not None and n % every == 0:
                progress(path.name, n, done, total)
        if progress is not None:
            progress(path.name, n, done, total)


def parse_geoname(line: str) -> list[str]:
    """The 19 cells of a GeoNames main-file line, checked; raises ``ValueError`` saying why not."""
    cells = line.rstrip("\r\n").split("\t")
    if len(cells) != GEONAMES_COLUMNS:
        raise ValueError(f"expected {GEONAMES_COLUMNS} tab-separated columns, found {len(cells)}")
    if not cells[0].isdigit() or int(cells[0]) <= 0:
        raise ValueError(f"geonameid {cells[0]!r} is not a positive integer")
    if not cells[1].strip():
        raise ValueError("empty name")
    try:
        lat, lon = float(cells[4]), float(cells[5])
    except ValueError:
        raise ValueError(f"latitude/longitude {cells[4]!r}/{cells[5]!r} are not numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"latitude/longitude {lat}/{lon} out of range")
    if cells[6] and cells[6] not in FEATURE_CLASSES:
        raise ValueError(f"feature class {cells[6]!r} is not one of {''.join(sorted(FEATURE_CLASSES))}")
    if cells[14] and not cells[14].lstrip("-").isdigit():
        raise ValueError(f"population {cells[14]!r} is not an integer")
    return cells


def wanted(fclass: str, fcode: str, classes: frozenset[str] | None) -> bool:
    """Explicit classes keep every feature of them; by default, populated places and the features
    conflict reporting names (admin units, rivers, regions, forests, airports, dams: as for Ukraine)."""
    if classes is not None:
        return fclass in classes
    return fclass == "P" or fcode in KEEP_FEATURES.get(fclass, ())


class _Importer:
    """One import: its filters, its report, and the running state of the passes."""

    def __init__(self, report: ImportReport, strict: bool, progress: Progress | None, every: int) -> None:
        self.report, self.strict, self.progress, self.every = report, strict, progress, every
        self.kept_ids = bytearray()  # a bitmap of kept geonameids: small even for all 12 million
        self.admin1_names: dict[tuple[str, str], str] = {}

    def bad(self, path: Path, lineno: int, why: str) -> None:
        message = f"{path.name}:line {lineno}: {why}"
        if self.strict:
            raise MalformedLine(message)
        self.report.malformed += 1
        if len(self.report.errors) < MAX_ERRORS_LOGGED:
            self.report.errors.append(message)
            log.warning("skipped %s", message)

    def keep_id(self, gid: int) -> None:
        byte = gid >> 3
        if byte >= len(self.kept_ids):
            self.kept_ids.extend(bytes(byte + 1 - len(self.kept_ids) + (1 << 16)))
        self.kept_ids[byte] |= 1 << (gid & 7)

    def is_kept(self, gid: int) -> bool:
        byte = gid >> 3
        return byte < len(self.kept_ids) and bool(self.kept_ids[byte] & (1 << (gid & 7)))

    def read_main(self, path: Path, countries: frozenset[str] | None,
                  classes: frozenset[str] | None) -> Iterator[list[str]]:
        """Kept places in ``COLUMNS`` order (admin1 names filled later: ADM1 rows come anywhere)."""
        for lineno, line, _ in _lines(path, self.progress, self.every):
            self.report.lines += 1
            if line is None:
                self.bad(path, lineno, "not UTF-8")
                continue
            if not line.strip() or line.startswith("#"):
                continue
            try:
                r = parse_geoname(line)
            except ValueError as e:
                self.bad(path, lineno, str(e))
                continue
            if r[7] == "ADM1" and r[10]:
                self.admin1_names[(r[8], r[10])] = r[1]
            if (countries is not None and r[8] not in countries) or not wanted(r[6], r[7], classes):
                self.report.filtered += 1
                continue
            self.keep_id(int(r[0]))
            self.report.kept += 1
            yield [r[0], r[1], ",".join(_keep_alternates([r[2], *r[3].split(",")], r[1])), r[4], r[5],
                   r[6], r[7], r[8], r[10], "", r[11], r[14].lstrip("-") or "0"]

    def read_alternates(self, path: Path) -> dict[int, list[str]]:
        """Latin and Cyrillic alternate names (former names included) of the kept places."""
        names: dict[int, list[str]] = {}
        for lineno, line, _ in _lines(path, self.progress, self.every):
            if line is None:
                self.bad(path, lineno, "not UTF-8")
                continue
            cells = line.rstrip("\r\n").split("\t")
            if not line.strip():
                continue
            if len(cells) < 4 or not cells[1].isdigit():
                self.bad(path, lineno, f"expected alternateNames columns (id, geonameid, language, name, ...), "
                                       f"found {len(cells)} columns")
                continue
            gid = int(cells[1])
            # Commas separate alternates in our files: "Washington, D.C." is not a name we can keep.
            if (self.is_kept(gid) and cells[2] not in PSEUDO_LANGUAGES and "," not in cells[3]
                    and is_latin_or_cyrillic(cells[3])):
                names.setdefault(gid, []).append(cells[3])
                self.report.alternate_names += 1
        return names


def _admin1_name(row: list[str], names: dict[tuple[str, str], str]) -> str:
    if row[7] == "UA":
        return UA_ADMIN1.get(row[8], "")
    return names.get((row[7], row[8]), "")


def _output_name(source: Path, countries: frozenset[str] | None) -> str:
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", source.name.split(".")[0]) or "geonames"
    return stem + ("-" + "-".join(sorted(countries)) if countries else "") + ".tsv.gz"


def import_geonames(
    path: Path | str,
    alternate_names: Path | str | None = None,
    countries: set[str] | frozenset[str] | None = None,
    feature_classes: set[str] | frozenset[str] | None = None,
    strict: bool = False,
    out_dir: Path | str | None = None,
    progress: Progress | None = None,
    progress_every: int = 500_000,
) -> ImportReport:
    """Import a GeoNames main file (.txt or .zip) into ``out_dir`` (default: ``imported_dir()``).

    ``countries``: ISO codes to keep (default all); ``feature_classes``: GeoNames classes to keep
    (default: populated places and conflict-relevant features). Malformed lines are skipped and
    counted (the first ones logged with their line number), or raise ``MalformedLine`` when
    ``strict``. Re-importing the same source with the same countries replaces its file."""
    source = Path(path)
    if not source.is_file():
        raise FileNotFoundError(f"{source}: no such file")
    cc = frozenset(c.strip().upper() for c in countries if c.strip()) if countries else None
    classes = frozenset(c.strip().upper() for c in feature_classes if c.strip()) if feature_classes else None
    if classes is not None and not classes <= FEATURE_CLASSES:
        raise ValueError(f"unknown feature classes {sorted(classes - FEATURE_CLASSES)}; "
                         f"GeoNames has {''.join(sorted(FEATURE_CLASSES))}")
    folder = Path(out_dir) if out_dir is not None else imported_dir()
    folder.mkdir(parents=True, exist_ok=True)
    report = ImportReport(source)
    job = _Importer(report, strict, progress, progress_every)
    stage = folder / (".stage-" + _output_name(source, cc))
    target = folder / _output_name(source, cc)
    try:
        _write(stage, job.read_main(source, cc, classes), f"GeoNames {source.name} (first pass)")
        alternates = job.read_alternates(Path(alternate_names)) if alternate_names else {}
        _write(target, _finish(stage, alternates, job.admin1_names),
               f"GeoNames {source.name}" + (f" + {Path(alternate_names).name}" if alternate_names else ""))
    finally:
        stage.unlink(missing_ok=True)
    report.output = target
    log.info("imported %d places from %s into %s (%d lines, %d filtered, %d malformed, %d alternate names)",
             report.kept, source, target, report.lines, report.filtered, report.malformed, report.alternate_names)
    return report


def _finish(stage: Path, alternates: dict[int, list[str]],
            admin1_names: dict[tuple[str, str], str]) -> Iterator[list[str]]:
    """The staged rows with their alternate names and first-level region names."""
    for row in read_tsv_gz(stage):
        cells = [row[c] for c in COLUMNS]
        extra = alternates.get(int(cells[0]))
        if extra:
            have = [n for n in cells[2].split(",") if n]
            cells[2] = ",".join(_keep_alternates([*have, *extra], cells[1]))
        cells[9] = _admin1_name(cells, admin1_names)
        yield cells


def _write(path: Path, rows: Iterator[list[str]], source: str) -> None:
    """Rows to a gzipped TSV, atomically (a concurrent index build never reads half a file)."""
    tmp = path.with_name(path.name + f".{os.getpid()}.part")
    try:
        with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=6, newline="") as f:
            f.write(f"# {ATTRIBUTION}\n# source: {source}\n")
            f.write("\t".join(COLUMNS) + "\n")
            for row in rows:
                f.write("\t".join(_SPACES.sub(" ", c) for c in row) + "\n")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
