"""Extraction on a Dask cluster (dask.distributed), for corpora past one machine.

The unit of work is the same as on one machine, `claims.extract.extract_rows` on a batch of articles;
each worker process loads the spaCy model once (`load_model` is cached per process) and sends back
plain rows. Results come back in submission order, so what is written to the store, and in which
order, is the same as with one process: same rows, same ids, same clusters.
"""
from __future__ import annotations

import logging
import sys
from collections import deque
from collections.abc import Iterator

from tqdm import tqdm

from claims.articles import Article
from claims.extract import batches, default_processes, extract_batch


class ClusterError(RuntimeError):
    """The Dask cluster cannot be reached or started; the message says which and why."""


# Worker settings for extraction: no statistical profiler walking spaCy's deep stacks every 10 ms,
# and glibc's own malloc trimming: this environment replaces Dask's default one, leaving out its
# MALLOC_TRIM_THRESHOLD_=65536, which makes spaCy's many small allocations cost system calls.
# Together about 15 % of a worker's time.
WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1},
}


def local_cluster(workers: int | None = None):
    """A Dask cluster on this machine: `workers` processes (default: one per core), one thread each."""
    import dask
    from dask.distributed import LocalCluster

    with dask.config.set(WORKER_CONFIG):
        return LocalCluster(n_workers=workers or default_processes(), threads_per_worker=1, processes=True,
                            dashboard_address=None, silence_logs=logging.ERROR)


def _warm() -> None:
    """Load the model on a worker before work arrives (runs once on every worker)."""
    from claims.nlp import load_model

    load_model()


def iter_extracted_dask(articles: list[Article], scheduler: str | None = None, workers: int | None = None,
                        chunk_size: int = 8, progress: bool | None = None, window: int | None = None,
                        problems: list[str] | None = None) -> Iterator[tuple[list[Article], list[dict]]]:
    """(articles, rows) batches in input order, extracted on a Dask cluster.

    `scheduler`: address of a running cluster (tcp://host:8786), whose workers have this package
    installed; without it a local cluster starts with `workers` worker processes (default: one per
    core) and stops at the end. At most `window` batches are in flight, so memory stays bounded on
    corpora of any size; a batch lost with a dying worker is recomputed by the scheduler.
    """
    from dask.distributed import Client

    logging.getLogger("distributed").setLevel(logging.WARNING)  # its start-up chatter hides the progress bar
    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout="30s")
        except (OSError, TimeoutError) as err:
            raise ClusterError(f"no Dask scheduler answers at {scheduler} ({err})") from None
    else:
        cluster = local_cluster(workers)
        client = Client(cluster)
    show = progress if progress is not None else (len(articles) > 1 and sys.stderr.isatty())
    bar = tqdm(total=len(articles), unit="article", desc="extracting (dask)", disable=not show, file=sys.stderr)
    try:
        n_workers = len(client.nthreads()) or 1
        client.run(_warm)
        chunks = iter(batches(articles, chunk_size))
        pending: deque = deque()
        window = window or 4 * n_workers

        def fill() -> None:
            while len(pending) < window:
                chunk = next(chunks, None)
                if chunk is None:
                    return
                pending.append((chunk, client.submit(extract_batch, chunk, pure=False, retries=2)))

        fill()
        while pending:
            chunk, future = pending.popleft()
            batch = future.result()
            future.release()
            fill()
            bar.update(len(chunk))
            yield batch.report(problems)
    finally:
        bar.close()
        client.close()
        if cluster is not None:
            cluster.close()
