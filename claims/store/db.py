"""Opening the store and everything that writes to it: ingest, reviews, cluster verdicts.

Each write is one transaction, so a crash or a kill leaves the database as it was before it or
after it, never half-way; reviews are only ever appended.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine, bindparam, create_engine, event, func, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError

from claims.articles import Article
from claims.lexicon import load_lexicon
from claims.schema import COLUMN_NAMES, COLUMNS, conform
from claims.store import tables as t
from claims.store.clusters import Clusterer

PROJECT_DATA = Path(__file__).resolve().parent.parent.parent / "data"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_JSON_COLUMNS = [c.name for c in COLUMNS if c.dtype in ("list", "markers")]
# What the store adds to the extraction columns in every frame it returns.
REVIEW_EXTRA = ["note", "reviewer", "reviewed_at", "version", "cluster_id", "ingested_at", "outlet", "url"]
REVIEW_COLUMNS = COLUMN_NAMES + REVIEW_EXTRA
_UNREVIEWED = {"status": "unverified", "note": "", "reviewer": "", "reviewed_at": "", "version": 1}
_EXTRACTION_COLUMNS = [c for c in COLUMN_NAMES if c not in ("claim_id", "status")]


class StoreError(Exception):
    """The store cannot be used as asked; the message says which database and why."""


class ConflictError(StoreError):
    """Someone else changed the claim since it was read: reload it and decide again."""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def default_db_url() -> str:
    """CLAIMS_DB (a file path or a database URL), else data/claims.db in the project."""
    return os.environ.get("CLAIMS_DB") or str(PROJECT_DATA / "claims.db")


def _url(db: str) -> str:
    return db if "://" in db else f"sqlite:///{Path(db).expanduser()}"


def _check_sqlite_file(db: str) -> None:
    """Refuse a file that exists but is not a SQLite database: it is never touched."""
    path = Path(db.removeprefix("sqlite:///")) if db.startswith("sqlite:///") or "://" not in db else None
    if path is None or not path.exists():
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        return
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a database file")
    with path.open("rb") as fh:
        head = fh.read(16)
    if head and head != _SQLITE_MAGIC:
        raise StoreError(f"{path}: not a SQLite database (corrupt or another kind of file); it was left untouched")


def open_store(db: str | None = None) -> Store:
    return Store(db or default_db_url())


class Store:
    def __init__(self, db: str):
        self.db = db
        _check_sqlite_file(db)
        url = _url(db)
        self.is_sqlite = url.startswith("sqlite")
        try:
            self.name = make_url(url).render_as_string(hide_password=True) if "://" in db else db
            self.engine: Engine = create_engine(url, future=True, pool_pre_ping=True,
                                                connect_args={"timeout": 30} if self.is_sqlite else {})
        except (ArgumentError, ImportError) as err:  # a malformed URL, a driver that is not installed
            raise StoreError(f"{db.split('@')[-1]}: not a database this store can open ({err})") from None
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.statuses = [r["status"] for r in load_lexicon().statuses]
        try:
            t.metadata.create_all(self.engine)
            for index in t.claims.indexes:  # indexes added since an existing database was made
                index.create(self.engine, checkfirst=True)
        except (DatabaseError, OperationalError) as err:
            raise StoreError(f"{self.name}: cannot open the database ({err.orig or err})") from None

    # -- ingest ---------------------------------------------------------------------
    def ingest(self, articles: list[Article], rows: list[dict]) -> dict[str, int]:
        """Store articles and their claims in one transaction. An unchanged article is left as it
        is; a changed one gets its new claims, keeping the status, note and history of every claim
        whose id survives; reviews of claims that disappeared are marked orphaned."""
        counts = {"unchanged": 0, "new": 0, "changed": 0, "claims_added": 0, "claims_removed": 0}
        by_article: dict[str, list[dict]] = {}
        for r in rows:
            by_article.setdefault(r["article_id"], []).append(r)
        with self.engine.begin() as conn:
            clusterer = Clusterer(conn)
            for art in articles:
                old = conn.execute(select(t.articles.c.text_hash).where(
                    t.articles.c.article_id == art.article_id)).scalar_one_or_none()
                if old == art.text_hash:
                    counts["unchanged"] += 1
                    continue
                counts["changed" if old is not None else "new"] += 1
                record = {"article_id": art.article_id, "title": art.title, "outlet": art.outlet, "url": art.url,
                          "published": art.published, "source": art.source, "text": art.text,
                          "text_hash": art.text_hash, "ingested_at": now()}
                if old is None:
                    conn.execute(insert(t.articles), record)
                else:
                    conn.execute(update(t.articles).where(t.articles.c.article_id == art.article_id), record)
                added, removed = self._replace_claims(conn, art.article_id, by_article.get(art.article_id, []),
                                                      clusterer)
                counts["claims_added"] += added
                counts["claims_removed"] += removed
        return counts

    def ingest_batches(self, batches: Iterable[tuple[list[Article], list[dict]]]) -> dict[str, int]:
        """ingest() each (articles, rows) batch as it comes, one transaction each: a kill loses at most
        the batch under way, and running again resumes. Returns the counts summed over the batches."""
        totals: dict[str, int] = {}
        for articles, rows in batches:
            for k, v in self.ingest(articles, rows).items():
                totals[k] = totals.get(k, 0) + v
        return totals

    def _replace_claims(self, conn, article_id: str, rows: list[dict], clusterer: Clusterer) -> tuple[int, int]:
        existing = set(conn.execute(select(t.claims.c.claim_id).where(t.claims.c.article_id == article_id)).scalars())
        new_ids = {r["claim_id"] for r in rows}
        gone = [cid for cid in existing if cid not in new_ids]
        if gone:
            conn.execute(update(t.reviews).where(t.reviews.c.claim_id.in_(gone)).values(orphaned=True))
            conn.execute(t.claims.delete().where(t.claims.c.claim_id.in_(gone)))
        updates, inserts = [], []
        for r in rows:
            values = {k: (json.dumps(r[k], ensure_ascii=False) if k in _JSON_COLUMNS else r[k])
                      for k in _EXTRACTION_COLUMNS}
            values["cluster_id"], values["cluster_key"] = clusterer.assign(r)
            if r["claim_id"] in existing:
                updates.append({**values, "_id": r["claim_id"]})
            else:
                inserts.append({**values, "claim_id": r["claim_id"]})
        if updates:  # executemany: one statement for the whole article
            conn.execute(update(t.claims).where(t.claims.c.claim_id == bindparam("_id")), updates)
        if inserts:
            restored = self._restored_reviews(conn, [v["claim_id"] for v in inserts])
            conn.execute(insert(t.claims), [{**v, **restored.get(v["claim_id"], _UNREVIEWED)} for v in inserts])
        return len(inserts), len(gone)

    def _restored_reviews(self, conn, claim_ids: list[str]) -> dict[str, dict]:
        """Claims that come back (same id) get back their last verdict from the history."""
        last_ids = (select(func.max(t.reviews.c.review_id)).where(t.reviews.c.claim_id.in_(claim_ids))
                    .group_by(t.reviews.c.claim_id))
        last = conn.execute(select(t.reviews).where(t.reviews.c.review_id.in_(last_ids))).mappings().all()
        if not last:
            return {}
        conn.execute(update(t.reviews).where(t.reviews.c.claim_id.in_([r["claim_id"] for r in last]))
                     .values(orphaned=False))
        return {r["claim_id"]: {"status": r["new_status"], "note": r["note"], "reviewer": r["reviewer"],
                                "reviewed_at": r["at"], "version": 1} for r in last}

    # -- reviews --------------------------------------------------------------------
    def claim(self, claim_id: str) -> dict:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.claims).where(t.claims.c.claim_id == claim_id)).mappings().first()
        if row is None:
            raise StoreError(f"{self.name}: no claim with id {claim_id!r}")
        return dict(row)

    def set_status(self, claim_id: str, status: str, *, version: int, note: str | None = None,
                   reviewer: str = "", via_cluster: str | None = None, conn=None) -> int:
        """Change a claim's status if it is still at `version`; returns the new version.

        Raises ConflictError when someone saved in between (nothing is written then)."""
        if status not in self.statuses:
            raise StoreError(f"unknown status {status!r}; one of: {', '.join(self.statuses)}")
        if conn is None:
            with self.engine.begin() as c:
                return self.set_status(claim_id, status, version=version, note=note, reviewer=reviewer,
                                       via_cluster=via_cluster, conn=c)
        current = conn.execute(select(t.claims.c.status, t.claims.c.note, t.claims.c.text)
                               .where(t.claims.c.claim_id == claim_id)).first()
        if current is None:
            raise StoreError(f"{self.name}: no claim with id {claim_id!r}")
        at = now()
        new_note = current.note if note is None else note
        result = conn.execute(
            update(t.claims).where(t.claims.c.claim_id == claim_id, t.claims.c.version == version)
            .values(status=status, note=new_note, reviewer=reviewer, reviewed_at=at, version=version + 1))
        if result.rowcount != 1:
            raise ConflictError(f"claim {claim_id} was changed by someone else since you opened it "
                                f"(you had version {version}); reload it and save again")
        conn.execute(insert(t.reviews), {
            "claim_id": claim_id, "claim_text": current.text, "old_status": current.status, "new_status": status,
            "note": new_note, "reviewer": reviewer, "at": at, "orphaned": False, "via_cluster": via_cluster})
        return version + 1

    def set_cluster_status(self, cluster_id: str, status: str, *, note: str | None = None,
                           reviewer: str = "") -> int:
        """Apply one verdict to every claim of a cluster, each recorded in its own history."""
        with self.engine.begin() as conn:
            members = conn.execute(select(t.claims.c.claim_id, t.claims.c.version)
                                   .where(t.claims.c.cluster_id == cluster_id)).all()
            if not members:
                raise StoreError(f"{self.name}: no cluster with id {cluster_id!r}")
            for m in members:
                self.set_status(m.claim_id, status, version=m.version, note=note, reviewer=reviewer,
                                via_cluster=cluster_id, conn=conn)
        return len(members)

    def history(self, claim_id: str) -> pd.DataFrame:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.reviews).where(t.reviews.c.claim_id == claim_id)
                                .order_by(t.reviews.c.review_id)).mappings().all()
        return pd.DataFrame([dict(r) for r in rows], columns=[c.name for c in t.reviews.columns])

    # -- reading --------------------------------------------------------------------
    def claims_query(self, status: Iterable[str] | None, speaker: Iterable[str] | None,
                     article: Iterable[str] | None):
        """The SELECT behind claims_frame: REVIEW_COLUMNS, filtered, in article order."""
        wanted = [c for c in t.claims.c if c.name in REVIEW_COLUMNS]
        query = select(*wanted, t.articles.c.ingested_at, t.articles.c.outlet, t.articles.c.url).join(
            t.articles, t.articles.c.article_id == t.claims.c.article_id)
        if status:
            query = query.where(t.claims.c.status.in_(list(status)))
        if speaker:
            query = query.where(t.claims.c.speaker.in_(list(speaker)))
        if article:
            query = query.where(t.claims.c.article_id.in_(list(article)))
        return query.order_by(t.claims.c.article_id, t.claims.c.start)

    def iter_claims_frames(self, *, status: Iterable[str] | None = None, speaker: Iterable[str] | None = None,
                           article: Iterable[str] | None = None, chunk_rows: int = 100_000) -> Iterator[pd.DataFrame]:
        """Claims in frames of at most `chunk_rows` rows (exports of any size in bounded memory)."""
        with self.engine.connect() as conn:
            chunks = pd.read_sql(self.claims_query(status, speaker, article), conn, chunksize=chunk_rows)
            yielded = False
            for df in chunks:
                yielded = True
                yield _review_frame(df)
            if not yielded:
                yield _review_frame(pd.DataFrame(columns=REVIEW_COLUMNS))

    def claims_frame(self, *, status: Iterable[str] | None = None, speaker: Iterable[str] | None = None,
                     article: Iterable[str] | None = None) -> pd.DataFrame:
        """Claims as the schema's DataFrame, plus the review columns (note, reviewer, version…)."""
        with self.engine.connect() as conn:
            df = pd.read_sql(self.claims_query(status, speaker, article), conn)
        return _review_frame(df)

    @property
    def sqlite_path(self) -> str:
        return self.engine.url.database or ""

    def revision(self) -> tuple[int, tuple]:
        """(last review id, content mark): the first changes with every verdict, the second with every
        ingest, from any process. Readers cache on them."""
        with self.engine.connect() as conn:
            reviews = conn.execute(select(func.max(t.reviews.c.review_id))).scalar() or 0
            arts = conn.execute(select(func.count(), func.max(t.articles.c.ingested_at))).first()
            claims = conn.execute(select(func.count()).select_from(t.claims)).scalar()
        return reviews, (*arts, claims)

    def reviews_since(self, review_id: int) -> pd.DataFrame:
        """Current review state (status, note, reviewer, reviewed_at, version) of the claims reviewed
        after `review_id`: what a cached frame needs to catch up without reloading every claim."""
        changed = select(t.reviews.c.claim_id).where(t.reviews.c.review_id > review_id)
        query = select(t.claims.c.claim_id, t.claims.c.status, t.claims.c.note, t.claims.c.reviewer,
                       t.claims.c.reviewed_at, t.claims.c.version).where(t.claims.c.claim_id.in_(changed))
        with self.engine.connect() as conn:
            return pd.read_sql(query, conn)

    def article_count(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t.articles)).scalar()

    def article_text(self, article_id: str) -> str:
        with self.engine.connect() as conn:
            return conn.execute(select(t.articles.c.text).where(t.articles.c.article_id == article_id)).scalar_one()

    def clusters(self, min_articles: int = 1) -> pd.DataFrame:
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
        with self.engine.connect() as conn:
            return pd.read_sql(query, conn)


def ingest_summary(totals: dict[str, int]) -> str:
    """What an ingest did, in words: '1 new, 0 changed, 0 unchanged articles; 25 claims added, 0 removed'."""
    added = totals.get("claims_added", 0)
    return (f"{totals.get('new', 0)} new, {totals.get('changed', 0)} changed, {totals.get('unchanged', 0)} "
            f"unchanged articles; {added} claim{'' if added == 1 else 's'} added, "
            f"{totals.get('claims_removed', 0)} removed")


def _review_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A frame read from the claims table → the schema's columns (lists decoded) + REVIEW_COLUMNS."""
    df = df.reindex(columns=COLUMN_NAMES + REVIEW_EXTRA)
    for name in _JSON_COLUMNS:
        df[name] = [json.loads(v) if isinstance(v, str) and v else [] for v in df[name]]
    df["version"] = pd.to_numeric(df["version"]).fillna(1).astype("int64")
    for name in REVIEW_EXTRA:
        if name != "version":
            df[name] = df[name].fillna("").astype(str)
    return conform(df).reset_index(drop=True)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # readers (the dashboard) never block the writer
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()
