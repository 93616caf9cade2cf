"""The claim store: articles, claims, reviews (append-only) and clusters in one database."""
from claims.store.db import ConflictError, Store, StoreError, default_db_url, ingest_summary, open_store

__all__ = ["Store", "StoreError", "ConflictError", "open_store", "default_db_url", "ingest_summary"]
