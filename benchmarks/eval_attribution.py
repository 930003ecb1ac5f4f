"""Attribution scores on PolNeAR (BRAT standoff): the logic is ``fogofwar.evaluate.attribution``.

    .venv/bin/python benchmarks/eval_attribution.py [--data ../shared/data/attribution/dev] [--limit N]

``fogofwar evaluate attribution`` runs the same scoring on the dev split as a quality gate.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from fogofwar.analyze import Analyzer
from fogofwar.evaluate.attribution import score_polnear

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "attribution" / "dev"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument(
        "--data", type=Path, default=DEFAULT, help="a PolNeAR split folder (text/, attributions/)"
    )
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    metrics = score_polnear(args.data, Analyzer().load(), args.limit)
    sys.stdout.write(json.dumps({k: round(v, 3) for k, v in metrics.items()}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
