"""The places stage (``fogofwar_places``): which spans name places, and which places they name.

Writes ``doc._.places``: a list of ``fogofwar.schema.Place``, one per mention, resolved to GeoNames
(or to our curated features) with ACLED-style precision, an extent and a score in [0, 1].
"""

from __future__ import annotations

import logging
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from fogofwar.analyze.extensions import doc_text, register_extensions
from fogofwar.analyze.places.detect import Mention, find_mentions
from fogofwar.analyze.places.local import localise, merge_streets, streets
from fogofwar.analyze.places.offices import regions_of_governors
from fogofwar.analyze.places.resolve import resolve
from fogofwar.gazetteer.base import Gazetteer
from fogofwar.schema import Place

__all__ = ["PlacesStage", "find", "make_places"]

log = logging.getLogger(__name__)


def find(doc: Doc, gazetteer: Gazetteer, min_population: int = 1000) -> list[Place]:
    """The places a parsed Doc names (pure: same Doc and gazetteer, same answer)."""
    mentions: list[Mention] = find_mentions(doc, gazetteer, min_population=min_population)
    text = doc_text(doc)
    places = regions_of_governors(resolve(mentions, gazetteer), text, gazetteer)
    found = streets(text, places)
    return localise(merge_streets(places, found), gazetteer, found, text)


class PlacesStage:
    """The spaCy component. The constructor does no I/O; ``load()`` (or the first Doc) opens the index."""

    def __init__(self, nlp: Language, name: str, index_path: str | None = None, min_population: int = 1000,
                 gazetteer: Gazetteer | None = None) -> None:
        register_extensions()
        self.name = name
        self.index_path = Path(index_path) if index_path else None
        self.min_population = min_population
        self.gazetteer = gazetteer

    def load(self) -> PlacesStage:
        if self.gazetteer is None:
            from fogofwar.gazetteer.index import load_index

            self.gazetteer = load_index(self.index_path)
        return self

    def __call__(self, doc: Doc) -> Doc:
        if self.gazetteer is None:
            self.load()
        assert self.gazetteer is not None
        doc._.places = find(doc, self.gazetteer, self.min_population)
        return doc


@Language.factory(
    "fogofwar_places",
    assigns=["doc._.places"],
    requires=["doc.ents", "token.pos", "token.is_sent_start"],
    default_config={"index_path": None, "min_population": 1000},
)
def make_places(nlp: Language, name: str, index_path: str | None, min_population: int) -> PlacesStage:
    return PlacesStage(nlp, name, index_path=index_path, min_population=min_population)
