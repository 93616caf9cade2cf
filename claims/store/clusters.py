"""Repeated claims: the same or nearly the same content, across articles, in one cluster."""
from __future__ import annotations

import hashlib

from rapidfuzz import fuzz, process
from sqlalchemy import select

from claims.ids import claim_key
from claims.store import tables as t

SIMILARITY = 90  # rapidfuzz token_sort_ratio, 0-100: reworded punctuation and word order still match
_MIN_WORDS = 4


class Clusterer:
    """Assigns cluster ids inside one ingest transaction, against the clusters already stored."""

    def __init__(self, conn):
        rows = conn.execute(select(t.claims.c.cluster_key, t.claims.c.cluster_id).distinct()).all()
        self.by_key: dict[str, str] = {k: cid for k, cid in rows if k}
        self.keys: list[str] = list(self.by_key)

    def assign(self, row: dict) -> tuple[str, str]:
        key = claim_key(row["text"])
        if key in self.by_key:
            return self.by_key[key], key
        if len(key.split()) >= _MIN_WORDS and self.keys:
            best = process.extractOne(key, self.keys, scorer=fuzz.token_sort_ratio, score_cutoff=SIMILARITY)
            if best is not None:
                cid = self.by_key[best[0]]
                self.by_key[key] = cid
                self.keys.append(key)
                return cid, key
        cid = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
        self.by_key[key] = cid
        self.keys.append(key)
        return cid, key
