"""Corrections by reviewers: a claim's speaker and kind, or "not a claim".

The claims table holds the corrected values in `speaker`, `speaker_type` and `kind` (so every read,
filter, chart and export uses them) and the extractor's own in `*_extracted`. Each correction is a
signed row of `corrections`, never changed afterwards, holding the claim's whole corrected state; the
last one of a claim is applied again after every re-extraction of its article, like a verdict.
"""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from sqlalchemy import Connection, Engine, bindparam, func, insert, select, update

from claims.schema import KINDS, SPEAKER_TYPES
from claims.store import tables as t
from claims.store.errors import StoreError
from claims.store.reviews import no_nul, now

# Extraction column → where the extractor's value is kept when a reviewer corrects it.
EXTRACTED = {"speaker": "speaker_extracted", "speaker_type": "speaker_type_extracted", "kind": "kind_extracted"}
_GENERIC_TYPES = ("", "unknown", "article", "anonymous")


def extracted_copies(values: dict) -> dict:
    """The `*_extracted` columns of a claim row about to be written by an ingest."""
    return {EXTRACTED[k]: values.get(k) for k in EXTRACTED}


def actor_type(conn: Connection, name: str) -> str:
    """The speaker type a corrected speaker gets: the one the store most often gives this actor, else the
    alias file's (Moscou → government), else person (a typed name is most often someone's)."""
    c = t.claims.c
    known = conn.execute(select(c.speaker_type, func.count()).where(c.speaker == name, c.speaker_type.notin_(
        _GENERIC_TYPES)).group_by(c.speaker_type).order_by(func.count().desc())).first()
    if known:
        return known[0]
    from claims.lexicon import load_lexicon  # data files only: the store never loads spaCy

    for alias in load_lexicon().aliases.values():
        if alias.canonical == name and alias.type in SPEAKER_TYPES:
            return alias.type
    return "person"


def _last(conn: Connection, claim_ids: list[str]) -> dict[str, dict]:
    """The last correction of each of these claims (those that have one)."""
    last_ids = (select(func.max(t.corrections.c.correction_id)).where(t.corrections.c.claim_id.in_(claim_ids))
                .group_by(t.corrections.c.claim_id))
    rows = conn.execute(select(t.corrections).where(t.corrections.c.correction_id.in_(last_ids))).mappings().all()
    return {r["claim_id"]: dict(r) for r in rows}


def correct(conn: Connection, name: str, claim_id: str, *, reviewer: str, speaker: str | None = None,
            speaker_type: str | None = None, kind: str | None = None, not_claim: bool | None = None,
            reset: bool = False, note: str = "") -> dict:
    """Correct a claim: `speaker` (a name), `kind` (one of KINDS), `not_claim`; None keeps what the
    claim has now, `reset` goes back to the extractor's. Returns the claim's corrected state.

    Raises StoreError for an unknown claim or kind, an empty name or reviewer, or nothing to change."""
    reviewer = (reviewer or "").strip()
    if not reviewer:
        raise StoreError("a correction is signed: give the reviewer's name")
    if speaker is not None and not speaker.strip():
        raise StoreError("the corrected speaker is empty: give a name")
    if kind is not None and kind not in KINDS:
        raise StoreError(f"unknown kind {kind!r}; one of: {', '.join(KINDS)}")
    if speaker_type is not None and speaker_type not in SPEAKER_TYPES:
        raise StoreError(f"unknown speaker type {speaker_type!r}; one of: {', '.join(SPEAKER_TYPES)}")
    c = t.claims.c
    row = conn.execute(select(c.text, c.speaker, c.speaker_type, c.kind, c.not_claim,
                              *[c[v] for v in EXTRACTED.values()]).where(c.claim_id == claim_id)).mappings().first()
    if row is None:
        raise StoreError(f"{name}: no claim with id {claim_id!r}")
    extracted = {k: row[v] if row[v] is not None else row[k] for k, v in EXTRACTED.items()}
    last = _last(conn, [claim_id]).get(claim_id) or {"speaker": None, "speaker_type": None, "kind": None,
                                                      "not_claim": False}
    state = {k: None if reset else last[k] for k in ("speaker", "speaker_type", "kind")}
    state["not_claim"] = False if reset else bool(last["not_claim"])
    if speaker is not None:
        speaker = no_nul(speaker.strip())
        same = speaker == extracted["speaker"] and speaker_type in (None, extracted["speaker_type"])
        state["speaker"] = None if same else speaker
        state["speaker_type"] = None if same else (speaker_type or actor_type(conn, speaker))
    elif speaker_type is not None:
        state["speaker"] = state["speaker"] or extracted["speaker"]
        state["speaker_type"] = speaker_type
    if kind is not None:
        state["kind"] = None if kind == extracted["kind"] else kind
    if not_claim is not None:
        state["not_claim"] = not_claim
    effective = _effective(state, extracted)
    if (effective["speaker"], effective["speaker_type"], effective["kind"], effective["not_claim"]) == (
            row["speaker"], row["speaker_type"], row["kind"], bool(row["not_claim"])):
        raise StoreError(f"{claim_id}: nothing to correct (the claim already says that)")
    conn.execute(insert(t.corrections), {
        "claim_id": claim_id, "claim_text": row["text"] or "", "old_speaker": row["speaker"], "old_kind": row["kind"],
        "old_not_claim": bool(row["not_claim"]), **state, "note": no_nul(note or ""), "reviewer": no_nul(reviewer),
        "at": now(), "orphaned": False})
    conn.execute(update(t.claims).where(c.claim_id == claim_id).values(**effective))
    return effective


def _effective(state: dict, extracted: dict) -> dict:
    """The values the claims table shows: the correction's where it has one, else the extractor's."""
    return {"speaker": state["speaker"] or extracted["speaker"],
            "speaker_type": (state["speaker_type"] if state["speaker"] else None) or extracted["speaker_type"],
            "kind": state["kind"] or extracted["kind"], "not_claim": bool(state["not_claim"])}


def reapply(conn: Connection, claim_ids: Iterable[str]) -> int:
    """Apply the last correction of each of these claims again (after their article was re-extracted, or
    when a claim comes back); returns how many were corrected."""
    claim_ids = list(claim_ids)
    if not claim_ids:
        return 0
    last = _last(conn, claim_ids)
    if not last:
        return 0
    c = t.claims.c
    rows = conn.execute(select(c.claim_id, *[c[v] for v in EXTRACTED.values()]).where(
        c.claim_id.in_(list(last)))).mappings().all()
    changes = [{**_effective(last[r["claim_id"]], {k: r[v] for k, v in EXTRACTED.items()}), "_id": r["claim_id"]}
               for r in rows]
    if changes:
        conn.execute(update(t.claims).where(c.claim_id == bindparam("_id")), changes)
        conn.execute(update(t.corrections).where(t.corrections.c.claim_id.in_(list(last))).values(orphaned=False))
    return len(changes)


def orphan(conn: Connection, claim_ids: list[str]) -> None:
    """Claims gone from their article: their corrections are kept, marked, and come back with them."""
    conn.execute(update(t.corrections).where(t.corrections.c.claim_id.in_(claim_ids)).values(orphaned=True))


def history(engine: Engine, claim_id: str) -> pd.DataFrame:
    """Every correction of the claim, oldest first."""
    with engine.connect() as conn:
        rows = conn.execute(select(t.corrections).where(t.corrections.c.claim_id == claim_id)
                            .order_by(t.corrections.c.correction_id)).mappings().all()
    return pd.DataFrame([dict(r) for r in rows], columns=[c.name for c in t.corrections.columns])


def last_correction_id(conn: Connection) -> int:
    """Changes with every correction: readers that cache the claims' speakers reload on it."""
    return conn.execute(select(func.max(t.corrections.c.correction_id))).scalar() or 0
