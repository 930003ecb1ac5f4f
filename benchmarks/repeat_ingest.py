"""A repeated ingest of real pages: the second run must recognise every page before analysis.

    .venv/bin/python benchmarks/repeat_ingest.py --data ../shared/data [--n 40]

Writes the first N pages of benchmarks/realpages/ids.txt (read from ../shared/data/news at run
time) as .json files into a temporary folder, runs `fogofwar ingest` on them twice into a new
ledger, and prints each run's wall time, peak RSS and summary line.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIELDS = ("id", "text", "published", "url", "outlet", "title")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--n", type=int, default=40)
    args = parser.parse_args()
    ids = [line.split("\t")[0] for line in (HERE / "realpages" / "ids.txt").read_text().splitlines()
           if line.strip() and not line.startswith("#")][: args.n]
    wanted = set(ids)
    pages: dict[str, dict[str, object]] = {}
    with open(args.data / "news" / "articles.jsonl", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record["id"] in wanted:
                pages[record["id"]] = {k: record.get(k) for k in FIELDS}
    fogofwar = str(Path(sys.executable).with_name("fogofwar"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for page_id in ids:
            (folder / f"{page_id}.json").write_text(json.dumps(pages[page_id]), encoding="utf-8")
        db = str(Path(tmp) / "ledger.db")
        for run in ("first", "repeated"):
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            start = time.perf_counter()
            done = subprocess.run([fogofwar, "ingest", "--db", db, str(folder)], capture_output=True, text=True,
                                  check=True)
            wall = time.perf_counter() - start
            peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
            summary = done.stdout.strip().splitlines()[-1]
            print(f"{run} ingest of {len(ids)} pages: {wall:.2f} s, peak RSS {peak:.0f} MB (max so far); {summary}")


if __name__ == "__main__":
    main()
