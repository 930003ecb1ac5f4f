"""The events stage: ACLED-typed events with actors, place, date, fatalities, context and claims.

``make_events`` registers the spaCy component ``fogofwar_events``. It reads the earlier stages'
outputs (``doc._.places``, ``dates``, ``entities``, ``claims``: schema objects only) and writes
``doc._.events``: one ``schema.Event`` per real-world happening (ids ``<article id>:ev<n>``).
``find(doc, places, dates, entities, claims)`` is the pure logic.

How it reads an article (the data files ``data/events_*.tsv|toml`` hold every word list):

- Triggers (``events_triggers.tsv``): verbs and nominalisations at clause level, each of a class
  (``events_classes.tsv``) with a default ACLED sub-event type; weak triggers ("offensive",
  "destroyed") count only with an argument of their own. ``mentions.py``, ``syntax.py``.
- Words common outside war ("an uphill battle", "Clinton fell", "a trade deal") make an event only
  next to armed actors or the words of war (``war_words``), or when they refer back to a settlement
  of an article about war.
- Types (``classify.py``), by ACLED's codebook: a state's forces taking a place of another state is
  "Non-state actor overtakes territory", retaking their own "Government regains territory" (the
  place's country decides; with none, the Doc's main country); aircraft/drones make an
  "Air/drone strike", artillery/rockets/missiles a "Shelling/artillery/missile attack", etc.
- Coreference (``coref.py``): one event however often mentioned ("the capture of X", "the city's
  fall", "its capture", "the attack"); distinct places, dates, sides or kinds of agreement
  (a prisoner exchange, a ceasefire) stay apart, and what happened stays apart from what might.
- Goals are no events: "an offensive aimed at pushing X out", "efforts to capture X", "have tried
  to enter X" (a possible attempt, "could try to retake X", stays a possible event).
- One strike told in several sentences is one event: "dropped two glide bombs on X. One of the
  bombs hit a courtyard"; "four were killed when glide bombs struck X" (the toll is the strike's).
- Actors (``actors.py``, ``events_actors.tsv``): ACLED-style names ("Military Forces of Russia",
  "Police Forces of Ukraine" for police and security services, "Civilians (Ukraine)", "NAF: United
  Armed Forces of Novorossiya" for the DPR/LPR militias) with ACLED's inter codes (state forces
  abroad are 8, whichever side); for a territory change the side that takes it first, the holder
  second (in a place of one of the two warring states, the other side held it; a withdrawal's actor
  held it). People at a protest are "Protesters (X)", at a riot "Rioters (X)"; every protest or
  riot has its crowd. Prisoners and captured fighters are unarmed: killing them is an "Attack".
  A pronoun subject of a reported clause is the reporter ("the army said it had liberated X"); so
  are bare "units" in a warring side's report ("units liberated X, the ministry said"). Groups of
  forces are their state's forces ("units of the Center group of forces": Russia). A dateline
  ("SLOVIANSK, Ukraine (AP) -") and news agencies are never actors (``voices.py``).
- Place: the trigger's own clause or "of X"/"in X" phrase, never any place of the sentence; "the
  city" is the settlement named before it; a dateline ("KYIV, Nov 5 (Reuters) -") is no event's
  place; an event with no place in an article that names a single settlement took place there.
- Date (``when.py``): a date in a mention's clause; else an unresolved earlier time there ("captured X
  in the summer": value null, precision "unknown"); else the date the article ties the report to (a
  day-precision date in the sentence of a mention that asserts it, nearest it in the parse, or the
  next sentence; not after publication, not the dateline's, not across "weeks after"/"since"); else
  the publication date with precision "week" and an empty span (start = end = 0), "reported by then".
- Fatalities (``fatalities.py``): the stated figure ("killing six" -> 6, "at least 12 dead" -> 12);
  vague figures ("dozens") and unknown tolls -> null.
- Context (``context.py``): happened | hypothetical ("could", "if") | future ("plans to", "will") |
  negated ("did not capture", "failed to") | denied ("denied that X fell", or inside a denied
  claim). A nominal subject of a modal verb ("the fall of X could isolate ...") joins the event it
  names; the consequence is no event. A happening asserted only by attributed sources and denied
  by another is "denied" (the article's own voice takes no side); one the article itself asserts
  stays "happened". Past events named in passing ("since the capture of X in 2024") happened.
- Claims: ``claim_ids`` are the claims whose content overlaps a mention (or a word folded into it,
  "five were killed when a missile hit X") or whose reporting verb governs a mention's clause.
  ``territory_change``: controller before/after as sides; status "contested" when a claim or a
  later sentence denies it ("denied the claim"), "established" when asserting sources of both sides
  or an independent one say so themselves (not a claim reported inside theirs), else "claimed" (the
  article's own voice never corroborates). One side's capture and the other side's withdrawal from
  the same place are one change of control. Only what happened (or is denied) carries a territory
  change: "could capture X" changes no one's control.
- PLOVER (``plover.py``, ``events_plover.tsv``): each event's PLOVER category and mode beside its
  ACLED type (ASSAULT/heavy-weapons for shelling, RETREAT/release for a prisoner exchange, ...).
- Score: the trigger's specificity, plus found arguments (not the ones the stage adds by rule, such
  as a protest's crowd) and repeated mentions, in [0, 1].
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from fogofwar.analyze.events.find import find
from fogofwar.analyze.events.lexicon import load_lexicon, trigger_index
from fogofwar.analyze.extensions import register_extensions

__all__ = ["EventsStage", "find", "make_events"]


class EventsStage:
    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name

    def load(self) -> None:
        """Read the trigger and actor lexicons now (else on the first Doc)."""
        load_lexicon()
        trigger_index()

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = find(
            doc,
            places=doc._.places or (),
            dates=doc._.dates or (),
            entities=doc._.entities or (),
            claims=doc._.claims or (),
        )
        return doc


@Language.factory(
    "fogofwar_events",
    assigns=["doc._.events"],
    requires=["doc._.places", "doc._.dates", "doc._.entities", "doc._.claims"],
)
def make_events(nlp: Language, name: str) -> EventsStage:
    return EventsStage(nlp, name)
