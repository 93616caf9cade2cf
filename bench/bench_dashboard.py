"""The dashboard on big stores, as a reviewer meets it: a real browser against `streamlit run`.

    python bench/bench_dashboard.py [--sizes 10000 100000 1000000] [--stores DIR] [--app dashboard/app.py]

For each store size: first render (page opened → headline numbers shown) of a store never opened before
and again after a restart of the server (the file's check and its claims' columns kept beside it,
claims.store.desk_cache), a speaker filter and a text
search (change → new numbers shown), all in Debian's headless Chromium; a status save (the verdict
form submitted and the page rerun, Streamlit's AppTest, CPU only); the Streamlit process's memory
after those clicks; the CSV export of every claim by the command line (`claims export`); and each
figure's ratio to the same step at 10,000 claims.

Stores are built like the issue's: 200 sample articles published over 90 days, their claims copied up
to the size. `--stores DIR` keeps them between runs (the million-claim one takes a minute to build).
Targets (issue #13) at 1M claims: first render < 10 s, filter change and status save < 1 s,
memory < 1 GB, CSV of every claim by the CLI < 5 s.
"""
from __future__ import annotations

import argparse
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_store import fill_claims  # noqa: E402
from sqlalchemy import select, update  # noqa: E402

from claims.cli.dashboard import streamlit_flags  # noqa: E402  (the settings `claims dashboard` runs with)
from claims.extract import iter_extracted  # noqa: E402
from claims.sample import sample_corpus  # noqa: E402
from claims.store import open_store  # noqa: E402
from claims.store import tables as t  # noqa: E402
from claims.store.filecheck import cache_folder  # noqa: E402

SPEAKER, SEARCH = "Mike Pompeo", "russes"
STEP_TIMEOUT_MS = 180_000  # a step that takes longer has failed


def build_base(db: str) -> None:
    """200 sample articles spread over 90 days of publication."""
    store = open_store(db)
    store.ingest_batches(iter_extracted(sample_corpus(200), processes=2, progress=False))
    with store.engine.begin() as conn:
        ids = conn.execute(select(t.articles.c.article_id)).scalars().all()
        for i, article_id in enumerate(ids):
            day = (date(2026, 9, 1) + timedelta(days=i % 90)).isoformat()
            conn.execute(update(t.articles).where(t.articles.c.article_id == article_id).values(published=day))
            conn.execute(update(t.claims).where(t.claims.c.article_id == article_id).values(published=day))
    store.engine.dispose()
    with sqlite3.connect(db) as conn:  # fold the WAL into the file: the copies must hold every write
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def store_of(size: int, folder: Path) -> str:
    db = folder / f"desk_{size}.db"
    if not db.exists():
        base = folder / "base.db"
        if not base.exists():
            build_base(str(base))
        shutil.copy(base, db)
        fill_claims(str(db), size)
        with sqlite3.connect(db) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return str(db)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (MB)."""
    total = 0
    for p in [pid, *_children(pid)]:
        try:
            status = Path(f"/proc/{p}/status").read_text()
        except OSError:
            continue
        total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
    return total / 1024


def _children(pid: int) -> list[int]:
    try:
        kids = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []
    return kids + [g for k in kids for g in _children(k)]


def browser_steps(app: str, db: str, counts: dict[str, int], first: str = "first render",
                  only_first: bool = False) -> dict[str, float]:
    """First render (named `first`), speaker filter and text search in Chromium; the server's memory
    after them. `only_first`: the first render alone."""
    from playwright.sync_api import expect, sync_playwright

    port = free_port()
    log = open(Path(db).with_suffix(".streamlit.log"), "w")
    server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", app, *streamlit_flags(),
                               "--server.headless", "true", "--server.port", str(port),
                               "--server.address", "127.0.0.1", "--", "--db", db],
                              cwd=Path(app).parent.parent, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    out: dict[str, float] = {}
    try:
        for _ in range(240):
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.25)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1500, "height": 1200})
            metric = page.get_by_test_id("stMetric").filter(has_text="Claims").first

            def shows(n: int, timeout: float = STEP_TIMEOUT_MS) -> None:
                try:
                    expect(metric).to_have_text(re.compile(rf"^\s*Claims\s*{n:,}\s*$"), timeout=timeout)
                except AssertionError:
                    page.screenshot(path=str(Path(db).with_suffix(".failed.png")))
                    raise

            def idle(ms: int = 300) -> None:  # the page has finished its run (a person would not click before)
                page.wait_for_timeout(ms)
                expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=STEP_TIMEOUT_MS)

            t0 = time.perf_counter()
            page.goto(url)
            shows(counts["all"])
            expect(page.locator(".evidence")).to_be_visible(timeout=STEP_TIMEOUT_MS)  # the opened claim too
            out[first] = time.perf_counter() - t0
            idle(3000)
            if only_first:
                browser.close()
                return out

            page.get_by_test_id("stMultiSelect").filter(has_text="Speaker").click()
            page.keyboard.type(SPEAKER)
            option = page.get_by_role("option", name=re.compile(rf"^{SPEAKER} \("))
            expect(option).to_be_visible(timeout=STEP_TIMEOUT_MS)
            page.wait_for_timeout(500)
            t0 = time.perf_counter()
            option.click()
            shows(counts["speaker"])
            out["speaker filter"] = time.perf_counter() - t0
            page.goto(url)  # a fresh view for the searches: every claim
            shows(counts["all"])
            idle(3000)
            box = page.get_by_test_id("stTextInput").filter(has_text="Search the claims").locator("input")
            for step, query in (("text search (first)", SEARCH), ("text search (again)", SEARCH.upper())):
                box.fill(query)
                t0 = time.perf_counter()
                box.press("Enter")
                shows(counts["search"])
                out[step] = time.perf_counter() - t0
                idle()
                box.fill("")
                box.press("Enter")
                shows(counts["all"])
                idle()
            out["memory (MB)"] = rss_mb(server.pid)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    return out


# Run in a fresh process whose `claims` is the measured app's own (--app may be another checkout).
_STATUS_SAVE = """
import os, sys, time
sys.path.insert(0, sys.argv[1])
os.environ["CLAIMS_DB"] = sys.argv[3]
from streamlit.testing.v1 import AppTest
from claims.store import open_store
at = AppTest.from_file(sys.argv[2], default_timeout=900)
at.run()
at.text_input(key="reviewer").set_value("bench").run()
claim_id = at.selectbox(key="open_claim").value
at.selectbox(key=f"verdict_status_{claim_id}").set_value("false")
# a "false" verdict needs a note or a source link
at.text_area(key=f"verdict_note_{claim_id}").set_value("Bench: the ministry's figures say otherwise.")
button = at.button[[b.label for b in at.button].index("Save verdict")]
t0 = time.perf_counter()
button.click().run()
elapsed = time.perf_counter() - t0
for e in at.exception:  # reported: the page stopped there, so the figure is for a shorter run
    print("the page raised:", e.value.splitlines()[0], file=sys.stderr)
assert open_store(sys.argv[3]).claim(claim_id)["status"] == "false"
print(elapsed)
"""


def status_save(app: str, db: str) -> float:
    """Seconds of the rerun that saves a verdict from the detail form (AppTest, no browser)."""
    root = str(Path(app).resolve().parent.parent)
    done = subprocess.run([sys.executable, "-c", _STATUS_SAVE, root, app, db], cwd=root, capture_output=True,
                          text=True)
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    for line in done.stderr.splitlines():
        if line.startswith("the page raised:"):
            print("  status save: " + line, flush=True)
    return float(done.stdout.split()[-1])


def cli_export(db: str, folder: Path) -> float:
    out = folder / "all.csv"
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "claims", "export", "--format", "csv", "--db", db, "-o", str(out)],
                   cwd=ROOT, check=True, capture_output=True)
    elapsed = time.perf_counter() - t0
    out.unlink()
    return elapsed


def expected_counts(db: str) -> dict[str, int]:
    from claims.views import ClaimSet, Filters

    claims = ClaimSet.from_store(open_store(db))
    return {"all": len(claims), "speaker": len(claims.view(Filters(speaker=[SPEAKER]))),
            "search": len(claims.view(Filters(text=SEARCH)))}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--stores", default=None, help="folder to keep the stores in (default: a temporary one)")
    ap.add_argument("--app", default=str(ROOT / "dashboard" / "app.py"), help="the page to measure")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    folder = Path(args.stores or tmp.name)
    folder.mkdir(parents=True, exist_ok=True)
    results: dict[int, dict[str, float]] = {}
    for size in args.sizes:
        t0 = time.perf_counter()
        db = store_of(size, folder)
        print(f"{size:,} claims: store ready in {time.perf_counter() - t0:.0f} s", flush=True)
        work = Path(tempfile.mkdtemp(dir=folder))
        copy = str(work / "desk.db")
        shutil.copy(db, copy)  # the save writes: measure on a copy, keep the store as built
        counts = expected_counts(copy)
        # a store opened for the first time: its file checked, its claims read from the database
        shutil.rmtree(cache_folder(Path(copy)), ignore_errors=True)
        r = browser_steps(args.app, copy, counts, "first render (new)", only_first=True)
        # the server started again: what was kept beside the file is used (claims.store.desk_cache)
        r.update(browser_steps(args.app, copy, counts, "first render (restart)"))
        r["status save (AppTest)"] = status_save(args.app, copy)
        r["CLI CSV export"] = cli_export(copy, work)
        shutil.rmtree(work)
        results[size] = r
        print("  " + "  ".join(f"{k} {v:.2f}" for k, v in r.items()), flush=True)
    base = results.get(min(results))
    steps = list(next(iter(results.values())))
    print(f"\n{'':24s}" + "".join(f"{s:>18,}" for s in results))
    for step in steps:
        unit = "" if "MB" in step else " s"
        cells = [f"{results[s][step]:.2f}{unit}" + (f" ×{results[s][step] / base[step]:.1f}" if s != min(results)
                                                     else "") for s in results]
        print(f"{step:24s}" + "".join(f"{c:>18s}" for c in cells))
    print("targets at 1M: first render < 10 s, filter change and status save < 1 s, memory < 1,000 MB, "
          "CLI CSV < 5 s")
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
