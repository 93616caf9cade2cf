"""The dashboard's own work on a big store: filter 100,000 claims and build the table and chart data.

    python bench/bench_dashboard.py [--claims 100000]

Target (issue #4): under 1 s from a filter change to the table and charts data, outside the browser.
Loading the claims from the database happens once per change of the store (cached), reported apart.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_store import fill_claims  # noqa: E402
from sqlalchemy import select, update  # noqa: E402

from claims import views  # noqa: E402
from claims.extract import iter_extracted  # noqa: E402
from claims.sample import sample_corpus  # noqa: E402
from claims.store import open_store  # noqa: E402
from claims.store import tables as t  # noqa: E402
from claims.store.statuses import status_names  # noqa: E402


def build(db: str, n_claims: int) -> None:
    """Sample articles spread over 90 days, their claims copied up to n_claims."""
    store = open_store(db)
    store.ingest_batches(iter_extracted(sample_corpus(200), processes=2, progress=False))
    with store.engine.begin() as conn:
        ids = conn.execute(select(t.articles.c.article_id)).scalars().all()
        for i, article_id in enumerate(ids):
            day = (date(2026, 9, 1) + timedelta(days=i % 90)).isoformat()
            conn.execute(update(t.articles).where(t.articles.c.article_id == article_id).values(published=day))
            conn.execute(update(t.claims).where(t.claims.c.article_id == article_id).values(published=day))
    fill_claims(db, n_claims)


def interaction(claims: views.ClaimSet, f: views.Filters, statuses: list[str]) -> int:
    """What one rerun of the app computes after a filter change."""
    claims.facet_counts(f)
    view = claims.filter(f)
    views.headline(view)
    views.claims_per_speaker(view)
    views.certainty_by_speaker(view)
    views.status_counts(view, statuses)
    views.claims_over_time(view, "published")
    views.speaker_about(view)
    views.sorted_view(view, "least certain first").iloc[:100]
    return len(view)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--claims", type=int, default=100_000)
    args = ap.parse_args()
    statuses = status_names()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        build(db, args.claims)
        t0 = time.perf_counter()
        frame = open_store(db).claims_frame()
        t_read = time.perf_counter() - t0
        t0 = time.perf_counter()
        claims = views.ClaimSet(frame)
        t_prepare = time.perf_counter() - t0
        print(f"{len(claims):,} claims: read from the store {t_read:.2f} s, prepared {t_prepare:.2f} s (once, cached)")
        cases = {
            "no filter": views.Filters(),
            "speaker Mike Pompeo": views.Filters(speaker=["Mike Pompeo"]),
            "speaker + certainty + marker": views.Filters(speaker=["Trump", "Sergueï Lavrov"],
                                                          certainty=["reported", "hedged"], marker=["none"]),
            "text search 'venezuela'": views.Filters(text="venezuela"),
            "about Russie + date range": views.Filters(about=["Russie"], date_from=date(2026, 9, 10),
                                                       date_to=date(2026, 10, 10)),
        }
        worst = 0.0
        for name, f in cases.items():
            times = []
            for _ in range(3):
                t0 = time.perf_counter()
                n = interaction(claims, f, statuses)
                times.append(time.perf_counter() - t0)
            worst = max(worst, min(times))
            print(f"  {name:32s} {n:8,} claims in view   {min(times) * 1000:7.0f} ms")
        print(f"slowest filter → table and charts data: {worst * 1000:.0f} ms  (target < 1000 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
