"""The store never loses a verdict: re-ingest, edits, concurrent reviewers, kills, bad files."""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from conftest import ROOT, SEED, ingest

from claims.articles import read_article
from claims.sample import sample_corpus, write_corpus
from claims.store import ConflictError, StoreError, open_store


def count(store, table: str) -> int:
    with store.engine.connect() as conn:
        return conn.exec_driver_sql(f"select count(*) from {table}").scalar()


def pompeo(store):
    df = store.claims_frame()
    return df[df["text"] == "Les Russes doivent partir"].iloc[0]


def test_verdict_and_history_survive_reingest_and_edits(store, tmp_path):
    claim = pompeo(store)
    store.set_status(claim.claim_id, "false", version=int(claim.version), note="Aucune source", reviewer="ana")
    assert ingest(store, [SEED])["unchanged"] == 1  # same text: nothing changes

    edited = tmp_path / SEED.name
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("En outre, celui-ci a fustigé l’implication iranienne et cubaine dans le conflit. ", "")
    edited.write_text(text.replace("Récemment,", "Il y a peu,"), encoding="utf-8")
    removed = next(r for r in store.claims_frame().itertuples() if "implication iranienne" in r.text)
    store.set_status(removed.claim_id, "in_review", version=int(removed.version), reviewer="bob")

    counts = ingest(store, [edited])
    assert counts["changed"] == 1 and counts["claims_removed"] >= 1
    after = pompeo(store)
    assert after.claim_id == claim.claim_id
    assert (after.status, after.note, after.reviewer) == ("false", "Aucune source", "ana")
    hist = store.history(claim.claim_id)
    assert list(hist["new_status"]) == ["false"] and not hist["orphaned"].any()
    gone = store.history(removed.claim_id)
    assert len(gone) == 1 and gone["orphaned"].all(), "a removed claim's review stays, marked orphaned"

    ingest(store, [SEED])  # the sentence comes back: so does its verdict
    back = store.claim(removed.claim_id)
    assert back["status"] == "in_review" and not store.history(removed.claim_id)["orphaned"].any()


def test_two_reviewers_saving_at_once_one_wins(store, tmp_path):
    claim = pompeo(store)
    other = open_store(store.db)  # a second reviewer, own connection
    barrier = threading.Barrier(2)
    results: dict[str, object] = {}

    def save(name, s, status):
        barrier.wait()
        try:
            results[name] = s.set_status(claim.claim_id, status, version=int(claim.version), reviewer=name)
        except ConflictError as err:
            results[name] = err

    threads = [threading.Thread(target=save, args=("ana", store, "false")),
               threading.Thread(target=save, args=("bob", other, "true"))]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    winners = [n for n, r in results.items() if r == int(claim.version) + 1]
    losers = [n for n, r in results.items() if isinstance(r, ConflictError)]
    assert len(winners) == 1 and len(losers) == 1
    hist = store.history(claim.claim_id)
    assert list(hist["reviewer"]) == winners
    assert store.claim(claim.claim_id)["status"] == {"ana": "false", "bob": "true"}[winners[0]]


def test_unknown_status_is_refused(store):
    claim = pompeo(store)
    with pytest.raises(StoreError, match="unknown status 'fake'"):
        store.set_status(claim.claim_id, "fake", version=1)


def test_corrupt_file_is_refused_and_left_untouched(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"this is not a database, it is my notes")
    with pytest.raises(StoreError, match="not a SQLite database"):
        open_store(str(bad))
    assert bad.read_bytes() == b"this is not a database, it is my notes"
    res = subprocess.run([sys.executable, "-m", "claims", "ingest", str(SEED), "--db", str(bad)],
                         cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 2 and "notes.db: not a SQLite database" in res.stderr
    assert bad.read_bytes() == b"this is not a database, it is my notes"


def test_cluster_groups_repeats_and_takes_one_verdict(store, tmp_path):
    copy = tmp_path / "copie.txt"
    text = read_article(SEED).text.replace("Mike Pompeo", "le secrétaire d'État Mike Pompeo")
    copy.write_text(text, encoding="utf-8")
    ingest(store, [copy])
    clusters = store.clusters(min_articles=2)
    row = clusters[clusters["text"] == "Les Russes doivent partir"].iloc[0]
    assert row.articles == 2 and row.claims == 2
    assert store.set_cluster_status(row.cluster_id, "false", note="démenti", reviewer="ana") == 2
    df = store.claims_frame()
    members = df[df["cluster_id"] == row.cluster_id]
    assert set(members["status"]) == {"false"}
    for cid in members["claim_id"]:
        assert list(store.history(cid)["via_cluster"]) == [row.cluster_id]


def test_kill_during_ingest_loses_nothing_and_can_resume(store, tmp_path):
    claim = pompeo(store)
    store.set_status(claim.claim_id, "false", version=int(claim.version), note="verdict", reviewer="ana")
    folder = tmp_path / "corpus"
    write_corpus(sample_corpus(60), folder)
    cmd = [sys.executable, "-m", "claims", "ingest", str(folder), "--db", store.db, "--processes", "1", "--quiet"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while time.time() < deadline:
        n = count(store, "articles")
        if n > 1:
            break
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 1 < n < 61, "the kill came in the middle of the ingest"

    if store.is_sqlite:
        with sqlite3.connect(store.sqlite_path) as con:
            assert con.execute("pragma integrity_check").fetchone()[0] == "ok"
    with store.engine.connect() as conn:
        orphans = conn.exec_driver_sql("select count(*) from claims c left join articles a "
                                       "on a.article_id = c.article_id where a.article_id is null").scalar()
    assert orphans == 0
    again = open_store(store.db)
    assert again.claim(claim.claim_id)["status"] == "false"
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert count(store, "articles") == 61, res.stderr
    assert list(again.history(claim.claim_id)["note"]) == ["verdict"]


def test_exports(store, tmp_path):
    import json

    import pandas as pd

    from claims.store.export import export

    claim = pompeo(store)
    store.set_status(claim.claim_id, "false", version=int(claim.version), note="Aucune preuve", reviewer="ana")
    df = store.claims_frame()
    assert export(df, str(tmp_path / "a.csv"), "csv", bom=True) == len(df)
    raw = (tmp_path / "a.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(tmp_path / "a.csv", encoding="utf-8-sig")
    assert "Aucune preuve" in set(back["Verdict note"].dropna())
    export(df, str(tmp_path / "r.json"), "claimreview")
    reviews = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert len(reviews) == 1
    r = reviews[0]
    assert r["@type"] == "ClaimReview"
    assert r["claimReviewed"] == "« Les Russes doivent partir » a ainsi lancé Mike Pompeo."  # the readable claim
    assert r["reviewRating"]["alternateName"] == "False" and r["itemReviewed"]["author"]["name"] == "Mike Pompeo"


@pytest.mark.parametrize("bom", [False, True])
def test_fast_csv_export_writes_what_the_frame_export_writes(store, tmp_path, bom):
    import pandas as pd

    from claims.store.export import export, export_store

    claim = pompeo(store)
    store.set_status(claim.claim_id, "false", version=int(claim.version), note='Démenti, "source", ligne\n2',
                     reviewer="ana")
    for speaker in (None, ["Mike Pompeo"]):
        fast, slow = tmp_path / "fast.csv", tmp_path / "slow.csv"
        n = export_store(store, str(fast), "csv", speaker=speaker, bom=bom)
        assert n == export(store.iter_claims_frames(speaker=speaker), str(slow), "csv", bom=bom) > 0
        assert fast.read_bytes().startswith(b"\xef\xbb\xbf") == bom
        read = lambda p: pd.read_csv(p, encoding="utf-8-sig", dtype=str, keep_default_na=False)  # noqa: E731
        pd.testing.assert_frame_equal(read(fast), read(slow))
        if speaker is None:  # lists come out readable, not as JSON
            assert ("Selon (attribution); Selon certaines sources américaines (vague source); aurait tenté "
                    "(conditional)") in set(read(fast)["Certainty markers"])
            assert any("; " in a for a in read(fast)["About"])
