"""Store commands: ingest, review, history, export, clusters, backup, restore."""
from __future__ import annotations

import argparse

from claims.cli.common import CliError, add_db_arg, add_extract_args, check_output, fetch_settings, say


def _ingest(args: argparse.Namespace) -> int:
    from claims.collect import collect
    from claims.store import ingest_summary, open_store

    if args.scheduler and args.engine != "dask":
        raise CliError("--scheduler needs --engine dask")
    settings = fetch_settings(args)
    store = open_store(args.db, init=args.init)  # a refused database is said before any extraction
    progress = None if not args.quiet else False
    round_ = collect(store, args.paths, extractor(args, progress), settings=settings, progress=progress)
    if not round_.inputs.articles:
        say("claims: no article could be read")
        return 1
    problems = round_.problems
    say(f"{store.name}: {ingest_summary(round_.totals)}" + (f"; {len(problems)} skipped" if problems else ""))
    if args.match:
        from claims.cli.checks import run_matching

        run_matching(store, args.quiet)
    return 0


def extractor(args: argparse.Namespace, progress: bool | None):
    """(articles, problems) → (articles, rows) batches, on this machine's processes or on Dask."""
    def run(articles, problems):
        if args.engine == "dask":
            from claims.distributed import ClusterError, iter_extracted_dask

            try:
                yield from iter_extracted_dask(articles, scheduler=args.scheduler, workers=args.processes,
                                               progress=progress, problems=problems)
            except ClusterError as err:
                raise CliError(str(err)) from None
            return
        from claims.extract import iter_extracted

        yield from iter_extracted(articles, processes=args.processes, progress=progress, problems=problems)
    return run


def _review(args: argparse.Namespace) -> int:
    from claims.store import StoreError, open_store
    from claims.store.statuses import needs_evidence

    correcting = args.speaker is not None or args.kind is not None or args.speaker_type is not None \
        or args.not_a_claim is not None or args.reset_correction
    if args.status is None and not correcting:
        raise CliError("review: say what to change: --status, --speaker, --kind, --not-a-claim or --reset-correction")
    store = open_store(args.db)
    claim = store.claim(args.claim_id)
    if args.status is not None and needs_evidence(args.status, args.note if args.note is not None else claim["note"],
                                                  args.source):
        raise CliError(f"review: {args.status} needs a note or a source link: add --note TEXT or --source URL")
    if correcting:
        if not args.reviewer.strip():
            raise CliError("review: a correction is signed: add --reviewer NAME")
        done = store.correct(args.claim_id, reviewer=args.reviewer, speaker=args.speaker,
                             speaker_type=args.speaker_type, kind=args.kind, not_claim=args.not_a_claim,
                             reset=args.reset_correction, note=args.note or "")
        changes = [f"speaker {claim['speaker']} → {done['speaker']}" if done["speaker"] != claim["speaker"] else "",
                   f"kind {claim['kind']} → {done['kind']}" if done["kind"] != claim["kind"] else "",
                   ("marked not a claim" if done["not_claim"] else "marked a claim again")
                   if done["not_claim"] != bool(claim["not_claim"]) else ""]
        print(f"{args.claim_id}: {'; '.join(c for c in changes if c)} (by {args.reviewer})")
    if args.status is not None:
        try:
            version = store.set_status(args.claim_id, args.status, version=claim["version"], note=args.note,
                                       reviewer=args.reviewer, evidence_urls=args.source)
        except StoreError as err:
            raise CliError(f"review: {err}") from None
        print(f"{args.claim_id}: {claim['status']} → {args.status} (version {version})")
    return 0


def _history(args: argparse.Namespace) -> int:
    from claims.labels import readable_time
    from claims.review_log import timeline
    from claims.store import StoreError, open_store

    store = open_store(args.db)
    claim = store.find_claim(args.claim_id)
    hist = timeline(store, args.claim_id)
    if claim is None and not len(hist):
        raise StoreError(f"{store.name}: no claim with id {args.claim_id!r}, and no review of one")
    if claim is None:  # its article no longer holds it; the verdicts given to it are kept
        texts = store.history(args.claim_id)["claim_text"]
        print(f"{args.claim_id}  (no longer in its article; its reviews are kept, orphaned)  "
              f"{texts.iloc[-1] if len(texts) else ''}")
    else:
        print(f"{args.claim_id}  [{claim['status']}]  {claim['speaker']}: {claim['text']}"
              + ("  (marked not a claim)" if claim["not_claim"] else ""))
    for r in hist.itertuples():
        flag = "  (orphaned: the claim is no longer in its article)" if r.orphaned else ""
        sources = f"  sources: {' '.join(r.sources)}" if r.sources else ""
        what = "" if r.change == "status" else f"{r.change}: "
        print(f"{readable_time(r.at)}  {r.reviewer or '-'}  {what}{r.old or '-'} → {r.new}  {r.note}{sources}{flag}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from claims.export_formats import SUFFIXES
    from claims.store.filecheck import start_check
    from claims.store.location import default_db_url, sqlite_file

    check_output(args.output, SUFFIXES[args.format])  # a format and file name that disagree: said first
    db = args.db or default_db_url()
    checked = start_check(sqlite_file(db))  # reads every page of the file while pandas and the rest load

    from claims.settings import SettingError, desk_settings
    from claims.store import open_store
    from claims.store.export import export_store

    try:
        settings = desk_settings(args.desk_name, args.review_url)
    except SettingError as err:
        raise CliError(str(err)) from None
    store = open_store(db, checked=checked)
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
    from claims.export_formats import FORMATS
    from claims.labels import LANGUAGES
    from claims.schema import KINDS, SPEAKER_TYPES

    p = sub.add_parser("ingest", help="extract articles and store their claims")
    add_extract_args(p)
    p.add_argument("--engine", choices=["processes", "dask"], default="processes",
                   help="processes: this machine's cores (default); dask: a Dask cluster")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="with --engine dask: a running scheduler (tcp://host:8786); default: a local cluster "
                        "with --processes workers (one per core)")
    p.add_argument("--match", action="store_true",
                   help="then compare the new claims with published checks and earlier verdicts (as `claims match`)")
    add_db_arg(p, init=True)
    p.set_defaults(func=_ingest)

    p = sub.add_parser("review", help="set a claim's verification status, or correct its speaker or kind")
    p.add_argument("claim_id")
    p.add_argument("--status", default=None, help="the verdict (false, misleading and mostly_true need a note "
                                                   "or a --source)")
    p.add_argument("--note", default=None)
    p.add_argument("--source", action="append", default=None, metavar="URL",
                   help="a source link (http/https) backing the verdict (repeatable)")
    p.add_argument("--speaker", default=None, metavar="NAME", help="correct the speaker (a known actor or any name)")
    p.add_argument("--speaker-type", default=None, choices=SPEAKER_TYPES,
                   help="the corrected speaker's type (default: the store's or the alias file's, else person)")
    p.add_argument("--kind", default=None, choices=list(KINDS), help="correct the kind of claim")
    p.add_argument("--not-a-claim", dest="not_a_claim", action="store_const", const=True, default=None,
                   help="mark the row « not a claim » (hidden from the desk by default)")
    p.add_argument("--is-a-claim", dest="not_a_claim", action="store_const", const=False,
                   help="undo --not-a-claim")
    p.add_argument("--reset-correction", action="store_true", help="go back to the extractor's speaker and kind")
    p.add_argument("--reviewer", default="", help="your name: signs the verdict or correction")
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
