"""Schema migrations (Alembic): every store carries its schema revision; an older one is upgraded in
one transaction after a backup copy (SQLite), a newer one is refused, a foreign database is left alone.
"""
from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from claims.store.errors import StoreError

log = logging.getLogger("claims")
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
OUR_TABLES = {"articles", "claims", "reviews"}
_PG_LOCK = 7_246_511_083  # pg_advisory_xact_lock key: two processes opening one old store upgrade it once


def _config(conn: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


@lru_cache(maxsize=1)
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())  # reads migrations/versions/ once per process


def head() -> str:
    return _scripts().get_current_head()


def _known(revision: str) -> bool:
    try:
        return _scripts().get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id
        return False


def _lock(conn: Connection, is_sqlite: bool) -> None:
    """Take the write lock first, so a second process opening the same old store waits, then finds it
    upgraded. Python's sqlite3 leaves an explicit BEGIN alone and runs the DDL inside it."""
    if is_sqlite:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK})")


def prepare(engine: Engine, name: str, sqlite_path: Path | None, *, init: bool = False,
            before_write: Callable[[], None] = lambda: None) -> str | None:
    """Bring the database to the newest schema, in one transaction; returns what was done, in words, or None
    when nothing had to be. Raises StoreError for a store newer than this code or a foreign database.
    `before_write`: called before anything is written (the file's deferred opening check)."""
    is_sqlite = engine.dialect.name == "sqlite"
    newest = head()
    with engine.connect() as conn:  # the usual case, and a reader never waits for a writer's lock
        if MigrationContext.configure(conn).get_current_revision() == newest:
            return None
    before_write()
    with engine.connect() as conn:
        _lock(conn, is_sqlite)
        try:
            current = MigrationContext.configure(conn).get_current_revision()
            if current == newest:  # another process upgraded it while we waited
                conn.rollback()
                return None
            if current is not None and not _known(current):
                raise StoreError(f"{name}: made by a newer version of claims (schema {current}; this version knows "
                                 f"up to {newest}). Upgrade claims (pip install -U claims) to open it; nothing was "
                                 "changed.")
            tables = set(inspect(conn).get_table_names())
            if current is None:
                _check_not_foreign(name, tables, init)
            copy = _backup_before_upgrade(sqlite_path) if sqlite_path is not None and tables else None
            command.upgrade(_config(conn), "head")
        except BaseException:
            conn.rollback()
            raise
        conn.commit()
    if not tables:
        return None  # a new store: nothing to tell
    before = current or "0.2, before migrations"
    message = f"{name}: upgraded the database schema ({before} → {newest})"
    if copy is not None:
        message += f"; a copy from before the upgrade is at {copy}"
    log.warning(message)
    return message


def _check_not_foreign(name: str, tables: set[str], init: bool) -> None:
    """A database without a schema revision is a store of release 0.2, an empty one, or someone else's."""
    if not tables or OUR_TABLES <= tables:
        return
    others = ", ".join(sorted(tables)[:6]) + (" …" if len(tables) > 6 else "")
    if tables & OUR_TABLES:
        raise StoreError(f"{name}: not a claims store, and it has tables with the names the store needs "
                         f"({', '.join(sorted(tables & OUR_TABLES))}); nothing was written. Use another database.")
    if not init:
        raise StoreError(f"{name}: not a claims store (it holds other tables: {others}); nothing was written. "
                         "Give --init to add the claims tables to this database anyway.")


def sqlite_snapshot(src: Path, dst: Path) -> None:
    """Page-by-page copy through SQLite's online backup: consistent even while others write."""
    source = sqlite3.connect(src, timeout=30)
    target = sqlite3.connect(dst, timeout=30)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def _backup_before_upgrade(path: Path) -> Path:
    """A copy of the store beside it, before changing its schema."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    copy = path.with_name(f"{path.name}.before-upgrade-{stamp}.bak")
    sqlite_snapshot(path, copy)
    return copy
