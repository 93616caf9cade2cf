"""The language data files under claims/data/: where they are and how a TSV file is read."""
from __future__ import annotations

import csv
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


def read_table(name: str, data_dir: Path = DATA_DIR) -> list[dict[str, str]]:
    """Rows of a TSV data file; lines starting with # are comments, the first other line the header."""
    path = data_dir / name
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return [
        {k: (v or "").strip() for k, v in row.items()}
        for row in csv.DictReader(lines, delimiter="\t")
    ]
