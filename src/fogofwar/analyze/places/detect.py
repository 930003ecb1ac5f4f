"""Find the spans of a Doc that name places: gazetteer matches of capitalised token runs, checked
against spaCy's NER (which both misses and mislabels toponyms: "Siversk" PRODUCT, "Kyiv" PERSON)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from fogofwar.analyze.places.anchors import anchor_follows, link_anchors
from fogofwar.analyze.places.lexicon import PLACE_LABELS, Lexicon, is_cap, load_lexicon, place_verb_before
from fogofwar.analyze.places.nonplaces import (
    feature_we_lack,
    own_entries,
    person_not_place,
    state_follows,
    vessel_names,
    weapon_end,
)
from fogofwar.analyze.places.respell import respelled
from fogofwar.gazetteer.base import Gazetteer, GazetteerEntry
from fogofwar.gazetteer.normalize import normalize
from fogofwar.gazetteer.us_local import is_us_county_id

MAX_TOKENS = 7  # the longest name we try ("Kanal Siverskyi Donets Donbas", "Rostov-on-Don")
COUNTY_WORDS = frozenset({"County", "Parish", "Borough"})
NOT_PLACE_LABELS = frozenset({"NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})
# Entity labels whose longer spans swallow a place name ("Donetsk People's Republic", "Kyiv Independent").
NAME_LABELS = frozenset({"ORG", "PERSON", "NORP", "WORK_OF_ART", "LAW", "PRODUCT", "MILITARY_UNIT", "EVENT"})
# Parts of speech a capitalised place name is never tagged with, even by a small model.
FUNCTION_POS = frozenset({"ADP", "DET", "PRON", "CCONJ", "SCONJ", "AUX", "PART", "PUNCT", "NUM", "SYM"})
_BODY_HEADS = frozenset({"city", "town", "village", "township", "county"})
ABBREVIATED = {"st": "Saint", "mt": "Mount", "ft": "Fort", "pt": "Point"}
INNER_WORDS = frozenset({"of", "on", "the", "-", "upon", "de", "la", "am", "an", "der", "el"})

_DIRECTIONS = (r"north(?:-?east|-?west)?|south(?:-?east|-?west)?|east|west|"
               r"northern|southern|eastern|western")
_RELATION = re.compile(
    r"(?:(?P<dist>\d+(?:[.,]\d+)?)\s*(?:-\s*)?(?P<unit>km|kilometers|kilometres|kilometer|kilometre|miles|mile|mi)\s+"
    r"(?:to the\s+|to\s+)?)?(?P<dir>" + _DIRECTIONS + r")\s+of\s+(?:the\s+)?$"
    r"|(?P<near>\bnear(?:by)?|\boutside(?: of)?|\bclose to|\baround|\boutskirts of|\bvicinity of"
    r"|\bnot far from|\bon the approaches to|\bapproaches to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


_PART_OF = re.compile(
    r"^\s*(?:district|raion|rayon|neighbou?rhood)?\s*(?:of|in)\s+(?:the\s+)?(?:city\s+of\s+)?$",
    re.IGNORECASE,
)


_CITYS = re.compile(r"\b(?:city|town|village|capital)[’']s\s+$", re.IGNORECASE)


@dataclass(slots=True)
class Mention:
    """A detected place name and the evidence about it."""

    start: int  # character offsets
    end: int
    text: str
    candidates: tuple[GazetteerEntry, ...]
    key: str  # the text looked up
    ner: str | None  # the NER label of exactly this span, if any
    support: float  # detection confidence in [0, 1]
    weak: int = 0  # 1: kept if in a country the article names; 2: only if near its other places
    kind_hint: str | None = None  # "settlement" | "region" | "district" from surrounding words
    relation: str | None = None
    distance_km: float | None = None
    sentence: int = 0
    parent: Mention | None = None  # "Kyivskyi district of Kharkiv": the place this one is part of
    anchor: Mention | None = None  # "Andriivka, south of Bakhmut": the place that locates this one
    anchor_admin1: str | None = None  # "in the Donetsk People's Republic": the oblast meant


def _relation(text: str, start: int) -> tuple[str | None, float | None]:
    match = _RELATION.search(text[max(0, start - 60) : start])
    if match is None:
        return None, None
    if match.group("near"):
        return "near", None
    direction = match.group("dir").lower().replace("-", "")
    direction = {"northern": "north", "southern": "south", "eastern": "east", "western": "west"}.get(
        direction, direction)
    dist = match.group("dist")
    if dist is None:
        return direction, None
    km = float(dist.replace(",", "."))
    if match.group("unit").lower().startswith("mi"):
        km *= 1.609
    return direction, round(km, 1)


def _longest_match(doc: Doc, i: int, sent_end: int, gaz: Gazetteer, lex: Lexicon,
                   ) -> tuple[int, tuple[GazetteerEntry, ...]]:
    """The end token of the longest gazetteer name starting at token i, and its entries."""
    best_end, best = i, ()
    shorter: tuple[int, tuple[GazetteerEntry, ...]] = (i, ())
    for j in range(i + 1, min(i + MAX_TOKENS, sent_end) + 1):
        last = doc[j - 1]
        low = last.lower_
        type_word = low in lex.region_words or low in lex.district_words or low in lex.feature_words
        if j > i + 1 and not (is_cap(last) or low in INNER_WORDS or type_word or last.is_punct):
            break
        if last.is_punct and last.text not in ("-", "'", "’", "."):
            break
        if is_cap(last) or type_word:
            entries = gaz.lookup(doc[i:j].text)
            if j > i + 1 and doc[i].lower_.rstrip(".") in ABBREVIATED:
                entries = _with_spelled_out(doc[i:j].text, entries, gaz)
            if entries:
                shorter = (best_end, best)
                best_end, best = j, entries
    if (best_end - i > 1 and shorter[1] and doc[best_end - 1].lower_ in _BODY_HEADS and best_end < len(doc)
            and doc[best_end].lower_ in lex.institution_words):
        return shorter  # "Dublin City Council" is Dublin's council, not the council of "Dublin City"
    return best_end, best


def _with_spelled_out(name: str, entries: tuple[GazetteerEntry, ...], gaz: Gazetteer,
                      ) -> tuple[GazetteerEntry, ...]:
    """"St. Paul" is also "Saint Paul" (GeoNames' name), "Mt. Pleasant" "Mount Pleasant"."""
    head, _, rest = name.partition(" ")
    full = gaz.lookup(f"{ABBREVIATED[head.lower().rstrip('.')]} {rest}") if rest else ()
    seen = {e.geonameid for e in entries}
    return entries + tuple(e for e in full if e.geonameid not in seen)


def _name_entities(doc: Doc) -> list[tuple[int, int, str]]:
    """(start char, end char, label) of spans that are names of non-places, from spaCy and from
    the entities stage (which may add MILITARY_UNIT and fix labels)."""
    spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    extra = doc._.entities if Doc.has_extension("entities") else None
    for ent in extra or ():
        spans.append((ent.start, ent.end, ent.label))
    return spans


def find_mentions(doc: Doc, gaz: Gazetteer, min_population: int = 1000) -> list[Mention]:
    """Place mentions in ``doc`` with their gazetteer candidates (unresolved NER places included)."""
    lex = load_lexicon()
    ents = _name_entities(doc)
    exact = {(s, e): label for s, e, label in ents}
    text = doc.text  # built from the tokens on each access: once here
    person_words = {w.lower() for s, e, label in ents if label == "PERSON" for w in text[s:e].split()
                    if len(text[s:e].split()) > 1}
    lower_words = {t.lower_ for t in doc if t.text.islower()}
    mentions: list[Mention] = []
    taken_until = 0
    rejected: list[tuple[int, int]] = []  # spans judged not places: NER may not overrule that
    sent_ids, sent_ends = _sentences(doc)
    ships = vessel_names(doc, lex)
    for i, token in enumerate(doc):
        if (token.idx < taken_until or not is_cap(token) or token.lower_ in lex.demonyms
                or token.lower_ in lex.open_modifiers and (i + 1 == len(doc) or not is_cap(doc[i + 1]))):
            continue
        if token.text in ships and (i + 1 == len(doc) or doc[i + 1].lower_ not in lex.region_words):
            rejected.append((token.idx, token.idx + len(token)))  # the cruiser Moskva
            continue
        weapon = weapon_end(doc, i, lex)
        if weapon and not (_settlement_cue(text, token.idx, lex) or state_follows(doc, weapon, lex)
                           or anchor_follows(text, doc[weapon - 1].idx + len(doc[weapon - 1]))):
            taken_until = doc[weapon - 1].idx + len(doc[weapon - 1])  # "Storm Shadow", "Neptune missile"
            rejected.append((token.idx, taken_until))
            continue
        abbreviation = lex.state_abbreviations.get(token.text)
        end = i + 1
        if abbreviation is None and i + 1 < len(doc) and doc[i + 1].text == "." and token.whitespace_ == "":
            abbreviation = lex.state_abbreviations.get(token.text + ".")  # "W.Va" "." as two tokens
            end = i + 2
        if abbreviation is not None:
            entries = tuple(e for e in gaz.lookup(abbreviation) if e.country_code == "US")
        else:
            end, entries = _longest_match(doc, i, sent_ends[i], gaz, lex)
            end, entries = respelled(doc, text, i, end, entries, gaz, exact)
        if not entries:
            continue
        if end == i + 1 and (token.lower_ in lex.actor_words or token.lower_.rstrip(".") in lex.titles):
            continue  # "Republic" of "Donetsk People's Republic", "Police", "Minister"
        if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and doc[i - 2].text.islower():
            continue  # "Mar-a-Lago", "Stratford-upon-Avon" read from its start
        if end < len(doc) and doc[end].text in COUNTY_WORDS:
            end += 1  # "Henry County" is not the town of Henry
        span = doc[i:end]
        if span[-1].text in COUNTY_WORDS and not _main_name_hit(span.text, entries, gaz):
            # the county itself, or (one we do not have) detected and left unresolved, not put in a town
            entries = tuple(e for e in gaz.lookup(span.text) if e.feature_code == "ADM2")
        label = exact.get((span.start_char, span.end_char))
        if feature_we_lack(doc, text, span, entries, label, gaz, lex):
            entries = ()  # "the Danube", "the Atlantic" that only towns share: a feature we lack, unresolved
        anchored = anchor_follows(text, span.end_char) and not _demonym_shaped(span.text, lex)
        support = 0.0
        weak = 0
        county = span[-1].text in COUNTY_WORDS  # "Laurel County Fiscal Court": the county is named
        own = own_entries(span.text, entries, gaz)  # not only an old or foreign name ("Marina")
        blocked = (label in NOT_PLACE_LABELS and not (label == "NORP" and (
                       anchored or _norp_city(doc, span, entries, gaz, lex)))
                   or span.text.lower().rstrip(".") in lex.not_places
                   or span.text.lower() in lex.people and not anchored
                   or label not in PLACE_LABELS and len(span) == 1 and not anchored
                   and person_not_place(span[0], entries, gaz, lex)
                   or not (anchored or county) and _inside_name(span, ents, text, lex, own)
                   or _run_continues(doc, i, end if not county else len(doc), lex, own))
        if not blocked and anchored:
            # "Orikhiv, in the Zaporizhzhia region": the phrase says it is a place, whatever NER says
            support = _support(doc, text, span, entries, gaz, None, lex, person_words, lower_words,
                               min_population)
            support = max(support, 0.85) if support > 0 else 0.0
        elif not blocked:
            support = _support(doc, text, span, entries, gaz, label, lex, person_words, lower_words,
                               min_population)
            if not entries:
                support = max(support, 0.8)  # "Walker County": the word says it is a place
            elif label not in PLACE_LABELS and not _main_name_hit(span.text, entries, gaz):
                # an alternate name only: abbreviations and old names ("Sgt" for Stuttgart), unless
                # a town's name of two words ("Velikaya Novoselka")
                weak = 1 if len(span) > 1 and any(e.feature_class == "P" for e in entries) else 2
            elif label in ("PERSON", "ORG") and len(span) == 1 and not (
                    place_verb_before(text, span.start_char, lex) or gaz.preferred(span.text) is not None or any(
                    e.population >= 20_000 or e.feature_class in "ALHTV" for e in entries)):
                weak = 2  # "Ripley", "Bell": surnames that small towns share
            elif support < 0.6:
                weak = 1
        if support <= 0:
            rejected.append((span.start_char, span.end_char))
            continue
        mention = _make_mention(doc, text, span, entries, label, support, lex, gaz)
        mention.sentence, mention.weak = sent_ids[i], weak
        mentions.append(mention)
        taken_until = span.end_char
    _add_unresolved_ner(doc, text, mentions, rejected, lex, sent_ids, person_words)
    mentions.sort(key=lambda m: m.start)
    _link_parents(text, mentions)
    link_anchors(text, mentions)
    return mentions


def _link_parents(text: str, mentions: list[Mention]) -> None:
    for n, m in enumerate(mentions):
        if m.kind_hint != "district":
            continue
        if n + 1 < len(mentions) and _PART_OF.match(text[m.end : mentions[n + 1].start]):
            m.parent = mentions[n + 1]
        elif n > 0 and _CITYS.search(text[max(0, m.start - 20) : m.start]):
            # "the city's Kyivskyi district": the town named last
            towns = [p for p in mentions[:n] if any(e.feature_class == "P" for e in p.candidates)]
            m.parent = towns[-1] if towns else None


_LOCATIVE = frozenset({"in", "at", "near", "outside", "around", "over", "from", "into", "of"})


def _norp_city(doc: Doc, span: Span, entries: tuple[GazetteerEntry, ...], gaz: Gazetteer,
               lex: Lexicon) -> bool:
    """A city that NER took for a people ("heard in Sevastopol": NORP): one word after a
    preposition of place, a big city's own name and no people's shape."""
    return (len(span) == 1 and span.start > 0 and doc[span.start - 1].lower_ in _LOCATIVE
            and not _demonym_shaped(span.text, lex) and not span.text.endswith("s")
            and _main_name_hit(span.text, entries, gaz)
            and any(e.feature_class == "P" and e.population >= 100_000 for e in entries))


def _demonym_shaped(name: str, lex: Lexicon) -> bool:
    low = name.lower()
    return low in lex.demonyms or low.endswith(("ian", "ians", "ese", "ish"))


def _sentences(doc: Doc) -> tuple[list[int], list[int]]:
    """Per token: its sentence's number and end token."""
    if not doc.has_annotation("SENT_START"):
        return [0] * len(doc), [len(doc)] * len(doc)
    ids: list[int] = []
    ends: list[int] = []
    for n, sent in enumerate(doc.sents):
        ids.extend([n] * len(sent))
        ends.extend([sent.end] * len(sent))
    return ids, ends


def _inside_name(span: Span, ents: list[tuple[int, int, str]], text: str, lex: Lexicon,
                 entries: tuple[GazetteerEntry, ...] = ()) -> bool:
    """Whether a longer non-place name holds the span ("Kyiv" in "the Kyiv Independent")."""
    for s, e, label in ents:
        if label in NAME_LABELS and s <= span.start_char and span.end_char <= e and (e - s) > len(span.text):
            outer = text[s:e]
            if ", " in outer:
                continue  # "Berestove, Kharkiv region" as one WORK_OF_ART: an apposition, not a name
            if text[s : span.start_char].lower() in ("", "the ") and _heads_body(span, lex, entries):
                continue  # "Fargo Mayor Dennis Walaker" as one PERSON: Fargo is named
            if text[max(s, span.start_char - 4) : span.start_char] == " of " and label != "PERSON" and _major(entries):
                continue  # "the University of Oklahoma": Oklahoma is named
            if outer.lower().startswith("the ") and len(outer) - 4 <= len(span.text):
                continue
            return True
    return False


def _heads_body(span: Span, lex: Lexicon, entries: tuple[GazetteerEntry, ...]) -> bool:
    """Whether the place heads the name of one of its bodies ("Fargo Mayor", "the Lebanon Police
    Department", "Vancouver International Airport"), not of a paper or an actor."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is None:
        return False
    if nxt.lower_ in lex.institution_words:
        return True
    return _major(entries) and is_cap(nxt) and nxt.lower_ not in lex.name_heads and nxt.lower_ not in lex.actor_words


def _run_continues(doc: Doc, i: int, end: int, lex: Lexicon, entries: tuple[GazetteerEntry, ...] = ()) -> bool:
    """Whether the capitalised run goes on around the match, making it part of a longer name
    ("President Putin", "Donetsk People's Republic", "New York Times")."""
    if end < len(doc) and _continues_after(doc, end, lex, entries):
        return True
    if i > 0:
        prev = doc[i - 1]
        if prev.lower_.rstrip(".") in lex.titles:
            return True
        if (is_cap(prev) and not prev.is_sent_start and prev.lower_ not in lex.demonyms
                and prev.lower_ not in lex.open_modifiers and not prev.is_punct):
            return True
    return False


def _continues_after(doc: Doc, end: int, lex: Lexicon, entries: tuple[GazetteerEntry, ...]) -> bool:
    nxt = doc[end]
    if nxt.lower_ in lex.institution_words:
        return False  # "Fargo Mayor", "Lebanon Police": the place's own body
    if (is_cap(nxt) and not nxt.is_sent_start and nxt.lower_ not in lex.region_words
            and nxt.lower_ not in lex.district_words and nxt.lower_.rstrip(".") not in lex.not_places):
        # A state, country or city heads many names of its bodies and events ("West Virginia
        # Democratic Party", "Vancouver International Airport"), but not of papers or actors.
        return not (_major(entries) and nxt.lower_ not in lex.name_heads and nxt.lower_ not in lex.actor_words)
    if nxt.text in ("'s", "’s") and end + 1 < len(doc) and doc[end + 1].text.lower() in lex.actor_words:
        return True  # "Ukraine's General Staff", "Donetsk People's Republic"
    if nxt.lower_ in lex.unit_words:
        return True  # "the Yug group of forces"
    return (nxt.text in ("'s", "’s") and end + 2 < len(doc) and is_cap(doc[end + 1])
            and doc[end + 2].text.lower() in lex.actor_words)


def _major(entries: tuple[GazetteerEntry, ...]) -> bool:
    return any(e.feature_code in ("PCLI", "ADM1") or e.population >= 100_000 for e in entries)


def _support(doc: Doc, text: str, span: Span, entries: tuple[GazetteerEntry, ...], gaz: Gazetteer,
             label: str | None, lex: Lexicon, person_words: set[str], lower_words: set[str],
             min_population: int) -> float:
    """How sure we are that the span is a place name at all (0 = not a place)."""
    first = span[0]
    key_words = span.text.lower().split()
    cue = _settlement_cue(text, span.start_char, lex) or place_verb_before(text, span.start_char, lex)
    strong = (any(_is_strong(e, min_population) for e in entries) or gaz_preferred(entries)
              or gaz.preferred(span.text) is not None)
    if span.text.isupper() and len(span.text) <= 5 and gaz.preferred(span.text) is None and not any(
            e.feature_code in ("PCLI", "ADM1") or normalize(e.name) == normalize(span.text) for e in entries):
        return 0.0  # acronyms are agencies and units ("SBU"), unless a country's or state's
    if span.text.isupper() and len(span.text) <= 3 and not (
            gaz.preferred(span.text) is not None or any(e.feature_code in ("PCLI", "ADM1") for e in entries)):
        return 0.0  # "UN", "II": a village's name in capitals is rarely the village
    if label in PLACE_LABELS:
        return 1.0
    if len(span) == 1 and (first.is_stop or first.lower_ in lower_words):
        return 0.0  # "With", "Such", "As": capitalised only by position or a common word
    if len(span) == 1 and first.lower_ in person_words:
        return 0.0  # the surname of a person named in full elsewhere
    if cue:
        return 0.9
    if label in ("PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT"):
        return 0.7 if strong else 0.4
    if len(span) == 1 and _sentence_initial(doc, span.start):
        return 0.6 if strong and first.pos_ == "PROPN" else 0.0
    if any(w in lex.region_words or w in lex.district_words for w in key_words[1:]):
        return 0.9
    if first.pos_ not in FUNCTION_POS or len(span) > 1:
        return 0.8 if strong else 0.5
    return 0.0


def _settlement_cue(text: str, start: int, lex: Lexicon) -> bool:
    """Whether "the village of" (or "town", "city"...) comes just before."""
    preceding = text[max(0, start - 30) : start].lower()
    return any(re.search(rf"\b{w} of (the )?$", preceding) for w in lex.settlement_words)


def _sentence_initial(doc: Doc, i: int) -> bool:
    """Whether token i opens its sentence, perhaps after quotes or brackets ('"Cars, bicycles')."""
    while i > 0 and not doc[i].is_sent_start and (doc[i - 1].is_quote or doc[i - 1].is_left_punct
                                                 or doc[i - 1].text in ("-", "–", "—")):
        i -= 1
    return i == 0 or bool(doc[i].is_sent_start)


def _main_name_hit(text: str, entries: tuple[GazetteerEntry, ...], gaz: Gazetteer) -> bool:
    """Whether the text is some candidate's own name (or a curated alias), not only an alternate
    name: GeoNames' alternates hold abbreviations and old names ("Sgt" for Stuttgart)."""
    key = normalize(text)
    return gaz.preferred(text) is not None or any(
        normalize(e.name) == key or e.feature_code in ("PCLI", "ADM1") for e in entries)


def gaz_preferred(entries: tuple[GazetteerEntry, ...]) -> bool:
    """Our own curated features (negative ids) count as strong evidence."""
    return any(e.geonameid < 0 and e.feature_class != "P" and not is_us_county_id(e.geonameid) for e in entries)


def _is_strong(entry: GazetteerEntry, min_population: int) -> bool:
    if entry.feature_class == "P":
        return entry.population >= min_population
    return entry.feature_class in ("A", "L", "H", "V", "T") and entry.feature_code not in ("STM", "LK")


def _make_mention(doc: Doc, text: str, span: Span, entries: tuple[GazetteerEntry, ...], label: str | None,
                  support: float, lex: Lexicon, gaz: Gazetteer) -> Mention:
    words = span.text.lower().split()
    following = doc[span.end].lower_ if span.end < len(doc) else ""
    hint = None
    if words[-1] in lex.region_words or following in lex.region_words:
        hint = "region"
    elif words[-1] in lex.district_words or following in lex.district_words:
        hint = "district"
    elif words[-1] in lex.feature_words or following in lex.feature_words:
        hint = "feature"
    else:
        if _settlement_cue(text, span.start_char, lex):
            hint = "settlement"
    relation, distance = _relation(text, span.start_char)
    key = span.text
    if text[max(0, span.start_char - 4) : span.start_char].lower() == "the " and gaz.preferred("the " + key):
        key = "the " + key  # "the Oskil" is the river, "Oskil" the village
        preferred = gaz.preferred(key)
        if hint is None and any(e.geonameid == preferred and e.feature_class != "P" for e in entries):
            hint = "feature"
    return Mention(span.start_char, span.end_char, span.text, entries, key, label, support,
                   kind_hint=hint, relation=relation, distance_km=distance)


def _add_unresolved_ner(doc: Doc, text: str, mentions: list[Mention], rejected: list[tuple[int, int]],
                        lex: Lexicon, sent_ids: list[int], person_words: set[str]) -> None:
    """NER places the gazetteer does not know: kept, unresolved, unless they are demonyms."""
    covered = [(m.start, m.end) for m in mentions] + rejected
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC"):
            continue
        if ent[0].lower_ == "the":
            ent = ent[1:]
            if not len(ent):
                continue
        name = text[ent.start_char : ent.end_char]
        if any(s < ent.end_char and ent.start_char < e for s, e in covered):
            continue
        if ent[-1].lower_ in lex.demonyms or not is_cap(ent[0]) or ent[0].lower_ in lex.demonyms:
            continue
        if len(name) < 2 or (name.isupper() and len(name) <= 5):
            continue  # acronyms the gazetteer does not know are agencies ("SBU"), not places
        if any(w.lower() in lex.actor_words for w in name.split()[1:]) or name.lower() in person_words:
            continue
        low = name.lower()
        if low in lex.not_places or low in lex.people or low in lex.weapons or low.rstrip(".") in lex.titles:
            continue  # "Shells", "Ukip", "Stalin", "Iskander" tagged GPE
        relation, distance = _relation(text, ent.start_char)
        mentions.append(Mention(ent.start_char, ent.end_char, name, (), name, ent.label_, 0.5,
                                relation=relation, distance_km=distance, sentence=sent_ids[ent.start]))
