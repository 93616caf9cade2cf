"""Scoring the extractor on annotated news (shared/gold/dev.jsonl), as the gold README defines it.

Each item is written to <id>.txt, extracted, and its attributed rows compared with the gold
statements: word overlap of at least half of each side is a match (one prediction, one gold).
"""
from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from claims.extract import extract
from claims.lexicon import strip_accents
from claims.schema import ATTRIBUTED_KINDS

_ARTICLES = {"le", "la", "les", "l", "d", "de", "du", "des", "un", "une"}


def words(text: str | None) -> set[str]:
    text = strip_accents((text or "").lower().replace("\u2019", "'"))
    return {w for w in re.findall(r"\w+", text) if w not in _ARTICLES}


def overlaps(pred: str, gold: str) -> bool:
    p, g = words(pred), words(gold)
    common = len(p & g)
    return bool(p and g) and common >= len(p) / 2 and common >= len(g) / 2


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    speaker_ok: int = 0
    speaker_n: int = 0
    cond_ok: int = 0
    vague_ok: int = 0
    flags_n: int = 0
    errors: list[str] = field(default_factory=list)
    # speaker accuracy by how the gold speaker is written: name, pronoun, role noun, anonymous, selon
    by_form: dict[str, list[int]] = field(default_factory=dict)  # form -> [correct, total]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def report(self) -> str:
        def ratio(a: int, b: int) -> str:
            return f"{a / b:.3f} ({a}/{b})" if b else "n/a"
        return "\n".join([
            f"statements  precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}"
            f"  (tp {self.tp}, fp {self.fp}, fn {self.fn})",
            f"speaker accuracy      {ratio(self.speaker_ok, self.speaker_n)}",
            f"conditional flag      {ratio(self.cond_ok, self.flags_n)}",
            f"vague-source flag     {ratio(self.vague_ok, self.flags_n)}",
            f"flags (both)          {ratio(self.cond_ok + self.vague_ok, 2 * self.flags_n)}",
            "speaker accuracy by how the speaker is written:",
            *(f"  {form:<21} {ratio(*self.by_form[form])}" for form in SPEAKER_FORMS if form in self.by_form),
        ])

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.speaker_n if self.speaker_n else 0.0

    @property
    def flags(self) -> float:
        return (self.cond_ok + self.vague_ok) / (2 * self.flags_n) if self.flags_n else 0.0

    def add(self, other: Score) -> None:
        for name in ("tp", "fp", "fn", "speaker_ok", "speaker_n", "cond_ok", "vague_ok", "flags_n"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors += other.errors
        for form, (ok, n) in other.by_form.items():
            mine = self.by_form.setdefault(form, [0, 0])
            mine[0] += ok
            mine[1] += n


SPEAKER_FORMS = ("name", "pronoun", "role noun", "anonymous", "selon / d'après")


def speaker_form(gold: dict) -> str:
    """How the gold statement writes its speaker: a name, a pronoun, a role noun or description,
    an anonymous source; attributions (selon X, d'après X) are counted apart."""
    if gold["kind"] == "according_to":
        return "selon / d'après"
    if gold["speaker_resolved"] == "anonymous":
        return "anonymous"
    written = gold["speaker"].strip().lower().replace("\u2019", "'")
    if written in _PRONOUNS or written.lstrip("-") in _PRONOUNS:
        return "pronoun"
    if any(w[:1].isupper() for w in gold["speaker"].split()[1:]) or gold["speaker"][:1].isupper() and \
            gold["speaker"].split()[0].lower() not in _ARTICLES | {"l'", "cet", "cette", "ce", "ces", "son", "sa"}:
        return "name"
    return "role noun"


_PRONOUNS = {"il", "elle", "ils", "elles", "lui", "eux", "celui-ci", "celle-ci", "ce dernier", "cette dernière",
             "ceux-ci", "on", "qui"}


def _word_list(text: str) -> list[str]:
    text = strip_accents(text.lower().replace("\u2019", "'"))
    return [w for w in re.findall(r"\w+", text) if w not in _ARTICLES]


def speaker_correct(gold: dict, row: pd.Series) -> bool:
    resolved = gold["speaker_resolved"]
    if resolved == "anonymous":
        return row["speaker_type"] == "anonymous"
    last = _word_list(resolved)[-1:]
    if not last:
        return False
    said = row["speaker_mention"] if last[0] in words(gold["speaker"]) else ""
    return last[0] in words(row["speaker"]) or last[0] in words(said)


def score_item(item: dict, rows: pd.DataFrame, score: Score) -> None:
    preds = rows[rows["kind"].isin(ATTRIBUTED_KINDS)]
    used: set[int] = set()
    for gold in item["statements"]:
        match = None
        for idx, row in preds.iterrows():
            if idx not in used and overlaps(row["text"], gold["content"]):
                match = idx
                break
        if match is None:
            score.fn += 1
            score.errors.append(f"[{item['id']}] missed: {gold['content']!r} ({gold['speaker']})")
            continue
        used.add(match)
        score.tp += 1
        row = preds.loc[match]
        if gold["speaker_resolved"] is not None:
            score.speaker_n += 1
            form = score.by_form.setdefault(speaker_form(gold), [0, 0])
            form[1] += 1
            if speaker_correct(gold, row):
                score.speaker_ok += 1
                form[0] += 1
            else:
                score.errors.append(f"[{item['id']}] speaker: {row['speaker']!r} ({row['speaker_mention']!r}, "
                                    f"{row['speaker_type']}) should be {gold['speaker_resolved']!r}")
        types = {m["type"] for m in row["certainty_markers"]}
        cond = "conditional" in types
        vague = row["speaker_type"] == "anonymous" or "vague_source" in types
        score.flags_n += 1
        score.cond_ok += cond == gold["conditional"]
        score.vague_ok += vague == gold["vague_source"]
        if cond != gold["conditional"] or vague != gold["vague_source"]:
            score.errors.append(f"[{item['id']}] flags: conditional {cond}, vague {vague} for {row['text']!r}")
    for idx, row in preds.iterrows():
        if idx not in used:
            score.fp += 1
            score.errors.append(f"[{item['id']}] extra: {row['text']!r} ({row['speaker']}, {row['kind']})")


class GoldError(ValueError):
    """A gold file that cannot be scored; the message names the file, the line and the problem."""


_GOLD_KEYS = ("id", "text", "statements")


def load_gold(path: str | Path) -> list[dict]:
    """Items of a gold JSONL file, each checked for the fields scoring needs."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise GoldError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise GoldError(f"{path}: cannot read it as UTF-8 text ({getattr(err, 'strerror', None) or err})") from None
    items = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as err:
            raise GoldError(f"{path}, line {n}: not JSON ({err.msg})") from None
        missing = [k for k in _GOLD_KEYS if not isinstance(item, dict) or k not in item]
        if missing:
            raise GoldError(f"{path}, line {n}: not a gold item (missing {', '.join(missing)})")
        items.append(item)
    if not items:
        raise GoldError(f"{path}: no gold items in this file")
    return items


def evaluate(gold_path: str | Path, processes: int | None = 1) -> Score:
    """Score the extractor on one gold file."""
    items = load_gold(gold_path)
    with tempfile.TemporaryDirectory() as tmp:
        for item in items:
            (Path(tmp) / f"{item['id']}.txt").write_text(item["text"], encoding="utf-8")
        df = extract([tmp], processes=processes, progress=False)
    score = Score()
    for item in items:
        score_item(item, df[df["article_id"] == item["id"]], score)
    return score


def evaluate_files(paths: list[str | Path], processes: int | None = 1) -> dict[str, Score]:
    """A score per gold file, and "all" for them together when there are several."""
    scores = {str(p): evaluate(p, processes) for p in paths}
    if len(scores) > 1:
        total = Score()
        for sc in scores.values():
            total.add(sc)
        scores["all"] = total
    return scores
