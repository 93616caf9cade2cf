"""Exports of stored claims: CSV, JSONL, and ClaimReview JSON-LD for claims with a verdict."""
from __future__ import annotations

import io
import json
from collections.abc import Iterable

import pandas as pd

from claims.lexicon import load_lexicon
from claims.schema import write_frames, write_stream

FORMATS = ("csv", "jsonl", "claimreview")


def verdict_statuses() -> dict[str, dict[str, str]]:
    return {r["status"]: r for r in load_lexicon().statuses if r["verdict"] == "yes"}


def claim_reviews(df: pd.DataFrame, desk: str = "claims fact-checking desk") -> list[dict]:
    """schema.org ClaimReview records (https://schema.org/ClaimReview) for reviewed claims."""
    verdicts = verdict_statuses()
    out = []
    for r in df[df["status"].isin(list(verdicts))].itertuples():
        v = verdicts[r.status]
        author_type = "Person" if r.speaker_type == "person" else "Organization"
        appearance = {"@type": "CreativeWork", "headline": r.article_title or r.article_id}
        if getattr(r, "url", ""):
            appearance["url"] = r.url
        if r.published:
            appearance["datePublished"] = r.published
        out.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": r.text,
            "datePublished": (r.reviewed_at or "")[:10],
            "author": {"@type": "Organization", "name": desk},
            "itemReviewed": {"@type": "Claim", "author": {"@type": author_type, "name": r.speaker or "unknown"},
                             "appearance": [appearance]},
            "reviewRating": {"@type": "Rating", "ratingValue": int(v["rating"]), "bestRating": 5, "worstRating": 1,
                             "alternateName": v["label"]},
            **({"reviewBody": r.note} if r.note else {}),
        })
    return out


def export(source: pd.DataFrame | Iterable[pd.DataFrame], path: str, fmt: str, bom: bool = False) -> int:
    """Write a frame, or a stream of frames (Store.iter_claims_frames), to `path` as `fmt`;
    returns the number of records written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of: {', '.join(FORMATS)}")
    frames = [source] if isinstance(source, pd.DataFrame) else source
    if fmt == "claimreview":
        records = [rec for df in frames for rec in claim_reviews(df)]
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(records, fh, ensure_ascii=False, indent=2)
        return len(records)
    suffix = ".csv" if fmt == "csv" else ".jsonl"
    if not path.endswith(suffix):
        raise ValueError(f"{path}: a {fmt} export must end in {suffix}")
    return write_frames(frames, path, bom=bom)


def export_bytes(df: pd.DataFrame, fmt: str) -> bytes:
    """The frame exported as `fmt`, in memory (for a download button). CSV carries a BOM so that
    Excel opens it as UTF-8."""
    if fmt == "claimreview":
        return json.dumps(claim_reviews(df), ensure_ascii=False, indent=2).encode("utf-8")
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of: {', '.join(FORMATS)}")
    buf = io.StringIO()
    write_stream([df], buf, fmt)
    return ("\ufeff" if fmt == "csv" else "").encode("utf-8") + buf.getvalue().encode("utf-8")
