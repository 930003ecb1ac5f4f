"""The Doc extension attributes through which fogofwar stages talk to each other.

Each stage writes exactly one of these (see its factory's ``assigns``) and reads the others it
``requires``. Stages never import each other; they share only this and ``fogofwar.schema``.
"""

from __future__ import annotations

from spacy.tokens import Doc

# attribute -> default. Lists of schema objects; ``article`` is the fogofwar.schema.Article.
EXTENSIONS: dict[str, object] = {
    "article": None,
    "entities": None,
    "places": None,
    "dates": None,
    "uncertainty_cues": None,
    "claims": None,
    "events": None,
    "furniture": None,
}


def register_extensions() -> None:
    """Register every fogofwar Doc attribute once per process (idempotent)."""
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def article_id(doc: Doc) -> str:
    """The id of the article a Doc holds, for making ids; "doc" when none was set."""
    article = doc._.article
    return article.id if article is not None else "doc"


def published(doc: Doc) -> str | None:
    """The article's publication date (YYYY-MM-DD), or None."""
    article = doc._.article
    return article.published if article is not None else None


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy rebuilds it from every token on each access, which
    costs O(length) and made per-mention uses quadratic on long articles."""
    text = doc.user_data.get("fogofwar_text")
    if text is None:
        text = doc.user_data["fogofwar_text"] = doc.text
    return str(text)
