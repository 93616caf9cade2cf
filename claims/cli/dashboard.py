"""claims dashboard [--db …]: the Streamlit page, from a clone or an installed package."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from claims.cli.common import CliError, add_db_arg


def _folder() -> Path:
    import dashboard

    return Path(dashboard.__file__).resolve().parent


def streamlit_flags() -> list[str]:
    """dashboard/streamlit.toml as flags, so they hold from any folder (Streamlit itself only reads
    ./.streamlit/config.toml)."""
    import tomllib

    config = tomllib.loads((_folder() / "streamlit.toml").read_text(encoding="utf-8"))
    return [arg for section, values in config.items() for key, value in values.items()
            for arg in (f"--{section}.{key}", str(value).lower() if isinstance(value, bool) else str(value))]


def _dashboard(args: argparse.Namespace) -> int:
    from claims.store import open_store

    open_store(args.db).engine.dispose()  # a database that cannot be opened is said here, not in the browser
    cmd = [sys.executable, "-m", "streamlit", "run", str(_folder() / "app.py"), *streamlit_flags(),
           "--server.port", str(args.port), "--server.address", args.address]
    if args.headless:
        cmd += ["--server.headless", "true"]
    if args.db:
        cmd += ["--", "--db", args.db]
    try:  # this process becomes Streamlit: a signal to stop it reaches the server itself
        os.execv(sys.executable, cmd)
    except OSError as err:
        raise CliError(f"cannot start Streamlit ({err})") from None
    return 0  # not reached


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("dashboard", help="open the review desk in the browser (Streamlit)")
    add_db_arg(p)
    p.add_argument("--port", type=int, default=8501)
    p.add_argument("--address", default="localhost", help="address to serve on (default: this machine only)")
    p.add_argument("--headless", action="store_true", help="do not open a browser (servers)")
    p.set_defaults(func=_dashboard)
