"""A claim's history as a person reads it: its verdicts and its corrections, one line per change, with
labels in the reader's language and times in their time zone (no codes, no None)."""
from __future__ import annotations

import json

import pandas as pd

from claims.labels import label, readable_time

# The columns of timeline(), codes; readable() names them with the catalogue's `column` group.
TIMELINE = ["at", "reviewer", "change", "old", "new", "note", "sources", "via", "orphaned"]
_SHOWN = {"at": "when", "reviewer": "reviewer", "change": "change", "old": "from", "new": "to", "note": "note",
          "sources": "sources"}


def timeline(store, claim_id: str) -> pd.DataFrame:
    """Every verdict and correction of a claim, oldest first: one row per field changed (a correction
    of speaker and kind gives two), with the codes as stored."""
    rows = []
    for r in store.history(claim_id).itertuples():
        links = getattr(r, "evidence_urls", None)
        rows.append({"at": r.at, "reviewer": r.reviewer, "change": "status", "old": r.old_status or "",
                     "new": r.new_status, "note": r.note or "", "sources": json.loads(links) if links else [],
                     "via": "cluster" if r.via_cluster else "", "orphaned": bool(r.orphaned)})
    claim = store.find_claim(claim_id) or {}
    prev = {"speaker": None, "kind": None}  # the previous correction's (None: the extractor's stood)
    for r in store.corrections(claim_id).itertuples():
        base = {"at": r.at, "reviewer": r.reviewer, "note": r.note or "", "sources": [], "via": "",
                "orphaned": bool(r.orphaned)}
        for field in ("speaker", "kind"):
            value = getattr(r, field)
            value = value if isinstance(value, str) and value else None
            old = getattr(r, f"old_{field}") or ""
            # None: back to the extractor's reading (as it is now)
            new = value or claim.get(f"{field}_extracted") or claim.get(field) or ""
            if value != prev[field] and new != old:
                rows.append({**base, "change": field, "old": old, "new": new})
            prev[field] = value
        if bool(r.not_claim) != bool(r.old_not_claim):
            rows.append({**base, "change": "not_claim", "old": "yes" if r.old_not_claim else "no",
                         "new": "yes" if r.not_claim else "no"})
    out = pd.DataFrame(rows, columns=TIMELINE)
    return out.sort_values("at", kind="stable").reset_index(drop=True)


def _value(change: str, code: str, lang: str) -> str:
    if not code:
        return "—" if change != "speaker" else label("speaker", "none", lang)
    if change == "status":
        return label("status", code, lang)
    if change == "kind":
        return label("kind", code, lang)
    if change == "not_claim":
        return label("history", code, lang)
    return label("speaker", code, lang) if code == "article" else code


def readable(df: pd.DataFrame, lang: str, tz: str | None = None) -> pd.DataFrame:
    """timeline() for a person: labelled columns and values, readable local times, newest first."""
    out = pd.DataFrame({
        "at": [readable_time(a, tz, lang) for a in df["at"]],
        "reviewer": [r or "—" for r in df["reviewer"]],
        "change": [label("history", c, lang) + (f" ({label('history', 'cluster', lang)})" if v else "")
                   + (f" {label('history', 'orphaned', lang)}" if o else "")
                   for c, v, o in zip(df["change"], df["via"], df["orphaned"])],
        "old": [_value(c, v, lang) for c, v in zip(df["change"], df["old"])],
        "new": [_value(c, v, lang) for c, v in zip(df["change"], df["new"])],
        "note": list(df["note"]),
        "sources": ["\n".join(s) for s in df["sources"]],
    })
    out = out.iloc[::-1].reset_index(drop=True)
    return out.rename(columns={k: label("column", v, lang) for k, v in _SHOWN.items()})
