"""Schema migrations (Alembic): every store carries its schema revision; an older one is upgraded in
one transaction after a backup copy (SQLite), a newer one is refused, a foreign database is left alone.
"""
from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect

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


def head() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()


def _known(revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(_config()).get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id
        return False


def _migration_engine(url: str, is_sqlite: bool) -> Engine:
    """An engine whose transactions really cover DDL: pysqlite would otherwise commit each
    ALTER/CREATE on its own; BEGIN IMMEDIATE also keeps a second opener waiting until we are done."""
    engine = create_engine(url, connect_args={"timeout": 30} if is_sqlite else {})
    if is_sqlite:
        @event.listens_for(engine, "connect")
        def _no_implicit(dbapi_conn, _record):
            dbapi_conn.isolation_level = None

        @event.listens_for(engine, "begin")
        def _begin(conn):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
    return engine


def prepare(url: str, name: str, sqlite_path: Path | None, *, init: bool = False) -> str | None:
    """Bring the database at `url` to the newest schema; returns what was done, in words, or None
    when nothing had to be. Raises StoreError for a store newer than this code or a foreign database."""
    is_sqlite = url.startswith("sqlite")
    engine = _migration_engine(url, is_sqlite)
    try:
        with engine.begin() as conn:
            if not is_sqlite:
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK})")
            current = MigrationContext.configure(conn).get_current_revision()
            newest = head()
            if current == newest:
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
    finally:
        engine.dispose()
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


def _backup_before_upgrade(path: Path) -> Path:
    """A consistent copy of the store (SQLite's online backup) beside it, before changing its schema."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    copy = path.with_name(f"{path.name}.before-upgrade-{stamp}.bak")
    src = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(copy)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return copy
