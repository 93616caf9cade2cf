"""A clear way out when claims runs on a Python without the project's requirements (pandas, spaCy…).

Only the standard library here: this runs exactly when the rest cannot be imported.
"""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
VENV = PROJECT / ".venv"
VENV_PYTHON = VENV / "bin" / "python"
# the top-level modules every command may need; spaCy is checked when extraction starts
REQUIRED = ("pandas", "sqlalchemy", "alembic", "platformdirs", "spacy")


def _install_hint() -> str:
    if (PROJECT / "pyproject.toml").exists():  # a clone of the project
        return f"from {PROJECT}: python3 -m venv .venv && .venv/bin/pip install -r requirements.txt -e ."
    return f"into {sys.prefix}: pip install claims"


def missing_requirement(err: ModuleNotFoundError) -> None:
    """Raise an ImportError that names the missing module and says what to install; never replaces
    the caller's process (that is ensure_requirements(), for `python -m claims` only)."""
    raise ImportError(f"claims needs {err.name!r}, which {sys.executable} does not have. Install the "
                      f"project's requirements {_install_hint()}") from err


def ensure_requirements() -> None:
    """`python3 -m claims …` with a bare system Python: run the same command with the project's .venv
    when there is one; otherwise exit with what to install."""
    missing = next((m for m in REQUIRED if importlib.util.find_spec(m) is None), None)
    if missing is None:
        return
    # compare prefixes, not executables: a venv's python is a symlink to the very same binary
    if VENV_PYTHON.exists() and Path(sys.prefix).resolve() != VENV.resolve():
        os.execv(VENV_PYTHON, [str(VENV_PYTHON), *sys.orig_argv[1:]])
    raise SystemExit(f"claims: needs {missing!r}, which {sys.executable} does not have. Install the "
                     f"project's requirements {_install_hint()}")
