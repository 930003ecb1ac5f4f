"""Speed, memory and quality of linking: N generated analyses into stories, written to a ledger.

    .venv/bin/python benchmarks/link_speed.py --n 100000 [--extra 300] [--seed 0] [--db PATH]

The analyses come from benchmarks/linkgen.py (generation time is excluded: only `Linker.add` and the
ledger writes are timed). Measured:
- bulk: the first N articles linked in publication order, the changed stories and the syndication
  rows written to an SQLite ledger in one transaction per 1,000 articles (store writes included);
- peak memory: the process's peak RSS (psutil, sampled after every batch, and ru_maxrss);
- one more article: EXTRA further articles added one at a time to the ledger of N, each linked and
  its changed stories written in its own transaction; the 50th and 95th percentile times; half of
  them inside the loaded linker, half the way `fogofwar ingest` adds them: stored, then
  `link_pending` with a fresh linker that reads the ledger's index (no loading), the first one
  timed alone (a cold start);
- quality against the generator's truth (`_story` on each event): B-cubed precision and recall of
  the stories over event mentions, and how many produced stories per true story.
Prints a markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import logging
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).parent))
from linkgen import generate  # noqa: E402

from fogofwar.link import Linker  # noqa: E402
from fogofwar.schema import Analysis  # noqa: E402
from fogofwar.store import ingest, open_store  # noqa: E402
from fogofwar.store.links import link_pending, write_batch  # noqa: E402

log = logging.getLogger("link_speed")
BATCH = 1000


def _rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def _timed(items: Iterator[dict[str, Any]], n: int) -> Iterator[dict[str, Any]]:
    for _, item in zip(range(n), items, strict=False):
        yield item


def bulk(linker: Linker, store: Any, items: Iterator[dict[str, Any]], n: int) -> tuple[float, float, float, int]:
    """Link n articles in batches; returns wall and CPU seconds, peak RSS (MB) seen, articles linked."""
    spent, cpu, peak, done = 0.0, 0.0, _rss_mb(), 0
    changed: set[str] = set()
    links: list[Any] = []
    for item in _timed(items, n):
        t, c = time.perf_counter(), time.process_time()
        ids, copy, sig = linker.add(item)
        changed |= ids
        links.append((copy, "-", item.get("published"), sig, None))
        done += 1
        if done % BATCH == 0 or done == n:
            with store.session(write=True) as session:
                write_batch(session, linker, links, changed)
            linker.written()
            changed, links = set(), []
            peak = max(peak, _rss_mb())
        spent += time.perf_counter() - t
        cpu += time.process_time() - c
        if done % 10000 == 0:
            log.info("%d articles, %.1f s (CPU %.1f s), %d stories, %.0f MB", done, spent, cpu, len(linker), _rss_mb())
    return spent, cpu, peak, done


def one_by_one(linker: Linker, store: Any, items: Iterator[dict[str, Any]]) -> list[float]:
    times = []
    for item in items:
        t = time.perf_counter()
        ids, copy, sig = linker.add(item)
        with store.session(write=True) as session:
            write_batch(session, linker, [(copy, "-", item.get("published"), sig, None)], ids)
        linker.written()
        times.append(time.perf_counter() - t)
    return times


def by_ingest(store: Any, items: Iterator[dict[str, Any]]) -> list[float]:
    """Each article stored, then linked by `link_pending` (a fresh linker on the ledger's index)."""
    times = []
    for item in items:
        analysis = Analysis.from_dict(item)
        ingest(store, [analysis])
        t = time.perf_counter()
        report = link_pending(store)
        times.append(time.perf_counter() - t)
        if times[-1] > 1.0:
            log.info("%s: %.1f s (%s)", item["id"], times[-1], report.summary())
    return times


def quality(linker: Linker, truth: dict[str, str]) -> dict[str, float]:
    """B-cubed precision and recall over event mentions with a true story."""
    produced = {m.event: sid for sid, s in linker.stories.items() for m in s.members if m.event in truth}
    by_story: dict[str, list[str]] = defaultdict(list)
    by_truth: dict[str, list[str]] = defaultdict(list)
    for event, sid in produced.items():
        by_story[sid].append(event)
        by_truth[truth[event]].append(event)
    precision = recall = 0.0
    for event, sid in produced.items():
        same_truth = Counter(truth[e] for e in by_story[sid])[truth[event]]
        precision += same_truth / len(by_story[sid])
        recall += sum(1 for e in by_truth[truth[event]] if produced[e] == sid) / len(by_truth[truth[event]])
    n = max(len(produced), 1)
    split = statistics.mean(len({produced[e] for e in events}) for events in by_truth.values()) if by_truth else 0
    return {"precision": precision / n, "recall": recall / n, "stories_per_true_story": split,
            "linked_share": len(produced) / max(len(truth), 1)}  # fmt: skip


def _truth(items: Iterator[dict[str, Any]], truth: dict[str, str]) -> Iterator[dict[str, Any]]:
    for item in items:
        for event in item.get("events") or ():
            if event.get("_story") and event.get("context") in ("happened", "denied", "negated"):
                truth[event["id"]] = event["_story"]
        yield item


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--extra", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--db", type=Path, help="The ledger to write (default: a temporary file).")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "links.db"
        store = open_store(db)
        truth: dict[str, str] = {}
        items = _truth(generate(args.n + args.extra, args.seed), truth)
        linker = Linker()
        base_rss = _rss_mb()
        seconds, cpu, peak, done = bulk(linker, store, items, args.n)
        times = one_by_one(linker, store, _timed(items, args.extra // 2))
        peak = max(peak, _rss_mb())
        found = quality(linker, truth)
        stories = len(linker)
        del linker
        cold = by_ingest(store, items)
        store.close()
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    p95 = statistics.quantiles(times, n=20)[-1] * 1000 if len(times) >= 2 else float("nan")
    p50 = statistics.median(times) * 1000 if times else float("nan")
    print(f"| linking {done:,} analyses (store writes included): wall; CPU | {seconds:.1f} s "
          f"({done / seconds:,.0f}/s); "
          f"{cpu:.1f} s |")  # fmt: skip
    print(f"| stories | {stories:,} |")
    print(f"| peak RSS (psutil, sampled; ru_maxrss) | {peak:,.0f} MB; {max_rss:,.0f} MB "
          f"(before linking {base_rss:,.0f} MB) |")  # fmt: skip
    print(f"| one more article into the ledger of {done:,}: p50 / p95 ({len(times)} articles) | "
          f"{p50:.1f} / {p95:.1f} ms |")  # fmt: skip
    if cold:
        q = statistics.quantiles(cold, n=20)[-1] * 1000 if len(cold) >= 2 else float("nan")
        print(f"| `link_pending` of one stored article, fresh linker on the ledger's index: first; p50 / p95 "
              f"({len(cold)} articles) | {cold[0] * 1000:.0f} ms; {statistics.median(cold) * 1000:.1f} / {q:.1f} ms |")
    print(f"| B-cubed precision / recall over {len(truth):,} true event mentions | "
          f"{found['precision']:.3f} / {found['recall']:.3f} |")  # fmt: skip
    print(f"| produced stories per true story; mentions linked | {found['stories_per_true_story']:.2f}; "
          f"{found['linked_share']:.3f} |")  # fmt: skip


if __name__ == "__main__":
    main()
