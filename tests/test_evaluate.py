"""The extractor on the team's annotated French news, scored as shared/gold/README.md says."""
from __future__ import annotations

from conftest import GOLD

from claims.evaluate import evaluate, overlaps


def test_overlap_rule():
    assert overlaps("la Russie à quitter le pays, réponse du Kremlin", "la Russie à quitter le pays")
    assert not overlaps("à une nouvelle révolte", "à une nouvelle révolte, en vue de pousser Maduro au départ du pays")


def test_dev_set_meets_the_targets():
    assert GOLD.exists(), f"the annotated dev set is expected at {GOLD} (the team's shared/ folder)"
    score = evaluate(GOLD)
    assert score.f1 >= 0.90, score.report() + "\n" + "\n".join(score.errors)
    assert score.speaker_ok / score.speaker_n >= 0.90, score.report()
    assert score.cond_ok / score.flags_n >= 0.95 and score.vague_ok / score.flags_n >= 0.95, score.report()
