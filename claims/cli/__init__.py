"""Command line: claims COMMAND … (extract, evaluate, ingest, watch, review, history, export, clusters,
backup, restore, import-checks, match, dashboard). Each command imports what it needs when it runs, so
`claims export` never loads spaCy."""
from __future__ import annotations

import argparse
import logging
import sys

from claims.cli import checks, dashboard, extraction, store, watch
from claims.cli.common import CliError

_COMMANDS = (extraction, store, watch, checks, dashboard)


def _version() -> str:
    from claims import __version__
    from claims.store.location import default_db_url, describe_db

    return f"claims {__version__}\ndatabase: {describe_db(default_db_url())}"


class _Version(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(_version())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claims", description=__doc__)
    parser.add_argument("--version", action=_Version, nargs=0,
                        help="the version, and which database the commands use by default")
    sub = parser.add_subparsers(dest="command", required=True)
    for command in _COMMANDS:
        command.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="claims: %(message)s", stream=sys.stderr)
    args = build_parser().parse_args(argv)
    from claims.store import StoreError

    try:
        return args.func(args)
    except (StoreError, CliError) as err:
        print(f"claims: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("claims: interrupted", file=sys.stderr)
        return 130
