"""YAML-style front matter at the top of a Markdown or plain-text article.

    ---
    title: Strike on the depot
    date: 2025-12-18
    outlet: Example News
    url: https://example.org/depot
    ---
    The article text...

Only flat ``key: value`` lines are read (no nesting, lists or multi-line values; PyYAML is not
needed): keys are case-insensitive, values may be quoted, ``#`` starts a comment line. The block
must open on the first line with ``---`` and close with ``---`` or ``...``; otherwise the file
has no front matter and is all text.
"""

from __future__ import annotations

import re

# Keys read into the Article, with the aliases pages and static-site generators use.
KEYS = {
    "title": "title",
    "date": "date",
    "published": "published",
    "pubdate": "published",
    "published_at": "published",
    "outlet": "outlet",
    "source": "outlet",
    "site": "outlet",
    "sitename": "outlet",
    "url": "url",
    "link": "url",
    "canonical_url": "url",
    "id": "id",
}
_OPEN = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
MAX_LINES = 60  # a longer block is not front matter but text that happens to open with ---


def split_front_matter(text: str) -> tuple[dict[str, str], str] | None:
    """(the fields read, keyed by KEYS' values; the body after the block) or None without front matter."""
    opened = _OPEN.match(text)
    if opened is None:
        return None
    closed = _CLOSE.search(text, opened.end())
    if closed is None:
        return None
    block = text[opened.end() : closed.start()]
    lines = block.splitlines()
    if len(lines) > MAX_LINES:
        return None
    fields: dict[str, str] = {}
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _LINE.match(line)
        if m is None:
            if line[:1] in " \t-":  # a nested value or a list item of a key we do not read
                continue
            return None  # not key: value lines: not front matter
        key = KEYS.get(m.group(1).lower().replace("-", "_"))
        if key is None or key in fields:
            continue
        value = _unquote(m.group(2))
        if value:
            fields[key] = value
    return fields, text[closed.end() :].strip()


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1].strip()
    if " #" in value:  # a trailing comment
        value = value.split(" #", 1)[0].rstrip()
    return value
