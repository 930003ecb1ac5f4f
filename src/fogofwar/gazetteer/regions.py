"""First-level regions of every country from pycountry (ISO 3166-2), placed by their capitals;
countries' local names from pycountry's translations.

pycountry knows each region's local (romanised) name and, through its translations, English,
Russian and Ukrainian names, but no coordinates. Most regions of the former Soviet Union and of
the Middle East are named after their capital ("Krasnodarskiy kray" after Krasnodar, "Idlib" after
Idlib): the capital, found among the country's towns, gives the region its GeoNames admin1 code,
and the towns sharing that code give its point (their median) and population. Regions whose
capital cannot be found this way are left out rather than guessed.
"""

from __future__ import annotations

import gettext
import logging
import os
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from fogofwar.gazetteer.compile import BY_REGIONS
from fogofwar.gazetteer.compile import REGION_ID_BASE as POSTAL_REGION_BASE
from fogofwar.gazetteer.normalize import is_latin_key, normalize, transliterate_ru
from fogofwar.gazetteer.record import Record

log = logging.getLogger(__name__)

PYCOUNTRY_ID_BASE = -2_000_000  # our own ids for regions (GeoNames ADM1 ids are not available offline)
# Words that name the kind of region in ISO 3166-2 local names, not the region.
TYPE_WORDS = frozenset({
    "oblast", "oblasti", "oblast'", "kray", "krai", "respublika", "voblasts", "voblasc", "oblysy", "okrug",
    "avtonomnyy", "avtonomnaya", "province", "provinsi", "region", "governorate", "muhafazat", "ostan", "ostan-e", "il",
    "vilayati", "viloyati", "mkhare", "raioni", "unit", "state", "autonomous", "republic",
})
ADJECTIVE_ENDINGS = ("skaya", "skaja", "ckaja", "skiy", "skoye", "skoy", "ska", "ski", "aya", "aja", "iy", "yy", "oye",
                     "ya")
# The English word for a kind of region, by ISO 3166-2 type.
ENGLISH_TYPE = {"administrative region": "Oblast", "region": "Oblast", "oblast": "Oblast",
                "administrative territory": "Krai", "autonomous district": "Autonomous Okrug"}
MIN_CAPITAL = 10_000  # a region is named after a town, not a village ("Ivanovskaya" stanitsa)
SOVIET = frozenset({"RU", "BY", "KZ", "UZ", "KG", "TJ", "TM", "AM", "AZ", "GE", "MD"})


def _translator(lang: str, domain: str = "iso3166-2") -> Callable[[str], str]:
    import pycountry

    path = os.path.join(pycountry.LOCALES_DIR, lang, "LC_MESSAGES", f"{domain}.mo")
    if not os.path.exists(path):
        return lambda s: s
    with open(path, "rb") as f:
        return gettext.GNUTranslations(f).gettext


# Official languages (pycountry locale names) of the countries whose own names are written in Latin or
# Cyrillic letters, for their local names ("Polska", "Україна" -> "Ukrayina").
COUNTRY_LANGUAGES: dict[str, tuple[str, ...]] = {
    "UA": ("uk",), "RU": ("ru",), "BY": ("be", "ru"), "PL": ("pl",), "DE": ("de",), "AT": ("de",), "FR": ("fr",),
    "MD": ("ro",), "RO": ("ro",), "HU": ("hu",), "SK": ("sk",), "CZ": ("cs",), "LT": ("lt",), "LV": ("lv",),
    "EE": ("et",), "FI": ("fi",), "SE": ("sv",), "NO": ("nb_NO",), "DK": ("da",), "NL": ("nl",),
    "BE": ("nl", "fr", "de"), "CH": ("de", "fr", "it"), "IT": ("it",), "ES": ("es",), "PT": ("pt",), "TR": ("tr",),
    "BG": ("bg",), "RS": ("sr@latin",), "HR": ("hr",), "SI": ("sl",), "BA": ("bs",), "AL": ("sq",), "AZ": ("az",),
    "IS": ("is",), "IE": ("ga",), "ID": ("id",), "VN": ("vi",), "MX": ("es",), "AR": ("es",), "BR": ("pt_BR",),
    "KG": ("ky",), "VE": ("es",), "CO": ("es",), "CL": ("es",), "PE": ("es",), "CU": ("es",),
}


def local_country_names(iso: str) -> list[str]:
    """A country's names in its own languages, Cyrillic ones transliterated ("Ukrayina", "Polska")."""
    import pycountry

    country = pycountry.countries.get(alpha_2=iso)
    if country is None:
        return []
    names = []
    for lang in COUNTRY_LANGUAGES.get(iso, ()):
        translate = _translator(lang, "iso3166-1")
        for english in {country.name, getattr(country, "common_name", None) or country.name}:
            local = translate(english).split(",")[0].strip()
            if local and local != english:
                names.append(local if local.isascii() or is_latin_key(normalize(local)) else transliterate_ru(local))
    return names


def _core(local: str) -> str:
    """ "Krasnodarskiy kray" -> "Krasnodarskiy"; "Tatarstan, Respublika" -> "Tatarstan"."""
    head = local.split(",")[0]
    words = [w for w in head.split() if normalize(w) not in TYPE_WORDS and w.lower() not in TYPE_WORDS]
    return " ".join(words)


def _stems(core: str, adjectival: bool) -> list[str]:
    """The name's key, and for an adjective ("Krasnodarskiy") the stems it may come from."""
    key = normalize(core)
    stems = [key]
    for ending in ADJECTIVE_ENDINGS if adjectival else ():
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            stems.append(key[: -len(ending)])
    return stems


@dataclass(frozen=True)
class Capital:
    town: Record
    exact: bool  # the region bears the town's own name ("Idlib"), not an adjective of it
    stem: str  # the town's name as the region's English name uses it ("Leningrad" Oblast)


def _english_stem(town_name: str, key: str) -> str:
    """The town's name, unless the region keeps a former one the town no longer bears
    ("Leningradskaya" -> "Leningrad", not "Saint Petersburg"; "Sverdlovskaya" -> "Sverdlovsk")."""
    if normalize(town_name)[:3] == key[:3]:
        return town_name
    return key.title()


class _Towns:
    """A country's towns by name key, and by the 4-letter prefix of each key."""

    def __init__(self, towns: Iterable[Record]) -> None:
        self.by_key: dict[str, Record] = {}
        self.by_prefix: dict[str, list[str]] = defaultdict(list)
        for rec in sorted(towns, key=lambda r: -r.population):
            for name in rec.names:
                key = normalize(name)
                if is_latin_key(key) and key not in self.by_key:
                    self.by_key[key] = rec
                    self.by_prefix[key[:4]].append(key)

    def capital(self, stems: list[str]) -> Capital | None:
        """The most populous town (of at least ``MIN_CAPITAL`` people) named by a stem: exactly, or
        but for an ending of up to two letters ("samar" -> Samara); and whether it bears the
        region's own name ("Idlib") rather than a stem of it ("Krasnodarskiy" -> Krasnodar)."""
        found: list[tuple[int, bool, str, Record]] = []
        for n, stem in enumerate(stems):
            if n == 0 and len(stems) > 1:
                continue  # "Orlovskaya" itself names a village; the region is named after Oryol
            if stem in self.by_key:
                found.append((self.by_key[stem].population, n == 0, stem, self.by_key[stem]))
            if n and len(stem) >= 4:
                for k in self.by_prefix.get(stem[:4], ()):
                    # "orlov" is not "Orlovskiy": an adjective names a village, not a region's capital
                    if k[: len(stem)] == stem and len(k) - len(stem) <= 2 and not k.endswith(ADJECTIVE_ENDINGS):
                        found.append((self.by_key[k].population, False, k, self.by_key[k]))
        found = [f for f in found if f[0] >= MIN_CAPITAL]
        if not found:
            return None
        _, exact, key, town = max(found, key=lambda f: (f[0], f[1]))
        return Capital(town, exact, _english_stem(town.name, key))


def _english_names(sub: Any, capital: Capital | None, english: str) -> list[str]:
    """English names first (the first one is the region's name in the index)."""
    names = [english] if english != sub.name else []
    if "," in sub.name:  # "Tatarstan, Respublika": the republic's own name, and "Republic of ..."
        core = _core(sub.name)
        names += [core, f"Republic of {core}"]
    if capital is None:
        return names
    if sub.country_code == "BY":  # the names of our postal data: "Gomel Region"
        town_keys = {normalize(n) for n in capital.town.names}
        names += [v for k, v in BY_REGIONS.items() if town_keys & {normalize(k), normalize(v.split()[0])}]
    kind = ENGLISH_TYPE.get(sub.type.lower())
    if capital.exact and not sub.name.isascii() and capital.town.name.isascii():
        names.append(f"{capital.town.name} Province")  # "Ḩalab" is Aleppo Province
    if not capital.exact and kind and sub.country_code in SOVIET:
        names += [f"{capital.stem} {kind}", f"{capital.stem} Region"]  # "Krasnodar Krai", "Samara Region"
    if sub.country_code not in SOVIET and _core(english) == english:
        names.append(f"{english} Province")  # gives "Idlib province", "Idlib region" keys
    return names


def _near(a: Any, b: Any, degrees: float = 3.0) -> bool:
    """Roughly within a region's reach (about 300 km): a capital far away is another town."""
    return abs(a.lat - b.lat) < degrees and abs(a.lon - b.lon) < 1.6 * degrees


def _merge_into_known(known: dict[str, list[Any]], cc: str, names: list[str], english: bool) -> Any | None:
    """The region of ours already there under one of ``names`` (curated "Belgorod Oblast", the
    postal "Tatarstan Respublika"), given the names; None when there is none. ``english``: whether
    ``names[0]`` is an English name, better than a postal transliteration."""
    keys = {normalize(n) for n in names}
    for rec in known.get(cc, ()):
        if keys & {normalize(n) for n in rec.names}:
            if english and rec.geonameid <= POSTAL_REGION_BASE:
                rec.name = rec.admin1 = names[0]  # "Tatarstan", not the transliteration "Tatarstan Respublika"
            rec.names.update(names)
            return rec
    return None


def drop_duplicate_regions(records: dict[int, Any]) -> None:
    """A postal region that a curated one already is ("Kursk Oblast"; "Chechnya" at the same
    point): its names go to the curated one."""
    curated = [r for r in records.values() if r.feature_code == "ADM1" and POSTAL_REGION_BASE < r.geonameid < 0]
    for gid in [g for g, r in records.items() if g <= POSTAL_REGION_BASE and r.feature_code == "ADM1"]:
        rec = records[gid]
        twin = next((c for c in curated if c.country_code == rec.country_code
                     and (normalize(c.name) == normalize(rec.name) or _near(c, rec, 0.5))), None)
        if twin is not None:
            twin.names.update(rec.names)
            del records[gid]


class _Index:
    """What the loop over pycountry's regions needs to know of the records."""

    def __init__(self, records: dict[int, Any]) -> None:
        self.towns: dict[str, list[Any]] = defaultdict(list)
        self.groups: dict[tuple[str, str], list[Any]] = defaultdict(list)
        self.known_adm1: set[str] = set()  # countries whose ADM1 come from GeoNames (UA, US)
        self.ours: dict[str, list[Any]] = defaultdict(list)  # regions without a GeoNames id
        for rec in records.values():
            if rec.feature_class == "P" and rec.geonameid > 0:
                if rec.population >= MIN_CAPITAL:
                    self.towns[rec.country_code].append(rec)
                if rec.admin1_code:
                    self.groups[(rec.country_code, rec.admin1_code)].append(rec)
            elif rec.feature_code == "ADM1":
                (self.known_adm1.add(rec.country_code) if rec.geonameid > 0
                 else self.ours[rec.country_code].append(rec))
        self._by_country: dict[str, _Towns] = {}

    def capital(self, cc: str, names: list[str]) -> Capital | None:
        if cc not in self._by_country:
            self._by_country[cc] = _Towns(self.towns.get(cc, ()))
        for name in names:
            found = self._by_country[cc].capital(_stems(_core(name), cc in SOVIET))
            if found is not None and found.town.admin1_code:
                return found
        return None


def add_subdivisions(records: dict[int, Record]) -> int:
    """Add the first-level regions of every country we can place, skipping countries whose regions
    the index has already (Ukraine's oblasts, the US states). Returns how many were added."""
    import pycountry

    drop_duplicate_regions(records)
    index = _Index(records)
    en, ru = _translator("en"), _translator("ru")
    added, taken = 0, set()
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        cc = sub.country_code
        if sub.parent_code or cc in index.known_adm1 or "city" in sub.type.lower():
            continue
        english = en(sub.name)
        found = index.capital(cc, [sub.name, english])
        if found is not None and (cc, found.town.admin1_code) in taken:
            found = None  # two regions, one capital: the first keeps it
        local_names = [sub.name]
        if cc in SOVIET and ru(sub.name) != sub.name:
            local_names.append(transliterate_ru(ru(sub.name)))
        ours = next((r for r in index.ours.get(cc, ()) if {normalize(n) for n in local_names}
                     & {normalize(n) for n in r.names}), None)
        if found is not None and ours is not None and not _near(found.town, ours):
            found = None  # "Orlovskiy" near Rostov is not the capital of Orlovskaya oblast
        english_names = _english_names(sub, found, english)
        all_names = [*english_names, *local_names]
        members = index.groups[(cc, found.town.admin1_code)] if found else []
        if found:
            taken.add((cc, found.town.admin1_code))
        rec = _merge_into_known(index.ours, cc, all_names, english=bool(english_names))
        if rec is None and found is not None:
            rec = Record(PYCOUNTRY_ID_BASE - added, all_names[0], statistics.median(m.lat for m in members),
                       statistics.median(m.lon for m in members), cc, found.town.admin1_code, all_names[0], "",
                       "A", "ADM1", sum(m.population for m in members))
            rec.names.update(all_names)
            records[rec.geonameid] = rec
            added += 1
        if rec is not None and members:
            rec.population = rec.population or sum(m.population for m in members)
        for m in members if rec is not None else ():
            m.admin1 = m.admin1 or rec.name  # towns learn their region's name
    log.info("pycountry: %d first-level regions placed by their capitals", added)
    return added
