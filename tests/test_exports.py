"""Exports a newsroom opens: reading-order columns (CLI and dashboard alike), French Excel's `;` CSV,
`.xlsx`, formulas neutralised, ClaimReview signed by the desk's settings."""
from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys

import openpyxl
import pandas as pd
import pyarrow as pa
import pytest
from conftest import ROOT, SEED, ingest

from claims.exports import EXPORT_NAMES, SOURCE_COLUMNS, headers
from claims.labels import label
from claims.store import open_store
from claims.store.export import export_store, export_view
from claims.views import ClaimSet, Filters

READING_ORDER = ["date", "outlet", "speaker", "claim", "certainty", "markers", "status", "note", "sources", "url"]


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claims", *args], cwd=ROOT, capture_output=True, text=True,
                          env=env)


@pytest.fixture
def sqlite_store(tmp_path):
    store = open_store(str(tmp_path / "desk.db"))
    ingest(store, [SEED])
    return store


def _pompeo(store):
    df = store.claims_frame(speaker=["Mike Pompeo"])
    return df[df["text"].str.contains("implication iranienne")].iloc[0]


def test_csv_columns_in_reading_order_the_same_from_the_cli_and_the_dashboard(store, tmp_path):
    assert EXPORT_NAMES[: len(READING_ORDER)] == READING_ORDER
    row = _pompeo(store)
    store.set_status(row.claim_id, "false", version=int(row.version), note="Démenti, voir la source", reviewer="ana")
    out = tmp_path / "cli.csv"
    done = cli("export", "--db", store.db, "-o", str(out))  # SQLite: Arrow; PostgreSQL: pandas frames
    assert done.returncode == 0, done.stderr
    n = int(done.stderr.split()[0])
    cli_csv = pd.read_csv(out, keep_default_na=False)
    assert list(cli_csv.columns) == headers("en") and len(cli_csv) == n == len(store.claims_frame())
    assert list(cli_csv.columns[:4]) == ["Date", "Outlet", "Speaker", "Claim"]
    assert not [c for c in cli_csv.columns if "_" in c]  # headers are words, not codes
    ids = ClaimSet.from_store(store).view(Filters()).ids()
    browser = pd.read_csv(io.BytesIO(export_view(store, ids, "csv")), encoding="utf-8-sig", keep_default_na=False)
    pd.testing.assert_frame_equal(browser, cli_csv)  # the same columns, rows and words
    got = cli_csv[cli_csv["Claim ID"] == row.claim_id].iloc[0]
    assert got["Claim"] == "En outre, Mike Pompeo a fustigé l’implication iranienne et cubaine dans le conflit."
    assert (got["Status"], got["Verdict note"], got["Certainty"]) == ("False", "Démenti, voir la source", "Reported")
    assert got["Date"] == row.ingested_at[:10]  # undated article: the day it was ingested, one date column
    anonymous = cli_csv[cli_csv["Speaker"] == "anonymous source"].iloc[0]
    assert anonymous["Certainty markers"] == "Selon (attribution); Selon certaines sources américaines " \
                                             "(vague source); aurait tenté (conditional)"  # words, not codes
    assert "[" not in "".join(cli_csv["About"])  # lists as text, not Python lists


def test_the_cli_writes_french_excel_csv_that_pandas_reads_back(sqlite_store, tmp_path):
    out = tmp_path / "claims.csv"
    done = cli("export", "--db", sqlite_store.db, "--format", "excel-fr", "--lang", "fr",
               "-o", str(out))
    assert done.returncode == 0, done.stderr
    raw = out.read_bytes()
    assert raw.startswith("\ufeff".encode()) and raw.split(b"\n")[0].count(b";") == len(EXPORT_NAMES) - 1
    df = pd.read_csv(out, sep=";", encoding="utf-8-sig", decimal=",", keep_default_na=False)
    assert list(df.columns[:4]) == ["Date", "Média", "Auteur", "Affirmation"] and len(df) == 25
    assert df["Confiance dans l'auteur"].dtype == float and df["Confiance dans l'auteur"].between(0, 1).all()
    assert set(df["Statut"]) == {"Non vérifié"}
    assert "Allégué (conditionnel)" not in set(df["Degré de certitude"])  # its level is unsourced
    assert df["Marqueurs d'incertitude"].str.contains("aurait tenté (conditionnel)", regex=False).any()


def test_xlsx_read_back_with_openpyxl_header_frozen_and_formulas_neutralised(sqlite_store, tmp_path):
    row = _pompeo(sqlite_store)
    sqlite_store.set_status(row.claim_id, "misleading", version=int(row.version),
                            note='=HYPERLINK("http://evil.example","clic")', reviewer="@bob")
    out = tmp_path / "claims.xlsx"
    done = cli("export", "--db", sqlite_store.db, "--format", "xlsx", "-o", str(out))
    assert done.returncode == 0, done.stderr
    wb = openpyxl.load_workbook(out)
    assert len(wb.worksheets) == 1
    ws = wb.active
    assert ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    assert header == headers("en") and header[:4] == ["Date", "Outlet", "Speaker", "Claim"]
    assert ws[1][0].font.bold and ws.column_dimensions["D"].width > 40  # the claim column is wide
    assert ws.max_row == 26
    rows = {r[header.index("Claim ID")]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    got = rows[row.claim_id]
    assert got[header.index("Verdict note")] == '\'=HYPERLINK("http://evil.example","clic")'
    assert got[header.index("Reviewer")] == "'@bob"
    note_cell = next(c for c in ws.iter_rows(min_row=2) if c[header.index("Claim ID")].value == row.claim_id)
    assert note_cell[header.index("Verdict note")].data_type == "s"  # text, never a formula
    assert got[header.index("Status")] == label("status", "misleading")


def test_claimreview_signed_by_the_desk_with_its_review_address(sqlite_store, tmp_path):
    row = _pompeo(sqlite_store)
    sqlite_store.set_status(row.claim_id, "false", version=int(row.version), note="Aucune source", reviewer="ana")
    db = sqlite_store.db
    out = tmp_path / "reviews.json"
    env = {**__import__("os").environ, "CLAIMS_DESK_NAME": "Les Vérificateurs",
           "CLAIMS_REVIEW_URL": "https://desk.example/checks/{claim_id}"}
    assert cli("export", "--db", db, "--format", "claimreview", "-o", str(out), env=env).returncode == 0
    [review] = json.loads(out.read_text(encoding="utf-8"))
    assert review["author"] == {"@type": "Organization", "name": "Les Vérificateurs"}
    assert review["url"] == f"https://desk.example/checks/{row.claim_id}"
    assert review["datePublished"] == sqlite_store.claim(row.claim_id)["reviewed_at"][:10]
    assert review["claimReviewed"] == "En outre, Mike Pompeo a fustigé l’implication iranienne et cubaine dans le " \
                                      "conflit."
    # the command's options win over the environment
    assert cli("export", "--db", db, "--format", "claimreview", "-o", str(out), "--desk-name", "Desk B",
               "--review-url", "https://b.example/c/{claim_id}.html", env=env).returncode == 0
    [review] = json.loads(out.read_text(encoding="utf-8"))
    assert review["author"]["name"] == "Desk B" and review["url"].endswith(f"/c/{row.claim_id}.html")
    bad = cli("export", "--db", db, "--format", "claimreview", "-o", str(out), "--review-url",
              "javascript:alert(1)/{claim_id}")
    assert bad.returncode != 0 and "not an http(s) address" in bad.stderr
    bad = cli("export", "--db", db, "--format", "claimreview", "-o", str(out), "--review-url", "https://x.example/")
    assert bad.returncode != 0 and "{claim_id}" in bad.stderr


def test_the_fast_csv_writes_what_the_frame_export_writes_in_french(tmp_path, year_batch):
    from claims.store.export import export

    store = open_store(str(tmp_path / "desk.db"))
    articles, rows = year_batch
    for article in reversed(articles):  # storage order is not article order: the rows' bytes are reordered
        store.ingest([article], [r for r in rows if r["article_id"] == article.article_id])
    ingest(store, [SEED])
    fast, slow = tmp_path / "fast.csv", tmp_path / "slow.csv"
    for fmt in ("csv", "excel-fr"):
        export_store(store, str(fast), fmt, lang="fr")  # Arrow: storage order, rows reordered as bytes
        export(store.iter_claims_frames(), str(slow), fmt, lang="fr")  # pandas frames, in article order
        assert fast.read_bytes() == slow.read_bytes()
    ids = pd.read_csv(fast, sep=";", encoding="utf-8-sig", keep_default_na=False)["Identifiant"]
    assert list(ids) == list(store.claims_frame()["claim_id"])


def test_a_big_csv_export_read_by_several_processes_writes_the_same_file(tmp_path, year_batch, monkeypatch):
    """Slices of the table read and rendered by forked processes give the file one process writes."""
    import claims.store.columnar as columnar

    store = open_store(str(tmp_path / "desk.db"))
    articles, rows = year_batch
    for article in reversed(articles):
        store.ingest([article], [r for r in rows if r["article_id"] == article.article_id])
    ingest(store, [SEED])
    one, many = tmp_path / "one.csv", tmp_path / "many.csv"
    monkeypatch.setenv("CLAIMS_EXPORT_PROCESSES", "1")
    n = export_store(store, str(one), "csv")
    monkeypatch.setattr(columnar, "PARALLEL_SLICE_ROWS", 10)  # this small store in three slices
    monkeypatch.setenv("CLAIMS_EXPORT_PROCESSES", "3")
    kept = tmp_path / "parts"  # where the forked processes leave their slices (kept here to be looked at)
    kept.mkdir()
    monkeypatch.setattr(columnar.tempfile, "TemporaryDirectory", lambda **kw: contextlib.nullcontext(str(kept)))
    assert export_store(store, str(many), "csv") == n > 50
    assert {p.name for p in kept.iterdir()} >= {"1.keys", "2.keys"}  # rows in the shared region, keys in files
    assert many.read_bytes() == one.read_bytes()
    ids = pd.read_csv(many, keep_default_na=False)["Claim ID"]
    assert list(ids) == list(store.claims_frame()["claim_id"])


def test_a_store_kept_in_article_order_is_written_as_it_lies_by_several_processes(tmp_path, year_batch, monkeypatch):
    """Rows stored in article order need no sort: the slices' bytes are written as they lie, one after the
    other, and make the file the frame export writes."""
    import claims.store.columnar as columnar
    from claims.store.export import export

    store = open_store(str(tmp_path / "desk.db"))
    articles, rows = year_batch
    for article in sorted(articles, key=lambda a: a.article_id):
        store.ingest([article], sorted((r for r in rows if r["article_id"] == article.article_id),
                                       key=lambda r: r["start"]))
    # read as the export reads (every column: SQLite walks the table, not the (article_id, start) index)
    source = columnar.claim_source(store, None, None, [*SOURCE_COLUMNS, "article_id", "start"])
    keys = pa.Table.from_batches([b.select(["article_id", "start"])
                                  for b in source.batches(store, source.query, adbc=True)])
    assert columnar.in_article_order(keys) and keys.num_rows > 50  # storage order is article order
    monkeypatch.setattr(columnar, "PARALLEL_SLICE_ROWS", 10)  # this small store in three slices
    monkeypatch.setenv("CLAIMS_EXPORT_PROCESSES", "3")
    fast, slow = tmp_path / "fast.csv", tmp_path / "slow.csv"
    assert export_store(store, str(fast), "csv") == keys.num_rows
    export(store.iter_claims_frames(), str(slow), "csv")
    assert fast.read_bytes() == slow.read_bytes()


def test_rows_are_put_in_article_order_as_arrow_sorts_them():
    """The integer-key sort gives Arrow's stable sort on (article_id, start): ties keep their order,
    negative and missing offsets included."""
    import pyarrow.compute as pc

    from claims.store.columnar import ORDER, article_order

    articles = ["b", "a", "c", "a", "b", "a", "é", "B", "a"]
    for starts in ([5, 9, 0, 3, 5, 3, 1, 2, 0], [-4, 7, 0, -4, -9, 2, 1, 1, 7], [5, None, 0, 3, 5, 3, 1, 2, 0]):
        keys = pa.table({"article_id": articles, "start": pa.array(starts, pa.int64())})
        assert list(article_order(keys)) == pc.sort_indices(keys, sort_keys=ORDER).to_pylist()
    assert len(article_order(pa.table({"article_id": pa.array([], pa.string()),
                                       "start": pa.array([], pa.int64())}))) == 0


def test_rows_out_of_article_order_are_told_by_the_order_check():
    from claims.store.columnar import in_article_order

    def keys(articles, starts):
        return pa.table({"article_id": articles, "start": pa.array(starts, pa.int64())})

    assert in_article_order(keys(["a", "a", "b", "b"], [3, 9, 0, 0]))  # equal keys keep their order
    assert not in_article_order(keys(["a", "a", "b"], [9, 3, 0]))
    assert not in_article_order(keys(["b", "a"], [0, 9]))
    assert not in_article_order(keys(["a", None], [0, 1]))  # a missing key: sorted the long way
    assert in_article_order(keys([], [])) and in_article_order(keys(["z"], [1]))


@pytest.mark.parametrize("direct", [True, False])
def test_a_direct_file_holds_exactly_the_bytes_written(tmp_path, monkeypatch, direct):
    """Pieces of any length, across the staging buffers, padded last block cut back; also where the
    system has no direct writes."""
    import claims.direct_file as direct_file

    monkeypatch.setattr(direct_file, "_STAGE", 3 * 4096)
    if not direct:
        monkeypatch.delattr(direct_file.os, "O_DIRECT", raising=False)
    pieces = [b"header,line\n", bytes(range(256)) * 70, b"", memoryview(b"x" * 5000)[7:], b"\xc3\xa9" * 4099]
    path = tmp_path / "out.csv"
    with direct_file.DirectFile(str(path)) as out:
        for piece in pieces:
            assert out.write(piece) == len(piece)
    assert path.read_bytes() == b"".join(bytes(p) for p in pieces)


def test_a_file_system_that_refuses_direct_writes_gets_them_the_ordinary_way(tmp_path, monkeypatch):
    import errno
    import fcntl
    import os

    import claims.direct_file as direct_file

    real_write = os.write

    def refusing(fd, data):  # as a file system that opens files for direct writes but refuses them
        if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_DIRECT:
            raise OSError(errno.EINVAL, "Invalid argument")
        return real_write(fd, data)

    monkeypatch.setattr(direct_file, "_STAGE", 2 * 4096)
    monkeypatch.setattr(direct_file.os, "write", refusing)
    data = bytes(range(251)) * 200
    path = tmp_path / "out.csv"
    with direct_file.DirectFile(str(path)) as out:
        out.write(data[:10_000])
        out.write(data[10_000:])
    assert path.read_bytes() == data
