"""Commands that read articles without a store: extract, evaluate."""
from __future__ import annotations

import argparse

from claims.cli.common import CliError, add_extract_args, check_output, fetch_settings, say


def _extract(args: argparse.Namespace) -> int:
    from claims.extract import extract
    from claims.schema import write_frame
    from claims.sources.inputs import read_inputs

    check_output(args.output, (".csv", ".jsonl"))
    inputs = read_inputs(args.paths, settings=fetch_settings(args), progress=None if not args.quiet else False)
    problems, articles = inputs.problems, inputs.articles
    if not articles:
        say("claims: no article could be read")
        return 1
    df = extract(articles=articles, processes=args.processes, progress=None if not args.quiet else False,
                 problems=problems)
    try:
        write_frame(df, args.output, bom=args.bom)
    except OSError as err:
        raise CliError(f"{args.output}: cannot write ({err.strerror or err})") from None
    say(f"{len(df)} claims from {len(articles)} articles → {args.output}"
        + (f" ({len(problems)} skipped)" if problems else ""))
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from claims.evaluate import GoldError, evaluate_files

    try:
        scores = evaluate_files(args.gold, processes=args.processes)
    except GoldError as err:
        raise CliError(str(err)) from None
    for name, score in scores.items():
        if args.errors and name != "all":
            print("\n".join(score.errors))
        print(f"== {name}\n{score.report()}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
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
