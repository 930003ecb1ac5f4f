"""The analysis contract as frozen dataclasses: the one schema every stage imports.

Everything that points into an article carries ``start``/``end``: Python ``str`` offsets into
``Analysis.text``, end exclusive.  ``to_dict`` gives the JSON of ../shared/CONTRACT.md (plus our
own added fields); ``from_dict`` reads it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal, TypeVar, get_args

SCHEMA_VERSION = 1

Side = Literal["russia", "ukraine", "other_state", "international", "independent", "unknown"]
SIDES: tuple[str, ...] = get_args(Side)

SourceKind = Literal["person", "organization", "group", "anonymous", "media", "document"]
SOURCE_KINDS: tuple[str, ...] = get_args(SourceKind)

ClaimType = Literal["direct", "indirect", "mixed", "according_to", "author"]
CLAIM_TYPES: tuple[str, ...] = get_args(ClaimType)

ClaimStatus = Literal["asserted", "reported", "hedged", "denied", "unverified"]
CLAIM_STATUSES: tuple[str, ...] = get_args(ClaimStatus)

CueType = Literal[
    "probable", "possible", "doxastic", "condition", "investigation", "weasel", "unverifiable", "hedge"
]
CUE_TYPES: tuple[str, ...] = get_args(CueType)

DatePrecision = Literal["day", "week", "month", "year", "unknown"]
DATE_PRECISIONS: tuple[str, ...] = get_args(DatePrecision)

EventContext = Literal["happened", "hypothetical", "future", "negated", "denied"]
EVENT_CONTEXTS: tuple[str, ...] = get_args(EventContext)

TerritoryStatus = Literal["claimed", "established", "contested"]
TERRITORY_STATUSES: tuple[str, ...] = get_args(TerritoryStatus)

# ACLED's event taxonomy, verbatim (ACLED codebook 2024): event type -> its sub-event types.
ACLED_TAXONOMY: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
EVENT_TYPES: tuple[str, ...] = tuple(ACLED_TAXONOMY)
SUB_EVENT_TYPES: tuple[str, ...] = tuple(s for subs in ACLED_TAXONOMY.values() for s in subs)
EVENT_TYPE_OF: dict[str, str] = {s: t for t, subs in ACLED_TAXONOMY.items() for s in subs}


def make_id(article_id: str, kind: str, n: int) -> str:
    """Ids unique across articles: ``<article id>:<kind><n>``, e.g. ``siversk:c3``."""
    return f"{article_id}:{kind}{n}"


@dataclass(frozen=True, slots=True)
class Article:
    """One input article. Only ``text`` is required."""

    id: str
    text: str
    published: str | None = None  # "YYYY-MM-DD"
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    page_date: str | None = None  # the page's own date, when the reader found one ("YYYY-MM-DD")
    warnings: tuple[str, ...] = ()  # what the reader could not read (an unreadable date, ...)


@dataclass(frozen=True, slots=True)
class TextSpan:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    start: int
    end: int
    text: str
    label: str  # PERSON | ORG | GPE | LOC | NORP | MILITARY_UNIT | ...
    canonical: str | None = None
    role: str | None = None
    side: str | None = None  # added field: a Side when known


@dataclass(frozen=True, slots=True)
class Place:
    start: int
    end: int
    text: str
    geonameid: int | None
    name: str | None
    lat: float | None
    lon: float | None
    country_code: str | None
    admin1: str | None
    feature_code: str | None
    precision: int | None  # ACLED geo precision: 1 town, 2 near / part of a region, 3 region
    radius_km: float | None
    score: float
    # Added fields: a relative expression ("southwest of the Silver Forest") keeps its anchor.
    relation: str | None = None  # "near" | "north" | "southwest" | ...
    distance_km: float | None = None


@dataclass(frozen=True, slots=True)
class DateRef:
    start: int
    end: int
    text: str
    value: str | None  # "YYYY-MM-DD" | "YYYY-MM" | "YYYY" | None
    precision: str  # DatePrecision


@dataclass(frozen=True, slots=True)
class UncertaintyCue:
    start: int
    end: int
    text: str
    type: str  # CueType


@dataclass(frozen=True, slots=True)
class Source:
    start: int
    end: int
    text: str
    kind: str  # SourceKind
    role: str | None
    side: str  # Side
    canonical: str | None


@dataclass(frozen=True, slots=True)
class Part:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Content:
    start: int
    end: int
    text: str
    parts: tuple[Part, ...] | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    source: Source | None
    cue: TextSpan | None
    content: Content
    type: str  # ClaimType
    status: str  # ClaimStatus
    score: float


@dataclass(frozen=True, slots=True)
class Actor:
    text: str
    canonical: str | None
    side: str  # Side
    inter: int | None = None  # added field: ACLED's inter code (1 state forces ... 8 external forces)


@dataclass(frozen=True, slots=True)
class TerritoryChange:
    """Who held a place before and after, and how firmly the article establishes it."""

    place: str | None
    controller_before: str | None  # a Side
    controller_after: str | None  # a Side
    status: str  # TerritoryStatus


# PLOVER's event categories (Open Event Data Alliance, PLOVER manual 2021; POLECAT) and the modes
# fogofwar gives them: an event's PLOVER reading beside its ACLED type.
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
PLOVER_TYPES: tuple[str, ...] = get_args(PloverType)
PLOVER_MODES: tuple[str, ...] = (
    "abduct", "arrest", "beat", "ceasefire", "confiscate", "demo", "destroy", "explosives", "firearms",
    "heavy-weapons", "release", "riot", "sexual", "suicide-attack", "troops", "withdraw",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Plover:
    """An event in PLOVER's terms: its category and, where PLOVER has one, its mode."""

    event_type: str  # PloverType
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    event_type: str
    sub_event_type: str
    actors: tuple[Actor, ...]
    place: Place | None
    date: DateRef | None
    fatalities: int | None
    context: str  # EventContext
    claim_ids: tuple[str, ...]
    mentions: tuple[TextSpan, ...]
    score: float
    territory_change: TerritoryChange | None = None  # added field
    plover: Plover | None = None  # added field: the PLOVER reading of the ACLED type
    # added field: a past happening told as background ("the 2014 seizure of Crimea"), dated in its
    # own time; never news of the article's day
    background: bool = False
    evidence: TextSpan | None = None  # added field: the sentence that reports it (ACLED's notes)


FurnitureKind = Literal["navigation", "related", "button", "signup", "caption", "credit", "tags", "repeated", "other"]
FURNITURE_KINDS: tuple[str, ...] = get_args(FurnitureKind)


@dataclass(frozen=True, slots=True)
class Furniture:
    """A span of page furniture (menus, other articles' headlines, buttons, captions, forms): not
    article text. Nothing found only inside furniture becomes a place, claim or event."""

    start: int
    end: int
    kind: str  # FurnitureKind


@dataclass(frozen=True, slots=True)
class Analysis:
    id: str
    text: str
    published: str | None
    title: str | None
    outlet: str | None
    entities: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[DateRef, ...] = ()
    uncertainty_cues: tuple[UncertaintyCue, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    language: str = "en"
    url: str | None = None  # added field
    # added field: the page's own date (front matter, HTML metadata, a dateline), beside `published`
    page_date: str | None = None
    warnings: tuple[str, ...] = ()  # added field: what could not be read (an unreadable date, ...)
    furniture: tuple[Furniture, ...] = ()  # added field
    schema_version: int = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return from_dict(cls, data)


# Key order of the JSON output: the contract's order first.
_ANALYSIS_ORDER = (
    "schema_version",
    "id",
    "text",
    "published",
    "language",
    "title",
    "outlet",
    "url",
    "page_date",
    "warnings",
    "entities",
    "places",
    "dates",
    "uncertainty_cues",
    "claims",
    "events",
    "furniture",
)


def to_dict(obj: Any) -> Any:
    """Plain JSON-ready data from a schema object (tuples become lists)."""
    if is_dataclass(obj) and not isinstance(obj, type):
        names = [f.name for f in fields(obj)]
        if isinstance(obj, Analysis):
            names = list(_ANALYSIS_ORDER)
        return {name: to_dict(getattr(obj, name)) for name in names}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    return obj


T = TypeVar("T")

# Which dataclass each nested field holds, for from_dict.
_NESTED: dict[tuple[str, str], type] = {
    ("Analysis", "entities"): Entity,
    ("Analysis", "places"): Place,
    ("Analysis", "dates"): DateRef,
    ("Analysis", "uncertainty_cues"): UncertaintyCue,
    ("Analysis", "claims"): Claim,
    ("Analysis", "events"): Event,
    ("Analysis", "furniture"): Furniture,
    ("Claim", "source"): Source,
    ("Claim", "cue"): TextSpan,
    ("Claim", "content"): Content,
    ("Content", "parts"): Part,
    ("Event", "actors"): Actor,
    ("Event", "place"): Place,
    ("Event", "date"): DateRef,
    ("Event", "mentions"): TextSpan,
    ("Event", "territory_change"): TerritoryChange,
    ("Event", "plover"): Plover,
    ("Event", "evidence"): TextSpan,
}


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a schema object from ``to_dict`` output; unknown keys are ignored."""
    kwargs: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name not in data:
            continue
        value = data[f.name]
        nested = _NESTED.get((cls.__name__, f.name))
        if nested is not None and value is not None:
            if isinstance(value, list):
                value = tuple(from_dict(nested, v) for v in value)
            else:
                value = from_dict(nested, value)
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[f.name] = value
    return cls(**kwargs)


@dataclass(frozen=True, slots=True)
class AnalysisError:
    """The output line of an input that could not be analysed."""

    id: str
    error: str
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "error": self.error, **self.extra}
