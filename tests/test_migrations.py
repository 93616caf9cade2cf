"""Upgrades keep every verdict: stores made by release 0.2 (commit 93d73e3, before migrations) open
with this code on SQLite and PostgreSQL; a newer store is refused; the migrated schema is tables.py."""
from __future__ import annotations

import shutil
import sqlite3
import uuid

import pytest
from conftest import PG_URL, ROOT, SEED, ingest
from sqlalchemy import create_engine, text

from claims.store import ConflictError, StoreError, open_store

RELEASE = ROOT / "tests" / "data" / "release"
POMPEO = "Les Russes doivent partir"
# What tests/data/release/build_store.py wrote with the 0.2 code.
PERSONS_HISTORY = [("unverified", "in_review", "à vérifier", "ana"),
                   ("in_review", "false", "Aucune source, démenti de Moscou", "bob")]


def _rows(conn) -> tuple[list, list]:
    claims = conn.execute(text("select claim_id, status, note, reviewer, reviewed_at from claims "
                               "order by claim_id")).all()
    reviews = conn.execute(text("select review_id, claim_id, claim_text, old_status, new_status, note, reviewer, at, "
                                "orphaned, via_cluster from reviews order by review_id")).all()
    return [tuple(r) for r in claims], [tuple(r) for r in reviews]


@pytest.fixture(params=["sqlite", "postgresql"])
def old_store(request, tmp_path):
    """(database, the rows as release 0.2 left them): a copy of the fixture file, or the fixture dump
    loaded into a schema of its own on the PostgreSQL server."""
    if request.param == "sqlite":
        db = tmp_path / "claims.db"
        shutil.copy(RELEASE / "store_93d73e3.db", db)
        engine = create_engine(f"sqlite:///{db}")
        with engine.connect() as conn:
            before = _rows(conn)
        engine.dispose()
        yield str(db), before
        return
    from sqlalchemy.exc import OperationalError

    schema = f"claims_old_{uuid.uuid4().hex[:10]}"
    dump = (RELEASE / "store_93d73e3.pg.sql").read_text(encoding="utf-8").replace("release_93d73e3", schema)
    engine = create_engine(PG_URL)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(dump)
    except OperationalError as err:
        pytest.skip(f"PostgreSQL tests skipped: no server at {PG_URL} ({str(err.orig).strip()})")
    url = f"{PG_URL}?options=-csearch_path%3D{schema}"
    old = create_engine(url)
    with old.connect() as conn:
        before = _rows(conn)
    old.dispose()
    try:
        yield url, before
    finally:
        engine.dispose()
        with create_engine(PG_URL).begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")


def test_a_store_of_the_previous_release_opens_with_every_verdict(old_store, tmp_path):
    db, (claims_before, reviews_before) = old_store
    assert len(reviews_before) == 3 and any(r[8] for r in reviews_before), "the fixture has an orphaned review"
    store = open_store(db)
    assert store.upgraded and "upgraded the database schema" in store.upgraded
    if store.is_sqlite:  # a copy from before the upgrade, still readable by 0.2
        copy = next(tmp_path.glob("claims.db.before-upgrade-*.bak"))
        assert "alembic_version" not in {r[0] for r in sqlite3.connect(copy).execute(
            "select name from sqlite_master")}
    with store.engine.connect() as conn:
        claims_after, reviews_after = _rows(conn)
    assert claims_after == claims_before and reviews_after == reviews_before  # every verdict, note, history entry

    df = store.claims_frame()
    # migration 0005: the stored speakers and kinds are the extractor's; nothing is corrected or hidden
    assert (df["speaker_extracted"] == df["speaker"]).all() and (df["kind_extracted"] == df["kind"]).all()
    assert not df["not_claim"].any() and not df["evidence_urls"].map(len).any()
    pompeo = df[df["text"] == POMPEO].iloc[0]
    assert (pompeo.status, pompeo.note, pompeo.reviewer, pompeo.version) == (
        "false", "Aucune source, démenti de Moscou", "bob", 3)
    hist = store.history(pompeo.claim_id)
    assert list(zip(hist.old_status, hist.new_status, hist.note, hist.reviewer)) == PERSONS_HISTORY
    assert list(hist.version) == [2, 3]  # migration 0002: the version each review made
    orphan = next(r for r in reviews_before if r[8])
    assert store.find_claim(orphan[1]) is None and store.history(orphan[1])["orphaned"].all()

    # the upgraded store works: a verdict on top of the old ones, and the removed claim comes back
    assert store.set_status(pompeo.claim_id, "misleading", version=3, reviewer="cy") == 4
    ingest(store, [SEED])
    back = store.claim(orphan[1])
    assert (back["status"], back["note"], back["version"]) == ("misleading", "contexte manquant", 2)
    with pytest.raises(ConflictError):
        store.set_status(orphan[1], "true", version=1)
    assert open_store(db).upgraded is None  # upgraded once


def test_a_store_newer_than_the_code_is_refused_untouched(db_url):
    open_store(db_url).engine.dispose()
    engine = create_engine(db_url if "://" in db_url else f"sqlite:///{db_url}")
    with engine.begin() as conn:
        conn.execute(text("update alembic_version set version_num = '9999_from_the_future'"))
    with pytest.raises(StoreError, match="made by a newer version of claims .*9999_from_the_future"):
        open_store(db_url)
    with engine.connect() as conn:
        assert conn.execute(text("select version_num from alembic_version")).scalar() == "9999_from_the_future"
    engine.dispose()


def test_migrations_build_exactly_the_tables_of_the_code(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from claims.store.tables import metadata

    store = open_store(db_url)
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []
    # and the comparison does see a difference when there is one
    from sqlalchemy import Column, Integer, MetaData, Table

    other = MetaData()
    for table in metadata.tables.values():
        table.to_metadata(other)
    Table("reviews", other, Column("extra", Integer), extend_existing=True)
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), other)


def test_an_upgrade_that_fails_leaves_the_store_as_it_was(tmp_path, monkeypatch):
    db = tmp_path / "claims.db"
    shutil.copy(RELEASE / "store_93d73e3.db", db)
    import claims.store.migrate as migrate

    def broken(cfg, target):
        conn = cfg.attributes["connection"]
        conn.exec_driver_sql("ALTER TABLE reviews ADD COLUMN half_done INTEGER")
        raise RuntimeError("disk full")

    monkeypatch.setattr(migrate.command, "upgrade", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        open_store(str(db))
    columns = {r[1] for r in sqlite3.connect(db).execute("pragma table_info(reviews)")}
    assert "half_done" not in columns and "version" not in columns
