"""Review statuses (claims/data/statuses.tsv): their order, colours and ClaimReview ratings."""
from __future__ import annotations

from functools import lru_cache

from claims.lexicon import read_table


@lru_cache(maxsize=1)
def load_statuses() -> tuple[dict[str, str], ...]:
    """Rows of statuses.tsv: status, verdict (yes/no), rating, label, color, evidence (yes/no)."""
    return tuple(read_table("statuses.tsv"))


def status_names() -> list[str]:
    return [r["status"] for r in load_statuses()]


def verdict_statuses() -> dict[str, dict[str, str]]:
    """The statuses that are verdicts (published as ClaimReview), with their rating and label."""
    return {r["status"]: r for r in load_statuses() if r["verdict"] == "yes"}


def status_colors() -> dict[str, str]:
    return {r["status"]: r["color"] for r in load_statuses() if r.get("color")}


def needs_evidence(status: str, note: str | None, evidence_urls: list[str] | None) -> bool:
    """True when `status` asks for a note or a source link (statuses.tsv `evidence`) and neither is given."""
    asks = any(r["status"] == status and r.get("evidence") == "yes" for r in load_statuses())
    return asks and not (note or "").strip() and not [u for u in evidence_urls or [] if u.strip()]
