"""The desk's columns (columnar.desk_table) kept beside a SQLite store between processes: a dashboard
started again opens a million claims from one Arrow file (~0.1 s) instead of the database (~3 s).

The file (`desk.arrow` in the store's cache folder, claims.store.filecheck.cache_folder) is written after
every full read, atomically, and used only while the store holds the same claims as when it was written:
the same schema, the same articles (ids and text hashes: a changed article is extracted again), as many
claims and the same last correction. Verdicts saved since are the reader's to apply (ClaimSet.catch_up
from the returned review mark), and the review it was written at must still be the same one: a store put
back from an older backup is read again. A folder that cannot be written or a file that cannot be read
only means reading the database."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from pathlib import Path

import pyarrow as pa
from sqlalchemy import select

from claims.store import tables as t
from claims.store.columnar import ARTICLE_COLUMNS, DESK_COLUMNS, desk_table
from claims.store.db import Store
from claims.store.filecheck import cache_folder
from claims.store.migrate import head

log = logging.getLogger("claims")
FORMAT = 1  # raised when what desk_table returns changes meaning: older files are then read again
_KEY = b"claims.desk_key"
_MARK = b"claims.review_mark"
_REVIEW = b"claims.review"
_ARTICLES = b"claims.articles"


def desk_tables(store: Store) -> tuple[pa.Table, pa.Table, int]:
    """(claims, articles) as desk_table gives them, and the last review they include."""
    mark, content = store.revision()  # read before the claims: a verdict saved in between is applied again
    path = cache_path(store)
    if path is None:
        return (*desk_table(store), mark)
    key = _content_key(store, content)
    cached = _read(path, key, store)
    if cached is not None:
        return cached
    claims, articles = desk_table(store)
    _write(path, key, mark, _review_at(store, mark), claims, articles)
    return claims, articles, mark


def cache_path(store: Store) -> Path | None:
    """The file a SQLite store's desk is kept in; None for a database server (it has no folder of ours)."""
    path = getattr(store, "sqlite_path", None)
    return cache_folder(Path(path)) / "desk.arrow" if store.is_sqlite and path else None


def _content_key(store: Store, content: tuple) -> str:
    digest = hashlib.sha256()
    with store.engine.connect() as conn:
        for article_id, text_hash in conn.execute(select(t.articles.c.article_id, t.articles.c.text_hash)
                                                  .order_by(t.articles.c.article_id)):
            digest.update(f"{article_id}\x1f{text_hash}\x1e".encode())
    return json.dumps([FORMAT, head(), DESK_COLUMNS, ARTICLE_COLUMNS, list(content), digest.hexdigest()],
                      default=str)


def _review_at(store: Store, review_id: int) -> str:
    """The review a desk was read at, as a fingerprint (id, claim, time): another store's history differs."""
    with store.engine.connect() as conn:
        row = conn.execute(select(t.reviews.c.claim_id, t.reviews.c.at)
                           .where(t.reviews.c.review_id == review_id)).first()
    return json.dumps([review_id, *(row or ())])


def _read(path: Path, key: str, store: Store) -> tuple[pa.Table, pa.Table, int] | None:
    try:
        with pa.OSFile(str(path)) as f:  # read into memory, not mapped: the file may be replaced meanwhile
            table = pa.ipc.open_stream(f).read_all()
    except FileNotFoundError:
        return None
    except (OSError, pa.ArrowException) as err:
        log.info("%s: not used (%s); reading the store", path, err)
        return None
    meta = table.schema.metadata or {}
    if meta.get(_KEY, b"").decode() != key:
        return None
    mark = int(meta[_MARK])
    if meta.get(_REVIEW, b"").decode() != _review_at(store, mark):
        return None
    articles = pa.ipc.open_stream(meta[_ARTICLES]).read_all()
    return table.replace_schema_metadata(None), articles, mark


def _write(path: Path, key: str, mark: int, review: str, claims: pa.Table, articles: pa.Table) -> None:
    # the articles (a few thousand rows) ride in the claims' metadata: one file, so one read, for both
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, articles.schema) as stream:
        stream.write_table(articles)
    packed = claims.replace_schema_metadata({_KEY: key.encode(), _MARK: str(mark).encode(),
                                             _REVIEW: review.encode(), _ARTICLES: sink.getvalue().to_pybytes()})
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(exist_ok=True)
        with pa.OSFile(str(tmp), "wb") as f, pa.ipc.new_stream(f, packed.schema) as writer:
            writer.write_table(packed)
        os.replace(tmp, path)  # a reader sees the old file or the new one, never half of one
    except (OSError, pa.ArrowException) as err:
        log.info("%s: not written (%s); the next start reads the store again", path, err)
        tmp.unlink(missing_ok=True)
