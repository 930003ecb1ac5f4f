"""Measure the ledger: ``python -m fogofwar.store.bench [N] [PATH]``.

Stores N hand-built articles (3 claims, 1 event, 2 places each) into a fresh SQLite file, stores
them again, and times the main queries and the CSV export. Prints one line per figure.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from fogofwar.export import export
from fogofwar.store.db import open_store
from fogofwar.store.queries import list_claims, list_events, list_places
from fogofwar.store.testing import siversk
from fogofwar.store.write import ingest


def main(argv: list[str]) -> None:
    n = int(argv[0]) if argv else 2000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(argv[1]) if len(argv) > 1 else Path(tmp) / "bench.db"
        items = [siversk(f"s{i}", url=f"https://example.org/{i}") for i in range(n)]
        store = open_store(path)
        t = time.perf_counter()
        ingest(store, items)
        print(f"ingest new:       {n / (time.perf_counter() - t):8.0f} articles/s")
        t = time.perf_counter()
        ingest(store, items)
        print(f"ingest unchanged: {n / (time.perf_counter() - t):8.0f} articles/s")
        for name, run in (
            ("list_claims(place=Siversk)", lambda: len(list_claims(store, place="Siversk"))),
            ("list_events(since=2025-12-01)", lambda: len(list_events(store, since="2025-12-01"))),
            ("list_places()", lambda: len(list_places(store))),
            ("export csv", lambda: export(store, "csv", Path(tmp) / "events.csv")),
        ):
            t = time.perf_counter()
            count = run()
            print(f"{name:30s} {count:6d} rows in {time.perf_counter() - t:.3f} s")
        store.close()


if __name__ == "__main__":
    main(sys.argv[1:])
