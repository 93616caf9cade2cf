"""A statement found in one paragraph: what the pipeline components fill in, step by step."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span


@dataclass
class Statement:
    kind: str  # direct | indirect | mixed | according_to | assertion
    start: int  # content offsets in the paragraph text
    end: int
    sentence: Span
    cue: str = ""  # lemma of the reporting verb, or the attribution phrase (selon)
    cue_start: int = -1
    cue_end: int = -1
    speaker: Span | None = None  # the speaker as written
    markers: list[dict] = field(default_factory=list)  # claims_certainty: {text, type, start, end} in the paragraph
    actor: Any = None  # claims_speakers: the resolved claims.speakers.Actor
    confidence: float = 0.0  # claims_speakers: how far the resolved speaker can be trusted
    about: list[Any] = field(default_factory=list)  # claims_speakers: the actors named in the content

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end
