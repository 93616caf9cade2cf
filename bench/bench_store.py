"""What the claim store costs: ingest against extraction, and CSV export of a million claims.

    python bench/bench_store.py [--articles 1000] [--export-rows 1000000]

Targets (issue #3): storing adds ≤ 10 % to extraction time on ingest, and a CSV export of
1,000,000 claim rows takes under 10 s.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select  # noqa: E402

from claims.extract import iter_extracted, load_model  # noqa: E402
from claims.sample import sample_corpus  # noqa: E402
from claims.store import open_store  # noqa: E402
from claims.store import tables as t  # noqa: E402
from claims.store.export import export_store  # noqa: E402


def bench_ingest(n_articles: int, db: str) -> tuple[float, float, int]:
    """Extraction time, store time and claims for n articles, extracted in one process."""
    articles = sample_corpus(n_articles)
    load_model()
    t0 = time.perf_counter()
    batches = list(iter_extracted(articles, processes=1, progress=False))
    t_extract = time.perf_counter() - t0
    store = open_store(db)
    t0 = time.perf_counter()
    store.ingest_batches(batches)
    t_store = time.perf_counter() - t0
    return t_extract, t_store, sum(len(rows) for _, rows in batches)


def fill_claims(db: str, target: int) -> int:
    """Copy the stored claims under new ids until the table holds `target` rows."""
    store = open_store(db)
    with store.engine.begin() as conn:
        template = [dict(r) for r in conn.execute(select(t.claims)).mappings()]
        have = len(template)
        copy = 0
        while have < target:
            copy += 1
            chunk = []
            for r in template[: target - have]:
                chunk.append({**r, "claim_id": f"{r['claim_id'][:10]}{copy:06d}"})
            conn.execute(insert(t.claims), chunk)
            have += len(chunk)
    return have


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--export-rows", type=int, default=1_000_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        t_extract, t_store, n_claims = bench_ingest(args.articles, db)
        overhead = t_store / t_extract
        print(f"ingest: {args.articles} articles, {n_claims:,} claims")
        print(f"  extraction {t_extract:7.2f} s   {n_claims / t_extract:9,.0f} claims/s")
        print(f"  store      {t_store:7.2f} s   {n_claims / t_store:9,.0f} rows/s")
        print(f"  store / extraction: {overhead:.1%}  (target ≤ 10 %)")

        t0 = time.perf_counter()
        rows = fill_claims(db, args.export_rows)
        print(f"export: {rows:,} claim rows (filled in {time.perf_counter() - t0:.1f} s)")
        out = str(Path(tmp) / "claims.csv")
        t0 = time.perf_counter()
        written = export_store(open_store(db), out, "csv")
        t_export = time.perf_counter() - t0
        size = Path(out).stat().st_size / 1e6
        print(f"  CSV export {t_export:7.2f} s   {written / t_export:9,.0f} rows/s   ({size:,.0f} MB)  (target < 10 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
