"""An article's identity: the hash of its normalised text plus its url."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import Any

_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """NFC, every run of whitespace made one space, stripped: copies that differ only in
    Unicode composition or line wrapping are one text."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def text_hash(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def article_key(text: str, url: str | None) -> str:
    """The article's identity in the ledger: same normalised text and same url, same article."""
    url_part = (url or "").strip()
    return hashlib.sha256(f"{text_hash(text)}\x00{url_part}".encode()).hexdigest()


def analysis_hash(data: dict[str, Any]) -> str:
    """A hash of an analysis' contract JSON, to tell an unchanged analysis from a new one."""
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def rename_ids(data: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    """The analysis JSON with article id ``old`` renamed ``new``, its item ids (``old:c3``) too."""
    prefix = f"{old}:"

    def fix(value: Any) -> Any:
        if isinstance(value, str) and value.startswith(prefix):
            return f"{new}:{value[len(prefix):]}"
        return value

    out = dict(data, id=new)
    for key in ("entities", "claims", "events"):
        items = []
        for item in out.get(key) or []:
            item = dict(item, id=fix(item.get("id")))
            if "claim_ids" in item:
                item["claim_ids"] = [fix(c) for c in item["claim_ids"] or []]
            items.append(item)
        out[key] = items
    return out
