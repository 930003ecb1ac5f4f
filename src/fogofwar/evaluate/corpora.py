"""Readers for the development corpora in ../shared/data (read at run time, never copied).

Each reader raises ``MissingData`` with the path it looked for when the corpus is absent, so
that a quality gate fails loudly instead of skipping.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from fogofwar.schema import Article


class MissingData(FileNotFoundError):
    """A development corpus the evaluation needs is not where it should be."""


def need(path: Path) -> Path:
    if not path.exists():
        raise MissingData(f"{path} not found: the quality gates need ../shared/data beside the checkout")
    return path


def lgl_articles(data: Path) -> Iterator[Article]:
    """LGL articles with their metadata (the gold toponyms are read by gazetteer.evaluate.read_lgl)."""
    root = ET.parse(need(data / "geo" / "lgl.xml")).getroot()
    for node in root.iter("article"):
        text = node.findtext("text") or ""
        published = None
        dltime = node.findtext("dltime")
        if dltime and re.match(r"\d{4}-\d{2}-\d{2}", dltime):
            published = dltime[:10]
        article = Article(
            id=f"lgl-{node.get('docid')}",
            text=text,
            published=published,
            url=node.findtext("url"),
            outlet=node.findtext("domain"),
            title=node.findtext("title"),
        )
        yield article


def polnear_texts(data: Path, split: str = "dev") -> Iterator[Article]:
    for path in sorted(need(data / "attribution" / split / "text").glob("*.txt")):
        yield Article(id=f"polnear-{split}-{path.stem}", text=path.read_text(encoding="utf-8"))


def case_snippets(data: Path) -> Iterator[Article]:
    """CASE 2021 task 2 dev snippets (their labels are read by evaluate.events.load)."""
    with need(data / "events" / "case2021_task2_dev.tsv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield Article(id=f"case-{row['id']}", text=row["EventSnippet"])


def propaganda_articles(data: Path) -> Iterator[Article]:
    for path in sorted(need(data / "propaganda" / "train-articles").glob("article*.txt")):
        text = path.read_text(encoding="utf-8")
        title = text.split("\n", 1)[0].strip() or None
        yield Article(id=f"ptc-{path.stem}", text=text, title=title)


def hedge_documents(data: Path) -> Iterator[tuple[Article, list[tuple[int, int, bool]]]]:
    """Szeged Wikipedia documents as text, with each sentence's (start, end, uncertain)."""
    root = ET.parse(need(data / "hedge" / "wiki.xml")).getroot()
    for doc in root.iter("Document"):
        doc_id = doc.findtext("DocID") or str(len(doc))
        pieces: list[str] = []
        sentences: list[tuple[int, int, bool]] = []
        offset = 0
        for sentence in doc.iter("Sentence"):
            text = "".join(sentence.itertext())
            uncertain = sentence.find("ccue") is not None
            sentences.append((offset, offset + len(text), uncertain))
            pieces.append(text)
            offset += len(text) + 1
        yield Article(id=f"szeged-{doc_id}", text="\n".join(pieces)), sentences
