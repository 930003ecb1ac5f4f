"""``python -m fogofwar.sample``: regenerate articles.jsonl from manifest.toml and the .txt files."""

import logging

from fogofwar.sample import build_jsonl

logging.basicConfig(level=logging.INFO, format="%(message)s")
logging.getLogger(__name__).info("wrote %s", build_jsonl())
