"""claims watch FEED_OR_URL… --every 15m: follow feeds, ingesting only their new items; Ctrl-C or
SIGTERM stops it cleanly."""
from __future__ import annotations

import argparse
import signal
from pathlib import Path

from claims.cli.common import CliError, add_db_arg, add_fetch_args, fetch_settings, say


def targets(args: argparse.Namespace) -> list[str]:
    """The feeds and URLs given, and those of the feeds files (one a line, # comments)."""
    from claims.articles import display_name
    from claims.sources.feeds import read_feeds_file

    items = list(args.feeds_or_urls)
    for path in args.feeds or []:
        try:
            items += read_feeds_file(Path(path).read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError) as err:
            raise CliError(f"{display_name(path)}: cannot read the feeds file ({getattr(err, 'strerror', None) or err})"
                           ) from None
    if not items:
        raise CliError("nothing to watch: give feeds or URLs, or --feeds FILE")
    return list(dict.fromkeys(items))


def _watch(args: argparse.Namespace) -> int:
    from claims.cli.store import extractor
    from claims.collect import parse_every, watch
    from claims.store import open_store

    try:
        every = parse_every(args.every)
    except ValueError as err:
        raise CliError(f"--every {err}") from None
    if args.rounds is not None and args.rounds < 1:
        raise CliError("--rounds must be 1 or more")
    items = targets(args)
    settings = fetch_settings(args)
    store = open_store(args.db, init=args.init)
    args.engine, args.scheduler = "processes", None
    say(f"watching {len(items)} feed{'s' if len(items) != 1 else ''} every {args.every} → {store.name} "
        "(Ctrl-C stops)")
    previous = _stop_on_sigterm()
    try:
        watch(store, items, extractor(args, progress=False), every=every, rounds=args.rounds, settings=settings,
              say=lambda line: print(line, flush=True))
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return 0


def _stop_on_sigterm():
    """A service manager's stop (SIGTERM) ends the watch as Ctrl-C does: cleanly, between two writes."""
    def stop(signum, frame):
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (an embedding application): leave its signals alone
        return None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("watch", help="follow RSS/Atom feeds: ingest their new items every few minutes")
    p.add_argument("feeds_or_urls", nargs="*", metavar="FEED_OR_URL", help="feed URLs (or article URLs)")
    p.add_argument("--feeds", action="append", metavar="FILE",
                   help="a file of feed URLs, one a line (# starts a comment); repeatable")
    p.add_argument("--every", default="15m", help="time between rounds: 15m (default), 90s, 1h")
    p.add_argument("--rounds", type=int, default=None, help="stop after this many rounds (default: until Ctrl-C)")
    p.add_argument("--processes", type=int, default=1, help="extraction processes (default: 1)")
    add_fetch_args(p)
    add_db_arg(p, init=True)
    p.set_defaults(func=_watch)
