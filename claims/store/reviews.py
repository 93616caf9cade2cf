"""Verdicts: status changes under optimistic locking, cluster verdicts, history. Reviews are only
ever appended; each records the claim version it made, so versions never go back."""
from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import Connection, Engine, func, insert, select, update

from claims.safe import http_url
from claims.store import tables as t
from claims.store.errors import ConflictError, StoreError
from claims.store.statuses import status_names


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def no_nul(text: str | None) -> str | None:
    """PostgreSQL text cannot hold NUL; one character for one keeps every offset."""
    return text.replace("\x00", "\ufffd") if isinstance(text, str) and "\x00" in text else text


def find_claim(engine: Engine, claim_id: str) -> dict | None:
    with engine.connect() as conn:
        row = conn.execute(select(t.claims).where(t.claims.c.claim_id == claim_id)).mappings().first()
    return dict(row) if row is not None else None


def source_links(urls: Iterable[str] | None) -> list[str]:
    """Verdict sources: each an http(s) URL (claims.safe.http_url), blanks dropped, duplicates once.
    Raises StoreError naming the first link that is not one."""
    out: list[str] = []
    for url in urls or []:
        url = (url or "").strip()
        if not url:
            continue
        if not http_url(url):
            raise StoreError(f"{url!r} is not a source link: give an http:// or https:// address")
        if url not in out:
            out.append(url)
    return out


def set_status(conn: Connection, name: str, claim_id: str, status: str, *, version: int, note: str | None = None,
               reviewer: str = "", via_cluster: str | None = None, evidence_urls: Iterable[str] | None = None) -> int:
    """Change a claim's status if it is still at `version`; returns the new version. `note` and
    `evidence_urls` (http(s) links) None keep the claim's current ones.

    Raises ConflictError when someone saved in between (nothing is written then)."""
    if status not in status_names():
        raise StoreError(f"unknown status {status!r}; one of: {', '.join(status_names())}")
    links = None if evidence_urls is None else source_links(evidence_urls)
    current = conn.execute(select(t.claims.c.status, t.claims.c.note, t.claims.c.text, t.claims.c.evidence_urls)
                           .where(t.claims.c.claim_id == claim_id)).first()
    if current is None:
        raise StoreError(f"{name}: no claim with id {claim_id!r}")
    at = now()
    new_note = current.note if note is None else no_nul(note)
    new_links = current.evidence_urls if links is None else json.dumps(links, ensure_ascii=False)
    result = conn.execute(
        update(t.claims).where(t.claims.c.claim_id == claim_id, t.claims.c.version == version)
        .values(status=status, note=new_note, reviewer=no_nul(reviewer), reviewed_at=at, version=version + 1,
                evidence_urls=new_links))
    if result.rowcount != 1:
        raise ConflictError(f"claim {claim_id} was changed by someone else since you opened it "
                            f"(you had version {version}); reload it and save again")
    conn.execute(insert(t.reviews), {
        "claim_id": claim_id, "claim_text": current.text, "old_status": current.status, "new_status": status,
        "note": new_note, "reviewer": no_nul(reviewer), "at": at, "orphaned": False, "via_cluster": via_cluster,
        "version": version + 1, "evidence_urls": new_links})
    return version + 1


def set_cluster_status(engine: Engine, name: str, cluster_id: str, status: str, *, note: str | None = None,
                       reviewer: str = "", evidence_urls: Iterable[str] | None = None) -> int:
    """Apply one verdict to every claim of a cluster, each recorded in its own history."""
    with engine.begin() as conn:
        members = conn.execute(select(t.claims.c.claim_id, t.claims.c.version)
                               .where(t.claims.c.cluster_id == cluster_id)).all()
        if not members:
            raise StoreError(f"{name}: no cluster with id {cluster_id!r}")
        for m in members:
            set_status(conn, name, m.claim_id, status, version=m.version, note=note, reviewer=reviewer,
                       via_cluster=cluster_id, evidence_urls=evidence_urls)
    return len(members)


def history(engine: Engine, claim_id: str) -> pd.DataFrame:
    """Every review of the claim, oldest first; kept (marked orphaned) when the claim left its article."""
    with engine.connect() as conn:
        rows = conn.execute(select(t.reviews).where(t.reviews.c.claim_id == claim_id)
                            .order_by(t.reviews.c.review_id)).mappings().all()
    return pd.DataFrame([dict(r) for r in rows], columns=[c.name for c in t.reviews.columns])


def orphan(conn: Connection, claim_ids: list[str]) -> None:
    conn.execute(update(t.reviews).where(t.reviews.c.claim_id.in_(claim_ids)).values(orphaned=True))


def restored_reviews(conn: Connection, claim_ids: Iterable[str]) -> dict[str, dict]:
    """Claims that come back (same id) get back their last verdict and at least their last version:
    a save based on a reading older than that verdict must conflict."""
    claim_ids = list(claim_ids)
    last_ids = (select(func.max(t.reviews.c.review_id)).where(t.reviews.c.claim_id.in_(claim_ids))
                .group_by(t.reviews.c.claim_id))
    last = conn.execute(select(t.reviews).where(t.reviews.c.review_id.in_(last_ids))).mappings().all()
    if not last:
        return {}
    top = dict(conn.execute(select(t.reviews.c.claim_id, func.max(t.reviews.c.version))
                            .where(t.reviews.c.claim_id.in_(claim_ids)).group_by(t.reviews.c.claim_id)).all())
    conn.execute(update(t.reviews).where(t.reviews.c.claim_id.in_([r["claim_id"] for r in last]))
                 .values(orphaned=False))
    return {r["claim_id"]: {"status": r["new_status"], "note": r["note"], "reviewer": r["reviewer"],
                            "reviewed_at": r["at"],
                            "evidence_urls": r.get("evidence_urls"), "version": top.get(r["claim_id"]) or 1}
            for r in last}
