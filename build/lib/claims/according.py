"""Attributions without a verb: selon X, d'après X, à en croire X, de source X, pour X / pour qui."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span

from claims.lexicon import Lexicon
from claims.quotes import Quote, quote_at
from claims.statement import Statement
from claims.tokens import trim

# Evidential phrases that open an attribution; taken from the markers file (type evidential).
_PERSONAL = {"lui", "elle", "eux", "elles", "qui"}


@lru_cache(maxsize=4)
def _phrases(lex: Lexicon) -> dict[str, list[tuple[str, ...]]]:
    """Evidential phrases by first token, longest first, in token form (d'après → d', après)."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words, mtype, _ in lex.markers:
        if mtype == "evidential":
            toks = tuple(" ".join(words).replace("'", "' ").split())
            by_first.setdefault(toks[0], []).append(toks)
    for v in by_first.values():
        v.sort(key=len, reverse=True)
    return by_first


def _match(sent: Span, i: int, phrases: dict[str, list[tuple[str, ...]]]) -> tuple[str, ...] | None:
    doc = sent.doc
    for words in phrases.get(doc[i].lower_, ()):
        if i + len(words) <= sent.end and all(doc[i + k].lower_ == w for k, w in enumerate(words)):
            return words
    return None


def _source_end(sent: Span, i: int) -> int:
    """Token index just after the source phrase: up to a comma, a verb or the sentence end."""
    doc = sent.doc
    j = i
    depth = 0
    while j < sent.end:
        t = doc[j]
        depth += t.text == "("
        depth -= t.text == ")"
        if depth <= 0 and (t.text in ",.;:!?" or t.pos_ in ("VERB", "AUX") and t.i > i or t.lower_ == "que"):
            break
        j += 1
    return j


def find_according(sent: Span, lex: Lexicon, quotes: list[Quote]) -> list[Statement]:
    doc = sent.doc
    found: list[Statement] = []
    i = sent.start
    phrases = _phrases(lex)
    while i < sent.end:
        tok = doc[i]
        words = _match(sent, i, phrases)
        if words is None or quote_at(quotes, tok.idx):
            i += 1
            continue
        n = len(words)
        cue_end_tok = doc[i + n - 1]
        words = tuple(" ".join(words).replace("' ", "'").split())
        src_start = i + n
        if words == ("pour", "qui"):
            src_start -= 1  # the relative pronoun is the source
        src_end = src_start + 1 if words == ("pour", "qui") else _source_end(sent, src_start)
        if src_end <= src_start:
            i += 1
            continue
        source = trim(doc[src_start:src_end]) if words != ("pour", "qui") else doc[src_start: src_start + 1]
        if words == ("pour",) and not _personal_source(source, lex):
            i += 1
            continue
        after = trim(doc[_past_modifier(sent, src_start, src_end): sent.end])
        before = trim(doc[sent.start: i])
        at_end = len(after) < 3 and len(before) >= 3
        content = before if at_end else after
        if len(content) >= 2:
            cue = " ".join(words)
            found.append(Statement("according_to", content.start_char, content.end_char, sent,
                                   cue=cue, cue_start=tok.idx, cue_end=cue_end_tok.idx + len(cue_end_tok),
                                   speaker=source))
        i = src_end
    return found


def _past_modifier(sent: Span, src_start: int, src_end: int) -> int:
    """Where the claim starts after a source with a participle phrase of its own
    (d'après des responsables cités par le New York Times, …): past that phrase's comma."""
    doc = sent.doc
    if src_end >= sent.end:
        return src_end
    tok = doc[src_end]
    if not ("Part" in tok.morph.get("VerbForm") and src_start <= tok.head.i < src_end):
        return src_end
    for j in range(src_end + 1, sent.end):
        if doc[j].text == ",":
            return j + 1
        if doc[j].pos_ in ("VERB", "AUX") and doc[j].head.i != tok.i and not tok.is_ancestor(doc[j]):
            return src_end
    return sent.end  # …, selon plusieurs délégués interrogés par l'AFP.


def _personal_source(source: Span, lex: Lexicon) -> bool:
    """'pour' is an attribution only before someone: pour le ministre, pour lui, pour Moscou."""
    if source.start == source.sent.start or len(source) == 0:
        return False
    before = source.doc[source.start - 2] if source.start - 2 >= source.sent.start else None
    if before is not None and before.text != ",":
        return False  # Pour X, … opens a clause; "pour la première fois" does not
    head = source.root
    return (head.lower_ in _PERSONAL or head.ent_type_ in ("PER", "ORG") or any(t.ent_type_ == "PER" for t in source)
            or lex.roles.get(head.lemma_.lower()) in ("person", "organization", "government")
            or lex.alias(source.text) is not None)
