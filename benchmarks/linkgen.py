"""Synthetic article analyses for the linking benchmark, as hard to link as real reporting.

    .venv/bin/python benchmarks/linkgen.py N [SEED] > analyses.jsonl      # or generate(n, seed)

Each item is what `fogofwar analyze` outputs for one article (docs/contract.md) plus ground truth
in added fields: `_story` (the article's main story, null for noise; also on each event, its own
story) and `_copy_of` (the article a near-duplicate was edited from); `bcubed` scores linked
stories against it. Hard like real reporting:
front-line settlements from the packaged GeoNames data with Zipf-like frequencies (homonyms and
spelling variants included); stories of one place overlapping in date and type; 20% near-duplicate
copies (same body and claims, new lead, outlet, credit); sources of both sides, relays ("TASS
reported, citing"), denials, concessions, independent corroboration, disagreeing fatality numbers,
background mentions of an earlier story at the same place, noise. Output is in order of
publication; deterministic for a given (n, seed).
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import itertools
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from fogofwar.gazetteer.base import default_radius_km
from fogofwar.gazetteer.index import DATA_DIR, read_tsv_gz

OBLASTS = ("Donetsk Oblast", "Luhansk Oblast", "Kharkiv Oblast", "Zaporizhzhia Oblast", "Kherson Oblast")
START, COPY_SHARE, NOISE_SHARE, BACKGROUND_SHARE = dt.date(2025, 1, 1), 0.20, 0.06, 0.10
# (sub-event type, event type, weight, the side whose sources first claim it, attacker side)
KINDS = (
    ("Air/drone strike", "Explosions/Remote violence", 30, "ukraine", "russia"),
    ("Shelling/artillery/missile attack", "Explosions/Remote violence", 28, "ukraine", "russia"),
    ("Air/drone strike", "Explosions/Remote violence", 6, "russia", "ukraine"),
    ("Armed clash", "Battles", 14, "ukraine", "russia"),
    ("Non-state actor overtakes territory", "Battles", 12, "russia", "russia"),
    ("Government regains territory", "Battles", 5, "ukraine", "ukraine"),
    ("Attack", "Violence against civilians", 5, "ukraine", "russia"),
)
# side | name as written | canonical | kind | origin type (the contract's lists)
SOURCE_TABLE = """
russia|the Russian Defence Ministry|Ministry of Defence of Russia|organization|official
russia|Valery Gerasimov|Valery Gerasimov|person|military
russia|Denis Pushilin|Denis Pushilin|person|official
russia|Vladimir Saldo|Vladimir Saldo|person|official
russia|the Zapad group of forces|Zapad group of forces|organization|military
ukraine|Ukraine's General Staff|General Staff of the Armed Forces of Ukraine|organization|military
ukraine|Viktor Trehubov|Viktor Trehubov|person|military
ukraine|Oleh Syniehubov|Oleh Syniehubov|person|official
ukraine|Vadym Filashkin|Vadym Filashkin|person|official
ukraine|Ivan Fedorov|Ivan Fedorov|person|official
ukraine|the Khortytsia group of forces|Khortytsia group of forces|organization|military
independent|the Institute for the Study of War|Institute for the Study of War|organization|analyst
independent|DeepState|DeepState|organization|osint
independent|GeoConfirmed|GeoConfirmed|organization|osint
international|the UN Human Rights Monitoring Mission|UN Human Rights Monitoring Mission in Ukraine|organization|official
"""
Source = tuple[str, ...]  # as written, canonical, kind, origin type
SOURCES = {side: [tuple(r.split("|")[1:]) for r in SOURCE_TABLE.split("\n") if r.startswith(side + "|")]
           for side in ("russia", "ukraine", "independent", "international")}
RELAYS = {"russia": ("TASS", "RIA Novosti", "Interfax"), "ukraine": ("Ukrinform", "Suspilne")}
OUTLETS = [f"{a} {b}" for a, b in itertools.product(
    ("Eastern", "Kyiv", "Moscow", "Baltic", "Danube", "Steppe", "Black Sea", "Northern", "Global", "Sloboda"),
    ("Wire", "Herald", "Daily", "Review", "Post", "Monitor", "Times"))]
VERBS = {"Air/drone strike": ("struck", "hit", "attacked"), "Shelling/artillery/missile attack": ("shelled", "hit"),
         "Armed clash": ("fought", "clashed with"), "Attack": ("attacked", "fired on"),
         "Non-state actor overtakes territory": ("captured", "took control of", "liberated"),
         "Government regains territory": ("recaptured", "liberated", "retook")}
TERRITORIAL = ("Non-state actor overtakes territory", "Government regains territory")
WEAPONS = {"Air/drone strike": ("drones", "glide bombs"), "Shelling/artillery/missile attack":
           ("artillery", "missiles", "rocket launchers")}
TARGETS = ("a residential building", "an energy facility", "a warehouse", "a school", "a market", "positions")
SIDE_ADJ, OTHER = {"russia": "Russian", "ukraine": "Ukrainian"}, {"russia": "ukraine", "ukraine": "russia"}
LEADS = ("", "Fighting continued this week. ", "KYIV - ", "Here is the latest from the front. ", "MOSCOW - ")
CREDITS = ("(Reuters)", "(AP)", "TASS reported.", "(Reporting by Ukrinform)", "")
NOISE = ("European Union ministers discussed a new package of sanctions against Russia on {d}.",
         "Delegations met in Geneva on {d} to discuss a framework for talks; several points remained open.",
         "Grain exports through the Black Sea ports rose in the past month, traders said on {d}.")
Span = tuple[int, int]
LATIN = re.compile(r"[A-Za-z' -]+")


@dataclass(frozen=True)
class Place:
    geonameid: int
    name: str
    spellings: tuple[str, ...]
    lat_lon: tuple[float, float]
    admin1: str
    feature_code: str
    population: int


@dataclass
class Story:
    id: str
    sub_event_type: str
    event_type: str
    claimant: str  # the side whose sources first tell it
    attacker: str
    place: Place
    date: dt.date
    fatalities: int | None
    primary: Source
    counter: str | None  # denied, numbers, corroborated, conceded
    counter_source: Source | None
    counter_side: str | None
    written: list[tuple[str, float, Story | None]] = field(default_factory=list)  # id, seed, background


@lru_cache(maxsize=1)
def front_line_places() -> tuple[tuple[Place, ...], tuple[float, ...]]:
    """Places of the front-line oblasts by population (not PPLX city sections such as Saltivka in Kharkiv,
    nor PPLH places that no longer exist), with cumulative Zipf weights."""
    rows = []
    for r in read_tsv_gz(DATA_DIR / "ua.tsv.gz"):
        if r["feature_class"] != "P" or r["feature_code"] in ("PPLX", "PPLH") or r["admin1_name"] not in OBLASTS:
            continue
        name = r["name"]  # variants: Latin spellings close to the name (Kupyansk), not translations or old names
        variants = [a for a in r["alternates"].split(",") if a != name and LATIN.fullmatch(a) and a[0] == name[0]
                    and abs(len(a) - len(name)) <= 2]
        rows.append(Place(int(r["geonameid"]), name, (name, *variants[:3]), (float(r["lat"]),
                          float(r["lon"])), r["admin1_name"], r["feature_code"], int(r["population"] or 0)))
    rows.sort(key=lambda p: (-p.population, p.geonameid))
    return tuple(rows), tuple(itertools.accumulate(1.0 / (rank + 1) ** 1.05 for rank in range(len(rows))))


class Generator:
    """One run: the random state, the stories by place, the queue of articles to publish."""

    def __init__(self, n: int, seed: int) -> None:
        self.rng, self.n = random.Random(seed), n
        self.places, self.cum = front_line_places()
        self.kinds = [k for k in KINDS for _ in range(k[2])]
        self.by_place: dict[int, list[Story]] = {}
        self.queue: list[tuple[dt.date, int, Story | None]] = []  # published, order planned, story
        self.seq = itertools.count()  # ties in the queue: first planned, first out
        self.stories = self.planned = self.copies = self.noise = 0
        self.per_day = n / max(7, min(730, n // 250))

    def run(self) -> Iterator[dict[str, Any]]:
        emitted, day = 0, START
        while emitted < self.n:
            if self.planned < self.n:
                self._plan_day(day)
            while self.queue and self.queue[0][0] <= day and emitted < self.n:
                yield self._article(heapq.heappop(self.queue), f"a{emitted:07d}", emitted)
                emitted += 1
            day += dt.timedelta(days=1)

    def _plan_day(self, day: dt.date) -> None:
        budget = self.rng.random() * 2 * self.per_day
        while budget > 0 and self.planned < self.n:
            if self.noise < NOISE_SHARE * self.planned:
                heapq.heappush(self.queue, (day, next(self.seq), None))
                self.noise, self.planned, budget = self.noise + 1, self.planned + 1, budget - 1
                continue
            story = self._story(day)
            k = min(1 + int(self.rng.expovariate(0.55)), 60)  # heavy tail: a few stories get dozens
            for i in range(k):  # the first on the day, the others up to ten days later
                lag = 0 if i == 0 else min(int(self.rng.expovariate(0.8)), 10)
                heapq.heappush(self.queue, (day + dt.timedelta(days=lag), next(self.seq), story))
            self.planned, budget = self.planned + k, budget - k

    def _story(self, day: dt.date) -> Story:
        rng = self.rng
        sub, etype, _, claimant, attacker = rng.choice(self.kinds)
        counter = rng.choices(("denied", "numbers", "corroborated", "conceded", None), (15, 8, 20, 5, 52))[0]
        killing = sub in WEAPONS or sub in ("Attack", "Armed clash")
        if counter == "numbers" and not killing:
            counter = "denied"
        cside = rng.choice(("independent", "international")) if counter == "corroborated" else OTHER[claimant]
        place = self.places[bisect.bisect_left(self.cum, rng.random() * self.cum[-1])]
        self.stories += 1
        story = Story(f"s{self.stories:07d}", sub, etype, claimant, attacker, place, day,
                      min(int(rng.paretovariate(1.2)) - 1, 300) if killing else None, rng.choice(SOURCES[claimant]),
                      counter, rng.choice(SOURCES[cside]) if counter else None, cside if counter else None)
        self.by_place.setdefault(place.geonameid, []).append(story)
        return story

    def _article(self, item: tuple[dt.date, int, Story | None], aid: str, emitted: int) -> dict[str, Any]:
        rng, (published, _, story) = self.rng, item
        if story is None:
            text = rng.choice(NOISE).format(d=published.strftime("%A"))
            return _skeleton(aid, text, published, rng.choice(OUTLETS)) | {"_story": None, "_copy_of": None}
        copy_of: str | None = None
        if story.written and self.copies < COPY_SHARE * (emitted + 1):  # keeps the share at 20% throughout
            copy_of, seed, background = rng.choice(story.written)
            self.copies += 1
        else:
            seed, background = rng.random(), None
            if rng.random() < BACKGROUND_SHARE:  # an earlier story of the same place, told in passing
                earlier = self.by_place[story.place.geonameid]
                background = next((s for s in reversed(earlier[-20:]) if s.date < story.date), None)
            story.written.append((aid, seed, background))
        writer = _Writer(aid, story, random.Random(seed), background)
        writer.write(LEADS[rng.randrange(len(LEADS))], rng.choice(CREDITS) if copy_of else "")
        return writer.analysis(published, rng.choice(OUTLETS)) | {"_copy_of": copy_of}


def _skeleton(aid: str, text: str, published: dt.date, outlet: str) -> dict[str, Any]:
    return {"schema_version": 1, "id": aid, "text": text, "published": published.isoformat(), "language": "en",
            "title": None, "outlet": outlet, "url": f"https://{outlet.lower().replace(' ', '')}.example/{aid}",
            "entities": [], "places": [], "dates": [], "uncertainty_cues": [], "claims": [], "events": []}


class _Writer:
    """Writes one article about a story from a seeded random state: the same seed, the same body."""

    def __init__(self, aid: str, story: Story, rng: random.Random, background: Story | None) -> None:
        self.aid, self.story, self.rng, self.background = aid, story, rng, background
        self.buf = ""
        self.out: dict[str, list[dict[str, Any]]] = {
            k: [] for k in ("entities", "places", "dates", "uncertainty_cues", "claims", "events")}
        self.spelling = story.place.spellings[0] if rng.random() < 0.7 else rng.choice(story.place.spellings)

    def put(self, *pieces: str | tuple[str, str]) -> dict[str, Span]:
        """Append pieces; the span of a (label, text) piece is returned under its label."""
        spans = {}
        for piece in pieces:
            label, s = ("", piece) if isinstance(piece, str) else piece
            if label:
                spans[label] = (len(self.buf), len(self.buf) + len(s))
            self.buf += s
        return spans

    def span(self, where: Span, **more: Any) -> dict[str, Any]:
        return {"start": where[0], "end": where[1], "text": self.buf[where[0]:where[1]], **more}

    def entity(self, where: Span, label: str, canonical: str, side: str | None) -> None:
        ents = self.out["entities"]
        ents.append({"id": f"{self.aid}:e{len(ents) + 1}", **self.span(where), "label": label,
                     "canonical": canonical, "role": None, "side": side})

    def place(self, where: Span, p: Place, near: bool) -> dict[str, Any]:
        radius = default_radius_km("P", p.feature_code, p.population) + (5.0 if near else 0.0)
        obj = self.span(where, geonameid=p.geonameid, name=p.name, lat=p.lat_lon[0], lon=p.lat_lon[1],
                        country_code="UA", admin1=p.admin1, feature_code=p.feature_code, precision=2 if near else 1,
                        radius_km=radius, score=0.9, relation="near" if near else None, distance_km=None)
        self.out["places"].append(obj)
        self.entity(where, "GPE", p.name, None)
        return obj

    def claim(self, src_at: Span | None, src: Source | None, side: str, cue: Span | None, content: Span,
              ctype: str, status: str) -> str:
        claims = self.out["claims"]
        cid = f"{self.aid}:c{len(claims) + 1}"
        source = None
        if src_at is not None and src is not None:
            source = self.span(src_at, kind=src[2], role=None, side=side, canonical=src[1])
            self.entity(src_at, "PERSON" if src[2] == "person" else "ORG", src[1], side)
        claims.append({"id": cid, "source": source, "cue": self.span(cue) if cue else None,
                       "content": self.span(content, parts=None), "type": ctype, "status": status, "score": 0.8})
        return cid

    def event_content(self, story: Story, spelling: str, absolute: bool) -> dict[str, Any]:
        """The happening in words: its spans (content, place, date, mention) and objects."""
        rng, sub, adj = self.rng, story.sub_event_type, SIDE_ADJ[story.attacker]
        detail = int(story.id[1:]) * 2654435761 % 2**32  # weapon and target are the story's, in every article
        weapons = WEAPONS.get(sub, ("forces",))
        weapon, target = weapons[(detail >> 8) % len(weapons)], TARGETS[detail % len(TARGETS)]
        head = {"Armed clash": f"{adj} troops ", "Attack": f"{adj} soldiers "}.get(
            sub, f"{adj} forces had " if sub in TERRITORIAL else f"{adj} {weapon} ")
        obj = {"Armed clash": f" {SIDE_ADJ[OTHER[story.attacker]]} forces near ", "Attack": " civilians in "}.get(
            sub, " " if sub in TERRITORIAL else f" {target} in ")
        day = story.date.strftime("%B %-d") if absolute else story.date.strftime("%A")
        start = len(self.buf)
        sp = self.put(head, ("m", rng.choice(VERBS[sub])), obj, ("place", spelling), " on ", ("date", day))
        self.put(f", killing {story.fatalities} people" if story.fatalities else "")
        sp["content"] = (start, len(self.buf))
        date = self.span(sp["date"], value=story.date.isoformat(), precision="day")
        self.out["dates"].append(date)
        return {"spans": sp, "place": self.place(sp["place"], story.place, sub == "Armed clash"), "date": date}

    def primary(self) -> dict[str, Any]:
        s, rng = self.story, self.rng
        form = rng.choices(("said", "according", "relay", "trailing"), (40, 20, 25, 15))[0]
        if form == "said":
            src = self.put(("src", s.primary[0][0].upper() + s.primary[0][1:]))["src"]
            cue = self.put(" ", ("cue", rng.choice(("said", "reported", "announced"))), " that ")["cue"]
            ev = self.event_content(s, self.spelling, False)
        elif form == "according":
            sp = self.put(("cue", "According to"), " ", ("src", s.primary[0]), ", ")
            src, cue, ev = sp["src"], sp["cue"], self.event_content(s, self.spelling, False)
        else:
            ev = self.event_content(s, self.spelling, False)
            relay = rng.choice(RELAYS[s.claimant]) if form == "relay" and s.claimant in RELAYS else None
            sp = self.put(", ", ("rsrc", relay), " ", ("cue", "reported"), ", citing ", ("src", s.primary[0])) \
                if relay else self.put(", ", ("src", s.primary[0]), " ", ("cue", "said"))
            src, cue = sp["src"], sp["cue"]
            if relay:  # the agency's own claim, as the analysis gives it; the origin stays the source it cites
                ev["relay"] = self.claim(sp["rsrc"], (relay, relay, "media", "agency"), s.claimant, cue,
                                         ev["spans"]["content"], "indirect", "reported")
        self.put(". ")
        ctype = "according_to" if form in ("according", "relay") else "indirect"
        ev["claim"] = self.claim(src, s.primary, s.claimant, cue, ev["spans"]["content"], ctype, "reported")
        return ev

    def counter(self) -> dict[str, Any]:
        s, rng = self.story, self.rng
        assert s.counter_source is not None and s.counter_side is not None
        verb, tail = {"denied": ("denied", "that "), "numbers": ("said", "that "),
                      "conceded": ("acknowledged", "that "),
                      "corroborated": ("said", "geolocated footage confirmed that " if s.counter_side ==
                                       "independent" else "it had verified that ")}[s.counter or "denied"]
        name = s.counter_source[0][0].upper() + s.counter_source[0][1:]
        sp = self.put(("src", name), " ", ("cue", verb), " ", tail)
        if s.counter == "numbers":  # a number that cannot be reconciled with the claimant's: 10x or 1/10
            m = (s.fatalities or 1) * 10 if rng.random() < 0.5 else max((s.fatalities or 0) // 10, 1)
            start = len(self.buf)
            at = self.put(f"{m} people had been killed in the ", ("m", "attack"), " on ", ("place", self.spelling))
            ev = {"spans": {**at, "content": (start, len(self.buf))}, "fatalities": m, "date": None,
                  "place": self.place(at["place"], s.place, False)}
        else:
            ev = self.event_content(s, self.spelling, False)
        self.put(". ")
        status, ev["counter"] = ("denied" if s.counter == "denied" else "reported"), True
        ev["claim"] = self.claim(sp["src"], s.counter_source, s.counter_side, sp["cue"], ev["spans"]["content"],
                                 "indirect", status)
        return ev

    def write(self, lead: str, credit: str) -> None:
        s, rng = self.story, self.rng
        self.put(lead)
        parts = [self.primary]
        if s.counter and rng.random() < 0.5:
            parts = [self.counter, self.primary] if rng.random() < 0.3 else [self.primary, self.counter]
            if rng.random() < 0.2:
                parts = [self.counter]  # an article that only reports the other side's answer
        found = [part() for part in parts]
        if s.place.population > 0 and rng.random() < 0.5:
            at = self.put(("c", f"{self.spelling} had about {s.place.population:,} residents before the war"), ". ")
            self.claim(None, None, "unknown", None, at["c"], "author", "asserted")
        if rng.random() < 0.3:
            at = self.put("The reports ", ("cue", "could not be independently verified"), ". ")
            self.out["uncertainty_cues"].append(self.span(at["cue"], type="unverifiable"))
        self._event(s, found)
        if self.background is not None:
            self.put("On ")
            ev = self.event_content(self.background, self.background.place.name, True)
            self.put(". ")
            ev["claim"] = self.claim(None, None, "unknown", None, ev["spans"]["content"], "author", "asserted")
            self._event(self.background, [ev])
        self.put(credit)

    def _event(self, s: Story, found: list[dict[str, Any]]) -> None:
        change = None
        if s.sub_event_type in TERRITORIAL:
            settled = {"denied": "contested", "corroborated": "established", "conceded": "established"}
            status = settled.get(s.counter or "", "claimed") if len(found) > 1 else "claimed"
            change = {"place": s.place.name, "controller_before": OTHER[s.attacker], "controller_after": s.attacker,
                      "status": status}
        only_denial = s.counter == "denied" and [f.get("counter") for f in found] == [True]
        events = self.out["events"]
        events.append({
            "id": f"{self.aid}:ev{len(events) + 1}", "event_type": s.event_type, "sub_event_type": s.sub_event_type,
            "actors": [{"text": f"{SIDE_ADJ[s.attacker]} forces", "canonical": f"Military Forces of "
                        f"{s.attacker.title()}", "side": s.attacker}],
            "place": found[0]["place"], "date": next((f["date"] for f in found if f["date"]), None),
            "fatalities": found[0].get("fatalities", s.fatalities), "context": "denied" if only_denial else "happened",
            "claim_ids": [c for f in found for c in (f.get("relay"), f["claim"]) if c],
            "mentions": [self.span(f["spans"]["m"]) for f in found], "score": 0.8, "territory_change": change,
            "_story": s.id})

    def analysis(self, published: dt.date, outlet: str) -> dict[str, Any]:
        out = _skeleton(self.aid, self.buf.rstrip() + "\n", published, outlet) | self.out
        return out | {"title": f"{self.story.sub_event_type} reported in {self.spelling}", "_story": self.story.id}


def generate(n: int, seed: int = 0) -> Iterator[dict[str, Any]]:
    """n synthetic analyses in order of publication, with ground truth in `_story` and `_copy_of`."""
    return Generator(n, seed).run()


def bcubed(stories: Iterable[dict[str, Any]], analyses: Iterable[dict[str, Any]]) -> dict[str, float]:
    """B-cubed P/R/F1 of stories against the truth; an event is in the story holding most of its claims."""
    story_of = {c: n for n, s in enumerate(stories) for c in s.get("claims") or []}
    pairs: list[tuple[Any, str]] = []
    for a in analyses:
        for e in a["events"]:
            votes = Counter(story_of[c] for c in e["claim_ids"] if c in story_of)
            pairs.append((votes.most_common(1)[0][0] if votes else e["id"], e["_story"]))
    both, guess, truth = Counter(pairs), Counter(g for g, _ in pairs), Counter(t for _, t in pairs)
    p = sum(both[g, t] / guess[g] for g, t in pairs) / max(len(pairs), 1)
    r = sum(both[g, t] / truth[t] for g, t in pairs) / max(len(pairs), 1)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "events": len(pairs)}


if __name__ == "__main__":
    for _item in generate(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 0):
        sys.stdout.write(json.dumps(_item, ensure_ascii=False) + "\n")
