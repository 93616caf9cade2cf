"""The export command on a big store: `claims export` of every claim, as a desk runs it.

    python bench/bench_export.py [--size 1000000] [--stores DIR] [--runs 3] [--formats csv excel-fr]

The store is built like bench/bench_dashboard.py builds its stores (200 sample articles published over 90
days, their claims copied up to the size; `--stores DIR` keeps it between runs). Each run starts the
command in a new process (start-up, opening checks and imports included) and reports its wall time, the
CPU time it used (on a busy machine wall time waits for the CPU; CPU time is what a quiet machine's
wall time would be) and its peak memory; then the phases in one process: the store's opening check,
reading in storage order, rendering the reading-order columns and the CSV bytes, and writing in article
order.

Target (issue #13): a CSV of every claim of a million-claim store by the command line in under 5 s.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_dashboard import store_of  # noqa: E402


def run_cli(db: str, out: Path, fmt: str) -> tuple[float, float, float]:
    """(wall s, CPU s, peak MB) of one `claims export` in a new process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "claims", "export", "--format", fmt, "--db", db, "-o", str(out)],
                          cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise SystemExit(done.stderr)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024


def phases(db: str, out: Path) -> dict[str, float]:
    """CPU seconds of each step of the CSV export, in this process."""
    from claims.direct_file import DirectFile
    from claims.exports import SOURCE_COLUMNS, csv_header, csv_rows, reading_table
    from claims.store import open_store
    from claims.store.columnar import ORDER, claim_source, write_in_article_order
    from claims.store.filecheck import check_sqlite_file

    clock = time.process_time
    spent = {"opening check (quick_check)": 0.0, "read (ADBC, storage order)": 0.0, "reading-order columns": 0.0,
             "CSV bytes": 0.0}
    t = clock()
    check_sqlite_file(Path(db))
    spent["opening check (quick_check)"] = clock() - t
    store = open_store(db)
    source = claim_source(store, None, None, [*SOURCE_COLUMNS, *(k for k, _ in ORDER)])
    t = clock()
    for _ in source.batches(store, source.query, adbc=True):
        pass
    spent["read (ADBC, storage order)"] = clock() - t

    def render(batch, room):
        a = clock()
        table = reading_table(batch)
        b = clock()
        rows = csv_rows(table, ",", room)
        spent["reading-order columns"] += b - a
        spent["CSV bytes"] += clock() - b
        return rows

    t = clock()
    with DirectFile(str(out)) as fh:
        fh.write(csv_header())
        write_in_article_order(store, render, fh.write, adbc=True, columns=SOURCE_COLUMNS)
    total = clock() - t
    spent["order check and write in article order"] = total - spent["read (ADBC, storage order)"] \
        - spent["reading-order columns"] - spent["CSV bytes"]
    return spent


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=1_000_000)
    ap.add_argument("--stores", default=None, help="folder to keep the store in between runs")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--formats", nargs="+", default=["csv", "excel-fr"])
    args = ap.parse_args()
    folder = Path(args.stores) if args.stores else Path(__import__("tempfile").mkdtemp(prefix="bench_export_"))
    folder.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    db = store_of(args.size, folder)
    print(f"store: {args.size:,} claims, {Path(db).stat().st_size / 1e6:,.0f} MB ({time.perf_counter() - t0:.0f} s "
          f"to build or find); load average {os.getloadavg()[0]:.1f}", flush=True)
    out = folder / "export.csv"
    for fmt in args.formats:
        runs = [run_cli(db, out, fmt) for _ in range(args.runs)]
        walls, cpus = [r[0] for r in runs], [r[1] for r in runs]
        size = out.stat().st_size / 1e6
        print(f"claims export --format {fmt}: wall {min(walls):.2f} s best, {statistics.median(walls):.2f} s median; "
              f"CPU {min(cpus):.2f} s; peak {max(r[2] for r in runs):,.0f} MB; {size:,.0f} MB written "
              f"(target < 5 s at 1M)", flush=True)
    for name, seconds in phases(db, out).items():
        print(f"  {name:40} {seconds:6.2f} s CPU")
    out.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
