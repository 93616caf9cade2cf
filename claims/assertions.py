"""The article's own check-worthy statements: sentences that state facts about named actors,
numbers, dates or events, outside any attributed statement. Opinions and transitions are not."""
from __future__ import annotations

from spacy.attrs import ENT_TYPE, LOWER
from spacy.symbols import NUM
from spacy.tokens import Span

from claims.quotes import Quote, quote_at
from claims.tokens import column, is_finite, pos_ids, string_id, text_of, tokens_in

_MIN_WORDS = 5
_FIRST_PERSON = {"je", "j'", "nous", "me", "m'"}
_FIRST_PERSON_IDS = frozenset(string_id(w) for w in _FIRST_PERSON)  # as LOWER ids
_NAME_ENT_IDS = frozenset(string_id(label) for label in ("PER", "ORG", "LOC", "MISC"))  # as ENT_TYPE ids


def is_check_worthy(sent: Span, quotes: list[Quote]) -> bool:
    toks = tokens_in(sent)
    words = [t for t in toks if t.is_alpha or t.like_num]
    # the sentence's text sliced from the doc's (Span.text joins its tokens' texts anew)
    if len(words) < _MIN_WORDS or text_of(sent.doc)[sent.start_char:sent.end_char].rstrip().endswith("?"):
        return False
    inside = [q for q in quotes if q.open < sent.end_char and sent.start_char < q.close]
    outside = [t for t in toks if not t.is_punct and (not inside or quote_at(inside, t.idx) is None)]
    if len(outside) < _MIN_WORDS:
        return False  # a quotation, not the article speaking
    # forms, tags and entity types as the doc's integer columns: most sentences go through these tests, and each
    # `lower_`, `pos_` or `ent_type_` made a str for every word
    doc = sent.doc
    forms, tags, ents = column(doc, LOWER), pos_ids(doc), column(doc, ENT_TYPE)
    if any(forms[t.i] in _FIRST_PERSON_IDS and t.dep_.startswith("nsubj") for t in outside):
        return False
    has_fact = any(tags[t.i] == NUM or t.text[:1].isdigit() or ents[t.i] in _NAME_ENT_IDS for t in outside)
    has_verb = any(is_finite(t) or t.dep_ == "ROOT" and t.pos_ == "VERB" for t in outside)
    return has_fact and has_verb
