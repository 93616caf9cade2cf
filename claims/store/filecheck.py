"""The opening check of a SQLite store's file: refuse a file that exists but is not a sound SQLite
database, never writing to it. Only the standard library, so that a command can start the check
(start_check) before pandas and SQLAlchemy are loaded, and let them load meanwhile."""
from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from claims.store.errors import StoreError


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that exists but is not a sound SQLite database; it is never written to.

    Read through SQLite only: opening and closing the file ourselves would drop the locks this
    process's connections hold on it (POSIX locks are per process), and let another process delete
    the write-ahead log under them. SQLite's quick_check reads every page once (no index
    cross-checks): it catches a valid header over garbled pages, which would otherwise fail half-way
    through an export or an ingest. A file found sound is not read again while it is unchanged
    (`_remember_sound`): the check of a 1 GB store costs seconds on every command."""
    if _needs_quick_check(path):
        _refuse(path, _quick_check(path))


def start_check(path: Path | None) -> Callable[[], None]:
    """check_sqlite_file in a background thread (SQLite reads the pages without holding Python's lock):
    returns the function that waits for it and raises its StoreError. `path` None: a server, nothing
    to check."""
    if path is None or not _needs_quick_check(path):
        return lambda: None
    found: list = []

    def check() -> None:
        try:
            found.append(_quick_check(path))
        except BaseException as err:  # noqa: BLE001 - raised by wait(), in the caller's thread
            found.append(err)

    worker = threading.Thread(target=check, name="claims-store-check", daemon=True)
    worker.start()

    def wait() -> None:
        worker.join()
        if isinstance(found[0], BaseException):
            raise found[0]
        _refuse(path, found[0])
    return wait


def _needs_quick_check(path: Path) -> bool:
    if not path.exists():
        if not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        return False
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a database file")
    # an empty file: SQLite makes it a database; a file found sound and not changed since: read once is enough
    return path.stat().st_size > 0 and not still_sound(path)


def still_sound(path: Path) -> bool:
    """Whether the file is as it was when last found sound (nothing but SQLite wrote it since)."""
    try:
        return _identity(path) == _remembered(path)
    except OSError:
        return False


def remember_own_write(path: Path) -> None:
    """After this process's own transaction, checkpointed into a file that was still sound when it committed: the
    file is that sound file with pages SQLite wrote, so its new identity is remembered as sound too (a verdict saved
    in the dashboard does not cost the next command a check of every page)."""
    try:
        identity = _identity(path)
        if identity != _remembered(path):  # (a transaction that wrote nothing changed nothing)
            _remember_sound(path, identity)
    except OSError:
        pass


def cache_folder(path: Path) -> Path:
    """Where the tool keeps what it can rebuild from a store's file: `.claims.db.cache` beside `claims.db`."""
    return path.with_name(f".{path.name}.cache")


def _identity(path: Path) -> list:
    """What changes whenever SQLite writes pages to the file: device, inode, size, mtime. Pages waiting in
    the write-ahead log carry checksums of their own, and reach the file (changing this) at a checkpoint."""
    st = path.stat()
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns]


def _remembered(path: Path) -> list | None:
    try:
        return json.loads((cache_folder(path) / "checked.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _remember_sound(path: Path, identity: list) -> None:
    """Note the identity the file had when its check began and found it sound. Nothing is lost where the
    folder cannot be written: the next opening checks again."""
    folder = cache_folder(path)
    tmp = folder / f"checked.{os.getpid()}.{threading.get_ident()}.tmp"
    try:
        folder.mkdir(exist_ok=True)
        tmp.write_text(json.dumps(identity), encoding="utf-8")
        os.replace(tmp, folder / "checked.json")
    except OSError:
        tmp.unlink(missing_ok=True)


def _refuse(path: Path, problem: str | None) -> None:
    if problem == "not a database":
        raise StoreError(f"{path}: not a SQLite database (corrupt or another kind of file); it was left untouched")
    if problem:
        raise StoreError(
            f"{path}: the database is damaged ({problem}); it was left untouched. Restore your last backup "
            f"(claims restore BACKUP --db {path}), or save what is readable into a new file with "
            f"sqlite3 {path} .recover | sqlite3 recovered.db")


def _quick_check(path: Path) -> str | None:
    """None when sound, "not a database" for another kind of file, else the problems found."""
    identity = _identity(path)  # before reading: a write during the check makes the next opening check again
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
    if problems:
        return "; ".join(problems)[:300]
    _remember_sound(path, identity)
    return None
