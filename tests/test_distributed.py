"""Extraction on a Dask cluster gives exactly the rows of one process, and so does the store after it."""
from __future__ import annotations

import os
import signal
import subprocess
import sys

import pandas as pd
import pytest
from conftest import ROOT, SEED

from claims.articles import iter_articles
from claims.distributed import iter_extracted_dask, local_cluster
from claims.extract import iter_extracted
from claims.sample import sample_corpus
from claims.store import open_store


@pytest.fixture(scope="module")
def corpus():
    """The seed article and 240 articles recombined from its paragraphs."""
    return list(iter_articles([SEED])) + sample_corpus(240)


@pytest.fixture(scope="module")
def single(corpus) -> list[tuple[list, list[dict]]]:
    return list(iter_extracted(corpus, processes=1, progress=False))


def stored(db: str) -> pd.DataFrame:
    df = open_store(db).claims_frame().drop(columns=["ingested_at"])
    return df.sort_values("claim_id").reset_index(drop=True)


def ingest(db: str, batches) -> dict[str, int]:
    return open_store(db).ingest_batches(batches)


def test_dask_with_two_workers_stores_exactly_the_single_process_rows(tmp_path, corpus, single):
    one, dask = str(tmp_path / "one.db"), str(tmp_path / "dask.db")
    ingest(one, single)
    batches = list(iter_extracted_dask(corpus, workers=2, progress=False))
    assert [[a.article_id for a in b] for b, _ in batches] == [[a.article_id for a in b] for b, _ in single]
    assert [r for _, rows in batches for r in rows] == [r for _, rows in single for r in rows]
    ingest(dask, batches)
    expected = stored(one)
    assert len(expected) > 4000
    pd.testing.assert_frame_equal(stored(dask), expected)  # same ids, rows, clusters

    again = ingest(dask, iter_extracted_dask(corpus, workers=2, progress=False))
    assert again["unchanged"] == len(corpus) and again["claims_added"] == 0
    pd.testing.assert_frame_equal(stored(dask), expected)


def test_a_worker_killed_mid_run_changes_nothing(corpus, single):
    from dask.distributed import Client

    with local_cluster(2) as cluster, Client(cluster) as client:
        pids = client.run(os.getpid)
        results = []
        for i, item in enumerate(iter_extracted_dask(corpus, scheduler=cluster.scheduler_address, progress=False)):
            results.append(item)
            if i == 2:
                os.kill(next(iter(pids.values())), signal.SIGKILL)  # its batches are recomputed elsewhere
        assert set(client.run(os.getpid).values()) != set(pids.values()), "the nanny started a new worker"
    assert [r for _, rows in results for r in rows] == [r for _, rows in single for r in rows]


def test_cli_ingest_on_dask(tmp_path):
    db = str(tmp_path / "cli.db")
    cmd = [sys.executable, "-m", "claims", "ingest", str(SEED), "--engine", "dask", "--processes", "2",
           "--db", db, "--quiet"]
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert "1 new" in res.stderr and "25 claims added" in res.stderr
    assert len(open_store(db).claims_frame()) == 25
    res = subprocess.run([sys.executable, "-m", "claims", "ingest", str(SEED), "--scheduler", "tcp://127.0.0.1:1",
                          "--db", db], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 2 and "--scheduler needs --engine dask" in res.stderr
