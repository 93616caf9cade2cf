"""Precision and recall of "checked before?" matching on the labelled pairs, for a range of thresholds,
and the pairs the chosen threshold gets wrong.

    python bench/eval_match.py [tests/data/checks/pairs.jsonl]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claims.checks.evaluation import precision_recall, read_pairs, score_pairs  # noqa: E402
from claims.checks.index import BM25_WEIGHT, THRESHOLD  # noqa: E402
from claims.nlp import load_model  # noqa: E402

PAIRS = Path(__file__).resolve().parent.parent / "tests" / "data" / "checks" / "pairs.jsonl"


def main() -> None:
    pairs = read_pairs(sys.argv[1] if len(sys.argv) > 1 else PAIRS)
    scores = score_pairs(pairs, load_model())
    print(f"{len(pairs)} pairs, {sum(p['match'] for p in pairs)} that must match; BM25 weight {BM25_WEIGHT}")
    print("threshold  precision  recall   tp  fp  fn")
    for t in [x / 100 for x in range(30, 86, 5)]:
        r = precision_recall(scores, t)
        mark = "  ← chosen" if abs(t - THRESHOLD) < 1e-9 else ""
        print(f"{t:9.2f}  {r['precision']:9.3f}  {r['recall']:6.3f}  {r['tp']:3d} {r['fp']:3d} {r['fn']:3d}{mark}")
    print("\nwrong at the chosen threshold:")
    for s in scores:
        predicted = s.score is not None and s.score >= THRESHOLD
        if predicted != s.match:
            print(f"  [{s.kind}] {s.score}  {s.claim}  ≈?  {s.check}")
    by_kind: dict[str, list] = {}
    for s in scores:
        by_kind.setdefault(s.kind, []).append(s)
    print("\nper kind (share predicted as the label says):")
    for kind, group in sorted(by_kind.items()):
        right = sum((s.score is not None and s.score >= THRESHOLD) == s.match for s in group)
        print(f"  {kind:14s} {right}/{len(group)}")


if __name__ == "__main__":
    main()
