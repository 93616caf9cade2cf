"""python -m claims …: the command line. Only here may the process re-run itself in the project's .venv."""
import sys

from claims.environment import ensure_requirements

ensure_requirements()

from claims.cli import main  # noqa: E402

sys.exit(main())
