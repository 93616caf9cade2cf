"""Review statuses (claims/data/statuses.tsv): their order, colours and ClaimReview ratings."""
from __future__ import annotations

from functools import lru_cache

from claims.lexicon import read_table


@lru_cache(maxsize=1)
def load_statuses() -> tuple[dict[str, str], ...]:
    """Rows of statuses.tsv: status, verdict (yes/no), rating, label, color."""
    return tuple(read_table("statuses.tsv"))


def status_names() -> list[str]:
    return [r["status"] for r in load_statuses()]


def verdict_statuses() -> dict[str, dict[str, str]]:
    """The statuses that are verdicts (published as ClaimReview), with their rating and label."""
    return {r["status"]: r for r in load_statuses() if r["verdict"] == "yes"}


def status_colors() -> dict[str, str]:
    return {r["status"]: r["color"] for r in load_statuses() if r.get("color")}
