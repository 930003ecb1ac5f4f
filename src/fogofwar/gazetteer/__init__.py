"""fogofwar's gazetteer: GeoNames-based place names, compiled into our data files and a fast index.

Contains data from GeoNames (https://www.geonames.org/), CC BY 4.0.

- ``build_index(path=None) -> Path``: build the index cache file (``fogofwar gazetteer build``).
- ``load_index(path=None)``: the index, once per process (built first when missing).
- ``Gazetteer``: the query Protocol; ``InMemoryGazetteer``: a fake for tests.
- ``compile.compile_sources(shared_dir, out_dir)``: regenerate the committed data files.
- ``importer.import_geonames(path, alternate_names=None, countries=None, feature_classes=None)``: import a
  GeoNames dump (``fogofwar gazetteer import``); the next index build merges it.
- ``evaluate_lgl(path)``: a quick geoparsing check on the LGL corpus.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fogofwar.gazetteer.base import Gazetteer, GazetteerEntry, InMemoryGazetteer
from fogofwar.gazetteer.index import GazetteerIndex, build_index, default_index_path, load_index, read_index
from fogofwar.gazetteer.normalize import normalize

__all__ = [
    "Gazetteer", "GazetteerEntry", "GazetteerIndex", "InMemoryGazetteer", "build_index", "default_index_path",
    "evaluate_lgl", "load_index", "normalize", "read_index",
]


def evaluate_lgl(path: str | Path, limit: int | None = None) -> dict[str, Any]:
    """Detection P/R/F1 and accuracy within 161 km on the LGL corpus (see ``gazetteer.evaluate``)."""
    from fogofwar.gazetteer.evaluate import evaluate_lgl as run

    return run(path, limit=limit)
