"""Choose, for each place mention, the gazetteer entry it means, from the evidence of the article:
population and kind of each candidate, the countries and oblasts the article names, and the
spatial coherence with the article's other places (nearby ones count most, same sentence more)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from fogofwar.analyze.places.counties import county_bonuses
from fogofwar.analyze.places.detect import Mention
from fogofwar.analyze.places.local import county_states
from fogofwar.analyze.places.located import located_bonus
from fogofwar.gazetteer.base import Gazetteer, GazetteerEntry, distance_km
from fogofwar.gazetteer.normalize import normalize
from fogofwar.gazetteer.us_local import is_us_county_id
from fogofwar.schema import Place

MAX_CANDIDATES = 200
CODE_BONUS = {
    "PCLI": 0.9, "ADM1": 0.5, "PPLC": 0.45, "PPLA": 0.3, "PPLA2": 0.15, "PPLA3": 0.05, "RGN": 0.5,
    "PPLH": -0.5, "PPLQ": -0.5, "PPLX": -0.3, "STM": -0.3, "LK": -0.3,
}
MAIN_NAME_BONUS = 0.5
STATE_VOTE = 0.8
# Oblasts of the front line: of two namesakes in Ukraine, war reporting more often means these.
WAR_ZONE_PRIOR = {
    "Donetsk Oblast": 0.15, "Luhansk Oblast": 0.15, "Zaporizhzhia Oblast": 0.12, "Kharkiv Oblast": 0.12,
    "Kherson Oblast": 0.12, "Sumy Oblast": 0.05, "Dnipropetrovsk Oblast": 0.05,
}
# Precision 3 (ACLED's geo precision 3: only a larger region is named): a country, an oblast or
# state, or a region across several of them (Donbas, Europe, the Black Sea).
WIDE_CODES = frozenset({"PCLI", "PCL", "PCLD", "PCLF", "PCLS", "TERR", "CONT", "ADM1", "RGN", "RGNE", "RGNH",
                        "RGNL", "SEA", "OCN", "GULF", "UPLD", "PLN"})
# International news: without a US-local clue, a world city (capital or metropolis) beats the small
# namesakes whose own name it is not ("Seville" is Sevilla, not Seville, Ohio).
WORLD_CITY_POPULATION = 300_000
WORLD_CITY_BONUS = 0.4
COUNTRY_BONUS = 0.6  # and a country's name is the country, not a town of that name


@dataclass
class Group:
    """The mentions of one name (one sense per article), resolved together."""

    key: str
    mentions: list[Mention]
    candidates: list[GazetteerEntry]
    hint: str | None
    preferred_id: int | None
    choice: GazetteerEntry | None = None
    totals: list[float] = field(default_factory=list)
    confident: bool = False


def _prior(entry: GazetteerEntry, group: Group, has_towns: bool) -> float:
    score = math.log10(entry.population + 1) / 7.0 + CODE_BONUS.get(entry.feature_code, 0.0)
    if normalize(entry.name) == group.key:
        score += MAIN_NAME_BONUS  # its own name, not a former or foreign one it once had
    score += WAR_ZONE_PRIOR.get(entry.admin1 or "", 0.0) if entry.country_code == "UA" else 0.0
    if entry.geonameid == group.preferred_id:
        score += 1.2  # our curated spelling of it: what reporters mean by the name
    if entry.geonameid < 0 and entry.feature_class != "P" and not is_us_county_id(entry.geonameid):
        score += 0.6  # our curated conflict features
    if entry.feature_class in "HTVSL" and entry.geonameid > 0 and entry.feature_code != "RGN":
        score -= 0.2  # a stream or hill of the same name as a town is rarely what the news means
    hint = group.hint
    if hint == "region":
        score += 1.2 if entry.feature_code in ("ADM1", "RGN", "PCLI") else -0.3
    elif hint == "district":
        score += 1.2 if entry.feature_code == "ADM2" else 0.0
    elif hint == "feature":
        if entry.feature_class == "P":
            score -= 0.6
        elif entry.feature_code != "RGN":
            score += 0.9
    elif hint == "settlement":
        score += 0.5 if entry.feature_class == "P" else -0.5
    elif entry.feature_code in ("ADM1", "ADM2") and has_towns and entry.country_code != "US":
        score -= 0.3
    return score


def _groups(mentions: Sequence[Mention], gaz: Gazetteer) -> list[Group]:
    by_key: dict[tuple[str, str | None], Group] = {}
    for m in mentions:
        key = normalize(m.key)
        hint = m.kind_hint if m.kind_hint in ("region", "district", "feature") else None
        group = by_key.get((key, hint))
        if group is None:
            cands = sorted(m.candidates, key=lambda e: -e.population)[:MAX_CANDIDATES]
            group = Group(key, [], cands, m.kind_hint, gaz.preferred(m.key) if cands else None)
            by_key[(key, hint)] = group
        elif m.kind_hint == "settlement":
            group.hint = "settlement"
        group.mentions.append(m)
    return list(by_key.values())


def _context(groups: list[Group]) -> tuple[Counter[str], set[tuple[str, str]]]:
    """Countries and first-level units the article names unambiguously."""
    countries: Counter[str] = Counter()
    admins: set[tuple[str, str]] = set()
    for g in groups:
        if not g.candidates:
            states = county_states(g.key)  # "Edgar County" is only in Illinois
            if len(states) == 1:
                admins.add(("US", states[0]))
            if states:
                countries["US"] += len(g.mentions)
            continue
        country = next((e for e in g.candidates if e.feature_code == "PCLI"), None)
        # A country's name counts unless something else as big shares it (Georgia, the US state).
        if country is not None and not any(
                e is not country and e.population * 10 >= country.population for e in g.candidates):
            countries[country.country_code] += 2 * len(g.mentions)
        ccs = {e.country_code for e in g.candidates if e.country_code}
        if len(ccs) == 1:
            countries[next(iter(ccs))] += len(g.mentions)
        admin = [e for e in g.candidates if e.feature_code == "ADM1"]
        if admin and (g.hint == "region" or len(g.candidates) == 1):
            admins.add((admin[0].country_code, admin[0].admin1_code))
        states = _county_group_states(g)
        if len(states) == 1:
            admins.add(("US", states[0]))
    return countries, admins


def _county_group_states(g: Group) -> tuple[str, ...]:
    """The state codes of a group that names only US counties ("Edgar County": IL), else ()."""
    if not g.candidates:
        return county_states(g.key)
    if all(is_us_county_id(e.geonameid) for e in g.candidates):
        return tuple(dict.fromkeys(e.admin1_code for e in g.candidates))
    return ()


def _chosen_context(groups: list[Group], countries: Counter[str], admins: set[tuple[str, str]],
                    ) -> tuple[Counter[str], set[tuple[str, str]]]:
    """The context again, adding what the first pass chose with confidence (the state in
    "Gainesville, Georgia" once Georgia is read as the state)."""
    countries, admins = Counter(countries), set(admins)
    for g in groups:
        e = g.choice
        if e is None or not g.confident or not e.country_code:
            continue
        countries[e.country_code] += len(g.mentions)
        if e.feature_code == "ADM1":
            admins.add((e.country_code, e.admin1_code))
    return countries, admins


def _choose(groups: list[Group], countries: Counter[str], admins: set[tuple[str, str]],
            anchors: list[tuple[int, int, float, float, float]] | None) -> None:
    group_of = {id(m): g.choice for g in groups for m in g.mentions}
    votes = _admin_votes(groups) if anchors is not None else {}
    total_country = sum(countries.values()) or 1
    us_local = _us_local(groups, admins)
    held = county_bonuses([g.candidates for g in groups])
    for n, g in enumerate(groups):
        if not g.candidates:
            continue
        has_towns = any(e.feature_class == "P" and e.population > 0 for e in g.candidates)
        sentences = {m.sentence for m in g.mentions}
        totals = []
        for e in g.candidates:
            t = _prior(e, g, has_towns)
            if not us_local:
                t += _international(e, g)
            if us_local or e.country_code != "US" or e.feature_class != "P":
                t += 1.2 * countries.get(e.country_code, 0) / total_country
            if (e.country_code, e.admin1_code) in admins and e.feature_code != "ADM1":
                t += 0.5
            if anchors:
                t += _coherence(e, n, sentences, anchors)
            t += located_bonus(e, g.mentions, group_of)
            t += _state_vote(e, n, votes) + held.get((n, e.geonameid), 0.0)
            totals.append(t)
        best = max(range(len(totals)), key=totals.__getitem__)
        g.choice, g.totals = g.candidates[best], totals
        ordered = sorted(totals, reverse=True)
        g.confident = len(totals) == 1 or ordered[0] - ordered[1] > 0.5


def _international(e: GazetteerEntry, g: Group) -> float:
    """In news that is not US-local: a country for its own name, a world city over its namesakes."""
    if e.feature_code == "PCLI" and g.hint != "settlement":
        return COUNTRY_BONUS
    if e.feature_class == "P" and (e.feature_code == "PPLC" or e.population >= WORLD_CITY_POPULATION):
        return WORLD_CITY_BONUS
    return 0.0


def _us_local(groups: list[Group], admins: set[tuple[str, str]]) -> bool:
    """Whether the article reads as US local news: it names a US state or county, or a place only
    the US has. Naming the United States (or Washington) alone is international news, where
    "Geneva" is the Swiss city, not Geneva, Illinois: the US share of the article's places then
    does not favour small US towns."""
    if any(cc == "US" for cc, _ in admins):
        return True
    for g in groups:
        if g.candidates and all(e.country_code == "US" for e in g.candidates) and not any(
                e.feature_code in ("PCLI", "PPLC") for e in g.candidates):
            return True
    return False


def _admin_votes(groups: list[Group]) -> dict[tuple[str, str], set[int]]:
    """Which groups' confident choices lie in each first-level unit (state, oblast)."""
    votes: dict[tuple[str, str], set[int]] = {}
    for n, g in enumerate(groups):
        states = _county_group_states(g)
        if 0 < len(states) <= 3 and not (g.confident and len(states) > 1):
            # "Henry County" beside "Paris": Paris, Tennessee or Illinois...
            for state in states:
                votes.setdefault(("US", state), set()).add(n)
            continue
        if not g.candidates:
            continue
        e = g.choice
        if e is not None and g.confident and e.admin1_code and e.feature_code != "PCLI":
            votes.setdefault((e.country_code, e.admin1_code), set()).add(n)
    return votes


def _state_vote(e: GazetteerEntry, group_no: int, votes: dict[tuple[str, str], set[int]]) -> float:
    """Up to STATE_VOTE for a candidate in the state (or oblast) where the article's other places
    are: local news stays in its state ("Paris" beside "Edgar County" is Paris, Illinois)."""
    if not votes or not e.admin1_code:
        return 0.0
    others = sum(len(v - {group_no}) for v in votes.values())
    if not others:
        return 0.0
    mine = len(votes.get((e.country_code, e.admin1_code), set()) - {group_no})
    return STATE_VOTE * mine / others


def _coherence(e: GazetteerEntry, group_no: int, sentences: set[int],
               anchors: list[tuple[int, int, float, float, float]]) -> float:
    """Closeness to the other groups' choices: up to 1.5 for a place within a few km of a place
    named in the same sentence, fading with distance."""
    best = 0.0
    for other, sentence, lat, lon, weight in anchors:
        if other == group_no:
            continue
        d = distance_km(e.lat, e.lon, lat, lon)
        if sentence in sentences:
            bonus = 1.5 * math.exp(-d / 30.0)
        else:
            bonus = 0.8 * math.exp(-d / 100.0)
        best = max(best, weight * bonus)
    return best


def _anchors(groups: list[Group]) -> list[tuple[int, int, float, float, float]]:
    anchors = []
    for n, g in enumerate(groups):
        e = g.choice
        if e is None or e.feature_class == "A" and not is_us_county_id(e.geonameid):
            continue  # units are placed by containment (admin codes), not by their arbitrary middle
        # Small, confidently resolved places pin the map; regions and guesses only a little.
        weight = (1.0 if g.confident else 0.5) / (1.0 + e.radius_km / 50.0)
        for sentence in {m.sentence for m in g.mentions}:
            anchors.append((n, sentence, e.lat, e.lon, weight))
    return anchors


def _plausible(e: GazetteerEntry | None, group_no: int, m: Mention, countries: Counter[str],
               named: set[str], anchors: list[tuple[int, int, float, float, float]]) -> bool:
    """Whether a weakly detected name fits the article: in a country it names often, or near
    its other places."""
    if e is None:
        return False
    total = sum(countries.values())
    if m.weak == 1 and total and countries.get(e.country_code, 0) / total >= 0.3 and e.population >= 1000:
        return True
    if e.country_code in named and e.population >= 1000:
        return True
    return _coherence(e, group_no, {m.sentence}, anchors) >= 0.4


def _precision(entry: GazetteerEntry, relation: str | None, hint: str | None = None) -> int:
    """ACLED-style: 3 a country, oblast or wider region, 2 a district, feature or a place near a
    town (or a town standing for its district: "Kupiansk district"), 1 a settlement."""
    if entry.feature_code in WIDE_CODES:
        return 3
    if relation is not None or entry.feature_class != "P" or hint == "district":
        return 2
    return 1


def resolve(mentions: Sequence[Mention], gaz: Gazetteer) -> list[Place]:
    groups = _groups(mentions, gaz)
    countries, admins = _context(groups)
    _choose(groups, countries, admins, None)
    countries, admins = _chosen_context(groups, countries, admins)
    for _ in range(2):
        _choose(groups, countries, admins, _anchors(groups))
    group_of = {id(m): g for g in groups for m in g.mentions}
    anchors = _anchors(groups)
    named = {g.choice.country_code for g in groups if g.choice and g.choice.feature_code == "PCLI"}
    places = []
    for n, g in enumerate(groups):
        e = g.choice
        if e is None:
            conf = 0.0
        elif len(g.totals) == 1:
            conf = 0.95
        else:
            ordered = sorted(g.totals, reverse=True)
            conf = 0.5 + 0.45 * math.tanh(ordered[0] - ordered[1])
        for m in g.mentions:
            if m.weak and not _plausible(e, n, m, countries, named, anchors):
                continue
            entry = _within_parent(m, e, group_of)
            score = m.support * conf if entry else 0.3 * m.support
            places.append(_place(m, entry, round(score, 3)))
    places.sort(key=lambda p: p.start)
    return places


def _within_parent(m: Mention, e: GazetteerEntry | None, group_of: dict[int, Group]) -> GazetteerEntry | None:
    """A district "of" a city that the gazetteer places elsewhere (or not at all) is put in the city."""
    if m.parent is None:
        return e
    parent = group_of[id(m.parent)].choice
    if parent is None:
        return e
    if e is None or distance_km(e.lat, e.lon, parent.lat, parent.lon) > parent.radius_km + 25.0:
        return GazetteerEntry(-abs(parent.geonameid) if parent.geonameid > 0 else parent.geonameid,
                              f"{m.text} ({parent.name})", parent.lat, parent.lon, parent.country_code,
                              parent.admin1_code, parent.admin1, parent.admin2, "A", "ADM3", 0,
                              parent.radius_km)
    return e


def _place(m: Mention, e: GazetteerEntry | None, score: float) -> Place:
    if e is None:
        return Place(m.start, m.end, m.text, None, None, None, None, None, None, None, None, None, score,
                     relation=m.relation, distance_km=m.distance_km)
    radius = e.radius_km
    if m.relation is not None:
        radius = round(radius + (m.distance_km if m.distance_km is not None else 10.0), 1)
    admin1 = e.admin1 or (e.name if e.feature_code == "ADM1" else None)
    return Place(
        start=m.start, end=m.end, text=m.text, geonameid=e.public_id, name=e.name,
        lat=round(e.lat, 5), lon=round(e.lon, 5), country_code=e.country_code or None, admin1=admin1,
        feature_code=e.feature_code or None, precision=_precision(e, m.relation, m.kind_hint), radius_km=radius,
        score=score, relation=m.relation, distance_km=m.distance_km,
    )
