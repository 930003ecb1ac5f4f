"""Quality gates: score each stage on ../shared/data and compare with pinned floors.

    fogofwar evaluate all --data ../shared/data --floors benchmarks/floors.toml

Each evaluator returns named metrics. A floors file pins, per evaluator, the least each metric
may be (``min``) or the most (``max``). A metric under its floor, a missing corpus, or a floor
naming a metric the evaluator did not report fails the run: nothing is skipped.
"""

from __future__ import annotations

import importlib
import logging
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from fogofwar.analyze import Analyzer

log = logging.getLogger(__name__)

Metrics = dict[str, float]
Evaluator = Callable[[Path, Analyzer], Metrics]


# name -> "module:function"; imported only when run, so one evaluator's needs never slow another.
EVALUATORS: dict[str, str | Evaluator] = {
    "validity": "fogofwar.evaluate.validity:evaluate_validity",
    "places": "fogofwar.evaluate.places:evaluate_places",
    "events": "fogofwar.evaluate.events:evaluate_events",
    "attribution": "fogofwar.evaluate.attribution:evaluate_attribution",
    "uncertainty": "fogofwar.evaluate.uncertainty:evaluate_uncertainty",
    "large": "fogofwar.evaluate.large:evaluate_large",
    "realpages": "fogofwar.evaluate.realpages:evaluate_realpages",
    "stories": "fogofwar.evaluate.stories:evaluate_stories",
}


def evaluator(name: str) -> Evaluator:
    target = EVALUATORS[name]
    if callable(target):
        return target
    module, _, function = target.partition(":")
    found: Evaluator = getattr(importlib.import_module(module), function)
    return found


def register(name: str, evaluator: Evaluator) -> None:
    EVALUATORS[name] = evaluator


@dataclass(frozen=True)
class GateResult:
    evaluator: str
    metric: str
    value: float | None
    bound: float
    kind: str  # "min" | "max"

    @property
    def passed(self) -> bool:
        if self.value is None:
            return False
        return self.value >= self.bound if self.kind == "min" else self.value <= self.bound


def load_floors(path: Path) -> dict[str, dict[str, dict[str, float]]]:
    with path.open("rb") as f:
        return tomllib.load(f)


def check(name: str, metrics: Metrics, floors: dict[str, dict[str, float]]) -> list[GateResult]:
    results = []
    for metric, bounds in floors.items():
        for kind in ("min", "max"):
            if kind in bounds:
                results.append(GateResult(name, metric, metrics.get(metric), float(bounds[kind]), kind))
    return results


def run(
    names: list[str], data: Path, floors_path: Path | None, analyzer: Analyzer | None = None
) -> Iterator[tuple[str, Metrics, list[GateResult]]]:
    """Each evaluator's metrics and gate results, one evaluator at a time, as each finishes."""
    unknown = [n for n in names if n not in EVALUATORS]
    if unknown:
        raise ValueError(f"unknown evaluator(s) {unknown}; known: {sorted(EVALUATORS)}")
    floors = load_floors(floors_path) if floors_path else {}
    stray = sorted(set(floors) - set(EVALUATORS))
    if stray:
        raise ValueError(f"{floors_path} has floors for unknown evaluator(s) {stray}; known: {sorted(EVALUATORS)}")
    analyzer = analyzer or Analyzer().load()
    for name in names:
        log.info("evaluating %s on %s", name, data)
        metrics = evaluator(name)(data, analyzer)
        yield name, metrics, check(name, metrics, floors.get(name, {}))
