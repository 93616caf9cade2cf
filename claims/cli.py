"""Command line: python -m claims COMMAND … (extract, evaluate, ingest, review, history, export, clusters)."""
from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable

from claims.articles import iter_articles

log = logging.getLogger("claims")


def _extract(args: argparse.Namespace) -> int:
    from claims.extract import extract
    from claims.schema import write_frame

    if not args.output.endswith((".csv", ".jsonl")):
        raise SystemExit(f"claims: {args.output}: output must end in .csv or .jsonl")
    problems: list[str] = []
    articles = list(iter_articles(args.paths, problems))
    if not articles:
        print("claims: no article could be read", file=sys.stderr)
        return 1
    df = extract(articles=articles, processes=args.processes, progress=None if not args.quiet else False,
                 problems=problems)
    write_frame(df, args.output, bom=args.bom)
    print(f"{len(df)} claims from {len(articles)} articles → {args.output}"
          + (f" ({len(problems)} skipped)" if problems else ""), file=sys.stderr)
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from claims.evaluate import GoldError, evaluate_files

    try:
        scores = evaluate_files(args.gold, processes=args.processes)
    except GoldError as err:
        print(f"claims: {err}", file=sys.stderr)
        return 1
    for name, score in scores.items():
        if args.errors and name != "all":
            print("\n".join(score.errors))
        print(f"== {name}\n{score.report()}")
    return 0


def add_extract_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", help="article files (.txt, .md) or folders of them")
    p.add_argument("--processes", type=int, default=None,
                   help="worker processes, or the local Dask cluster's workers (default: all cores)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m claims", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract claims from articles into a CSV or JSONL file")
    add_extract_args(p)
    p.add_argument("-o", "--output", required=True, help="output file, ending in .csv or .jsonl")
    p.add_argument("--bom", action="store_true", help="CSV with a UTF-8 BOM (for Excel)")
    p.set_defaults(func=_extract)

    p = sub.add_parser("evaluate", help="score extraction on annotated gold JSONL")
    p.add_argument("gold", nargs="+", help="gold JSONL files, e.g. tests/data/gold/dev.jsonl dev_paragraphs.jsonl")
    p.add_argument("--errors", action="store_true", help="list every miss, extra and wrong speaker")
    p.add_argument("--processes", type=int, default=1)
    p.set_defaults(func=_evaluate)

    for register in _EXTRA_COMMANDS:
        register(sub)
    return parser


def _store_commands(sub: argparse._SubParsersAction) -> None:
    from claims.store_cli import register

    register(sub)


_EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [_store_commands]


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="claims: %(message)s", stream=sys.stderr)
    args = build_parser().parse_args(argv)
    from claims.store_cli import run_guarded

    try:
        return run_guarded(args.func, args)
    except KeyboardInterrupt:
        print("claims: interrupted", file=sys.stderr)
        return 130
