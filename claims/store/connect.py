"""Opening a store: refuse what is not one (another kind of file, a damaged database, another
application's tables), bring its schema up to date, and set up the engine."""
from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError

from claims.store import migrate
from claims.store.errors import StoreError
from claims.store.filecheck import check_sqlite_file, remember_own_write, still_sound
from claims.store.location import describe_db, sqlite_file, to_url


@dataclass
class Opened:
    engine: Engine
    name: str  # safe to print: no password
    is_sqlite: bool
    upgraded: str | None  # what the schema upgrade did, in words
    confirm: Callable[[], None] = lambda: None  # waits for a deferred opening check and raises what it found


def open_engine(db: str, *, init: bool = False, checked: Callable[[], None] | None = None,
                defer: bool = False) -> Opened:
    """`checked`: the file's opening check already started (claims.store.filecheck.start_check), waited
    for here instead of checking again. `defer`: waited for only before the first write (a schema upgrade, an
    INSERT …) or by Opened.confirm, so that a reader (the dashboard's first page) reads while it runs."""
    name = describe_db(db)
    path = sqlite_file(db)
    pending = _Pending(checked if defer and checked is not None and path is not None else None)
    if checked is not None and not pending.waiting:
        checked()
    elif checked is None and path is not None:
        check_sqlite_file(path)
    url = to_url(db)
    is_sqlite = url.startswith("sqlite")
    try:
        engine = create_engine(url, pool_pre_ping=True, connect_args={"timeout": 30} if is_sqlite else {})
    except (ArgumentError, ImportError, ValueError) as err:  # a malformed URL, a driver not installed
        raise StoreError(f"{name}: not a database this store can open ({err})") from None
    try:
        upgraded = migrate.prepare(engine, name, path, init=init, before_write=pending.confirm)
    except (DatabaseError, OperationalError) as err:
        engine.dispose()
        pending.confirm()  # a damaged file, said as such, before what reading it raised
        raise StoreError(f"{name}: cannot open the database ({getattr(err, 'orig', None) or err})") from None
    except StoreError:
        engine.dispose()
        raise
    if is_sqlite:  # only once it is our store: switching to WAL writes to the file
        engine.dispose()
        event.listen(engine, "connect", functools.partial(_sqlite_pragmas, pending))
        if path is not None:
            _keep_soundness(engine, path)
    if pending.waiting:
        event.listen(engine, "before_cursor_execute", pending.before_statement)
    return Opened(engine, name, is_sqlite, upgraded, pending.confirm)


class _Pending:
    """An opening check still running (or None): waited for once, before anything writes."""

    _WRITES = ("INSERT", "UPDATE", "DELETE", "REPLAC", "CREATE", "DROP", "ALTER")  # a statement's first 6 letters

    def __init__(self, wait: Callable[[], None] | None):
        self.wait = wait
        self.lock = threading.Lock()

    @property
    def waiting(self) -> bool:
        return self.wait is not None

    def confirm(self) -> None:
        """Wait for the check; raise its StoreError (again on every call: the store is never to be used)."""
        with self.lock:
            if self.wait is not None:
                self.wait()
                self.wait = None

    def before_statement(self, conn, cursor, statement: str, parameters, context, executemany) -> None:
        if self.wait is not None and statement.lstrip()[:6].upper() in self._WRITES:
            self.confirm()


def _keep_soundness(engine: Engine, path) -> None:
    """Carry the file's opening check over this process's own writes (filecheck.remember_own_write): a transaction
    that commits while the file is still as it was found sound is checkpointed into the file when its connection
    goes back to the pool, and the file's new identity is remembered. Where the checkpoint cannot finish (a reader
    holds old pages) or anything else wrote the file, nothing is remembered: the next opening checks again."""

    def committing(conn) -> None:
        conn.info["claims_sound_before_commit"] = still_sound(path)

    def checked_in(dbapi_conn, record) -> None:
        if not record.info.pop("claims_sound_before_commit", False):
            return
        try:
            busy, log, done = dbapi_conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except Exception:  # noqa: BLE001 - only a saving of time is lost
            return
        if not busy and log == done:
            remember_own_write(path)

    event.listen(engine, "commit", committing)
    event.listen(engine, "checkin", checked_in)


def _sqlite_pragmas(pending: _Pending, dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    if pending.waiting and cur.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        pending.confirm()  # switching to WAL writes to the file: not before it was found sound
    cur.execute("PRAGMA journal_mode=WAL")  # readers (the dashboard) never block the writer
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()
