"""What the tool keeps beside a SQLite store between processes (its cache folder): the desk's columns
(claims.store.desk_cache) and the file's sound check (claims.store.filecheck). Each is used only while
it says what the store says."""
from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from conftest import garble_pages

from claims.store import desk_cache, filecheck, open_store
from claims.store.backup import backup, restore
from claims.store.errors import StoreError
from claims.views import ClaimSet, Filters


@pytest.fixture
def db(tmp_path, year_batch) -> Path:
    """Eleven of the year's articles stored; the twelfth is kept for a later ingest."""
    path = tmp_path / "desk.db"
    s = open_store(str(path))
    articles, rows = year_batch
    ids = {a.article_id for a in articles[:-1]}
    s.ingest(articles[:-1], [r for r in rows if r["article_id"] in ids])
    s.engine.dispose()
    return path


class Reads:
    """Counts the desk's reads of the database (columnar.desk_table) in desk_cache."""

    def __init__(self, monkeypatch):
        self.n = 0
        real = desk_cache.desk_table

        def counted(store):
            self.n += 1
            return real(store)
        monkeypatch.setattr(desk_cache, "desk_table", counted)


def desk(path: Path) -> tuple[ClaimSet, object]:
    store = open_store(str(path))
    return ClaimSet.from_store(store), store


def same_claims(a: ClaimSet, b: ClaimSet) -> bool:
    columns = ["speaker", "kind", "certainty", "status", "article_id", "date"]
    return a.ids.equals(b.ids) and a.df[columns].equals(b.df[columns]) and a.titles == b.titles


def test_a_restarted_desk_reads_the_columns_kept_beside_the_store(db, monkeypatch):
    reads = Reads(monkeypatch)
    first, store = desk(db)
    assert reads.n == 1 and (db.parent / ".desk.db.cache" / "desk.arrow").is_file()
    again, _ = desk(db)
    assert reads.n == 1 and same_claims(first, again) and len(again) == len(store.claims_frame())
    # verdicts saved since the file was written are applied from the reviews, not by reading every claim
    claim = store.claims_frame().iloc[3]
    store.set_status(claim.claim_id, "false", version=int(claim.version), note="n", reviewer="ana")
    after, _ = desk(db)
    assert reads.n == 1
    assert list(after.filter(Filters(status=["false"]))["claim_id"]) == [claim.claim_id]


def test_new_articles_and_corrections_make_the_desk_read_the_store_again(db, year_batch, monkeypatch):
    reads = Reads(monkeypatch)
    before, store = desk(db)
    articles, rows = year_batch
    store.ingest(articles[-1:], [r for r in rows if r["article_id"] == articles[-1].article_id])
    grown, _ = desk(db)
    assert reads.n == 2 and articles[-1].article_id in grown.titles and len(grown) > len(before)
    claim = store.claims_frame().iloc[0]
    store.correct(claim.claim_id, reviewer="ana", speaker="Quelqu'un d'autre")
    corrected, _ = desk(db)
    assert reads.n == 3 and "Quelqu'un d'autre" in corrected.options("speaker")
    assert same_claims(desk(db)[0], corrected) and reads.n == 3


def test_a_store_put_back_from_a_backup_is_read_again(db, tmp_path, monkeypatch):
    store = open_store(str(db))
    backup(store, tmp_path / "older.db")
    frame = store.claims_frame()
    store.set_status(frame.claim_id[0], "false", version=1, note="n", reviewer="ana")
    kept_at_review_1, other = desk(db)  # claim 0 false
    for s in (store, other):
        s.engine.dispose()
    restore(tmp_path / "older.db", str(db))
    store = open_store(str(db))
    store.set_status(frame.claim_id[1], "true", version=1, note="n", reviewer="bob")  # its own review 1
    reads = Reads(monkeypatch)
    claims, _ = desk(db)
    assert reads.n == 1
    assert list(claims.filter(Filters(status=["false"]))["claim_id"]) == []
    assert list(claims.filter(Filters(status=["true"]))["claim_id"]) == [frame.claim_id[1]]


def test_a_kept_file_that_cannot_be_read_or_written_costs_nothing_but_a_read(db, monkeypatch, caplog):
    reads = Reads(monkeypatch)
    first, _ = desk(db)
    kept = db.parent / ".desk.db.cache" / "desk.arrow"
    kept.write_bytes(b"\x00garbage" * 100)
    with caplog.at_level(logging.INFO, logger="claims"):
        again, _ = desk(db)
    assert reads.n == 2 and same_claims(first, again)
    assert any("desk.arrow: not used" in r.getMessage() for r in caplog.records)
    assert kept.stat().st_size > 800  # written again whole
    kept.unlink()
    kept.mkdir()  # in the way: nothing can be written there
    with caplog.at_level(logging.INFO, logger="claims"):
        third, _ = desk(db)
    assert reads.n == 3 and same_claims(first, third)
    assert any("desk.arrow: not written" in r.getMessage() for r in caplog.records)
    assert not [p for p in kept.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_file_found_sound_is_read_again_only_once_it_has_changed(db, monkeypatch):
    checks = []
    real = filecheck._quick_check
    monkeypatch.setattr(filecheck, "_quick_check", lambda path: checks.append(path) or real(path))
    filecheck.check_sqlite_file(db)
    filecheck.check_sqlite_file(db)
    assert len(checks) == 1  # unchanged: not read again
    con = sqlite3.connect(db)  # a write that reaches the file
    with con:
        con.execute("update articles set title = title || ' (mis à jour)'")
    con.execute("pragma wal_checkpoint(truncate)")
    con.close()
    filecheck.check_sqlite_file(db)
    assert len(checks) == 2
    # pages garbled behind SQLite's back: the file has changed, so it is read again and refused
    page = 4096
    data = bytearray(db.read_bytes())
    data[2 * page: 5 * page] = b"\xde\xad\xbe\xef" * (3 * page // 4)
    db.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged"):
        filecheck.check_sqlite_file(db)
    assert len(checks) == 3


def test_the_stores_own_writes_keep_the_file_known_sound(db, monkeypatch):
    checks = []
    real = filecheck._quick_check
    monkeypatch.setattr(filecheck, "_quick_check", lambda path: checks.append(path) or real(path))
    filecheck.check_sqlite_file(db)
    store = open_store(str(db))
    claim = store.claims_frame().iloc[0]
    version = store.find_claim(claim["claim_id"])["version"]
    store.set_status(claim["claim_id"], "in_review", version=version, reviewer="test")
    store.engine.dispose()
    # the verdict reached the file through SQLite, into a file found sound: not read again
    filecheck.check_sqlite_file(db)
    assert len(checks) == 1
    assert open_store(str(db)).find_claim(claim["claim_id"])["status"] == "in_review"
    garble_pages(db)  # anything else that writes the file makes the next opening read it again
    with pytest.raises(StoreError, match="damaged"):
        filecheck.check_sqlite_file(db)
    assert len(checks) == 2


def test_a_deferred_check_lets_reads_run_and_refuses_the_first_write(db, tmp_path):
    # a sound file: read and written as usual
    store = open_store(str(db), checked=filecheck.start_check(db), defer=True)
    claim = store.claims_frame().iloc[0]
    version = store.find_claim(claim["claim_id"])["version"]
    store.set_status(claim["claim_id"], "true", version=version, note="vu", reviewer="test")
    store.confirm_sound()
    store.engine.dispose()
    # a damaged one: nothing is written, and what is said is that it is damaged
    bad = tmp_path / "bad.db"
    bad.write_bytes(db.read_bytes())
    garble_pages(bad)
    before = bad.read_bytes()
    damaged = open_store(str(bad), checked=filecheck.start_check(bad), defer=True)  # opening only reads
    with pytest.raises(StoreError, match="damaged"):
        damaged.set_status(claim["claim_id"], "false", version=version + 1, note="non", reviewer="test")
    with pytest.raises(StoreError, match="damaged"):
        damaged.confirm_sound()  # said again to whoever asks
    assert bad.read_bytes() == before
