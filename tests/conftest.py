from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_ba259b4d1716a856.txt"
GOLD = ROOT.parent / "shared" / "gold" / "dev.jsonl"


@pytest.fixture(scope="session")
def seed_claims() -> pd.DataFrame:
    from claims import extract

    return extract([SEED], processes=1, progress=False)


def row_with(df: pd.DataFrame, fragment: str) -> pd.Series:
    """The one row whose claim text contains the fragment (apostrophes compared plainly)."""
    from claims.nlp import normalize

    text = df["text"].map(normalize)
    hits = df[text.str.contains(normalize(fragment), regex=False)]
    assert len(hits) == 1, f"expected one row containing {fragment!r}, got {len(hits)}:\n{df[['kind', 'text']]}"
    return hits.iloc[0]
