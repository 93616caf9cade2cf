"""Quotation spans in a text: « … », “ … ”, " … ", including quotes cut off at a paragraph edge."""
from __future__ import annotations

import re
from dataclasses import dataclass

_PAIRS = {"«": "»", "“": "”", "‹": "›"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_MARKS = re.compile("[" + re.escape('"' + "".join(_PAIRS) + "".join(_CLOSERS)) + "]")


@dataclass(frozen=True)
class Quote:
    open: int  # index of the opening mark, or -1 when the quote began before the text
    close: int  # index of the closing mark, or len(text) when it runs past the text

    @property
    def start(self) -> int:
        """First character inside the quote."""
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close

    def contains(self, pos: int) -> bool:
        return self.open < pos < self.close


def _ascii_role(text: str, i: int) -> str:
    """Whether a straight double quote opens or closes, from the characters around it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-:'":
        return "open"
    if after.isspace() or after in ".,;:!?)]}…":
        return "close"
    return "open" if not before.isalnum() else "close"


def find_quotes(text: str) -> list[Quote]:
    """Top-level quotation spans, in order. A closing mark with no opening one means the quote
    started before this text (news excerpts often drop the opening mark)."""
    quotes: list[Quote] = []
    stack: list[tuple[str, int]] = []  # (closing mark expected, index of opening)
    for mark in _MARKS.finditer(text):  # the quotation marks only: a loop over every character took six times longer
        i, ch = mark.start(), mark.group()
        if ch == '"':
            role = _ascii_role(text, i)
            if role == "close" and stack and stack[-1][0] == '"':
                _, o = stack.pop()
                if not stack:
                    quotes.append(Quote(o, i))
            elif role == "close" and not stack and not quotes:
                quotes.append(Quote(-1, i))
            elif role == "open":
                stack.append(('"', i))
        elif ch in _PAIRS:
            stack.append((_PAIRS[ch], i))
        elif ch in _CLOSERS:
            if stack and stack[-1][0] == ch:
                _, o = stack.pop()
                if not stack:
                    quotes.append(Quote(o, i))
            elif not stack and not quotes:
                quotes.append(Quote(-1, i))
    if stack:
        quotes.append(Quote(stack[0][1], len(text)))
    return sorted(quotes, key=lambda q: q.open)


def quote_at(quotes: list[Quote], pos: int) -> Quote | None:
    for q in quotes:
        if q.open < pos < q.close:
            return q
    return None
