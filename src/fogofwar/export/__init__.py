"""Exporting the ledger: analyses as JSON lines, events (or claims) as CSV, events and places as
GeoJSON. Export only reads the ledger.

    export(store, "csv", "events.csv")        # ACLED's columns first; events that happened
    export(store, "csv", "all.csv", all_contexts=True)   # every event, background included
    export(store, "geojson", "-", "places")   # to stdout

Events are exported as the ledger shows them by default: those that happened (context
``happened``), told as news rather than background; ``all_contexts`` adds the rest (hypothetical,
future, negated and denied events, and background happenings). Analyses (jsonl) and claims are
exported whole.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from fogofwar.export.acled import COLUMNS, event_row
from fogofwar.export.geojson import write_collection
from fogofwar.store.convert import happened
from fogofwar.store.db import Store
from fogofwar.store.read import iter_analyses, iter_articles

FORMATS = ("jsonl", "csv", "geojson")
# What each format can hold; the first is its default.
WHAT: dict[str, tuple[str, ...]] = {
    "jsonl": ("analyses",),
    "csv": ("events", "claims"),
    "geojson": ("all", "events", "places"),
}
CLAIM_COLUMNS = (
    "claim_id", "article_id", "published", "outlet", "url", "source_text", "source_kind", "source_role",
    "source_side", "source_canonical", "cue", "content", "content_start", "content_end", "type",
    "status", "score",
)  # fmt: skip

Out = str | Path | TextIO


@contextmanager
def _open(out: Out) -> Iterator[TextIO]:
    """stdout for "-", the stream itself, or a file written in full before it replaces ``out``,
    so that a failed export never leaves half a file."""
    if not isinstance(out, (str, Path)):
        yield out
        return
    if str(out) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(out)
    fd, tmp = tempfile.mkstemp(dir=path.parent or Path("."), prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            yield f
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _jsonl(store: Store, f: TextIO) -> int:
    n = 0
    for data in iter_analyses(store):
        f.write(json.dumps(data, ensure_ascii=False) + "\n")
        n += 1
    return n


def _csv_events(store: Store, f: TextIO, all_contexts: bool = False) -> int:
    writer = csv.DictWriter(f, fieldnames=COLUMNS, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    writer.writeheader()
    n = 0
    for article in iter_articles(store):
        for event in article.events:
            if not (all_contexts or happened(event)):
                continue
            writer.writerow(event_row(article, event))
            n += 1
    return n


def _claim_row(article_id: str, ref: Any, claim: Any) -> dict[str, Any]:
    s = claim.source
    return {
        "claim_id": claim.id, "article_id": article_id,
        "published": ref.published.isoformat() if ref.published else "", "outlet": ref.outlet or "",
        "url": ref.url or "", "source_text": s.text if s else "", "source_kind": s.kind if s else "",
        "source_role": (s.role or "") if s else "", "source_side": s.side if s else "",
        "source_canonical": (s.canonical or "") if s else "", "cue": claim.cue.text if claim.cue else "",
        "content": claim.content.text, "content_start": claim.content.start,
        "content_end": claim.content.end, "type": claim.type, "status": claim.status, "score": claim.score,
    }  # fmt: skip


def _csv_claims(store: Store, f: TextIO) -> int:
    writer = csv.DictWriter(f, fieldnames=CLAIM_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for article in iter_articles(store):
        for claim in article.claims.values():
            writer.writerow(_claim_row(article.ref.id, article.ref, claim))
            n += 1
    return n


def export(store: Store, fmt: str, out: Out = "-", what: str | None = None, all_contexts: bool = False) -> int:
    """Write the ledger to ``out`` (a path, "-" for stdout, or an open text stream) and return how
    many records (analyses, rows or features) were written.

    ``fmt``: jsonl (every stored analysis, contract JSON), csv (``what`` = events, ACLED-style,
    or claims), geojson (``what`` = all, events or places). Events are those that happened and are
    not background, unless ``all_contexts``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    what = what or WHAT[fmt][0]
    if what not in WHAT[fmt]:
        raise ValueError(f"{fmt} export holds {' or '.join(WHAT[fmt])}, not {what!r}")
    with _open(out) as f:
        if fmt == "jsonl":
            return _jsonl(store, f)
        if fmt == "geojson":
            return write_collection(store, what, f, all_contexts)
        return _csv_events(store, f, all_contexts) if what == "events" else _csv_claims(store, f)
