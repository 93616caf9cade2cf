"""What the commands share: the --db and article arguments, output checks, and the error every
command reports as a message (never a traceback)."""
from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

log = logging.getLogger("claims")


class CliError(Exception):
    """A problem the user can fix; printed as `claims: message`, exit code 2."""


def add_db_arg(p: argparse.ArgumentParser, init: bool = False) -> None:
    p.add_argument("--db", default=None,
                   help="database file or URL (default: $CLAIMS_DB, else ./claims.db when it exists, else the "
                        "user's data folder; `claims --version` shows which)")
    if init:
        p.add_argument("--init", action="store_true",
                       help="add the claims tables to a non-empty database that is not a claims store yet")


def add_extract_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="INPUT",
                   help="article files (.txt, .md, .html, .htm) or folders of them, tables of articles (.jsonl, "
                        ".csv), RSS/Atom feeds (.xml, .rss, .atom, or their URL), article URLs (http(s)://…)")
    p.add_argument("--processes", type=int, default=None,
                   help="worker processes, or the local Dask cluster's workers (default: all cores)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    add_fetch_args(p)


def add_fetch_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--timeout", type=float, default=20.0, metavar="SECONDS",
                   help="give up on a web page that does not answer within this (default: 20; retried twice)")


def fetch_settings(args: argparse.Namespace):
    from claims.sources.fetch import FetchSettings

    if args.timeout <= 0:
        raise CliError("--timeout must be a positive number of seconds")
    return FetchSettings(timeout=args.timeout, deadline=max(60.0, 3 * args.timeout))


def check_output(path: str, suffixes: tuple[str, ...]) -> None:
    """Refuse, before any work, an output whose name or folder cannot be written."""
    if not path.endswith(suffixes):
        raise CliError(f"{path}: output must end in {' or '.join(suffixes)}")
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise CliError(f"{path}: is a folder; give a file name")
    if not folder.is_dir():
        raise CliError(f"{path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise CliError(f"{path}: cannot write here (permission denied)")


def say(message: str) -> None:
    print(message, file=sys.stderr)
