"""Precision and recall of "checked before?" on labelled claim/check pairs (tests/data/checks/pairs.jsonl).

Each pair is scored as the index scores a candidate (claims.checks.index.MatchIndex.score), with the
corpus statistics of an index holding every text of the set; a pair is predicted a match when nothing
blocks it and its score reaches the threshold.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from claims.checks.features import analyse, vector_lookup
from claims.checks.index import THRESHOLD, MatchIndex


@dataclass
class PairScore:
    claim: str
    check: str
    match: bool
    kind: str
    score: float | None  # None: blocked by a rule


def read_pairs(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score_pairs(pairs: list[dict], nlp) -> list[PairScore]:
    texts = list(dict.fromkeys([p["claim"] for p in pairs] + [p["check"] for p in pairs]))
    features = dict(zip(texts, analyse(texts, nlp)))
    index = MatchIndex(vector_lookup(nlp), dim=nlp.vocab.vectors_length or 300)
    index.add_many((str(i), features[t]) for i, t in enumerate(texts))
    out = []
    for p in pairs:
        m = index.score(features[p["claim"]], features[p["check"]])
        out.append(PairScore(p["claim"], p["check"], bool(p["match"]), p.get("kind", ""),
                             None if m is None else m.score))
    return out


def precision_recall(scores: list[PairScore], threshold: float = THRESHOLD) -> dict[str, float]:
    predicted = [s.score is not None and s.score >= threshold for s in scores]
    tp = sum(p and s.match for p, s in zip(predicted, scores))
    fp = sum(p and not s.match for p, s in zip(predicted, scores))
    fn = sum(not p and s.match for p, s in zip(predicted, scores))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"threshold": threshold, "precision": precision, "recall": recall, "tp": tp, "fp": fp, "fn": fn,
            "pairs": len(scores)}
