"""Fuzzing extract and ingest: random bytes, truncated UTF-8, huge lines, control characters and markup.

For every input file: claims stored (or the article stored with none), or a skip that names the file;
never an exception; and the verdicts already in the store unchanged."""
from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SEED, ingest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.articles import display_name, iter_articles
from claims.extract import extract_rows
from claims.nlp import load_model
from claims.store import open_store

FRENCH = ("« Les Russes doivent partir », a lancé Mike Pompeo. Selon certaines sources, Moscou aurait "
          "envoyé près de 100 militaires à Caracas. Le ministre a estimé que la situation était « grave ».")
MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0",
          ":red[rouge]", "$$x^2$$", "![i](http://127.0.0.1:9/i.png)", "---\ntitle: <b>t</b>\nurl: javascript:x\n---\n",
          "\u202e", "\ufeff", "\x00", "\r\n", "\u2028", "« », a dit .", "« « « »"]

texts = st.one_of(
    st.binary(max_size=4000),  # anything, binary included
    st.integers(1, len(FRENCH.encode())).map(lambda n: FRENCH.encode()[:n]),  # UTF-8 cut mid-character
    st.integers(1000, 60_000).map(lambda n: ("mot " * n + FRENCH).encode()),  # one huge line
    st.text(st.characters(codec="utf-8", categories=["Cc", "Cf", "Zs", "Ll", "Po"]), max_size=2000)
    .map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(st.sampled_from(MARKUP + [FRENCH]), min_size=1, max_size=12).map(lambda p: "".join(p).encode()),
    st.sampled_from(["utf-16", "cp1252", "latin-1"]).map(lambda enc: FRENCH.encode(enc, "replace")),
)
names = st.tuples(st.binary(min_size=1, max_size=12).filter(lambda b: b"/" not in b and b"\x00" not in b
                                                            and b not in (b".", b"..")),
                  st.sampled_from([b".txt", b".md", b".TXT", b".csv"]))


@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
@given(files=st.lists(st.tuples(names, texts), min_size=1, max_size=4, unique_by=lambda f: f[0][0].lower()))
def test_every_input_is_stored_or_named_and_verdicts_stay(files, tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    db = folder.parent / "fuzz.db"
    store = open_store(str(db))
    if not store.article_count():
        ingest(store, [SEED])
        pompeo = store.claims_frame().query("text == 'Les Russes doivent partir'").iloc[0]
        store.set_status(pompeo.claim_id, "false", version=1, note="démenti", reviewer="ana")
    before = store.claims_frame(status=["false"])[["claim_id", "status", "note", "version"]]

    paths = []
    for (stem, suffix), data in files:
        path = os.path.join(bytes(folder), stem + suffix)
        with open(path, "wb") as fh:
            fh.write(data)
        paths.append(Path(os.fsdecode(path)))
    problems: list[str] = []
    articles = list(iter_articles([folder], problems))
    store.ingest_batches([(articles, extract_rows(articles, load_model()))], problems)

    stored = set(store.claims_frame(article=[a.article_id for a in articles])["article_id"])
    with store.engine.connect() as conn:
        stored |= {r[0] for r in conn.exec_driver_sql("select article_id from articles")}
    inputs = [p for p in paths if p.suffix.lower() in (".txt", ".md")]  # a folder's other files are not articles
    for path in inputs:
        name = display_name(path)
        named = any(p.startswith(name) for p in problems)
        assert named or Path(name).stem in stored, (name, problems)
    if not inputs:
        assert any(p.startswith(f"{folder}: no .txt or .md articles") for p in problems), problems
    after = store.claims_frame(status=["false"])[["claim_id", "status", "note", "version"]]
    assert after.equals(before)
    store.engine.dispose()


def test_the_commands_never_show_a_traceback_on_garbage(tmp_path):
    """The same kinds of input through `claims extract` and `claims ingest`, from a seeded generator."""
    rng = random.Random(12)
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(12):
        kind = i % 4
        data = (bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000))) if kind == 0 else
                FRENCH.encode()[: rng.randrange(1, 120)] if kind == 1 else
                ("x" * rng.randrange(10_000, 200_000)).encode() if kind == 2 else
                "".join(rng.choice(MARKUP + [FRENCH]) for _ in range(8)).encode())
        with open(os.path.join(bytes(folder), b"f%d\xff" % i + b".txt"), "wb") as fh:
            fh.write(data)
    db = tmp_path / "s.db"
    for args in (["extract", str(folder), "-o", str(tmp_path / "o.csv")], ["ingest", str(folder), "--db", str(db)]):
        res = subprocess.run([sys.executable, "-m", "claims", *args, "--quiet", "--processes", "1"], cwd=ROOT,
                             capture_output=True, text=True)
        assert res.returncode in (0, 1) and "Traceback" not in res.stderr, res.stderr
