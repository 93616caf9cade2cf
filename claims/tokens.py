"""Small helpers over spaCy tokens shared by the detectors."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, LENGTH, LOWER, MORPH, POS
from spacy.strings import get_string_id
from spacy.symbols import ADP, AUX, CCONJ, SCONJ, VERB
from spacy.tokens import Doc, Span, Token

from claims.quotes import Quote, find_quotes
from claims.words import (
    CONNECTORS,
    DATIVE_CLITICS,
    DE,
    DEMONSTRATIVES,
    INDEFINITE_ONE,
    LATTER,
    OF,
    PORTFOLIO_ROLES,
    TIME,
)

QUOTE_MARKS = set('«»“”"‹›')
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
_HYPHENS = ("-", "‐", "‑")
_VERB_TAGS, _CONJ_TAGS = (VERB, AUX), (SCONJ, CCONJ)


def text_of(doc: Doc) -> str:
    """doc.text, computed once per doc (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get("claims_text")
    if text is None:
        text = doc.user_data["claims_text"] = doc.text
    return text


def keep_text(doc: Doc, text: str) -> Doc:
    """The doc with the text it was made from, for text_of: a caller that tokenizes a text itself knows it, and
    spaCy's doc.text would join the words again, a Token object each."""
    doc.user_data["claims_text"] = text
    return doc


def span_text(span: Span) -> str:
    """span.text, sliced from the doc's text (text_of): spaCy joins the text of each of the span's tokens,
    making a Token for each, and the speaker rules read the text of every mention several times."""
    if span.start == span.end:
        return ""
    return text_of(span.doc)[span.start_char:span.end_char]


def quotes_of(doc: Doc) -> list[Quote]:
    """The doc's quotation spans, found once (by the sentence component, or here)."""
    made = doc.user_data.get(_QUOTES)
    if made is not None:  # the Quote objects (frozen) made once: a frozen dataclass is slow to build
        return list(made)
    found = doc.user_data.get("claims_quotes")
    if found is None:
        found = doc.user_data["claims_quotes"] = [(q.open, q.close) for q in find_quotes(text_of(doc))]
    made = doc.user_data[_QUOTES] = [Quote(o, c) for o, c in found]
    return list(made)


_TOKENS, _STARTS, _ENTS, _SENTS = "claims_tokens", "claims_token_starts", "claims_ents", "claims_sent_bounds"
_MORPHS, _QUOTES, _ENDS = "claims_morphs", "claims_quote_objects", "claims_token_ends"
_ENT_SPANS, _COLUMNS, _CHILDREN = "claims_ent_spans", "claims_columns", "claims_children"
_PHRASES, _SENT_SPANS = "claims_noun_phrases", "claims_sentence_spans"


def tokens_of(doc: Doc) -> list[Token]:
    """The doc's tokens as one list, made once: spaCy builds a new Token object on every `doc[i]` and on
    every pass over a span, and the rules walk each sentence many times. Token objects read the doc's
    annotations live, so the list stays right as later components annotate; `release` drops it."""
    toks = doc.user_data.get(_TOKENS)
    if toks is None or len(toks) != len(doc):
        toks = doc.user_data[_TOKENS] = list(doc)
    return toks


def tokens_in(span: Span) -> list[Token]:
    """The span's tokens, from the doc's list (see tokens_of)."""
    doc = span.doc
    toks = doc.user_data.get(_TOKENS)  # tokens_of inlined: this is called for every sentence and mention
    if toks is None or len(toks) != len(doc):
        toks = tokens_of(doc)
    return toks[span.start:span.end]


def pos_ids(doc: Doc) -> list[int]:
    """Each token's coarse tag as spaCy's integer (`tok.pos`), read as one array per doc: a loop that skips most
    words by their tag then makes no Token object for them."""
    return column(doc, POS)  # read with the other columns


def column(doc: Doc, attr: int) -> list[int]:
    """One attribute of every token (`spacy.attrs` LOWER, LEMMA, DEP …) as spaCy's integers, read as one array
    per doc like pos_ids. Strings are compared as their ids (`string_id("nsubj") == column(doc, DEP)[i]`), so a
    loop over a sentence reads no `tok.lower_` or `tok.dep_` (each builds a new str) for the words it skips,
    and a look-up keyed on these ids can stand for one keyed on the strings. For the components after the
    parser and the entity recogniser: the values are not refreshed when the doc is annotated further."""
    columns = doc.user_data.get(_COLUMNS)
    if columns is None:
        columns = doc.user_data[_COLUMNS] = {}
    ids = columns.get(attr)
    if ids is None or len(ids) != len(doc):
        if attr in _READ_TOGETHER and len(doc):
            # the rules read all of these of nearly every doc: one array for them costs little more than one each
            for name, values in zip(_READ_TOGETHER, doc.to_array(list(_READ_TOGETHER)).T.tolist()):
                columns[name] = values
            ids = columns[attr]
        else:
            ids = columns[attr] = doc.to_array([attr]).tolist() if len(doc) else []
    return ids


_READ_TOGETHER = (POS, LOWER, LEMMA, DEP, ENT_TYPE)  # column()'s attributes read as one array


def children(tok: Token) -> tuple[Token, ...]:
    """`tok.children` (in text order), from an index of every token's children made once per doc from the heads:
    spaCy walks the token's whole subtree span on each `.children`, a verb's often the whole sentence, making a
    Token for each word on the way, and the cue rules ask for a verb's children several times."""
    doc = tok.doc
    index = doc.user_data.get(_CHILDREN)
    if index is None or len(index) != len(doc):
        toks = tokens_of(doc)
        found: dict[int, list[Token]] = {}  # only the heads: a list per word would be mostly empty ones to make
        # HEAD is the offset to the head (negative ones read back from spaCy's unsigned array); 0 for a root
        offsets = doc.to_array([HEAD]).astype("int64").tolist() if len(doc) else []
        for i, offset in enumerate(offsets):
            if offset:
                found.setdefault(i + offset, []).append(toks[i])
        index: list[tuple[Token, ...]] = [()] * len(toks)
        for i, kids in found.items():
            index[i] = tuple(kids)
        doc.user_data[_CHILDREN] = index
    return index[tok.i]


def string_id(text: str) -> int:
    """The integer spaCy stores for a string in the columns above (a symbol's id, else the string's hash)."""
    return get_string_id(text)


def release(doc: Doc) -> None:
    """Forget what tokens_of, char_span, entities, morph_get, quotes_of, column, children, sentences and the
    sentence bounds cached (Token, Span and Quote objects cannot be serialised)."""
    for key in (_TOKENS, _STARTS, _ENTS, _SENTS, _MORPHS, _QUOTES, _ENDS, _ENT_SPANS, _COLUMNS, _CHILDREN,
                _PHRASES, _SENT_SPANS):
        doc.user_data.pop(key, None)


def sentences(doc: Doc) -> list[Span]:
    """`list(doc.sents)`, made once per doc: each pass over doc.sents walks every token again and makes new Spans,
    and each component goes over the sentences."""
    made = doc.user_data.get(_SENT_SPANS)
    if made is None or made[0] != len(doc):
        made = doc.user_data[_SENT_SPANS] = (len(doc), list(doc.sents))
    return made[1]


def _sentence_of(item: Token | Span) -> tuple[int, int]:
    doc = item.doc
    bounds = doc.user_data.get(_SENTS)
    if bounds is None or len(bounds) != len(doc):
        bounds = []
        for sent in sentences(doc):  # one (start, end) tuple per sentence, shared by its tokens
            bounds.extend([(sent.start, sent.end)] * (sent.end - sent.start))
        doc.user_data[_SENTS] = bounds
    i = item.i if isinstance(item, Token) else item.start
    return bounds[min(i, len(bounds) - 1)]


def sent_start(item: Token | Span) -> int:
    """Where the sentence of a token (or of a span's first token) starts: `tok.sent.start`, from bounds listed
    once per doc (spaCy walks the sentence on every `.sent`, some 30 times the cost of reading a token)."""
    return _sentence_of(item)[0]


def sent_end(item: Token | Span) -> int:
    """Where that sentence ends (`tok.sent.end`), from the same bounds."""
    return _sentence_of(item)[1]


def char_span(doc: Doc, start: int, end: int, contract: bool = False) -> Span | None:
    """doc.char_span(start, end) with alignment "expand" (or "contract"), by bisection over the tokens'
    offsets computed once per doc (spaCy's walks the tokens on every call)."""
    if end <= start or not len(doc):
        return doc.char_span(start, end, alignment_mode="contract" if contract else "expand")
    bounds = char_bounds(doc, start, end, contract)
    return doc[bounds[0]: bounds[1]] if bounds is not None else None


def char_bounds(doc: Doc, start: int, end: int, contract: bool = False) -> tuple[int, int] | None:
    """The (start, end) tokens of char_span(doc, start, end, contract) for a non-empty range, without
    making the Span."""
    starts = doc.user_data.get(_STARTS)
    if starts is None or len(starts) != len(doc):
        starts = doc.user_data[_STARTS] = column(doc, IDX)
    ends = doc.user_data.get(_ENDS)
    if ends is None or len(ends) != len(doc):
        ends = doc.user_data[_ENDS] = [start + length for start, length in zip(starts, column(doc, LENGTH))]
    if contract:
        first = bisect_left(starts, start)
        last = bisect_right(starts, end) - 1
        while last >= first and ends[last] > end:
            last -= 1
        return (first, last + 1) if last >= first else None
    first = max(0, bisect_right(starts, start) - 1)
    if ends[first] <= start:
        first += 1  # the start falls on the whitespace after a token
    last = bisect_left(starts, end)
    return (first, last) if last > first else None


def _without_time(doc: Doc, start: int, end: int) -> int:
    """The end of an entity without the day the recogniser took into it (a annoncé Météo-France lundi)."""
    toks = tokens_of(doc)
    while end - 1 > start and toks[end - 1].lower_ in TIME and toks[end - 1].text.islower():
        end -= 1
    return end


def _family_name_end(toks: list[Token], end: int, label: str) -> int:
    """« s'indigne Sandrine Olié, … » where the recogniser took only « Sandrine » for the person: the capitalised
    proper nouns right after a person's name, in no entity of their own, are its family name."""
    if label != "PER":
        return end
    while end < len(toks) and toks[end].pos_ == "PROPN" and toks[end].text[:1].isupper() \
            and toks[end].ent_iob_ == "O" and toks[end - 1].whitespace_:
        end += 1
    return end


def _joined(ents: list[tuple[int, int, str]], toks: list[Token]) -> list[tuple[int, int, str]]:
    """« le Bureau de la coordination des affaires humanitaires de » + « l'ONU »: a name the recogniser ended on
    « de » goes on with the entity right after it."""
    out: list[tuple[int, int, str]] = []
    for start, end, label in ents:
        if out and out[-1][1] == start and toks[start - 1].lower_ in OF:
            out[-1] = (out[-1][0], end, out[-1][2])
        else:
            out.append((start, end, label))
    return out


def entities(span: Span) -> list[Span]:
    """Named entities inside a span, from the doc's entities listed once (span.ents rebuilds all the doc's)."""
    doc = span.doc
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        toks = tokens_of(doc)
        ents = doc.user_data[_ENTS] = _joined([(e.start, _family_name_end(toks, _without_time(doc, e.start, e.end),
                                                                         e.label_), e.label_)
                                               for e in doc.ents], toks)
    if not ents:
        return []
    # the entities are in text order and do not overlap: the first one that starts in the span, then on
    # while they start before its end
    spans = doc.user_data.get(_ENT_SPANS)
    if spans is None or len(spans) != len(ents):  # the entity Spans made once too (nothing changes them)
        spans = doc.user_data[_ENT_SPANS] = [Span(doc, s, e, label=label) for s, e, label in ents]
    first, stop = span.start, span.end
    i = bisect_left(ents, (first,))
    found = []
    for j in range(i, len(ents)):
        s, e, _ = ents[j]
        if s >= stop:
            break
        if e <= stop:
            found.append(spans[j])
    return found


_FEATURES: dict[int, dict[str, tuple[str, ...]]] = {}  # morph hash -> {field: values}, for every doc


def morph_get(tok: Token, field: str) -> tuple[str, ...]:
    """`tok.morph.get(field)` (as a tuple): the doc's morph hashes are read once as an array and each
    analysis parsed once per process (spaCy builds and parses a MorphAnalysis on every `.morph.get`)."""
    doc = tok.doc
    keys = doc.user_data.get(_MORPHS)
    if keys is None or len(keys) != len(doc):
        keys = doc.user_data[_MORPHS] = doc.to_array([MORPH]).tolist() if len(doc) else []
    key = keys[tok.i]
    feats = _FEATURES.get(key)
    if feats is None:
        feats = _FEATURES[key] = {f: tuple(tok.morph.get(f)) for f in tok.morph.to_dict()}
    return feats.get(field, ())


def lemma(tok: Token) -> str:
    """The token's lemma; regular -er verbs the lemmatizer missed (indique → indiquer) are mended."""
    return _mended_lemma(tok.pos_, tok.lemma_.lower(), tok.lower_)


def _mended_lemma(pos: str, lem: str, lower: str) -> str:
    """lemma() from the token's part of speech, lower-cased lemma and lower-cased form (read once)."""
    if pos in ("VERB", "AUX") and lem == lower and not lem.endswith(("r", "re")):
        for suffix in ("ent", "es", "e"):
            if lem.endswith(suffix):
                return lem[: -len(suffix)] + "er"
    return lem


def verb_lemma(tok: Token) -> str:
    """lemma() for a token the tagger may have mistaken for a noun (argumente, pointe du doigt)."""
    pos, lem, lower = tok.pos_, tok.lemma_.lower(), tok.lower_
    if pos == "NOUN" and lem == lower and lower.endswith(("e", "es", "ent")):
        stem = lower[:-3] if lower.endswith("ent") else lower.rstrip("s")[:-1]
        return stem + "er"
    return _mended_lemma(pos, lem, lower)


def is_infinitive(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and "Inf" in morph_get(tok, "VerbForm")


def is_finite(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and "Fin" in morph_get(tok, "VerbForm")


def is_present_participle(tok: Token) -> bool:
    return "Part" in morph_get(tok, "VerbForm") and "Pres" in morph_get(tok, "Tense")


def is_past_participle(tok: Token) -> bool:
    return "Part" in morph_get(tok, "VerbForm") and "Past" in morph_get(tok, "Tense")


def is_quote_mark(tok: Token) -> bool:
    return tok.text in QUOTE_MARKS


def trim(span: Span) -> Span:
    """The span without leading and trailing punctuation and connectors."""
    doc = span.doc
    toks = tokens_of(doc)
    start, end = span.start, span.end
    while start < end and (toks[start].lower_ in CONNECTORS or toks[start].is_space) and not is_quote_mark(toks[start]):
        start += 1
    while end > start and (toks[end - 1].lower_ in CONNECTORS or toks[end - 1].is_space
                           or toks[end - 1].text in ".!?…" or toks[end - 1].lower_ == "alors"):
        end -= 1
    return doc[start:end]


def noun_phrase(head: Token) -> Span:
    """The phrase a speaker head stands in: its determiner, adjectives, names and complements,
    stopping at commas, clauses and quotes (Mike Pompeo, secrétaire d'État → Mike Pompeo).
    Found once per head and doc: the cue rules and the speaker reading ask for the same subjects."""
    doc = head.doc
    found = doc.user_data.get(_PHRASES)
    if found is None:
        found = doc.user_data[_PHRASES] = {}
    bounds = found.get(head.i)
    if bounds is None:
        bounds = found[head.i] = _noun_phrase_bounds(head)
    return doc[bounds[0]: bounds[1]]


def _noun_phrase_bounds(head: Token) -> tuple[int, int]:
    """(start, end) of noun_phrase(head)."""
    doc = head.doc
    toks = tokens_of(doc)
    ent = _entity_bounds(head)
    left = head.i
    for child in children(head):
        if child.i > head.i:
            break  # head.lefts: the children before it
        if child.dep_ in ("det", "amod", "nummod", "nmod", "flat", "flat:name", "compound") and \
                all(not toks[k].is_punct for k in range(child.left_edge.i, head.i)):
            left = min(left, child.left_edge.i)
    right = head.i
    named = head.ent_type_ == "PER"
    stop = sent_end(head)
    tags = pos_ids(doc)  # the parts of speech as integers: no str made for each word of the phrase
    for tok in toks[head.i + 1: stop]:
        tag = tags[tok.i]
        # a participle qualifying a word of the phrase is no clause (le ministre des Finances sortant);
        # the morphology is read only for a verb
        clause = tag in _VERB_TAGS and (
            tok.head.i != head.i or not is_past_participle(tok)
        ) and not (tok.dep_ == "amod" and head.i <= tok.head.i < tok.i)
        if tok.is_punct and tok.text not in "-'()" or is_quote_mark(tok) or tag in _CONJ_TAGS or clause \
                or "Rel" in morph_get(tok, "PronType"):
            break
        if not (head.is_ancestor(tok) or tok.head.i == head.i) or tok.lower_ in TIME and not tok.ent_type_:
            break  # …, a affirmé l'intéressé lundi: the day is not the speaker
        if tag == ADP and (named or not _role_complement(tok, head)
                                  or head.pos_ not in ("NOUN", "PROPN") and tok.lower_ not in DE
                                  and not (tok.lower_ in ("du", "des") and head.lower_ in INDEFINITE_ONE)):
            # la Première ministre Élisabeth Borne | devant les députés: the name closes the phrase;
            # a role keeps its « de » complements (le maire de Lyon), not where or to whom it spoke
            break
        named = named or tok.ent_type_ == "PER"
        right = tok.i
    if ent is not None:
        left, right = min(left, ent[0]), max(right, ent[1] - 1)
    # never ending inside a person's name: « le vice-Premier ministre Pieter | De Smedt » (the particle stopped the
    # phrase), « le politologue Carlos Quiroga | Téllez »
    if toks[right].ent_type_ == "PER":
        right = entity_end(toks, right + 1, stop) - 1
    elif toks[right].ent_type_ == "ORG" and right + 1 < stop and toks[right + 1].ent_iob_ == "I":
        # nor inside an organisation's name that goes on in capitals: le syndicat Ordre | et Sécurité Police (not « de
        # l'Organisation pour la sécurité | et la coopération en Europe (OSCE) », which its acronym names)
        end = entity_end(toks, right + 1, stop)
        if all(t.text[:1].isupper() for t in toks[right + 2: end]) and end > right + 2:
            right = end - 1
    if right > head.i:  # … pour la stabilisation en | Centrafrique: a name the parser hung elsewhere ends the phrase
        right = _name_after_preposition(doc, right, stop)
    # a word with its article is a noun even where the tagger saw a participle (l'exploitant, Bernard Chanel) or
    # a proper noun (la haute-commissaire adjointe)
    nominal = head.pos_ == "NOUN" or (head.pos_ in ("VERB", "ADJ") or head.pos_ == "PROPN" and head.is_lower) \
        and any(c.dep_ == "det" and c.i < head.i for c in children(head))
    if nominal and right == head.i:
        right = _name_after_role(doc, right + 1, stop) - 1
    if nominal and (right > head.i or right + 1 < stop and toks[right + 1].lower_ == "et"):
        right = _coordinated_portfolios(doc, right, stop)
    if nominal or head.lower_ in INDEFINITE_ONE:  # l'une de ses avocates, Me Leïla Gharbi
        named = apposed_name_end(doc, right + 1, stop) - 1
        rest_end = _role_continuation_end(doc, right + 1, stop) if named == right else right + 1
        if rest_end > right + 1:  # the comma after the role's rest
            after_rest = apposed_name_end(doc, rest_end, stop)
            named = after_rest - 1 if after_rest > rest_end else named
        right = named
    return left, right + 1


def _role_continuation_end(doc: Doc, i: int, stop: int) -> int:
    """le médiateur ukrainien pour les droits humains, Oleksandr Petrenko; la haute-commissaire adjointe chargée de
    la protection, Nadia Benhaddou; le chef de la délégation du CICR à Sanaa, Fabrice Roulin: where the rest of a
    role (a short run of prepositional phrases, or a participle with one, that the parser hung elsewhere) ends
    before the comma of an apposed name; `i` when no such run is there."""
    toks = tokens_of(doc)
    if i >= stop or not (toks[i].pos_ == "ADP" or is_past_participle(toks[i])):
        return i
    k = i + 1
    # (la haute représentante de l'Union pour les affaires étrangères et la politique de sécurité; la sous-secrétaire
    # au Trésor chargée du terrorisme et du renseignement financier)
    while k < stop and k - i <= 12 and not toks[k].is_punct and (
            toks[k].pos_ in ("ADP", "DET", "NOUN", "PROPN", "ADJ", "NUM") or toks[k].lower_ == "et"
            or is_past_participle(toks[k])):
        k += 1
    return k if k > i + 1 and k < stop and toks[k].text == "," else i


def _name_after_preposition(doc: Doc, right: int, stop: int) -> int:
    """A phrase cut after a preposition (la Mission … pour la stabilisation en, le procureur … de) takes the
    capitalised name that follows; `right` when it does not end on one."""
    toks = tokens_of(doc)
    k = right + 1
    if toks[right].pos_ != "ADP" or k >= stop or not toks[k].text[:1].isupper() \
            or toks[k].pos_ not in ("PROPN", "NOUN") and not toks[k].ent_type_:
        return right
    while k + 1 < stop and (toks[k + 1].ent_iob_ == "I" or toks[k + 1].pos_ == "PROPN"
                            and toks[k + 1].text[:1].isupper()):
        k += 1
    return k


def _coordinated_portfolios(doc: Doc, right: int, stop: int) -> int:
    """le ministre de la Santé et de l'Hygiène publique, le ministre de la Communication, de la Culture et des
    Arts: the role's other portfolios — « et » or a comma, then de/du/des and a capitalised noun — belong to it."""
    toks = tokens_of(doc)
    if right + 3 < stop and toks[right + 1].lower_ == "et" and _role_noun(toks[right + 2]) \
            and toks[right + 3].text == ",":
        right += 2  # son cofondateur et président, Thomas Guillemin: two roles of one person
    while right + 3 < stop and toks[right + 1].lower_ in (",", "et") and (
            toks[right + 2].lower_ in OF):
        k = right + 3
        if toks[k].pos_ == "DET":
            k += 1
        if k >= stop or not toks[k].text[:1].isupper() or toks[k].pos_ not in ("NOUN", "PROPN"):
            break
        while k + 1 < stop and toks[k + 1].pos_ in ("NOUN", "PROPN", "ADJ") and not toks[k + 1].is_punct:
            k += 1
        right = k
    return right


def _role_complement(adp: Token, head: Token) -> bool:
    """A preposition that continues a role (le maire de Lyon, l'ambassadeur d'Iran à Bakou, une déclaration
    publiée par la RFEF, l'adjoint aux finances), not one that says to whom or where it was said (devant les
    députés, à l'AFP)."""
    if adp.lower_ in OF or adp.lower_ in ("en", "par"):
        return True
    toks = tokens_of(adp.doc)
    if adp.lower_ in ("à", "au", "aux") and adp.i > head.i and toks[adp.i - 1].lower_ in PORTFOLIO_ROLES:
        # l'adjointe à la sécurité, le délégué aux sports, le secrétaire adjoint au Trésor: the portfolio
        # (words.tsv, portfolio_role)
        return True
    nxt = toks[adp.i + 1] if adp.i + 1 < len(toks) else None
    if nxt is not None and nxt.pos_ == "DET" and adp.i + 2 < len(toks):
        nxt = toks[adp.i + 2]
    if nxt is None or adp.lower_ not in ("à", "au", "aux"):
        return False
    # le maire à Lyon; la secrétaire d'État au Budget, la ministre déléguée à l'Industrie: a portfolio is a
    # capitalised common noun, where a medium or a place told something is a proper name (à l'AFP)
    return nxt.ent_type_ == "LOC" and adp.lower_ == "à" or nxt.pos_ == "NOUN" and nxt.text[:1].isupper()


def _name_after_role(doc: Doc, i: int, end: int) -> int:
    """le commissaire Sy, le journal "Libération": the name right after a role noun belongs to the phrase."""
    def name_word(tok: Token) -> bool:
        return tok.text[:1].isupper() and (tok.pos_ == "PROPN" or tok.ent_type_ == "PER")

    # the name right after the role, or after at most two qualifiers (le constructeur automobile Orvalis, le
    # groupe canadien Sahara Uranium Corp)
    k = i
    while k < end and k - i < 2 and doc[k].pos_ in ("ADJ", "NOUN") and doc[k].text.islower():
        k += 1
    if k < end and name_word(doc[k]):
        while k < end and name_word(doc[k]):
            k += 1
        return k
    if i + 2 < end and is_quote_mark(doc[i]) and doc[i + 1].text[:1].isupper():
        for j in range(i + 2, min(end, i + 7)):
            if is_quote_mark(doc[j]):
                return j + 1
            if doc[j].is_punct:
                break
    return i


Phrases = tuple[tuple[str, ...], ...]
# id(phrases) → (phrases, {first word's id: [each phrase's word ids, in the phrases' order]})
_PHRASE_IDS: dict[int, tuple[Phrases, dict[int, list[tuple[int, ...]]]]] = {}


def _phrase_ids(phrases: Phrases) -> dict[int, list[tuple[int, ...]]]:
    """The phrases as LOWER ids, by their first word, made once per tuple of phrases (words.py's constants)."""
    made = _PHRASE_IDS.get(id(phrases))
    if made is None or made[0] is not phrases:
        by_first: dict[int, list[tuple[int, ...]]] = {}
        for phrase in phrases:
            ids = tuple(string_id(w) for w in phrase)
            by_first.setdefault(ids[0], []).append(ids)
        made = _PHRASE_IDS[id(phrases)] = (phrases, by_first)
    return made[1]


def phrase_end(toks: list[Token], i: int, end: int, phrases: Phrases) -> int | None:
    """Where the first of `phrases` (lower-case words, as words.py splits them) written at token i ends, if one
    is there before `end`; else None (de son côté, par la voix de). The words are compared as LOWER ids and only
    the phrases that open with the word at i are tried: a tuple of `lower_` strings per phrase cost ~7 % of the
    rules, called at every comma of a content and after every reporting verb."""
    if i >= end:
        return None
    forms = column(toks[i].doc, LOWER)
    for ids in _phrase_ids(phrases).get(forms[i], ()):
        n = len(ids)
        if i + n <= end and tuple(forms[i: i + n]) == ids:
            return i + n
    return None


def auxiliary_before_incise(comma: Token) -> bool:
    """The comma closes an incise of a few words that an auxiliary opens (a, de son côté, | appelé)."""
    if comma.text != ",":
        return False
    toks = tokens_of(comma.doc)
    start = sent_start(comma)
    for k in range(comma.i - 1, max(start, comma.i - 6), -1):
        if is_quote_mark(toks[k]):
            return False  # (« Je le suis, moi aussi », a répondu …: a comma inside the quotation)
        if toks[k].text == ",":
            return k > start and toks[k - 1].pos_ in ("AUX", "VERB") and toks[k - 1].lemma_ in ("avoir", "être")
    return False


def dative_clitic(tok: Token) -> bool:
    """« lui a répondu », « …, m'a confié X »: an object clitic right before the verb (words.tsv, class
    dative_clitic); the parser sometimes makes it the subject (luire)."""
    toks = tokens_of(tok.doc)
    return tok.lower_ in DATIVE_CLITICS and tok.i + 1 < len(toks) and toks[tok.i + 1].pos_ in ("AUX", "VERB")


def latter_span(tok: Token) -> Span | None:
    """« ce dernier », « cette dernière » as one span when `tok` is the « dernier » of it (the parser makes it an
    adjective, so no noun phrase holds both), else None."""
    toks = tokens_of(tok.doc)
    if tok.lower_ in LATTER and tok.i > sent_start(tok) and toks[tok.i - 1].lower_ in DEMONSTRATIVES:
        return tok.doc[tok.i - 1: tok.i + 1]
    return None


def apposed_name_end(doc: Doc, i: int, end: int) -> int:
    """A role with its name apposed between commas (le secrétaire général de la CFDT, Laurent Berger, a dit):
    the end of the name, or `i` when there is none. The name must close the apposition (comma, end, verb)."""
    toks = tokens_of(doc)
    if i + 1 >= end or toks[i].text != ",":
        return i
    origin = i  # what is returned when no name closes the apposition (i moves on to the role's end below)
    k = i + 1
    if toks[k].pos_ == "DET" and toks[k].lower_ in ("le", "la", "l'"):
        # le porte-parole de l'armée, le général Hamid Osmane Kheir; son adversaire, l'écologiste Sarah Lambotte;
        # le ministre de la Santé, le Dr Lassané Zoungrana
        k += 1
        while k < end and k - i <= 4 and (toks[k].pos_ in ("NOUN", "ADJ", "PROPN") and toks[k].text[:1].islower()
                                          or _honorific(toks[k]) or toks[k].lower_ in ("premier", "première")
                                          or _before_person(toks, k, end)  # son adversaire, l'Espagnol X
                                          or _party(toks[k]) and k > i + 2):  # le sénateur LR du Var X
            k += 1
        if k < end and toks[k].pos_ == "ADP" and k > i + 2:
            k = _portfolio_before_name(toks, k, end)  # son adversaire, l'ancienne ministre des Finances Claudia R.
        if k < end and toks[k].text == "(" and k > i + 2:  # le député (LR) Bertrand Vasseur: the party
            close = next((j for j in range(k + 1, min(end, k + 5)) if toks[j].text == ")"), None)
            k = close + 1 if close is not None else k
        if k == i + 2 or k >= end or not (toks[k].ent_iob_ == "B" and toks[k].ent_type_ in ("PER", "ORG")
                                          or _name_run(toks, k, end) >= 2):
            return i
        i = k - 1  # and l'exploitant, la société Nucléa Production
    elif _role_noun(toks[k]):
        # le ministre de la Communication, porte-parole du gouvernement, Abakar Mahamat Sougui: a second role
        # without article between the first and the name
        comma = next((j for j in range(k + 1, min(end, k + 9)) if toks[j].text == ","), None)
        if comma is not None and all(toks[j].pos_ in ("NOUN", "ADJ", "PROPN", "ADP", "DET")
                                     for j in range(k + 1, comma)):
            named = apposed_name_end(doc, comma, end)
            return named if named > comma else i
    titled = i + 2 < end and _honorific(toks[i + 1]) and toks[i + 2].text[:1].isupper()
    if titled:
        i += 1  # son avocat, Me Christophe Baldacci
    # (Me Paul-Henri Lacombe: the entity may start at the honorific)
    starts = toks[i + 1].ent_iob_ == "B" or titled and toks[i].ent_iob_ != "O"
    if starts and (toks[i + 1].ent_type_ in ("PER", "ORG") or toks[i + 1].text[:1].isupper()
                   and (toks[i + 1].pos_ == "PROPN" or toks[i + 1].ent_type_ == "MISC")):
        # (Ferrandis, taken for a place; son label, Disques Bourrasque, taken for a thing)
        j = entity_end(toks, i + 2, end)
    else:  # a first and last name the NER missed or took for a place (Sidiki Ouattara)
        j = i + 1 + _name_run(toks, i + 1, end)
        if j - (i + 1) < 2:
            return origin
    closes = j >= end or toks[j].is_punct and not is_quote_mark(toks[j]) or toks[j].pos_ in ("VERB", "AUX")
    return j if closes else origin


def _party(tok: Token) -> bool:
    """A party's acronym after a role (le député PS, la sénatrice LR)."""
    return tok.pos_ == "PROPN" and tok.text.isupper() and 2 <= len(tok.text) <= 5


def _before_person(toks: list[Token], k: int, end: int) -> bool:
    """A capitalised word that is no name's, right before a person's name (l'Espagnol Álvaro Segura)."""
    return toks[k].text[:1].isupper() and toks[k].ent_type_ != "PER" and k + 1 < end \
        and toks[k + 1].ent_iob_ == "B" and toks[k + 1].ent_type_ == "PER"


def _portfolio_before_name(toks: list[Token], k: int, end: int) -> int:
    """A role's capitalised complement right before a person's name (des Finances | Claudia Restrepo, de
    l'Intérieur | Gérald Darmanin): where the name starts, else `k`."""
    m = k + 1 + (k + 1 < end and toks[k + 1].pos_ == "DET")
    n = m
    while n < end and n - m < 3 and toks[n].text[:1].isupper() and toks[n].ent_type_ != "PER":
        n += 1
    return n if m < n < end and toks[n].ent_iob_ == "B" and toks[n].ent_type_ == "PER" else k


def _name_run(toks: list[Token], k: int, end: int) -> int:
    """How many capitalised proper nouns follow from k (a name the NER missed: Wendkouni Sylvain Nikiéma)."""
    j = k
    while j < end and toks[j].pos_ == "PROPN" and toks[j].text[:1].isupper():
        j += 1
        if hyphen_joins(toks, j, end):  # Paul-Henri, Maurin-Sauvage: cut in three by the tokenizer
            j += 1
    return j - k


def hyphen_joins(toks: list[Token], j: int, end: int) -> bool:
    """A hyphen at j glued to the capitalised words on both sides (Jean-Marc cut into Jean, -, Marc)."""
    return j + 1 < end and toks[j].text in _HYPHENS and not toks[j - 1].whitespace_ and not toks[j].whitespace_ \
        and toks[j + 1].text[:1].isupper()


def _role_noun(tok: Token) -> bool:
    """A person's role noun of roles.tsv (porte-parole, ministre), written without its article."""
    from claims.lexicon import load_lexicon  # read late, as in _honorific

    return tok.pos_ == "NOUN" and load_lexicon().role_kind(tok.lemma_, tok.text) == "person"


def _honorific(tok: Token) -> bool:
    """Me, Dr, M., Mme (roles.tsv, kind honorific)."""
    from claims.lexicon import load_lexicon  # the lexicon is built on this module's neighbours: read it late

    return load_lexicon().roles.get(tok.lower_) == "honorific"


def entity_at(tok: Token) -> Span | None:
    """The named entity holding the token, or None."""
    bounds = _entity_bounds(tok)
    return tok.doc[bounds[0]: bounds[1]] if bounds is not None else None


def entity_end(toks: list[Token], i: int, stop: int | None = None) -> int:
    """The first word from i on (before `stop`, else the doc's end) that does not go on with an entity (IOB « I »):
    where a name running through i ends."""
    stop = len(toks) if stop is None else stop
    while i < stop and toks[i].ent_iob_ == "I":
        i += 1
    return i


def _entity_bounds(tok: Token) -> tuple[int, int] | None:
    """(start, end) of the named entity holding the token, from IOB tags (cheaper than doc.ents)."""
    if tok.ent_iob_ == "O" or not tok.ent_type_:
        return None
    doc = tok.doc
    toks = tokens_of(doc)
    start = tok.i
    while start > 0 and toks[start].ent_iob_ == "I":
        start -= 1
    end = entity_end(toks, tok.i + 1)
    return start, max(tok.i + 1, _without_time(doc, start, end))  # (Météo-France lundi: not the day)
