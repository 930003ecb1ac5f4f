"""The bundled sample corpus: short conflict news articles with hand-checked golden facts.

Each article is ``<id>.txt`` beside this module; ``manifest.toml`` holds its metadata, and
``articles.jsonl`` is both together in the contract's input form (one JSON object a line), ready for
``fogofwar analyze --jsonl``. ``build_jsonl()`` regenerates it (``python -m fogofwar.sample``).
docs/sample.md says what each article exercises; tests/golden/ holds what a careful reader finds.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from fogofwar.schema import Article

__all__ = ["build_jsonl", "jsonl_lines", "read_manifest", "sample_articles", "sample_dir"]

JSONL_NAME = "articles.jsonl"
MANIFEST_NAME = "manifest.toml"
# The contract's input keys, in its order.
FIELDS = ("id", "text", "published", "url", "outlet", "title")


def sample_dir() -> Path:
    """The folder holding the sample texts, the manifest and articles.jsonl."""
    return Path(__file__).resolve().parent


def read_manifest(folder: Path | None = None) -> list[dict[str, Any]]:
    """The manifest's ``[[article]]`` tables, in file order; each must name an existing text."""
    folder = folder or sample_dir()
    with open(folder / MANIFEST_NAME, "rb") as f:
        entries: list[dict[str, Any]] = tomllib.load(f).get("article", [])
    seen: set[str] = set()
    for entry in entries:
        article_id = entry.get("id")
        if not isinstance(article_id, str) or not article_id:
            raise ValueError(f"{folder / MANIFEST_NAME}: every [[article]] needs a string id, got {entry!r}")
        if article_id in seen:
            raise ValueError(f"{folder / MANIFEST_NAME}: id {article_id!r} appears twice")
        seen.add(article_id)
        unknown = set(entry) - set(FIELDS)
        if unknown:
            raise ValueError(
                f"{folder / MANIFEST_NAME}: article {article_id!r} has unknown keys {sorted(unknown)}; "
                f"allowed: {', '.join(k for k in FIELDS if k != 'text')}"
            )
        if not (folder / f"{article_id}.txt").is_file():
            raise ValueError(f"{folder / MANIFEST_NAME}: article {article_id!r} has no {article_id}.txt")
    return entries


def _read_text(path: Path) -> str:
    # newline="" keeps the file's characters exactly, so offsets match the .txt on disk.
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def jsonl_lines(folder: Path | None = None) -> list[str]:
    """articles.jsonl's lines (without newlines) as built from the manifest and the texts."""
    folder = folder or sample_dir()
    lines = []
    for entry in read_manifest(folder):
        record = {key: entry.get(key) for key in FIELDS}
        record["text"] = _read_text(folder / f"{entry['id']}.txt")
        lines.append(json.dumps(record, ensure_ascii=False))
    return lines


def build_jsonl(folder: Path | None = None, out: Path | None = None) -> Path:
    """Regenerate articles.jsonl (or write ``out``) from the manifest and the .txt files."""
    folder = folder or sample_dir()
    out = out or folder / JSONL_NAME
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for line in jsonl_lines(folder):
            f.write(line + "\n")
    return out


def sample_articles() -> list[Article]:
    """The sample corpus as Articles, in manifest order, read from the shipped articles.jsonl."""
    articles = []
    with open(sample_dir() / JSONL_NAME, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                articles.append(Article(**{key: record.get(key) for key in FIELDS}))
    return articles
