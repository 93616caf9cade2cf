"""Opening a store: refuse what is not one (another kind of file, a damaged database, another
application's tables), bring its schema up to date, and set up the engine."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError

from claims.store import migrate
from claims.store.errors import StoreError
from claims.store.location import describe_db, sqlite_file, to_url


@dataclass
class Opened:
    engine: Engine
    name: str  # safe to print: no password
    is_sqlite: bool
    upgraded: str | None  # what the schema upgrade did, in words


def open_engine(db: str, *, init: bool = False) -> Opened:
    name = describe_db(db)
    path = sqlite_file(db)
    if path is not None:
        check_sqlite_file(path)
    url = to_url(db)
    is_sqlite = url.startswith("sqlite")
    try:
        engine = create_engine(url, pool_pre_ping=True, connect_args={"timeout": 30} if is_sqlite else {})
    except (ArgumentError, ImportError, ValueError) as err:  # a malformed URL, a driver not installed
        raise StoreError(f"{name}: not a database this store can open ({err})") from None
    try:
        upgraded = migrate.prepare(engine, name, path, init=init)
    except (DatabaseError, OperationalError) as err:
        engine.dispose()
        raise StoreError(f"{name}: cannot open the database ({getattr(err, 'orig', None) or err})") from None
    except StoreError:
        engine.dispose()
        raise
    if is_sqlite:  # only once it is our store: switching to WAL writes to the file
        engine.dispose()
        event.listen(engine, "connect", _sqlite_pragmas)
    return Opened(engine, name, is_sqlite, upgraded)


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that exists but is not a sound SQLite database; it is never written to.

    Read through SQLite only: opening and closing the file ourselves would drop the locks this
    process's connections hold on it (POSIX locks are per process), and let another process delete
    the write-ahead log under them. SQLite's quick_check reads every page once (no index
    cross-checks): it catches a valid header over garbled pages, which would otherwise fail half-way
    through an export or an ingest."""
    if not path.exists():
        if not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        return
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a database file")
    if path.stat().st_size == 0:
        return  # an empty file: SQLite makes it a database
    problem = _quick_check(path)
    if problem == "not a database":
        raise StoreError(f"{path}: not a SQLite database (corrupt or another kind of file); it was left untouched")
    if problem:
        raise StoreError(
            f"{path}: the database is damaged ({problem}); it was left untouched. Restore your last backup "
            f"(claims restore BACKUP --db {path}), or save what is readable into a new file with "
            f"sqlite3 {path} .recover | sqlite3 recovered.db")


def _quick_check(path: Path) -> str | None:
    """None when sound, "not a database" for another kind of file, else the problems found."""
    try:
        con = sqlite3.connect(path, timeout=30)
        try:
            rows = con.execute("PRAGMA quick_check(5)").fetchall()
        finally:
            con.close()
    except sqlite3.OperationalError as err:
        if "locked" in str(err):  # a writer holds it: not damage; the store's own open will wait
            return None
        return str(err)
    except sqlite3.DatabaseError as err:
        return "not a database" if "not a database" in str(err) else str(err)
    problems = [r[0] for r in rows if r[0] != "ok"]
    return "; ".join(problems)[:300] if problems else None


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # readers (the dashboard) never block the writer
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()
