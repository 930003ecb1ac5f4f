"""PLACEHOLDER being replaced by its stage owner: registers the factory and writes nothing."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from fogofwar.analyze.extensions import register_extensions


class _Stage:
    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = []
        return doc


@Language.factory("fogofwar_claims", assigns=["doc._.claims"])
def make_claims(nlp: Language, name: str) -> _Stage:
    return _Stage(nlp, name)
