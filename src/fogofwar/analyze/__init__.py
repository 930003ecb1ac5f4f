"""One article in, one Analysis out: a spaCy pipeline of registered fogofwar stages."""

from fogofwar.analyze.pipeline import Analyzer

__all__ = ["Analyzer"]
