"""The claim store: articles, claims, reviews (append-only) and clusters in one database.

No NLP here: importing the store, reading and exporting never load spaCy."""
from claims.store.db import Store, open_store
from claims.store.errors import ConflictError, StoreError
from claims.store.ingest import ingest_summary
from claims.store.location import default_db_url
from claims.store.queries import REVIEW_COLUMNS

__all__ = ["Store", "StoreError", "ConflictError", "open_store", "default_db_url", "ingest_summary",
           "REVIEW_COLUMNS"]
