"""A claim's evidence: its paragraph cut into segments labelled claim, speaker, cue or marker.

The dashboard escapes each segment's text and styles it by its labels; nothing here produces HTML,
so no text from an article can ever become markup.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from claims.articles import Article


@dataclass(frozen=True)
class Segment:
    text: str
    labels: frozenset[str]


def paragraph_bounds(article_text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the paragraph(s) holding [start, end) in the article."""
    spans = Article(article_id="-", text=article_text).paragraphs
    first = next((s for s, e in spans if s <= start < e), start)
    last = next((e for s, e in spans if s < end <= e), end)
    return first, max(last, end)


def evidence_segments(article_text: str, claim: Mapping) -> list[Segment]:
    """The claim's paragraph as segments; a segment's labels say which highlights cover it."""
    spans: list[tuple[int, int, str]] = [(claim["start"], claim["end"], "claim")]
    if claim.get("speaker_start", -1) >= 0:
        spans.append((claim["speaker_start"], claim["speaker_end"], "speaker"))
    if claim.get("cue_start", -1) >= 0:
        spans.append((claim["cue_start"], claim["cue_end"], "cue"))
    spans += [(m["start"], m["end"], "marker") for m in claim.get("certainty_markers") or []
              if m.get("start", -1) >= 0]
    lo, hi = paragraph_bounds(article_text, min(s for s, _, _ in spans), max(e for _, e, _ in spans))
    cuts = sorted({lo, hi} | {max(lo, min(hi, p)) for s, e, _ in spans for p in (s, e)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        if a < b:
            labels = frozenset(label for s, e, label in spans if s <= a and b <= e)
            out.append(Segment(article_text[a:b], labels))
    return out
