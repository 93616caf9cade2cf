"""The statement found in one paragraph, before speakers are resolved across the article."""
from __future__ import annotations

from dataclasses import dataclass, field

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
    markers: list[dict] = field(default_factory=list)

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end
