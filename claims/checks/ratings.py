"""A publisher's rating (Faux, Trompeur, Plutôt vrai, 2/5 …) → the desk's status it suggests
(claims/data/ratings.tsv, then the numeric rating). Pure data: the store reads it too."""
from __future__ import annotations

from functools import cache

from claims.datafiles import read_table
from claims.lexicon import fold, strip_accents


def _key(text: str) -> str:
    return strip_accents(fold(text or "")).strip(" .!")


@cache
def _table() -> dict[str, str]:
    return {_key(r["rating"]): r["status"] for r in read_table("ratings.tsv")}


@cache
def _scale() -> list[tuple[int, str]]:
    from claims.store.statuses import verdict_statuses

    return sorted((int(r["rating"]), s) for s, r in verdict_statuses().items() if r.get("rating"))


def status_of_rating(name: str | None, value: float | None = None, best: float | None = None,
                     worst: float | None = None) -> str:
    """The status a rating suggests; "" when neither its words nor its number say."""
    if name and _key(name) in _table():
        return _table()[_key(name)]
    if value is None:
        return ""
    best = 5.0 if best is None else best
    worst = 1.0 if worst is None else worst
    if best == worst:
        return ""
    share = min(1.0, max(0.0, (value - worst) / (best - worst)))
    on_five = 1 + 4 * share  # the desk's statuses carry ClaimReview ratings 1 (false) … 5 (true)
    return min(_scale(), key=lambda rs: (abs(rs[0] - on_five), rs[0]))[1]
