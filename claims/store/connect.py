"""Opening a store: refuse what is not one (another kind of file, a damaged database, another
application's tables), bring its schema up to date, and set up the engine."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError

from claims.store import migrate
from claims.store.errors import StoreError
from claims.store.filecheck import check_sqlite_file
from claims.store.location import describe_db, sqlite_file, to_url


@dataclass
class Opened:
    engine: Engine
    name: str  # safe to print: no password
    is_sqlite: bool
    upgraded: str | None  # what the schema upgrade did, in words


def open_engine(db: str, *, init: bool = False, checked: Callable[[], None] | None = None) -> Opened:
    """`checked`: the file's opening check already started (claims.store.filecheck.start_check), waited
    for here instead of checking again."""
    name = describe_db(db)
    path = sqlite_file(db)
    if checked is not None:
        checked()
    elif path is not None:
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


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # readers (the dashboard) never block the writer
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()
