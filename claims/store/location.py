"""Where the store is: the default database, file paths and URLs, and names safe to print."""
from __future__ import annotations

import os
from pathlib import Path

DEFAULT_NAME = "claims.db"


def user_db_path() -> Path:
    """The user's data folder (platformdirs): ~/.local/share/claims/claims.db on Linux."""
    from platformdirs import user_data_path

    return user_data_path("claims", appauthor=False) / DEFAULT_NAME


def default_db_url() -> str:
    """$CLAIMS_DB (a file path or a database URL), else ./claims.db when the current folder has one,
    else claims.db in the user's data folder: never inside the installed package."""
    if os.environ.get("CLAIMS_DB"):
        return os.environ["CLAIMS_DB"]
    here = Path.cwd() / DEFAULT_NAME
    return str(here) if here.is_file() else str(user_db_path())


def is_url(db: str) -> bool:
    return "://" in db


def to_url(db: str) -> str:
    return db if is_url(db) else f"sqlite:///{Path(db).expanduser()}"


def sqlite_file(db: str) -> Path | None:
    """The file of a SQLite database (a path or a sqlite:/// URL); None for a server or in-memory."""
    if not is_url(db):
        return Path(db).expanduser()
    if db.startswith("sqlite:///") and db != "sqlite:///:memory:":
        return Path(db.removeprefix("sqlite:///").split("?")[0])
    return None


def describe_db(db: str) -> str:
    """The database as it can be shown: a path, or a URL without its password."""
    if not is_url(db):
        return str(Path(db).expanduser())
    from sqlalchemy.engine import make_url  # only for a URL: a file path opens without loading SQLAlchemy first

    try:
        return make_url(db).render_as_string(hide_password=True)
    except Exception:  # a malformed URL: show only what follows the credentials
        return db.split("@")[-1]
