"""Giving a claim the verdict of an earlier check: signed by the reviewer, the source named in the note
(and so in the history), through the store's conflict check. Never done without a reviewer's name."""
from __future__ import annotations

from collections.abc import Mapping

from claims.safe import http_url
from claims.store.errors import StoreError
from claims.store.statuses import verdict_statuses


def source_note(match: Mapping) -> str:
    """One line naming the earlier verdict: its words, who gave it, when, and its link."""
    what = "fact-check" if match["ref_kind"] == "check" else "desk verdict on a matching claim"
    parts = [f"Earlier {what}: « {match['verdict'] or match['status']} »"]
    if match.get("by"):
        parts.append(f"by {match['by']}")
    if match.get("date"):
        parts.append(f"on {match['date']}")
    line = " ".join(parts)
    url = http_url(match.get("url") or "")
    return line + (f" — {url}" if url else "") + (f" (claim {match['ref_id']})" if match["ref_kind"] == "claim" else "")


def apply_earlier_verdict(store, claim_id: str, match: Mapping, *, status: str, reviewer: str, version: int,
                          note: str = "") -> int:
    """Set `status` on the claim (the reviewer's choice, suggested from the match), with the reviewer's
    note followed by the source line; returns the claim's new version (ConflictError if someone saved
    in between)."""
    if not reviewer.strip():
        raise StoreError("an earlier verdict is applied by a named reviewer: enter your name first")
    if status not in verdict_statuses():
        raise StoreError(f"{status!r} is not a verdict; one of: {', '.join(verdict_statuses())}")
    text = "\n".join(p for p in (note.strip(), source_note(match)) if p)
    return store.set_status(claim_id, status, version=version, note=text, reviewer=reviewer.strip())
