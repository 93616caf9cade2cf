"""Articles per second on one machine's processes and on a Dask cluster, on the same corpus.

    python bench/bench_scale.py [--articles 400]

Target (issue #5): Dask with 2 workers ≥ 1.7× one process on a 2-core machine. The Dask cluster is
started and its workers have loaded the model before the clock starts (a real cluster stays up);
its start-up time is printed apart.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claims.distributed import _warm, iter_extracted_dask, local_cluster  # noqa: E402
from claims.extract import iter_extracted, load_model  # noqa: E402
from claims.sample import sample_corpus  # noqa: E402


def timed(batches) -> tuple[float, int]:
    t0 = time.perf_counter()
    n = sum(len(rows) for _, rows in batches)
    return time.perf_counter() - t0, n


def main() -> int:
    from dask.distributed import Client

    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=400)
    args = ap.parse_args()
    articles = sample_corpus(args.articles)
    load_model()
    list(iter_extracted(articles[:8], processes=1, progress=False))  # warm up

    t_one, claims = timed(iter_extracted(articles, processes=1, progress=False))
    t_two, _ = timed(iter_extracted(articles, processes=2, progress=False))
    t0 = time.perf_counter()
    with local_cluster(2) as cluster, Client(cluster) as client:
        client.run(_warm)
        t_start = time.perf_counter() - t0
        t_dask, _ = timed(iter_extracted_dask(articles, scheduler=cluster.scheduler_address, progress=False))
    n = len(articles)
    print(f"corpus: {n} articles, {claims:,} claims")
    print(f"1 process          {t_one:7.2f} s  {n / t_one:7.1f} articles/s")
    print(f"--processes 2      {t_two:7.2f} s  {n / t_two:7.1f} articles/s  {t_one / t_two:5.2f}×")
    print(f"dask, 2 workers    {t_dask:7.2f} s  {n / t_dask:7.1f} articles/s  {t_one / t_dask:5.2f}×  "
          f"(target ≥ 1.7×; cluster start and model load: {t_start:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
