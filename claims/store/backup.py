"""Backups of a SQLite store with SQLite's online backup (consistent while the dashboard writes), and
restoring one; PostgreSQL desks use the server's own pg_dump / pg_restore, which the messages name."""
from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from claims.store.errors import StoreError
from claims.store.filecheck import check_sqlite_file
from claims.store.location import default_db_url, describe_db, sqlite_file
from claims.store.migrate import OUR_TABLES, sqlite_snapshot

PG_ADVICE = ("PostgreSQL is backed up with the server's own tools: pg_dump -Fc -d DATABASE -f claims.dump "
             "(consistent while reviewers work), and pg_restore --clean -d DATABASE claims.dump to bring it back")


def counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        tables = {r[0] for r in con.execute("select name from sqlite_master where type = 'table'")}
        if not OUR_TABLES <= tables:
            raise StoreError(f"{path}: not a claims store (no {', '.join(sorted(OUR_TABLES - tables))} table)")
        return {name: con.execute(f"select count(*) from {name}").fetchone()[0] for name in sorted(OUR_TABLES)}
    finally:
        con.close()


def backup(store, output: str | Path) -> dict[str, int]:
    """Copy the open store to `output` (a new file); returns the rows it holds per table."""
    if not store.is_sqlite:
        raise StoreError(f"{store.name}: {PG_ADVICE}")
    out = Path(output)
    if out.exists():
        raise StoreError(f"{out}: already exists; give a new file name (a backup never overwrites)")
    if not out.parent.is_dir():
        raise StoreError(f"{out}: the folder {out.parent} does not exist")
    sqlite_snapshot(Path(store.sqlite_path), out)
    return counts(out)


def restore(backup_file: str | Path, db: str | None = None) -> tuple[Path | None, dict[str, int]]:
    """Make the backup the store at `db`. The database it replaces is first copied aside; the backup
    is checked (and upgraded, in a copy) before anything is replaced. Returns (copy aside, counts)."""
    from claims.store.db import open_store

    db = db or default_db_url()
    target = sqlite_file(db)
    if target is None:
        raise StoreError(f"{describe_db(db)}: {PG_ADVICE}")
    source = Path(backup_file)
    if not source.is_file():
        raise StoreError(f"{source}: no such backup file")
    check_sqlite_file(source)
    counts(source)  # a claims store, or refused now
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    staged = target.with_name(f"{target.name}.restoring-{stamp}")
    sqlite_snapshot(source, staged)
    try:
        open_store(str(staged)).engine.dispose()  # an older backup is upgraded here, in the copy
        kept = None
        if target.exists() and target.stat().st_size:
            kept = target.with_name(f"{target.name}.before-restore-{stamp}")
            try:
                check_sqlite_file(target)
                sqlite_snapshot(target, kept)
            except StoreError:  # the damaged database a restore is for: kept as it is, byte for byte
                shutil.copyfile(target, kept)
                for path in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
                    path.unlink(missing_ok=True)
        sqlite_snapshot(staged, target)  # into the live file: open connections see the restored store
    finally:
        staged.unlink(missing_ok=True)
    return kept, counts(target)
