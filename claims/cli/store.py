"""Store commands: ingest, review, history, export, clusters, backup, restore."""
from __future__ import annotations

import argparse

from claims.cli.common import CliError, add_db_arg, add_extract_args, check_output, say


def _ingest(args: argparse.Namespace) -> int:
    from claims.articles import iter_articles
    from claims.store import ingest_summary, open_store

    if args.scheduler and args.engine != "dask":
        raise CliError("--scheduler needs --engine dask")
    store = open_store(args.db, init=args.init)  # a refused database is said before any extraction
    problems: list[str] = []
    articles = list(iter_articles(args.paths, problems))
    if not articles:
        say("claims: no article could be read")
        return 1
    progress = None if not args.quiet else False
    if args.engine == "dask":
        from claims.distributed import ClusterError, iter_extracted_dask

        batches = iter_extracted_dask(articles, scheduler=args.scheduler, workers=args.processes, progress=progress,
                                      problems=problems)
        try:
            totals = store.ingest_batches(batches, problems)
        except ClusterError as err:
            raise CliError(str(err)) from None
    else:
        from claims.extract import iter_extracted

        totals = store.ingest_batches(iter_extracted(articles, processes=args.processes, progress=progress,
                                                     problems=problems),
                                      problems)
    say(f"{store.name}: {ingest_summary(totals)}" + (f"; {len(problems)} skipped" if problems else ""))
    return 0


def _review(args: argparse.Namespace) -> int:
    from claims.store import open_store

    store = open_store(args.db)
    claim = store.claim(args.claim_id)
    version = store.set_status(args.claim_id, args.status, version=claim["version"], note=args.note,
                               reviewer=args.reviewer)
    print(f"{args.claim_id}: {claim['status']} → {args.status} (version {version})")
    return 0


def _history(args: argparse.Namespace) -> int:
    from claims.store import StoreError, open_store

    store = open_store(args.db)
    claim = store.find_claim(args.claim_id)
    hist = store.history(args.claim_id)
    if claim is None and not len(hist):
        raise StoreError(f"{store.name}: no claim with id {args.claim_id!r}, and no review of one")
    if claim is None:  # its article no longer holds it; the verdicts given to it are kept
        print(f"{args.claim_id}  (no longer in its article; its reviews are kept, orphaned)  "
              f"{hist['claim_text'].iloc[-1]}")
    else:
        print(f"{args.claim_id}  [{claim['status']}]  {claim['speaker']}: {claim['text']}")
    for r in hist.itertuples():
        flag = "  (orphaned: the claim is no longer in its article)" if r.orphaned else ""
        print(f"{r.at}  {r.reviewer or '-'}  {r.old_status} → {r.new_status}  {r.note}{flag}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from claims.settings import SettingError, desk_settings
    from claims.store import open_store
    from claims.store.export import SUFFIXES, export_store

    check_output(args.output, SUFFIXES[args.format])  # a format and file name that disagree: said first
    try:
        settings = desk_settings(args.desk_name, args.review_url)
    except SettingError as err:
        raise CliError(str(err)) from None
    store = open_store(args.db)
    try:
        ids = _view_ids(store, args.view) if args.view else None
        n = export_store(store, args.output, args.format, status=args.status, speaker=args.speaker, bom=args.bom,
                         ids=ids, lang=args.lang, settings=settings)
    except OSError as err:
        raise CliError(f"{args.output}: cannot write ({err.strerror or err})") from None
    except ValueError as err:  # more claims than an .xlsx sheet holds
        raise CliError(f"{args.output}: {err}") from None
    say(f"{n} records → {args.output}")
    return 0


def _view_ids(store, query: str):
    """Ids of the claims a dashboard view shows; `query` is its link's query string (speaker=…&text=…)."""
    from urllib.parse import parse_qs

    from claims.views import ClaimSet, Filters

    params = parse_qs(query.lstrip("?"))
    return ClaimSet.from_store(store).view(Filters.from_params(lambda k: params.get(k, []))).ids()


def _clusters(args: argparse.Namespace) -> int:
    from claims.store import open_store

    store = open_store(args.db)
    if args.set_status:
        n = store.set_cluster_status(args.set_status[0], args.set_status[1], note=args.note, reviewer=args.reviewer)
        print(f"{n} claims set to {args.set_status[1]}")
        return 0
    print(store.clusters(min_articles=args.min_articles).to_string(index=False))
    return 0


def _backup(args: argparse.Namespace) -> int:
    from claims.store import open_store
    from claims.store.backup import backup

    store = open_store(args.db)
    n = backup(store, args.output)
    say(f"{store.name} → {args.output}: {n['claims']} claims, {n['reviews']} reviews")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from claims.store.backup import restore

    kept, counts = restore(args.backup, args.db)
    say(f"{args.backup} restored: {counts['claims']} claims, {counts['reviews']} reviews"
        + (f"; the database it replaced is kept as {kept}" if kept else ""))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    from claims.labels import LANGUAGES
    from claims.store.export import FORMATS

    p = sub.add_parser("ingest", help="extract articles and store their claims")
    add_extract_args(p)
    p.add_argument("--engine", choices=["processes", "dask"], default="processes",
                   help="processes: this machine's cores (default); dask: a Dask cluster")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="with --engine dask: a running scheduler (tcp://host:8786); default: a local cluster "
                        "with --processes workers (one per core)")
    add_db_arg(p, init=True)
    p.set_defaults(func=_ingest)

    p = sub.add_parser("review", help="set a claim's verification status")
    p.add_argument("claim_id")
    p.add_argument("--status", required=True)
    p.add_argument("--note", default=None)
    p.add_argument("--reviewer", default="")
    add_db_arg(p)
    p.set_defaults(func=_review)

    p = sub.add_parser("history", help="a claim's review history (also of a claim no longer in its article)")
    p.add_argument("claim_id")
    add_db_arg(p)
    p.set_defaults(func=_history)

    p = sub.add_parser("export", help="export stored claims")
    p.add_argument("--format", choices=FORMATS, default="csv",
                   help="csv; excel-fr: ';'-separated CSV with a BOM and decimal commas, for French Excel; "
                        "xlsx: an Excel workbook; jsonl; claimreview: JSON-LD of the claims with a verdict")
    p.add_argument("--lang", choices=LANGUAGES, default="en",
                   help="language of the column headers and of the words for statuses, certainty, markers "
                        "(csv, excel-fr, xlsx)")
    p.add_argument("--desk-name", default=None,
                   help="ClaimReview author: the desk's name (default: $CLAIMS_DESK_NAME)")
    p.add_argument("--review-url", default=None, metavar="TEMPLATE",
                   help="ClaimReview url: the address of a check, with {claim_id} "
                        "(https://desk.example/checks/{claim_id}; default: $CLAIMS_REVIEW_URL)")
    p.add_argument("--status", action="append", help="only this status (repeatable)")
    p.add_argument("--speaker", action="append", help="only this speaker (repeatable)")
    p.add_argument("-o", "--output", required=True,
                   help="output file: .csv, .xlsx, .jsonl, or .json for claimreview")
    p.add_argument("--bom", action="store_true", help="CSV with a UTF-8 BOM (Excel)")
    p.add_argument("--view", default=None, metavar="QUERY",
                   help="only the claims of a dashboard view: its link's query string (speaker=Trump&text=sanctions)")
    add_db_arg(p)
    p.set_defaults(func=_export)

    p = sub.add_parser("clusters", help="list repeated claims, or set a verdict on a whole cluster")
    p.add_argument("--min-articles", type=int, default=1)
    p.add_argument("--set-status", nargs=2, metavar=("CLUSTER_ID", "STATUS"))
    p.add_argument("--note", default=None)
    p.add_argument("--reviewer", default="")
    add_db_arg(p)
    p.set_defaults(func=_clusters)

    p = sub.add_parser("backup", help="a consistent copy of a SQLite store, safe while the dashboard runs")
    p.add_argument("output", help="the backup file to write (must not exist)")
    add_db_arg(p)
    p.set_defaults(func=_backup)

    p = sub.add_parser("restore", help="bring a backup back as the store (the current one is kept aside)")
    p.add_argument("backup", help="a file made by `claims backup`")
    add_db_arg(p)
    p.set_defaults(func=_restore)
