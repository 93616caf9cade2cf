"""Fact-check commands: import-checks (ClaimReview files or URLs), match (the "checked before?" run)."""
from __future__ import annotations

import argparse

from claims.cli.common import add_db_arg, say


def _progress(quiet: bool, what: str):
    """A tqdm bar on stderr, updated with (done, total); None when quiet."""
    if quiet:
        return None, lambda: None
    from tqdm import tqdm

    bar = tqdm(total=0, unit=" items", desc=what, leave=False)

    def update(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    return update, bar.close


def run_matching(store, quiet: bool) -> None:
    from claims.checks.matching import refresh
    from claims.nlp import load_model

    update, close = _progress(quiet, "matching")
    try:
        report = refresh(store, load_model(), progress=update)
    finally:
        close()
    say(f"{store.name}: {report}")


def _report(problems: list[str], per_source: int = 10) -> None:
    """Each skipped item named, up to `per_source` a source (a file that is not ClaimReview at all would
    otherwise print a line per item); the rest counted."""
    shown: dict[str, int] = {}
    for problem in problems:
        source = problem.split(": item ")[0].split(": line ")[0]
        shown[source] = shown.get(source, 0) + 1
        if shown[source] <= per_source:
            say(f"claims: {problem}")
    for source, n in shown.items():
        if n > per_source:
            say(f"claims: {source}: … and {n - per_source} more items skipped")


def _import_checks(args: argparse.Namespace) -> int:
    from claims.checks.claimreview import read_source
    from claims.store import open_store

    store = open_store(args.db)  # a refused database is said before reading anything
    checks, problems = [], []
    for source in args.sources:
        parsed = read_source(source)
        checks.extend(parsed.checks)
        problems.extend(parsed.problems)
        if parsed.checks:
            say(f"{source}: {len(parsed.checks)} ClaimReview read")
    _report(problems)
    if not checks:
        say("claims: no ClaimReview could be read")
        return 1
    counts = store.import_checks([c.as_row() for c in checks])
    say(f"{store.name}: {counts['new']} new checks, {counts['updated']} updated, {counts['unchanged']} already "
        "stored" + (f"; {len(problems)} item(s) skipped" if problems else ""))
    if not args.no_match:
        run_matching(store, args.quiet)
    return 0


def _match(args: argparse.Namespace) -> int:
    from claims.store import open_store

    run_matching(open_store(args.db), args.quiet)
    return 0


def register(sub) -> None:
    p = sub.add_parser("import-checks", help="import published fact-checks (ClaimReview) and match the claims")
    p.add_argument("sources", nargs="+", metavar="FILE_OR_URL",
                   help="ClaimReview JSON-LD (object, list, @graph, DataFeed) or JSON lines, a file or an http(s) URL")
    p.add_argument("--no-match", action="store_true", help="only store the checks; match later with `claims match`")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    add_db_arg(p)
    p.set_defaults(func=_import_checks)

    p = sub.add_parser("match", help="compare the claims and checks not compared yet (\"checked before?\")")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    add_db_arg(p)
    p.set_defaults(func=_match)
