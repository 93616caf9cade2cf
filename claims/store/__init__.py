"""The claim store: articles, claims, reviews (append-only) and clusters in one database.

No NLP here: importing the store, reading and exporting never load spaCy. The names below are loaded
when first used, so that a command can start the store's opening check (claims.store.filecheck) while
pandas and SQLAlchemy load."""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

_WHERE = {"Store": "db", "open_store": "db", "StoreError": "errors", "ConflictError": "errors",
          "ingest_summary": "ingest", "default_db_url": "location", "REVIEW_COLUMNS": "queries"}
__all__ = ["Store", "StoreError", "ConflictError", "open_store", "default_db_url", "ingest_summary",
           "REVIEW_COLUMNS"]

if TYPE_CHECKING:
    from claims.store.db import Store, open_store
    from claims.store.errors import ConflictError, StoreError
    from claims.store.ingest import ingest_summary
    from claims.store.location import default_db_url
    from claims.store.queries import REVIEW_COLUMNS


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module 'claims.store' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"claims.store.{_WHERE[name]}"), name)
    globals()[name] = value  # looked up once
    return value
