"""Small helpers over spaCy tokens shared by the detectors."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claims.quotes import Quote, find_quotes
from claims.words import CONNECTORS, DE, TIME

QUOTE_MARKS = set('«»“”"‹›')
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")


def text_of(doc: Doc) -> str:
    """doc.text, computed once per doc (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get("claims_text")
    if text is None:
        text = doc.user_data["claims_text"] = doc.text
    return text


def quotes_of(doc: Doc) -> list[Quote]:
    """The doc's quotation spans, found once (by the sentence component, or here)."""
    found = doc.user_data.get("claims_quotes")
    if found is None:
        found = doc.user_data["claims_quotes"] = [(q.open, q.close) for q in find_quotes(text_of(doc))]
    return [Quote(o, c) for o, c in found]


def entities(span: Span) -> list[Span]:
    """Named entities inside a span, read from the tokens' IOB tags (span.ents rebuilds all the doc's)."""
    found = []
    doc = span.doc
    i = span.start
    while i < span.end:
        if doc[i].ent_iob_ == "B":
            j = i + 1
            while j < span.end and doc[j].ent_iob_ == "I":
                j += 1
            found.append(Span(doc, i, j, label=doc[i].ent_type_))
            i = j
        else:
            i += 1
    return found


def lemma(tok: Token) -> str:
    """The token's lemma; regular -er verbs the lemmatizer missed (indique → indiquer) are mended."""
    lem = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX") and lem == tok.lower_ and not lem.endswith(("r", "re")):
        for suffix in ("ent", "es", "e"):
            if lem.endswith(suffix):
                return lem[: -len(suffix)] + "er"
    return lem


def verb_lemma(tok: Token) -> str:
    """lemma() for a token the tagger may have mistaken for a noun (argumente, pointe du doigt)."""
    if tok.pos_ == "NOUN" and tok.lemma_.lower() == tok.lower_ and tok.lower_.endswith(("e", "es", "ent")):
        stem = tok.lower_[:-3] if tok.lower_.endswith("ent") else tok.lower_.rstrip("s")[:-1]
        return stem + "er"
    return lemma(tok)


def is_infinitive(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and "Inf" in tok.morph.get("VerbForm")


def is_finite(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm")


def is_present_participle(tok: Token) -> bool:
    return "Part" in tok.morph.get("VerbForm") and "Pres" in tok.morph.get("Tense")


def is_quote_mark(tok: Token) -> bool:
    return tok.text in QUOTE_MARKS


def trim(span: Span) -> Span:
    """The span without leading and trailing punctuation and connectors."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].lower_ in CONNECTORS or doc[start].is_space) and not is_quote_mark(doc[start]):
        start += 1
    while end > start and (doc[end - 1].lower_ in CONNECTORS or doc[end - 1].is_space
                           or doc[end - 1].text in ".!?…" or doc[end - 1].lower_ == "alors"):
        end -= 1
    return doc[start:end]


def noun_phrase(head: Token) -> Span:
    """The phrase a speaker head stands in: its determiner, adjectives, names and complements,
    stopping at commas, clauses and quotes (Mike Pompeo, secrétaire d'État → Mike Pompeo)."""
    doc = head.doc
    ent = _entity_bounds(head)
    left = head.i
    for child in head.lefts:
        if child.dep_ in ("det", "amod", "nummod", "nmod", "flat", "flat:name", "compound") and \
                all(not doc[k].is_punct for k in range(child.left_edge.i, head.i)):
            left = min(left, child.left_edge.i)
    right = head.i
    named = head.ent_type_ == "PER"
    for tok in doc[head.i + 1: head.sent.end]:
        participle = "Part" in tok.morph.get("VerbForm") and "Past" in tok.morph.get("Tense")
        clause = tok.pos_ in ("VERB", "AUX") and (tok.head.i != head.i or not participle)
        if tok.is_punct and tok.text not in "-'()" or is_quote_mark(tok) or tok.pos_ in ("SCONJ", "CCONJ") or clause \
                or "Rel" in tok.morph.get("PronType"):
            break
        if not (head.is_ancestor(tok) or tok.head.i == head.i) or tok.lower_ in TIME and not tok.ent_type_:
            break  # …, a affirmé l'intéressé lundi: the day is not the speaker
        if tok.pos_ == "ADP" and (named or not _role_complement(tok)):
            # la Première ministre Élisabeth Borne | devant les députés: the name closes the phrase;
            # a role keeps its « de » complements (le maire de Lyon), not where or to whom it spoke
            break
        named = named or tok.ent_type_ == "PER"
        right = tok.i
    if ent is not None:
        left, right = min(left, ent[0]), max(right, ent[1] - 1)
    if head.pos_ == "NOUN" and right == head.i:
        right = _name_after_role(doc, right + 1, head.sent.end) - 1
    if head.pos_ == "NOUN":
        right = _apposed_name_end(doc, right + 1, head.sent.end) - 1
    return doc[left: right + 1]


def _role_complement(adp: Token) -> bool:
    """A preposition that continues a role (le maire de Lyon, l'ambassadeur d'Iran à Bakou, une déclaration
    publiée par la RFEF), not one that says to whom or where it was said (devant les députés, à l'AFP)."""
    if adp.lower_ in DE or adp.lower_ in ("du", "des", "en", "par"):
        return True
    nxt = adp.doc[adp.i + 1] if adp.i + 1 < len(adp.doc) else None
    return adp.lower_ == "à" and nxt is not None and nxt.ent_type_ == "LOC"


def _name_after_role(doc: Doc, i: int, end: int) -> int:
    """le commissaire Sy, le journal "Libération": the name right after a role noun belongs to the phrase."""
    def name_word(tok: Token) -> bool:
        return tok.text[:1].isupper() and (tok.pos_ == "PROPN" or tok.ent_type_ == "PER")

    if i < end and name_word(doc[i]):
        while i < end and name_word(doc[i]):
            i += 1
        return i
    if i + 2 < end and is_quote_mark(doc[i]) and doc[i + 1].text[:1].isupper():
        for j in range(i + 2, min(end, i + 7)):
            if is_quote_mark(doc[j]):
                return j + 1
            if doc[j].is_punct:
                break
    return i


def _apposed_name_end(doc: Doc, i: int, end: int) -> int:
    """A role with its name apposed between commas (le secrétaire général de la CFDT, Laurent Berger, a dit):
    the end of the name, or `i` when there is none. The name must close the apposition (comma, end, verb)."""
    if i + 1 >= end or doc[i].text != "," or doc[i + 1].ent_iob_ != "B" or doc[i + 1].ent_type_ != "PER":
        return i
    j = i + 2
    while j < end and doc[j].ent_iob_ == "I":
        j += 1
    closes = j >= end or doc[j].is_punct and not is_quote_mark(doc[j]) or doc[j].pos_ in ("VERB", "AUX")
    return j if closes else i


def _entity_bounds(tok: Token) -> tuple[int, int] | None:
    """(start, end) of the named entity holding the token, from IOB tags (cheaper than doc.ents)."""
    if tok.ent_iob_ == "O" or not tok.ent_type_:
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end
