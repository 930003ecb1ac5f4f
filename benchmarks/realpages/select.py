"""Choose the real pages of ../shared/data/news that `fogofwar evaluate realpages` is scored on.

The choice is fixed by a hash of each article's id (no look at fogofwar's output), stratified by
source so that wires and scraped pages (Hoot), full Guardian pieces (with the daily "what we know"
front-line round-ups), NYT excerpts and SemEval's mixed outlets (Russian-state ones among them)
all appear. Run: python benchmarks/realpages/select.py --data ../shared/data > benchmarks/realpages/ids.txt
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

MAX_CHARS = 9000  # longer pages are left to later rounds of annotation
QUOTAS = (  # (label, how many, test)
    ("hoot", 14, lambda r: "TeamTeenTitan/Hoot" in r["source"]),
    ("guardian-roundup", 5, lambda r: r["outlet"] == "The Guardian" and "what we know" in (r["title"] or "").lower()),
    ("guardian", 9, lambda r: "News_Analytics" in r["source"] and r["outlet"] == "The Guardian"
     and "what we know" not in (r["title"] or "").lower()),
    ("nyt", 8, lambda r: "News_Analytics" in r["source"] and r["outlet"] == "The New York Times"),
    ("semeval", 12, lambda r: "semeval2025" in r["source"]),
)


def key(article_id: str) -> str:
    return hashlib.sha1(f"realpages:{article_id}".encode()).hexdigest()


def select(rows: list[dict]) -> list[tuple[str, str]]:
    chosen: list[tuple[str, str]] = []
    for label, n, test in QUOTAS:
        pool = sorted((r for r in rows if test(r) and 300 <= len(r["text"]) <= MAX_CHARS), key=lambda r: key(r["id"]))
        chosen.extend((label, r["id"]) for r in pool[:n])
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data", type=Path)
    args = parser.parse_args()
    with open(args.data / "news" / "articles.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    for label, article_id in select(rows):
        print(f"{article_id}\t{label}")


if __name__ == "__main__":
    main()
