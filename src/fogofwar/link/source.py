"""What the linker reads about articles linked in earlier runs, when it links against a ledger.

A ``Linker`` built with a ``LinkSource`` keeps in memory only what the articles of this run touch:
the blocking keys they look up, the stories those keys hold, the counts of their words, the
postings of their content words. Everything else stays in the ledger (``fogofwar.store.linkindex``),
so a run into a ledger of any size starts at once. Each method reads many keys in one go.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from fogofwar.link.mentions import Mention
from fogofwar.link.syndication import SyndicationSource


class LinkSource(SyndicationSource, Protocol):
    def totals(self) -> tuple[int, int, int]:
        """Mentions counted, articles with content words, the next story creation number."""
        ...

    def keys(self, keys: Sequence[str]) -> Iterable[tuple[str, int, str]]:
        """(key, day, story) rows of the blocking index under these keys."""
        ...

    def stories(self, ids: Sequence[str]) -> Iterable[tuple[str, int, list[Mention]]]:
        """(story, creation number, members in order) of those that exist."""
        ...

    def article_stories(self, articles: Sequence[str]) -> Iterable[tuple[str, str]]:
        """(article, story) for each story an article's mentions are in."""
        ...

    def words(self, words: Sequence[str]) -> Iterable[tuple[str, int, int]]:
        """(word, mentions with it, articles whose content words hold it)."""
        ...

    def postings(self, words: Sequence[str]) -> Iterable[tuple[str, str, float, str]]:
        """(word, article, weight, the story its lead mention joined) for these content words."""
        ...

    def norms(self, articles: Sequence[str]) -> Iterable[tuple[str, int | None, float | None, int | None]]:
        """(article, articles counted when its length was computed, its tf-idf length, published)."""
        ...

    def story_leads(self, ids: Sequence[str]) -> Iterable[tuple[str, str, int | None]]:
        """(story, lead article, its published ordinal)."""
        ...

    def terms(self, articles: Sequence[str]) -> Iterable[tuple[str, dict[str, Any]]]:
        """(article, its content words and weights)."""
        ...
