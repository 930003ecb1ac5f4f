"""Readers: files (.txt, .md, .html, .json, .jsonl), directories and stdin into Articles.

Every reader yields either an ``Article`` or an ``AnalysisError`` with a one-line message that
says what was wrong and what is allowed; a broken input never stops the inputs after it. What a
reader could read only in part (an unreadable date) is an ``Article.warnings`` entry instead.

Dates: ``published`` is the date given (input field, front matter ``published``, ``--published``)
in any of the forms ``fogofwar.ingest.dates`` reads, normalised to YYYY-MM-DD; ``page_date`` is
the page's own date (a dateline, the HTML metadata, front matter ``date``); without a given
``published``, ``published`` is the page's date.
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

from fogofwar.ingest.dates import UnreadableDate, dateline_date, normalise_date, read_date
from fogofwar.ingest.frontmatter import split_front_matter
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


def check_published(value: Any, what: str) -> tuple[str | None, tuple[str, ...]]:
    """A given ``published`` as YYYY-MM-DD (see ``fogofwar.ingest.dates``), or None and a warning.

    An unreadable date never refuses the article: it is analysed with ``published`` null and the
    warning, which names the field and the value, goes into ``Article.warnings``."""
    day, warning = read_date(value, "published", what)
    return day, (warning,) if warning else ()


def with_page_date(article: Article, metadata_date: str | None = None) -> Article:
    """The article with its page's own date: a dateline at the start of the text (its year from
    the given ``published``, else from the metadata date), else the metadata date (HTML metadata,
    front matter ``date``). Without a given ``published``, ``published`` becomes the page's date."""
    page_date = dateline_date(article.text, article.published or metadata_date) or metadata_date
    if page_date == article.page_date and article.published:
        return article
    return dataclasses.replace(article, page_date=page_date, published=article.published or page_date)


def article_from_html(html: str, article_id: str, url: str | None = None) -> Article:
    """The main text, title and date of an HTML page, through trafilatura."""
    article, metadata_date = _article_from_html(html, article_id, url)
    return with_page_date(article, metadata_date)


def _article_from_html(html: str, article_id: str, url: str | None = None) -> tuple[Article, str | None]:
    import trafilatura

    # The page's date from its metadata through htmldate: the original date preferred over an
    # update, and no extensive search (no guessing from the URL or from dates in the text).
    date_params = {"original_date": True, "extensive_search": False, "max_date": dt.date.today().isoformat()}
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, date_extraction_params=date_params
    )
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text) < 20:
        raise InputError(f"{article_id}: no article text found in the HTML")
    metadata_date = None
    date = getattr(doc, "date", None)
    if date:
        try:
            metadata_date = normalise_date(str(date))
        except UnreadableDate:
            metadata_date = None
    article = Article(
        id=article_id,
        text=text,
        url=url or getattr(doc, "url", None),
        outlet=getattr(doc, "sitename", None),
        title=getattr(doc, "title", None),
    )
    return article, metadata_date


def article_from_object(obj: Any, default_id: str) -> Article:
    """An Article from one input object of the contract: only ``text`` is required."""
    return with_page_date(_article_from_object(obj, default_id))


def _article_from_object(obj: Any, default_id: str) -> Article:
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
    published, warnings = check_published(obj.get("published"), article_id)
    return Article(
        id=article_id,
        text=text,
        published=published,
        url=obj.get("url"),
        outlet=obj.get("outlet"),
        title=obj.get("title"),
        warnings=warnings,
    )


def _article_from_text(text: str, default_id: str, what: str) -> tuple[Article, str | None]:
    """A plain-text or Markdown article; front matter, when it opens the file, fills the fields
    and the text is the body after it (offsets refer to the body)."""
    split = split_front_matter(text)
    if split is None:
        return Article(id=default_id, text=text), None
    fields, body = split
    if not body.strip():
        raise InputError(f"{what} has front matter but no article text after it")
    published, warning_p = read_date(fields.get("published"), "published", what)
    metadata_date, warning_d = read_date(fields.get("date"), "date", what)
    article = Article(
        id=fields.get("id") or default_id,
        text=body,
        published=published,
        url=fields.get("url"),
        outlet=fields.get("outlet"),
        title=fields.get("title"),
        warnings=tuple(w for w in (warning_p, warning_d) if w),
    )
    return article, metadata_date


def read_file(
    path: Path | str,
    published: str | None = None,
    article_id: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> Article:
    """One article from a .txt, .md, .html or .json file. Raises InputError.

    ``published``, ``article_id``, ``outlet`` and ``url`` (given on the command line) win over
    what the file says; an unreadable ``published`` becomes a warning, never an error."""
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
    metadata_date: str | None = None
    if suffix in HTML_SUFFIXES:
        article, metadata_date = _article_from_html(text, default_id, url)
    elif suffix in JSON_SUFFIXES:
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{what} is not valid JSON ({exc.msg} at line {exc.lineno})") from exc
        article = _article_from_object(obj, default_id)
    else:
        article, metadata_date = _article_from_text(text, default_id, what)
    check_size(article.text, what)
    changes: dict[str, Any] = {}
    if published is not None:
        changes["published"], warnings = check_published(published, what)
        kept = tuple(w for w in article.warnings if "'published'" not in w)
        changes["warnings"] = kept + warnings
    if article_id is not None:
        changes["id"] = article_id
    if outlet is not None:
        changes["outlet"] = outlet or None
    if url is not None:
        changes["url"] = url or None
    if changes:
        article = dataclasses.replace(article, **changes)
    return with_page_date(article, metadata_date)


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


def read_inputs(paths: Iterable[str], overrides: dict[str, str | None] | None = None) -> Iterator[Record]:
    """Every article in the files and directories given (``-``: JSONL on stdin). ``overrides``
    (``published``, ``outlet``, ``url``) apply to the article files read, not to JSONL lines."""
    for p in iter_paths(paths):
        if p == "-" or Path(p).suffix.lower() in JSONL_SUFFIXES:
            yield from _open_jsonl(p)
            continue
        try:
            yield read_file(p, **(overrides or {}))
        except InputError as exc:
            yield AnalysisError(Path(p).stem, str(exc))
