"""The uncertainty stage: cue spans of speculation, belief, condition, investigation, weasel
wording and unverifiable reports, written to ``doc._.uncertainty_cues``."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from fogofwar.analyze.extensions import register_extensions
from fogofwar.analyze.uncertainty.find import find
from fogofwar.analyze.uncertainty.lexicon import LEXICON_PATH, Lexicon, load_lexicon

__all__ = ["UncertaintyStage", "find", "load_lexicon", "make_uncertainty"]


class UncertaintyStage:
    """Writes ``doc._.uncertainty_cues``. The lexicon loads on first use or in ``load()``."""

    def __init__(self, lexicon_path: str = "", numeric_hedges: bool = False, weasels: bool = True) -> None:
        register_extensions()
        self.lexicon_path = Path(lexicon_path) if lexicon_path else LEXICON_PATH
        self.numeric_hedges = numeric_hedges
        self.weasels = weasels
        self._lexicon: Lexicon | None = None

    def load(self) -> UncertaintyStage:
        self._lexicon = load_lexicon(self.lexicon_path)
        return self

    def __call__(self, doc: Doc) -> Doc:
        if self._lexicon is None:
            self.load()
        assert self._lexicon is not None
        doc._.uncertainty_cues = find(doc, self._lexicon, self.numeric_hedges, self.weasels)
        return doc


@Language.factory(
    "fogofwar_uncertainty",
    assigns=["doc._.uncertainty_cues"],
    default_config={"lexicon_path": "", "numeric_hedges": False, "weasels": True},
)
def make_uncertainty(
    nlp: Language, name: str, lexicon_path: str, numeric_hedges: bool, weasels: bool
) -> UncertaintyStage:
    """Numeric hedges ("about 11,000") are off by default: approximation is not doubt."""
    return UncertaintyStage(lexicon_path, numeric_hedges, weasels)
