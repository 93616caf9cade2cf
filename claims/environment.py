"""A clear way out when claims runs on a Python without the project's requirements (pandas, spaCy…).

Only the standard library here: this runs exactly when the rest cannot be imported.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
VENV = PROJECT / ".venv"
VENV_PYTHON = VENV / "bin" / "python"
INSTALL = "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt"


def missing_requirement(err: ModuleNotFoundError) -> None:
    """`python3 -m claims …` with a bare system Python: run the same command with the project's .venv
    (the README's install) when there is one; otherwise say what to install. Imported as a library,
    raise an ImportError that says the same, never replace the caller's process."""
    as_program = sys.orig_argv[1:3] == ["-m", "claims"]
    # compare prefixes, not executables: a venv's python is a symlink to the very same binary
    if as_program and VENV_PYTHON.exists() and Path(sys.prefix).resolve() != VENV.resolve():
        os.execv(VENV_PYTHON, [str(VENV_PYTHON), *sys.orig_argv[1:]])
    message = (f"claims needs {err.name!r}, which {sys.executable} does not have. Install the project's "
               f"requirements from {PROJECT}: {INSTALL}; then run .venv/bin/python -m claims …")
    if as_program:
        raise SystemExit(f"claims: {message}")
    raise ImportError(message) from err
