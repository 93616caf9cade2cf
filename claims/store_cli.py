"""Store commands: ingest, review, history, export, clusters."""
from __future__ import annotations

import argparse
import sys

from claims.articles import iter_articles
from claims.store import StoreError, ingest_summary, open_store
from claims.store.export import FORMATS, export_store


def _ingest(args: argparse.Namespace) -> int:
    if args.scheduler and args.engine != "dask":
        print("claims: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    problems: list[str] = []
    articles = list(iter_articles(args.paths, problems))
    if not articles:
        print("claims: no article could be read", file=sys.stderr)
        return 1
    store = open_store(args.db)
    progress = None if not args.quiet else False
    if args.engine == "dask":
        from claims.distributed import iter_extracted_dask

        batches = iter_extracted_dask(articles, scheduler=args.scheduler, workers=args.processes, progress=progress)
    else:
        from claims.extract import iter_extracted

        batches = iter_extracted(articles, processes=args.processes, progress=progress)
    totals = store.ingest_batches(batches)
    print(f"{store.name}: {ingest_summary(totals)}" + (f"; {len(problems)} files skipped" if problems else ""),
          file=sys.stderr)
    return 0


def _review(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    claim = store.claim(args.claim_id)
    version = store.set_status(args.claim_id, args.status, version=claim["version"], note=args.note,
                               reviewer=args.reviewer)
    print(f"{args.claim_id}: {claim['status']} → {args.status} (version {version})")
    return 0


def _history(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    claim = store.claim(args.claim_id)
    print(f"{args.claim_id}  [{claim['status']}]  {claim['speaker']}: {claim['text']}")
    for r in store.history(args.claim_id).itertuples():
        flag = "  (orphaned: the claim is no longer in its article)" if r.orphaned else ""
        print(f"{r.at}  {r.reviewer or '-'}  {r.old_status} → {r.new_status}  {r.note}{flag}")
    return 0


def _export(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    ids = _view_ids(store, args.view) if args.view else None
    n = export_store(store, args.output, args.format, status=args.status, speaker=args.speaker, bom=args.bom, ids=ids)
    print(f"{n} records → {args.output}", file=sys.stderr)
    return 0


def _view_ids(store, query: str):
    """Ids of the claims a dashboard view shows; `query` is its link's query string (speaker=…&text=…)."""
    from urllib.parse import parse_qs

    from claims.views import ClaimSet, Filters

    params = parse_qs(query.lstrip("?"))
    return ClaimSet.from_store(store).view(Filters.from_params(lambda k: params.get(k, []))).ids()


def _clusters(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    if args.set_status:
        n = store.set_cluster_status(args.set_status[0], args.set_status[1], note=args.note, reviewer=args.reviewer)
        print(f"{n} claims set to {args.set_status[1]}")
        return 0
    print(store.clusters(min_articles=args.min_articles).to_string(index=False))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    from claims.cli import add_extract_args

    def db(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", default=None, help="database file or URL (default: $CLAIMS_DB or data/claims.db)")

    p = sub.add_parser("ingest", help="extract articles and store their claims")
    add_extract_args(p)
    p.add_argument("--engine", choices=["processes", "dask"], default="processes",
                   help="processes: this machine's cores (default); dask: a Dask cluster")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="with --engine dask: a running scheduler (tcp://host:8786); default: a local cluster "
                        "with --processes workers (one per core)")
    db(p)
    p.set_defaults(func=_ingest)

    p = sub.add_parser("review", help="set a claim's verification status")
    p.add_argument("claim_id")
    p.add_argument("--status", required=True)
    p.add_argument("--note", default=None)
    p.add_argument("--reviewer", default="")
    db(p)
    p.set_defaults(func=_review)

    p = sub.add_parser("history", help="a claim's review history")
    p.add_argument("claim_id")
    db(p)
    p.set_defaults(func=_history)

    p = sub.add_parser("export", help="export stored claims")
    p.add_argument("--format", choices=FORMATS, default="csv")
    p.add_argument("--status", action="append", help="only this status (repeatable)")
    p.add_argument("--speaker", action="append", help="only this speaker (repeatable)")
    p.add_argument("--view", default=None, metavar="QUERY",
                   help="only the claims of a dashboard view: its link's query string (speaker=Trump&text=sanctions)")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--bom", action="store_true", help="CSV with a UTF-8 BOM (Excel)")
    db(p)
    p.set_defaults(func=_export)

    p = sub.add_parser("clusters", help="list repeated claims, or set a verdict on a whole cluster")
    p.add_argument("--min-articles", type=int, default=1)
    p.add_argument("--set-status", nargs=2, metavar=("CLUSTER_ID", "STATUS"))
    p.add_argument("--note", default=None)
    p.add_argument("--reviewer", default="")
    db(p)
    p.set_defaults(func=_clusters)


def run_guarded(func, args: argparse.Namespace) -> int:
    from claims.distributed import ClusterError

    try:
        return func(args)
    except (StoreError, ClusterError) as err:
        print(f"claims: {err}", file=sys.stderr)
        return 2
