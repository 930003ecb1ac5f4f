"""Linking across articles: syndicated copies, stories, independent origins, contradictions, status.

linker = Linker()
for analysis in analyses_in_publication_order:
    changed, _copy, _sig = linker.add(analysis)      # contract JSON of one article
stories = linker.all_stories()
"""

from fogofwar.link.linker import Linker
from fogofwar.link.model import ORIGIN_TYPES, STORY_STATUSES, Origin, Story, TimelineEntry

__all__ = ["ORIGIN_TYPES", "STORY_STATUSES", "Linker", "Origin", "Story", "TimelineEntry"]
