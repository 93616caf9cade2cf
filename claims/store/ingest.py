"""Ingest: articles and their claims in, one transaction a batch; what a re-ingest keeps and orphans.

An unchanged article is left as it is; a changed one gets its new claims, keeping the status, note
and history of every claim whose id survives; reviews of claims that disappeared are marked orphaned,
and come back with their claim.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterable

from sqlalchemy import Connection, Engine, bindparam, insert, select, update
from sqlalchemy.exc import DBAPIError

from claims.articles import Article
from claims.schema import COLUMN_NAMES, COLUMNS
from claims.store import corrections
from claims.store import tables as t
from claims.store.clusters import Clusterer
from claims.store.reviews import no_nul, now, orphan, restored_reviews

log = logging.getLogger("claims")
JSON_COLUMNS = [c.name for c in COLUMNS if c.dtype in ("list", "markers")]
_EXTRACTION_COLUMNS = [c for c in COLUMN_NAMES if c not in ("claim_id", "status")]
_UNREVIEWED = {"status": "unverified", "note": "", "reviewer": "", "reviewed_at": "", "version": 1,
               "evidence_urls": None}
COUNTS = ("unchanged", "new", "changed", "claims_added", "claims_removed")


def ingest(engine: Engine, articles: list[Article], rows: list[dict]) -> dict[str, int]:
    """Store articles and their claims in one transaction; returns what changed (COUNTS)."""
    counts = dict.fromkeys(COUNTS, 0)
    by_article: dict[str, list[dict]] = {}
    for r in rows:
        by_article.setdefault(r["article_id"], []).append(r)
    with engine.begin() as conn:
        clusterer = Clusterer(conn)
        for art in articles:
            old = conn.execute(select(t.articles.c.text_hash).where(
                t.articles.c.article_id == art.article_id)).scalar_one_or_none()
            if old == art.text_hash:
                counts["unchanged"] += 1
                _fill_readable(conn, art.article_id, by_article.get(art.article_id, []))
                continue
            counts["changed" if old is not None else "new"] += 1
            record = {"article_id": art.article_id, "title": art.title, "outlet": art.outlet, "url": art.url,
                      "published": art.published, "source": art.source, "text": art.text,
                      "text_hash": art.text_hash, "ingested_at": now(), "fetched_at": art.fetched_at}
            record = {k: no_nul(v) for k, v in record.items()}
            if old is None:
                conn.execute(insert(t.articles), record)
            else:
                conn.execute(update(t.articles).where(t.articles.c.article_id == art.article_id), record)
            added, removed = _replace_claims(conn, art.article_id, by_article.get(art.article_id, []), clusterer)
            counts["claims_added"] += added
            counts["claims_removed"] += removed
    return counts


def _fill_readable(conn: Connection, article_id: str, rows: list[dict]) -> None:
    """An unchanged article's claims stored before the readable claim existed (migration 0006) get it;
    nothing else of them changes (status, note, history, version)."""
    missing = set(conn.execute(select(t.claims.c.claim_id).where(
        t.claims.c.article_id == article_id, t.claims.c.claim.is_(None))).scalars())
    fill = [{"_id": r["claim_id"], "claim": no_nul(r.get("claim"))} for r in rows if r["claim_id"] in missing]
    if fill:
        conn.execute(update(t.claims).where(t.claims.c.claim_id == bindparam("_id")), fill)


def ingest_batches(engine: Engine, batches: Iterable[tuple[list[Article], list[dict]]],
                   problems: list[str] | None = None) -> dict[str, int]:
    """ingest() each (articles, rows) batch as it comes, one transaction each: a kill loses at most
    the batch under way, and running again resumes. A batch the database refuses is stored again
    article by article, so one bad article is named (in `problems` and the log) and the others go in."""
    totals = dict.fromkeys(COUNTS, 0)
    for articles, rows in batches:
        try:
            parts = [ingest(engine, articles, rows)]
        except DBAPIError:
            parts = [_ingest_one(engine, a, rows, problems) for a in articles]
        for part in parts:
            for k, v in part.items():
                totals[k] += v
    return totals


def _ingest_one(engine: Engine, article: Article, rows: list[dict], problems: list[str] | None) -> dict[str, int]:
    try:
        return ingest(engine, [article], [r for r in rows if r["article_id"] == article.article_id])
    except DBAPIError as err:
        reason = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
        message = f"{article.source or article.article_id}: not stored, the database refused it ({reason})"
        log.warning(message)
        if problems is not None:
            problems.append(message)
        return {}


def _replace_claims(conn: Connection, article_id: str, rows: list[dict], clusterer: Clusterer) -> tuple[int, int]:
    existing = set(conn.execute(select(t.claims.c.claim_id).where(t.claims.c.article_id == article_id)).scalars())
    new_ids = {r["claim_id"] for r in rows}
    gone = [cid for cid in existing if cid not in new_ids]
    if gone:
        orphan(conn, gone)
        corrections.orphan(conn, gone)
        conn.execute(t.claims.delete().where(t.claims.c.claim_id.in_(gone)))
    updates, inserts = [], []
    for r in rows:
        values = {k: (json.dumps(r[k], ensure_ascii=False) if k in JSON_COLUMNS else no_nul(r.get(k)))
                  for k in _EXTRACTION_COLUMNS}
        values["cluster_id"], values["cluster_key"] = clusterer.assign(r)
        values.update(corrections.extracted_copies(values))
        if r["claim_id"] in existing:
            updates.append({**values, "_id": r["claim_id"]})
        else:
            inserts.append({**values, "claim_id": r["claim_id"]})
    if updates:  # executemany: one statement for the whole article
        conn.execute(update(t.claims).where(t.claims.c.claim_id == bindparam("_id")), updates)
    if inserts:
        restored = restored_reviews(conn, [v["claim_id"] for v in inserts])
        conn.execute(insert(t.claims), [{**v, **restored.get(v["claim_id"], _UNREVIEWED)} for v in inserts])
    corrections.reapply(conn, new_ids)  # a reviewer's correction outlives the extractor's new reading
    return len(inserts), len(gone)


def ingest_summary(totals: dict[str, int]) -> str:
    """What an ingest did, in words: '1 new, 0 changed, 0 unchanged articles; 25 claims added, 0 removed'."""
    added = totals.get("claims_added", 0)
    return (f"{totals.get('new', 0)} new, {totals.get('changed', 0)} changed, {totals.get('unchanged', 0)} "
            f"unchanged articles; {added} claim{'' if added == 1 else 's'} added, "
            f"{totals.get('claims_removed', 0)} removed")
