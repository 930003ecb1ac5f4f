"""Compile GeoNames source files into the compact data files committed under ``gazetteer/data``.

Run once by a maintainer when the sources change::

    python -m fogofwar.gazetteer.compile /work/shared/data/gazetteer

Contains data from GeoNames (https://www.geonames.org/), CC BY 4.0.
"""

from __future__ import annotations

import csv
import gzip
import io
import logging
import statistics
import sys
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from fogofwar.gazetteer.normalize import is_latin_or_cyrillic, normalize, transliterate_ru

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).with_name("data")
ATTRIBUTION = "Contains data from GeoNames (https://www.geonames.org/), CC BY 4.0; compiled by fogofwar."
# The columns of every compiled file (and of curated.tsv).
COLUMNS = (
    "geonameid", "name", "alternates", "lat", "lon", "feature_class", "feature_code",
    "country_code", "admin1", "admin1_name", "admin2", "population",
)

# Non-populated GeoNames features worth finding in conflict reporting: admin units, rivers,
# reservoirs, seas' bays, regions, forests, islands and spits, airports, power plants, dams.
KEEP_FEATURES: dict[str, frozenset[str]] = {
    "A": frozenset({"ADM1", "ADM2", "PCLI"}),
    "H": frozenset({"STM", "RSV", "LK", "BAY", "GULF", "STRT", "ESTY", "LGN"}),
    "L": frozenset({"RGN", "RGNE", "RGNH", "RGNL", "PRK", "RESN", "RES", "PRT"}),
    "T": frozenset({"ISL", "ISLS", "PEN", "SPIT", "ISTH", "MTS", "UPLD", "PLN", "CAPE"}),
    "V": frozenset({"FRST"}),
    "S": frozenset({"AIRP", "AIRB", "AIRF", "PS", "PSH", "DAM", "DAMQ", "BDG"}),
}

# GeoNames admin1 codes of Ukraine -> the English names used in reporting.
UA_ADMIN1: dict[str, str] = {
    "01": "Cherkasy Oblast", "02": "Chernihiv Oblast", "03": "Chernivtsi Oblast",
    "04": "Dnipropetrovsk Oblast", "05": "Donetsk Oblast", "06": "Ivano-Frankivsk Oblast",
    "07": "Kharkiv Oblast", "08": "Kherson Oblast", "09": "Khmelnytskyi Oblast",
    "10": "Kirovohrad Oblast", "11": "Autonomous Republic of Crimea", "12": "Kyiv",
    "13": "Kyiv Oblast", "14": "Luhansk Oblast", "15": "Lviv Oblast", "16": "Mykolaiv Oblast",
    "17": "Odesa Oblast", "18": "Poltava Oblast", "19": "Rivne Oblast", "20": "Sevastopol",
    "21": "Sumy Oblast", "22": "Ternopil Oblast", "23": "Vinnytsia Oblast", "24": "Volyn Oblast",
    "25": "Zakarpattia Oblast", "26": "Zaporizhzhia Oblast", "27": "Zhytomyr Oblast",
}

# Russian oblasts on Ukraine's border (postal file's Cyrillic admin names) -> English names.
RU_BORDER_OBLASTS: dict[str, str] = {
    "Курская Область": "Kursk Oblast", "Белгородская Область": "Belgorod Oblast",
    "Брянская Область": "Bryansk Oblast", "Воронежская Область": "Voronezh Oblast",
    "Ростовская Область": "Rostov Oblast", "Смоленская Область": "Smolensk Oblast",
}
BY_REGIONS: dict[str, str] = {
    "Brest": "Brest Region", "Gomel": "Gomel Region", "Grodno": "Grodno Region",
    "Minsk": "Minsk Region", "Moghilev": "Mogilev Region", "Vitebsk": "Vitebsk Region",
}
# Postal localities get ids below this, so they never collide with GeoNames ids (output as null).
POSTAL_ID_BASE = -1_000_000


def _keep_alternates(names: Iterable[str], main: str) -> list[str]:
    """Latin and Cyrillic alternate names, deduplicated by lookup key, without the main name."""
    seen = {normalize(main)}
    kept = []
    for name in names:
        name = name.strip()
        if not name or len(name) > 60 or not is_latin_or_cyrillic(name):
            continue
        if name.isascii() and name == name.lower():
            continue  # romanisations of CJK names ("sevuerusuku"), never how English text writes a place
        key = normalize(name) if name.isascii() else name.casefold()
        if key in seen:
            continue
        seen.add(key)
        kept.append(name)
    return kept


def read_ua_dump(zip_path: Path) -> Iterator[list[str]]:
    """Rows in ``COLUMNS`` order from GeoNames' UA.zip: all populated places and the kept features."""
    with zipfile.ZipFile(zip_path) as zf, zf.open("UA.txt") as raw:
        for line in io.TextIOWrapper(raw, encoding="utf-8"):
            r = line.rstrip("\n").split("\t")
            if len(r) < 19:
                continue
            fclass, fcode = r[6], r[7]
            if fclass != "P" and fcode not in KEEP_FEATURES.get(fclass, ()):
                # City districts ("Kyivskyi District" of Donetsk) are kept; hromadas are not.
                if not (fcode == "ADM3" and r[1].endswith("District")):
                    continue
            name = r[1]
            alternates = _keep_alternates([r[2], *r[3].split(",")], name)
            admin1 = r[10] if r[10] != "00" else ""
            admin1_name = UA_ADMIN1.get(admin1, "")
            if fcode == "ADM1" and admin1_name:
                # The English name first; GeoNames' own ("Donetska Oblast") stays an alternate.
                alternates = _keep_alternates([name, *alternates], admin1_name)
                name = admin1_name
            yield [r[0], name, ",".join(alternates), r[4], r[5], fclass, fcode, "UA", admin1,
                   admin1_name, r[11], r[14] or "0"]


def read_postal(
    lines: Iterable[str], country: str, regions: dict[str, str], first_id: int
) -> list[list[str]]:
    """Rows from a GeoNames postal file: one per (locality, region, district), its coordinates the
    mean of its post offices, its Latin name a transliteration of the Cyrillic one."""
    groups: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for line in lines:
        r = line.rstrip("\n").split("\t")
        if len(r) < 11 or r[3] not in regions or not r[9] or not r[10]:
            continue
        groups[(r[2], r[3], r[5])].append((float(r[9]), float(r[10])))
    rows = []
    for n, ((cyr, region, district), points) in enumerate(sorted(groups.items())):
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        latin = transliterate_ru(cyr)
        rows.append([str(first_id - n), latin, cyr, f"{lat:.4f}", f"{lon:.4f}", "P", "PPL", country,
                     regions[region], regions[region], district.title(), "0"])
    return rows


# Regions of the RU postal file that are cities (federal cities, Baikonur) or have no name.
_NOT_REGIONS = frozenset({"", "Москва", "Санкт-Петербург", "Байконур"})
REGION_ID_BASE = POSTAL_ID_BASE - 500_000  # postal regions' ids, below the postal localities'


def read_postal_regions(lines: Iterable[str], country: str, english: dict[str, str], first_id: int) -> list[list[str]]:
    """One first-level region row per region of a postal file, at the median of its post offices: the
    only source here that places Russia's republics ("Татарстан Республика" -> "Tatarstan Respublika,
    Republic of Tatarstan"). Named in English where ``english`` knows the region."""
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for line in lines:
        r = line.rstrip("\n").split("\t")
        if len(r) >= 11 and r[3] not in _NOT_REGIONS and r[9] and r[10]:
            points[r[3]].append((float(r[9]), float(r[10])))
    rows = []
    for n, (cyr, pts) in enumerate(sorted(points.items())):
        latin = transliterate_ru(cyr)
        alternates = [cyr]
        if latin.endswith(" Respublika"):  # "Tatarstan Respublika": also "Republic of Tatarstan"
            alternates += [f"Republic of {latin[: -len(' Respublika')]}", f"Respublika {latin[: -len(' Respublika')]}"]
        name = english.get(cyr, latin)
        if name != latin:
            alternates.append(latin)
        lat, lon = statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts)  # outliers abound
        rows.append([str(first_id - n), name, ",".join(alternates), f"{lat:.4f}", f"{lon:.4f}", "A", "ADM1", country,
                     "", name, "", "0"])
    return rows


def _write(path: Path, rows: Iterable[list[str]], source: str) -> int:
    count = 0
    with open(path, "wb") as f, gzip.GzipFile(fileobj=f, mode="wb", mtime=0, compresslevel=9) as gz:
        text = io.TextIOWrapper(gz, encoding="utf-8", newline="")
        text.write(f"# {ATTRIBUTION}\n# source: {source}\n")
        writer = csv.writer(text, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                            escapechar="\\")
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow(row)
            count += 1
        text.flush()
        text.detach()
    log.info("wrote %s: %d rows, %d bytes", path, count, path.stat().st_size)
    return count


def compile_sources(shared_dir: Path | str, out_dir: Path | str | None = None) -> dict[str, int]:
    """Regenerate ``ua.tsv.gz`` (and ``ru_by.tsv.gz`` when the postal files are there) from the
    GeoNames files in ``shared_dir``. Returns rows written per file."""
    shared = Path(shared_dir)
    out = Path(out_dir) if out_dir is not None else DATA_DIR
    out.mkdir(parents=True, exist_ok=True)
    ua_zip = shared / "geonames-UA.zip"
    if not ua_zip.exists():
        raise FileNotFoundError(f"{ua_zip} not found: pass the folder holding geonames-UA.zip")
    counts = {"ua.tsv.gz": _write(out / "ua.tsv.gz", read_ua_dump(ua_zip), "GeoNames UA.zip country dump")}
    ru_zip, by_txt = shared / "geonames-postal-RU-2016.zip", shared / "geonames-postal-BY.txt"
    if ru_zip.exists() and by_txt.exists():
        with zipfile.ZipFile(ru_zip) as zf:
            ru_lines = zf.read("RU.txt").decode("utf-8").splitlines()
        rows = read_postal(ru_lines, "RU", RU_BORDER_OBLASTS, POSTAL_ID_BASE)
        by_lines = by_txt.read_text(encoding="utf-8").splitlines()
        rows += read_postal(by_lines, "BY", BY_REGIONS, POSTAL_ID_BASE - len(rows))
        rows += read_postal_regions(ru_lines, "RU", RU_BORDER_OBLASTS, REGION_ID_BASE)
        counts["ru_by.tsv.gz"] = _write(out / "ru_by.tsv.gz", rows, "GeoNames postal codes RU (2016), BY")
    return counts


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args = sys.argv[1:] if argv is None else argv
    if not args:
        raise SystemExit("usage: python -m fogofwar.gazetteer.compile SHARED_GAZETTEER_DIR [OUT_DIR]")
    compile_sources(args[0], args[1] if len(args) > 1 else None)


if __name__ == "__main__":
    main()
