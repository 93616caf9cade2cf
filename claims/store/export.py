"""Exports of stored claims: CSV, JSONL, and ClaimReview JSON-LD for claims with a verdict."""
from __future__ import annotations

import json

import pandas as pd

from claims.lexicon import load_lexicon
from claims.schema import write_frame

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


def export(df: pd.DataFrame, path: str, fmt: str, bom: bool = False) -> int:
    """Write the frame to `path`; returns the number of records written."""
    if fmt == "claimreview":
        records = claim_reviews(df)
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(records, fh, ensure_ascii=False, indent=2)
        return len(records)
    suffix = ".csv" if fmt == "csv" else ".jsonl"
    if not path.endswith(suffix):
        raise ValueError(f"{path}: a {fmt} export must end in {suffix}")
    write_frame(df, path, bom=bom)
    return len(df)
