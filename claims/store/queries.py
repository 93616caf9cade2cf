"""Reading the store: claims as the schema's DataFrame plus review columns, clusters, change marks."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

import pandas as pd
from sqlalchemy import Engine, Select, func, select

from claims.schema import COLUMN_NAMES, CORRECTION_COLUMNS, conform
from claims.store import tables as t
from claims.store.ingest import JSON_COLUMNS

# What the store adds to the extraction columns in every frame it returns.
REVIEW_EXTRA = ["note", "reviewer", "reviewed_at", "version", "cluster_id", "ingested_at", "outlet", "url",
                *[c.name for c in CORRECTION_COLUMNS]]
REVIEW_COLUMNS = COLUMN_NAMES + REVIEW_EXTRA


def claims_query(status: Iterable[str] | None, speaker: Iterable[str] | None,
                 article: Iterable[str] | None) -> Select:
    """The SELECT behind claims_frame: REVIEW_COLUMNS, filtered, in article order."""
    # a claim stored before the readable form existed (migration 0006) shows its sentence until re-ingested
    wanted = [func.coalesce(c, t.claims.c.sentence_text).label("claim") if c.name == "claim" else c
              for c in t.claims.c if c.name in REVIEW_COLUMNS]
    query = select(*wanted, t.articles.c.ingested_at, t.articles.c.outlet, t.articles.c.url).join(
        t.articles, t.articles.c.article_id == t.claims.c.article_id)
    if status:
        query = query.where(t.claims.c.status.in_(list(status)))
    if speaker:
        query = query.where(t.claims.c.speaker.in_(list(speaker)))
    if article:
        query = query.where(t.claims.c.article_id.in_(list(article)))
    return query.order_by(t.claims.c.article_id, t.claims.c.start)


def iter_claims_frames(engine: Engine, query: Select, chunk_rows: int) -> Iterator[pd.DataFrame]:
    with engine.connect() as conn:
        yielded = False
        for df in pd.read_sql(query, conn, chunksize=chunk_rows):
            yielded = True
            yield review_frame(df)
        if not yielded:
            yield review_frame(pd.DataFrame(columns=REVIEW_COLUMNS))


def claims_frame(engine: Engine, query: Select) -> pd.DataFrame:
    with engine.connect() as conn:
        return review_frame(pd.read_sql(query, conn))


def revision(engine: Engine) -> tuple[int, tuple]:
    """(last review id, content mark): the first changes with every verdict, the second with every
    ingest, from any process. Readers cache on them."""
    with engine.connect() as conn:
        reviews = conn.execute(select(func.max(t.reviews.c.review_id))).scalar() or 0
        arts = conn.execute(select(func.count(), func.max(t.articles.c.ingested_at))).first()
        claims = conn.execute(select(func.count()).select_from(t.claims)).scalar()
        corrected = conn.execute(select(func.max(t.corrections.c.correction_id))).scalar() or 0
    return reviews, (*arts, claims, corrected)  # a correction changes speakers: the desk reloads


def reviews_since(engine: Engine, review_id: int) -> pd.DataFrame:
    """Current review state (status, note, reviewer, reviewed_at, version) of the claims reviewed
    after `review_id`: what a cached frame needs to catch up without reloading every claim."""
    changed = select(t.reviews.c.claim_id).where(t.reviews.c.review_id > review_id)
    query = select(t.claims.c.claim_id, t.claims.c.status, t.claims.c.note, t.claims.c.reviewer,
                   t.claims.c.reviewed_at, t.claims.c.version).where(t.claims.c.claim_id.in_(changed))
    with engine.connect() as conn:
        return pd.read_sql(query, conn)


def article_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(t.articles)).scalar()


def article_text(engine: Engine, article_id: str) -> str:
    with engine.connect() as conn:
        return conn.execute(select(t.articles.c.text).where(t.articles.c.article_id == article_id)).scalar_one()


def clusters(engine: Engine, min_articles: int = 1) -> pd.DataFrame:
    """Repeated claims: one row a cluster with its first and last appearance."""
    c, a = t.claims, t.articles
    seen = func.coalesce(func.nullif(a.c.published, ""), a.c.ingested_at)
    query = (select(c.c.cluster_id, func.min(c.c.text).label("text"),
                    func.count().label("claims"), func.count(func.distinct(c.c.article_id)).label("articles"),
                    func.count(func.distinct(c.c.speaker)).label("speakers"),
                    func.min(seen).label("first_seen"), func.max(seen).label("last_seen"))
             .join(a, a.c.article_id == c.c.article_id).group_by(c.c.cluster_id)
             .having(func.count(func.distinct(c.c.article_id)) >= min_articles)
             .order_by(func.count().desc()))
    with engine.connect() as conn:
        return pd.read_sql(query, conn)


def review_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A frame read from the claims table → the schema's columns (lists decoded) + REVIEW_COLUMNS."""
    df = df.reindex(columns=REVIEW_COLUMNS)
    for name in JSON_COLUMNS:
        df[name] = [json.loads(v) if isinstance(v, str) and v else [] for v in df[name]]
    df["version"] = pd.to_numeric(df["version"]).fillna(1).astype("int64")
    df["evidence_urls"] = [json.loads(v) if isinstance(v, str) and v else [] for v in df["evidence_urls"]]
    df["not_claim"] = df["not_claim"].map(lambda v: v in (True, 1, "1", "true", "True")).astype(bool)
    for name in ("speaker_extracted", "speaker_type_extracted", "kind_extracted"):  # stored before 0005: the same
        base = name.removesuffix("_extracted")
        df[name] = df[name].where(df[name].notna() & (df[name] != ""), df[base])
    for name in REVIEW_EXTRA:
        if name not in ("version", "evidence_urls", "not_claim"):
            df[name] = df[name].fillna("").astype(str)
    return conform(df).reset_index(drop=True)
