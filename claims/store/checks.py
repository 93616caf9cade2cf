"""Published fact-checks and "checked before" matches in the store: import (each check once, by URL),
the stored matching features, the matches, and what the desk reads of them. No NLP here."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

import pandas as pd
from sqlalchemy import Engine, and_, delete, insert, literal, select, update

from claims.store import tables as t
from claims.store.reviews import no_nul, now
from claims.store.statuses import verdict_statuses

CLAIM, CHECK = "claim", "check"
_PREFIX = {CLAIM: "c:", CHECK: "k:"}
_FIELDS = ("url", "claim_reviewed", "rating", "rating_value", "best_rating", "worst_rating", "author", "date",
           "language", "claim_author", "appearance_url")


def item_key(kind: str, ref_id: str) -> str:
    """The matching index's key of a claim or a check: c:<claim_id>, k:<check_id>."""
    return _PREFIX[kind] + ref_id


def split_key(key: str) -> tuple[str, str]:
    return (CLAIM if key.startswith("c:") else CHECK), key[2:]


def import_checks(engine: Engine, rows: Iterable[dict]) -> dict[str, int]:
    """Store checks (claims.checks.claimreview.Check.as_row()), each once by its URL, in one transaction:
    a URL seen again with the same content changes nothing; with new content it is updated and matched
    again. Returns how many were new, updated and unchanged."""
    counts = {"new": 0, "updated": 0, "unchanged": 0}
    at = now()
    with engine.begin() as conn:
        for row in _dedupe(rows):
            row = {k: no_nul(v) for k, v in row.items()}
            old = conn.execute(select(t.fact_checks)
                               .where(t.fact_checks.c.check_id == row["check_id"])).mappings().first()
            if old is None:
                conn.execute(insert(t.fact_checks), {**{c.name: row.get(c.name, "") for c in t.fact_checks.columns
                                                        if c.name != "imported_at"}, "imported_at": at})
                counts["new"] += 1
            elif any(old[f] != row.get(f) for f in _FIELDS):
                conn.execute(update(t.fact_checks).where(t.fact_checks.c.check_id == row["check_id"])
                             .values(**{f: row.get(f) for f in (*_FIELDS, "source")}, imported_at=at))
                if old["claim_reviewed"] != row["claim_reviewed"]:  # its text changed: compare it again
                    forget_items(conn, [item_key(CHECK, row["check_id"])])
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
    return counts


def _dedupe(rows: Iterable[dict]) -> Iterator[dict]:
    """One row per check in a batch: the last one given for a URL."""
    last: dict[str, dict] = {}
    for row in rows:
        last[row["check_id"]] = row
    return iter(last.values())


def forget_items(conn, keys: list[str]) -> None:
    """Drop the features and matches of items whose text changed (they are analysed again)."""
    conn.execute(delete(t.match_items).where(t.match_items.c.item_id.in_(keys)))
    for key in keys:
        kind, ref = split_key(key)
        if kind == CHECK:
            conn.execute(delete(t.check_matches).where(and_(t.check_matches.c.ref_kind == CHECK,
                                                            t.check_matches.c.ref_id == ref)))


def checks_frame(engine: Engine, check_ids: Iterable[str] | None = None) -> pd.DataFrame:
    query = select(t.fact_checks).order_by(t.fact_checks.c.date.desc(), t.fact_checks.c.check_id)
    if check_ids is not None:
        query = query.where(t.fact_checks.c.check_id.in_(list(check_ids)))
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return pd.DataFrame([dict(r) for r in rows], columns=[c.name for c in t.fact_checks.columns])


def check_count(engine: Engine) -> int:
    from sqlalchemy import func

    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(t.fact_checks)).scalar() or 0


# -- matching features and matches ----------------------------------------------------------------
def stored_items(engine: Engine, chunk: int = 50_000) -> Iterator[tuple[str, str, dict]]:
    """Every analysed item: (key, terms, features JSON decoded)."""
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True).execute(
            select(t.match_items.c.item_id, t.match_items.c.terms, t.match_items.c.features))
        for part in result.partitions(chunk):
            for key, terms, features in part:
                yield key, terms, json.loads(features or "{}")


def pending_items(engine: Engine) -> pd.DataFrame:
    """Claims and checks not analysed for matching yet: key, text and (claims) the actors named."""
    c_key = literal("c:") + t.claims.c.claim_id
    k_key = literal("k:") + t.fact_checks.c.check_id
    with engine.connect() as conn:
        claims = conn.execute(
            select(c_key.label("key"), t.claims.c.text, t.claims.c.about)
            .outerjoin(t.match_items, t.match_items.c.item_id == c_key)
            .where(t.match_items.c.item_id.is_(None))).all()
        checks = conn.execute(
            select(k_key.label("key"), t.fact_checks.c.claim_reviewed)
            .outerjoin(t.match_items, t.match_items.c.item_id == k_key)
            .where(t.match_items.c.item_id.is_(None))).all()
    rows = [(k, text or "", json.loads(about) if about else []) for k, text, about in claims]
    rows += [(k, text or "", []) for k, text in checks]
    return pd.DataFrame(rows, columns=["key", "text", "about"])


def save_items(engine: Engine, items: list[tuple[str, str, dict]]) -> None:
    """Store analysed items (key, terms, features) — one transaction."""
    if not items:
        return
    with engine.begin() as conn:
        conn.execute(delete(t.match_items).where(t.match_items.c.item_id.in_([k for k, _, _ in items])))
        conn.execute(insert(t.match_items), [{"item_id": k, "terms": terms, "features": json.dumps(f)}
                                             for k, terms, f in items])


def save_matches(engine: Engine, pairs: Iterable[tuple[str, str, str, float]]) -> int:
    """Store matches (claim_id, ref_kind, ref_id, score); a pair already stored keeps its first score.
    Returns how many are new."""
    pairs = list({(c, k, r): s for c, k, r, s in pairs if not (k == CLAIM and c == r)}.items())
    if not pairs:
        return 0
    at = now()
    n = 0
    with engine.begin() as conn:
        claim_ids = sorted({c for (c, _, _), _ in pairs})
        have = set()
        for i in range(0, len(claim_ids), 500):
            have.update(conn.execute(select(t.check_matches.c.claim_id, t.check_matches.c.ref_kind,
                                            t.check_matches.c.ref_id)
                                     .where(t.check_matches.c.claim_id.in_(claim_ids[i:i + 500]))).all())
        new = [{"claim_id": c, "ref_kind": k, "ref_id": r, "score": float(s), "matched_at": at}
               for (c, k, r), s in pairs if (c, k, r) not in have]
        if new:
            conn.execute(insert(t.check_matches), new)
            n = len(new)
    return n


def _verdict_list() -> list[str]:
    return list(verdict_statuses())


def checked_claim_ids(engine: Engine) -> set[str]:
    """Claims with an earlier verdict: a matching published check, or a matching claim of the desk that
    has a verdict now."""
    m, other = t.check_matches, t.claims.alias("other")
    with engine.connect() as conn:
        by_check = conn.execute(select(m.c.claim_id).where(m.c.ref_kind == CHECK).distinct()).scalars().all()
        by_claim = conn.execute(
            select(m.c.claim_id).join(other, other.c.claim_id == m.c.ref_id)
            .where(m.c.ref_kind == CLAIM, other.c.status.in_(_verdict_list())).distinct()).scalars().all()
    return set(by_check) | set(by_claim)


MATCH_COLUMNS = ["ref_kind", "ref_id", "score", "claim", "verdict", "status", "by", "date", "url", "claim_author"]


def earlier_verdicts(engine: Engine, claim_id: str) -> pd.DataFrame:
    """The earlier verdicts a claim matches, best first: published checks (their rating, publisher, date,
    URL) and the desk's own verdicts on matching claims (status, reviewer, date, article URL)."""
    m, other = t.check_matches, t.claims.alias("other")
    with engine.connect() as conn:
        checks = conn.execute(
            select(m.c.ref_id, m.c.score, t.fact_checks.c.claim_reviewed, t.fact_checks.c.rating,
                   t.fact_checks.c.rating_value, t.fact_checks.c.best_rating, t.fact_checks.c.worst_rating,
                   t.fact_checks.c.author, t.fact_checks.c.date, t.fact_checks.c.url, t.fact_checks.c.claim_author)
            .join(t.fact_checks, t.fact_checks.c.check_id == m.c.ref_id)
            .where(m.c.claim_id == claim_id, m.c.ref_kind == CHECK)).mappings().all()
        claims = conn.execute(
            select(m.c.ref_id, m.c.score, other.c.text, other.c.status, other.c.reviewer, other.c.reviewed_at,
                   other.c.speaker, t.articles.c.url, t.articles.c.title)
            .join(other, other.c.claim_id == m.c.ref_id)
            .join(t.articles, t.articles.c.article_id == other.c.article_id)
            .where(m.c.claim_id == claim_id, m.c.ref_kind == CLAIM,
                   other.c.status.in_(_verdict_list()))).mappings().all()
    from claims.checks.ratings import status_of_rating

    rows = [{"ref_kind": CHECK, "ref_id": r["ref_id"], "score": r["score"], "claim": r["claim_reviewed"],
             "verdict": r["rating"] or _numeric(r), "status": status_of_rating(r["rating"], r["rating_value"],
                                                                              r["best_rating"], r["worst_rating"]),
             "by": r["author"], "date": r["date"], "url": r["url"], "claim_author": r["claim_author"]} for r in checks]
    rows += [{"ref_kind": CLAIM, "ref_id": r["ref_id"], "score": r["score"], "claim": r["text"],
              "verdict": r["status"], "status": r["status"], "by": r["reviewer"] or "the desk",
              "date": (r["reviewed_at"] or "")[:10], "url": r["url"] or "", "claim_author": r["speaker"] or ""}
             for r in claims]
    return pd.DataFrame(rows, columns=MATCH_COLUMNS).sort_values("score", ascending=False, kind="stable") \
        .reset_index(drop=True)


def _numeric(r) -> str:
    if r["rating_value"] is None:
        return ""
    best = f"/{r['best_rating']:g}" if r["best_rating"] is not None else ""
    return f"{r['rating_value']:g}{best}"


def match_mark(engine: Engine) -> tuple:
    """Changes whenever matches or checks are added (the desk's "checked before" filter is cached on it)."""
    from sqlalchemy import func

    with engine.connect() as conn:
        a = conn.execute(select(func.count(), func.max(t.check_matches.c.matched_at))
                         .select_from(t.check_matches)).first()
        b = conn.execute(select(func.count(), func.max(t.fact_checks.c.imported_at))
                         .select_from(t.fact_checks)).first()
    return (*a, *b)


def pending_count(engine: Engine) -> int:
    """How many claims and checks matching has not analysed yet."""
    from sqlalchemy import func

    c_key = literal("c:") + t.claims.c.claim_id
    k_key = literal("k:") + t.fact_checks.c.check_id
    with engine.connect() as conn:
        # a desk that never matched: every claim (the anti-join reads an index per claim, 0.5 s at a million)
        matched = conn.execute(select(t.match_items.c.item_id)
                               .where(t.match_items.c.item_id.like("c:%")).limit(1)).first()
        unmatched = select(func.count()).select_from(t.claims)
        if matched:
            unmatched = unmatched.outerjoin(t.match_items, t.match_items.c.item_id == c_key) \
                .where(t.match_items.c.item_id.is_(None))
        claims = conn.execute(unmatched).scalar() or 0
        checks = conn.execute(select(func.count()).select_from(t.fact_checks)
                              .outerjoin(t.match_items, t.match_items.c.item_id == k_key)
                              .where(t.match_items.c.item_id.is_(None))).scalar() or 0
    return claims + checks
