from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "claims" / "data" / "seeds"
SEED = SEEDS / "000_ba259b4d1716a856.txt"


@pytest.fixture(scope="session")
def seed_claims() -> pd.DataFrame:
    from claims import extract

    return extract([SEED], processes=1, progress=False)


def row_with(df: pd.DataFrame, fragment: str) -> pd.Series:
    """The one row whose claim text contains the fragment (apostrophes compared plainly)."""
    from claims.nlp import normalize

    text = df["text"].map(normalize)
    hits = df[text.str.contains(normalize(fragment), regex=False)]
    assert len(hits) == 1, f"expected one row containing {fragment!r}, got {len(hits)}:\n{df[['kind', 'text']]}"
    return hits.iloc[0]


def ingest(store, paths) -> dict[str, int]:
    """Extract the articles at `paths` (files or folders) in this process and store them."""
    from claims.articles import iter_articles
    from claims.extract import extract_rows

    arts = list(iter_articles(paths))
    return store.ingest(arts, extract_rows(arts))


def garble_pages(db: Path) -> None:
    """Pages 2–4 of a SQLite store overwritten behind SQLite's back (its write-ahead log checkpointed first); the
    header page stays valid, so only an integrity check or a read of those pages finds it."""
    import sqlite3

    with sqlite3.connect(db) as con:
        con.execute("pragma wal_checkpoint(truncate)")
        page = con.execute("pragma page_size").fetchone()[0]
    con.close()
    data = bytearray(db.read_bytes())
    assert len(data) > 6 * page
    data[2 * page: 5 * page] = b"\xde\xad\xbe\xef" * (3 * page // 4)
    db.write_bytes(bytes(data))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def dashboard_server(db: str, log: Path, env: dict | None = None, cwd: Path = ROOT) -> Iterator[str]:
    """`claims dashboard --db DB` served on a free local port until the block ends; yields its URL.
    `env` may point PYTHONPATH at an installed copy of the package."""
    port = free_port()
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-c", "import sys; from claims.cli import main; sys.exit(main())",
                                 "dashboard", "--db", db, "--headless", "--port", str(port), "--address", "127.0.0.1"],
                                cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(120):
                try:
                    if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                        break
                except OSError:
                    time.sleep(0.5)
            else:
                raise AssertionError(f"the dashboard did not start: {log.read_text()}")
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=30)


@pytest.fixture
def store(db_url):
    """A store holding the seed article, on SQLite and on PostgreSQL."""
    from claims.store import open_store

    s = open_store(db_url)
    ingest(s, [SEED])
    yield s
    s.engine.dispose()


# The project's machines run PostgreSQL on 127.0.0.1:5432 (trust auth, database `test`).
PG_URL = os.environ.get("CLAIMS_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh, empty database: a SQLite file, or a schema of its own on the PostgreSQL server
    (skipped, saying so, when no server answers)."""
    if request.param == "sqlite":
        yield str(tmp_path / "claims.db")
        return
    from sqlalchemy import create_engine
    from sqlalchemy.exc import OperationalError

    schema = f"claims_test_{uuid.uuid4().hex[:10]}"
    engine = create_engine(PG_URL)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    except OperationalError as err:
        pytest.skip(f"PostgreSQL tests skipped: no server at {PG_URL} ({str(err.orig).strip()})")
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        engine.dispose()


def year_articles(n: int = 12) -> list:
    """n short sample articles published from early January to late December 2025 (a real desk's span)."""
    from datetime import date, timedelta

    from claims.sample import sample_corpus

    articles = sample_corpus(n, paragraphs=2)
    for i, article in enumerate(articles):
        article.published = (date(2025, 1, 3) + timedelta(days=round(i * 358 / (n - 1)))).isoformat()
    return articles


@pytest.fixture(scope="session")
def year_batch() -> tuple[list, list[dict]]:
    """The year's articles and their extracted rows, extracted once for the whole test session."""
    from claims.extract import extract_rows

    articles = year_articles()
    return articles, extract_rows(articles)


def fail_analysis_of(monkeypatch, article_id: str) -> None:
    """Make the extractor's analysis raise IndexError("boom") for one article id, as a bug would."""
    import importlib

    ex = importlib.import_module("claims.extract")  # the package exports a function of the same name
    real = ex.analyse

    def failing(article, docs, nlp):
        if article.article_id == article_id:
            raise IndexError("boom")
        return real(article, docs, nlp)

    monkeypatch.setattr(ex, "analyse", failing)


APP = str(ROOT / "dashboard" / "app.py")


def run_app(**query):
    """The dashboard run once by Streamlit's AppTest with these query parameters; no exception raised."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=180)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metric(at, label: str) -> int:
    """The value of the headline number with this label."""
    return int(next(m.value for m in at.metric if m.label == label).replace(",", ""))
