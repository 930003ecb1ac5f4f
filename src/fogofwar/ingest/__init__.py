"""Readers: files (.txt, .html, .json, .jsonl), directories and stdin into Articles.

Every reader yields either an ``Article`` or an ``AnalysisError`` with a one-line message that
says what was wrong and what is allowed; a broken input never stops the inputs after it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from fogofwar.schema import AnalysisError, Article

log = logging.getLogger(__name__)

MAX_BYTES = 10 * 1024 * 1024  # the contract: articles up to 10 MB are analysed, larger ones refused
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
INPUT_KEYS = ("id", "text", "published", "url", "outlet", "title")

Record = Article | AnalysisError


class InputError(ValueError):
    """An input that cannot become an Article; the message is shown to the user as is."""


def decode_text(data: bytes, what: str) -> str:
    """Text from bytes: UTF-8 (a BOM is dropped) or UTF-16 with a BOM; binary data is refused."""
    if not data.strip():
        raise InputError(f"{what} is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{what} has a UTF-16 byte-order mark but is not valid UTF-16") from exc
    if b"\x00" in data[:8192]:
        raise InputError(f"{what} looks binary (it contains NUL bytes); give UTF-8 text, HTML or JSON")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{what} is not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r}); "
            f"convert it to UTF-8 first, e.g. with iconv"
        ) from exc
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > 0.05 * min(len(text), 8192):
        raise InputError(f"{what} looks binary (many control characters); give UTF-8 text, HTML or JSON")
    return text


def check_size(text: str, what: str) -> None:
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise InputError(f"{what} is {size / 1e6:.1f} MB; articles over {MAX_BYTES / 1e6:.1f} MB are refused")


def check_published(value: Any, what: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(
            f"{what}: 'published' must be a YYYY-MM-DD string or null, not {type(value).__name__}"
        )
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError as exc:
        raise InputError(f"{what}: 'published' must be YYYY-MM-DD or null, got {value!r}") from exc


def article_from_html(html: str, article_id: str, url: str | None = None) -> Article:
    """The main text, title and date of an HTML page, through trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text) < 20:
        raise InputError(f"{article_id}: no article text found in the HTML")
    published = None
    date = getattr(doc, "date", None)
    if date:
        try:
            published = dt.date.fromisoformat(str(date)[:10]).isoformat()
        except ValueError:
            published = None
    return Article(
        id=article_id,
        text=text,
        published=published,
        url=url or getattr(doc, "url", None),
        outlet=getattr(doc, "sitename", None),
        title=getattr(doc, "title", None),
    )


def article_from_object(obj: Any, default_id: str) -> Article:
    """An Article from one input object of the contract: only ``text`` is required."""
    if not isinstance(obj, dict):
        raise InputError(f"{default_id}: expected a JSON object, got {type(obj).__name__}")
    raw_id = obj.get("id")
    article_id = str(raw_id) if raw_id not in (None, "") else default_id
    text = obj.get("text")
    if not isinstance(text, str):
        missing = "has no 'text'" if text is None else f"has a 'text' of type {type(text).__name__}"
        raise InputError(f"{article_id}: the object {missing}; a string is required")
    if not text.strip():
        raise InputError(f"{article_id}: 'text' is empty")
    check_size(text, article_id)
    for key in ("url", "outlet", "title"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise InputError(f"{article_id}: '{key}' must be a string or null")
    return Article(
        id=article_id,
        text=text,
        published=check_published(obj.get("published"), article_id),
        url=obj.get("url"),
        outlet=obj.get("outlet"),
        title=obj.get("title"),
    )


def read_file(path: Path | str, published: str | None = None, article_id: str | None = None) -> Article:
    """One article from a .txt, .html or .json file. Raises InputError."""
    path = Path(path)
    what = str(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        raise InputError(f"{what} holds JSON lines, many articles: use `fogofwar analyze --jsonl {what}`")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES * 4:  # HTML may carry much markup; refuse before reading absurd files
            raise InputError(
                f"{what} is {size / 1e6:.1f} MB; articles over {MAX_BYTES / 1e6:.1f} MB are refused"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {what}: {exc.strerror or exc}") from exc
    text = decode_text(data, what)
    default_id = article_id or path.stem
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        article = article_from_html(text, default_id)
    elif suffix in JSON_SUFFIXES:
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{what} is not valid JSON ({exc.msg} at line {exc.lineno})") from exc
        article = article_from_object(obj, default_id)
    else:
        article = Article(id=default_id, text=text)
    check_size(article.text, what)
    changes: dict[str, Any] = {}
    if published is not None:
        changes["published"] = check_published(published, what)
    if article_id is not None:
        changes["id"] = article_id
    if changes:
        article = dataclasses.replace(article, **changes)
    return article


def read_jsonl(stream: Iterable[bytes], name: str = "input") -> Iterator[Record]:
    """One record per non-blank line; a missing id becomes the line number."""
    for lineno, raw in enumerate(stream, start=1):
        default_id = str(lineno)
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig") if lineno == 1 else raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield AnalysisError(default_id, f"{name} line {lineno} is not valid UTF-8 (byte {exc.start})")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield AnalysisError(default_id, f"{name} line {lineno} is not valid JSON ({exc.msg})")
            continue
        try:
            yield article_from_object(obj, default_id)
        except InputError as exc:
            fallback = obj.get("id") if isinstance(obj, dict) and obj.get("id") not in (None, "") else None
            yield AnalysisError(
                str(fallback) if fallback is not None else default_id, f"line {lineno}: {exc}"
            )


def _open_jsonl(path: str) -> Iterator[Record]:
    if path == "-":
        yield from read_jsonl(sys.stdin.buffer, "stdin")
        return
    try:
        with open(path, "rb") as f:
            yield from read_jsonl(f, path)
    except OSError as exc:
        yield AnalysisError(Path(path).stem, f"cannot read {path}: {exc.strerror or exc}")


def iter_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files named and files under directories named (sorted, known suffixes only)."""
    for p in paths:
        path = Path(p)
        if p != "-" and path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in KNOWN_SUFFIXES:
                    yield str(child)
        else:
            yield p


def read_inputs(paths: Iterable[str]) -> Iterator[Record]:
    """Every article in the files and directories given (``-``: JSONL on stdin)."""
    for p in iter_paths(paths):
        if p == "-" or Path(p).suffix.lower() in JSONL_SUFFIXES:
            yield from _open_jsonl(p)
            continue
        try:
            yield read_file(p)
        except InputError as exc:
            yield AnalysisError(Path(p).stem, str(exc))
