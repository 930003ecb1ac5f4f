"""The ledger: analyses stored through SQLAlchemy (SQLite by default, PostgreSQL for teams).

    store = open_store("fogofwar.db")          # creates or upgrades the schema
    report = ingest(store, analyses)           # idempotent, one transaction per article
    hits = list_events(store, place="Siversk", since="2025-12-01")
"""

from fogofwar.store.convert import InvalidAnalysis
from fogofwar.store.db import SqlStore, Store, StoreError, head_revision, open_store
from fogofwar.store.identity import article_key, normalise_text
from fogofwar.store.queries import list_claims, list_events, list_places
from fogofwar.store.read import count_rows, iter_analyses
from fogofwar.store.rows import ArticleRef, ClaimHit, EventHit, PlaceSummary
from fogofwar.store.write import IdChange, IngestError, IngestReport, Known, find_known, ingest, store_analysis

__all__ = [
    "ArticleRef", "ClaimHit", "EventHit", "IdChange", "IngestError", "IngestReport", "InvalidAnalysis", "Known",
    "PlaceSummary", "SqlStore", "Store", "StoreError", "article_key", "count_rows", "find_known", "head_revision",
    "ingest", "iter_analyses", "list_claims", "list_events", "list_places", "normalise_text",
    "open_store", "store_analysis",
]  # fmt: skip
