"""Statements of one paragraph: reporting verbs, attributions and quotations, put together."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from claims.according import find_according
from claims.attribution import complement, content_statement, incise
from claims.cues import find_cues
from claims.lexicon import Lexicon
from claims.quotes import Quote
from claims.statement import Statement
from claims.tokens import is_finite, quotes_of, text_of


def find_statements(doc: Doc, lex: Lexicon) -> list[Statement]:
    """Attributed statements of a paragraph, in text order (speakers not yet resolved)."""
    quotes = quotes_of(doc)
    found: list[Statement] = []
    for sent in doc.sents:
        found.extend(_sentence_statements(sent, lex, quotes))
    found = _drop_nested(found)
    found.extend(_quotes_left(doc, quotes, found))
    return sorted(found, key=lambda s: s.start)


def _sentence_statements(sent: Span, lex: Lexicon, quotes: list[Quote]) -> list[Statement]:
    cues = find_cues(sent, lex, quotes)
    found: list[Statement] = []
    taken_until = sent.start_char
    for n, cue in enumerate(cues):
        st = incise(cue, sent, quotes, taken_until) or complement(cue, sent, quotes, cues[n + 1:])
        if st is not None:
            found.append(st)
            taken_until = max(taken_until, st.end, st.cue_end)
    for st in find_according(sent, lex, quotes):
        if not any(o.cue_start <= st.cue_start < o.end and o.kind != "according_to" for o in found):
            found.append(st)
    return found


def _drop_nested(found: list[Statement]) -> list[Statement]:
    """A statement reported inside another one's content belongs to that content
    (Selon Caracas, Téhéran … a annoncé …: the claim to check is Caracas's)."""
    return [s for s in found
            if not any(o is not s and o.start <= s.cue_start and s.cue_end <= o.end for o in found)]


def _is_full_quote(doc: Doc, q: Quote) -> bool:
    """A quotation that is a statement of its own (has a finite verb or is long), not a phrase."""
    span = doc.char_span(q.start, q.end, alignment_mode="contract")
    return span is not None and (any(is_finite(t) for t in span) or len([t for t in span if t.is_alpha]) >= 8)


def _quotes_left(doc: Doc, quotes: list[Quote], found: list[Statement]) -> list[Statement]:
    """Quotations no verb introduced: a second quote in a sentence whose speaker is known
    (a affirmé X car “…”), or a quote standing alone next to a sentence naming its speaker."""
    extra: list[Statement] = []
    for q in quotes:
        if any(s.overlaps(q.start, q.end) for s in found) or not _is_full_quote(doc, q):
            continue
        sent = doc[doc.char_span(q.start, q.end, alignment_mode="expand").start].sent
        same = [s for s in found if s.sentence.start == sent.start and s.kind in ("direct", "mixed")
                and s.speaker is not None]
        neighbour = [s for s in found if s.speaker is not None and abs(s.sentence.start - sent.start) > 0
                     and _adjacent(s.sentence, sent)]
        source = same[-1] if same else (neighbour[0] if _stands_alone(doc, sent, q) and neighbour else None)
        if source is None:
            continue
        st = content_statement(doc, sent, q.start, q.end, quotes, cue=source.cue, cue_start=source.cue_start,
                               cue_end=source.cue_end, speaker=source.speaker)
        extra.append(st)
    return extra


def _stands_alone(doc: Doc, sent: Span, q: Quote) -> bool:
    outside = text_of(doc)[sent.start_char: max(q.open, sent.start_char)] + text_of(doc)[q.close + 1: sent.end_char]
    return not any(c.isalnum() for c in outside)


def _adjacent(a: Span, b: Span) -> bool:
    return a.end == b.start or b.end == a.start
