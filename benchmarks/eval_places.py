"""Score the places stage on LGL: detection P/R/F1 by span overlap, and the share of detected
toponyms placed within 161 km of the gold point (or with the gold GeoNames id).

    .venv/bin/python benchmarks/eval_places.py [--data ../shared/data/geo/lgl.xml] [--limit N]

The logic is ``fogofwar.gazetteer.evaluate_lgl``; this script only parses options and prints JSON.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from fogofwar.gazetteer import evaluate_lgl

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "geo" / "lgl.xml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="LGL XML file (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not args.data.exists():
        raise SystemExit(f"{args.data} not found: pass --data PATH/TO/lgl.xml")
    sys.stdout.write(json.dumps(evaluate_lgl(str(args.data), limit=args.limit), indent=2) + "\n")


if __name__ == "__main__":
    main()
