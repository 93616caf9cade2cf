"""python -m claims …: the command line. Only here may the process re-run itself in the project's .venv."""
import sys

if __name__ == "__main__":
    from claims.environment import ensure_requirements

    ensure_requirements()
    from claims.cli import main

    sys.exit(main())
