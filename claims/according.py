"""Attributions without a verb: selon X, d'après X, à en croire X, de source X, pour X / pour qui."""
from __future__ import annotations

from functools import lru_cache

from spacy.attrs import LOWER
from spacy.tokens import Span, Token

from claims.lexicon import Lexicon
from claims.quotes import Quote, quote_at
from claims.statement import Statement
from claims.tokens import (
    Phrases,
    apposed_name_end,
    column,
    is_finite,
    is_past_participle,
    is_quote_mark,
    morph_get,
    noun_phrase,
    phrase_end,
    quotes_of,
    sent_start,
    string_id,
    tokens_of,
    trim,
)
from claims.words import PERSONAL, PLANS, QUE, RELATIVES

_CLAUSE_OPENERS = ("mais", "et", "or")  # a sentence opening with them before « pour X, » (Mais pour la CFDT, …)


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


@lru_cache(maxsize=4)
def _first_word_ids(lex: Lexicon) -> frozenset[int]:
    """The string ids (tokens.column) of the first words of the evidential phrases."""
    return frozenset(string_id(w) for w in _phrases(lex))


@lru_cache(maxsize=4)
def _phrase_tuple(lex: Lexicon) -> Phrases:
    """The evidential phrases as tokens.phrase_end takes them (each first word's phrases longest first)."""
    return tuple(words for group in _phrases(lex).values() for words in group)


def _match(sent: Span, i: int, phrases: Phrases) -> tuple[str, ...] | None:
    """The evidential phrase written at token i (phrase_end compares the words as LOWER ids)."""
    toks = tokens_of(sent.doc)
    end = phrase_end(toks, i, sent.end, phrases)
    return None if end is None else tuple(t.lower_ for t in toks[i:end])


def _source_end(sent: Span, i: int) -> int:
    """Token index just after the source phrase: up to a comma, a verb or the sentence end."""
    doc = sent.doc
    toks = tokens_of(doc)
    j = i
    depth = 0
    while j < sent.end:
        t = toks[j]
        depth += t.text == "("
        depth -= t.text == ")"
        # (not a participle inside a name or qualifying a noun: le Haut-Commissariat des Nations unies pour …)
        verb = t.pos_ in ("VERB", "AUX") and t.i > i and t.ent_iob_ != "I" and t.dep_ != "amod"
        if depth <= 0 and t.text == "," and _acronym_ahead(toks, j, sent.end):
            j += 1  # d'après l'Institut de recherche pour l'agriculture, l'alimentation et l'environnement (INRAE)
            continue
        if depth <= 0 and (t.text in ",.;:!?" or verb or t.lower_ == "que"):
            break
        j += 1
    return j


def _acronym_ahead(toks: list[Token], comma: int, end: int) -> bool:
    """Whether a comma sits inside a name that its acronym closes: only lower-case words, commas and « et » up to
    « (ACRONYM) » within a few words."""
    for k in range(comma + 1, min(end, comma + 12)):
        t = toks[k]
        if t.text == "(":
            return k + 2 < end and toks[k + 1].text[:1].isupper() and toks[k + 1].text.isalnum() \
                and toks[k + 2].text == ")"
        if not (t.text == "," or t.text[:1].islower() and t.pos_ != "VERB"):
            return False
    return False


def find_according(sent: Span, lex: Lexicon, quotes: list[Quote]) -> list[Statement]:
    doc = sent.doc
    toks = tokens_of(doc)
    found: list[Statement] = []
    i = sent.start
    phrases = _phrase_tuple(lex)
    firsts, forms = _first_word_ids(lex), column(doc, LOWER)  # most words open no attribution: compared as ids
    while i < sent.end:
        if forms[i] not in firsts:
            i += 1
            continue
        tok = toks[i]
        words = _match(sent, i, phrases)
        if words is None or quote_at(quotes, tok.idx) or tok.lower_ in ("de", "d'") and i > sent.start \
                and toks[i - 1].pos_ in ("NOUN", "ADJ") and any(w.lower().rstrip("s") == "source" for w in words):
            # un vaste réseau de sources: a noun's complement (not « 3 000 personnes d'après la police »)
            i += 1
            continue
        n = len(words)
        cue_end_tok = toks[i + n - 1]
        words = tuple(" ".join(words).replace("' ", "'").split())
        src_start = i + n
        if words == ("pour", "qui"):
            src_start -= 1  # the relative pronoun is the source
        elif words[-1] in lex.source_nouns or words[-1].rstrip("s") in lex.source_nouns:
            src_start -= 1  # de sources concordantes: the noun is the source
        if src_start + 3 < sent.end and toks[src_start].lower_ == "ce" and toks[src_start + 1].lower_ in QUE:
            k = src_start + 2  # selon ce qu'a appris La Presse, d'après ce que rapporte Le Monde: who learnt it
            while k < sent.end and toks[k].pos_ in ("AUX", "VERB", "ADV"):
                k += 1
            src_start = k if k > src_start + 2 and k < sent.end else src_start
        relative_source = words == ("pour", "qui") or src_start < sent.end and toks[src_start].lower_ in RELATIVES \
            and words[0] in ("selon", "d'après")  # …, selon lesquels ces instructions remonteraient …
        src_end = src_start + 1 if relative_source else _source_end(sent, src_start)
        if src_end <= src_start:
            i += 1
            continue
        antecedent = _relative_antecedent(toks, i, sent) if relative_source else None
        if relative_source and words != ("pour", "qui") and antecedent is None:
            i += 1  # la rumeur selon laquelle …: a restrictive relative names no source
            continue
        source = trim(doc[src_start:src_end]) if not relative_source else antecedent or doc[src_start: src_start + 1]
        relative = _relative_end(sent, source.end if not relative_source else src_end)
        if relative is not None and not relative_source:
            source = trim(doc[source.start: _relative_start(sent, source.start, relative)])
            src_end = relative  # selon des sources qui ont demandé à rester anonymes, / Selon Le Monde, qui rapporte …,
        named = apposed_name_end(doc, src_end, sent.end)
        # … selon le chef de division, le Dr Justin Kalumuna.: the name closes the sentence after its content
        last = named == sent.end - 1 and toks[named].is_punct and i - sent.start >= 3
        if named > src_end and named < sent.end and (toks[named].text == "," or last) and not relative_source:
            # selon la porte-parole du parquet, Julie Vanderbeken, …: not « selon nos informations, Delcourt aurait »
            source, src_end = doc[source.start: named], named
        plan = len(source) and source.root.lemma_.lower() in PLANS  # selon le calendrier: no one said it
        # a quotation after « Pour X, » is X's, unless a reporting verb says whose it is (Pour Noël, la ville
        # promet « … »)
        rest = toks[src_end: sent.end]
        quoted = any(is_quote_mark(t) for t in rest) and not any(
            t.pos_ == "VERB" and t.lemma_.lower() in lex.verbs for t in rest)
        if words == ("pour",) and not _personal_source(source, lex, quoted) or plan:
            i += 1
            continue
        claim_from = _past_modifier(sent, src_start, src_end, lex)
        if claim_from > src_end and not relative_source:
            named = apposed_name_end(doc, claim_from - 1, sent.end)
            if claim_from - 1 < named < sent.end and toks[named].text == ",":
                # selon la commissaire chargée du numérique, Anna Lindqvist-Moreau, …: the name closes the source
                source, claim_from = doc[source.start: named], named + 1
        if claim_from > src_end and lex.roles.get(source.root.lemma_.lower()) == "document":
            # selon une étude publiée jeudi dans The Lancet: who published it is the source
            source = trim(doc[source.start: claim_from])
        after = trim(doc[claim_from: sent.end])
        before = trim(doc[sent.start: i])
        # (…, d'après le SNUipp-FSU, premier syndicat du primaire.: a verbless apposition closing the sentence is
        # the source's, and what it said comes before)
        apposed = len(after) > 0 and toks[after.start - 1].text == "," and len(before) >= 3 \
            and not any(t.pos_ in ("VERB", "AUX") and not is_past_participle(t) or is_quote_mark(t) for t in after)
        at_end = len(after) < 3 and len(before) >= 3 or apposed
        content = _before_incise(before) if at_end else after
        if len(content) >= 2:
            cue = " ".join(words)
            found.append(Statement("according_to", content.start_char, content.end_char, sent,
                                   cue=cue, cue_start=tok.idx, cue_end=cue_end_tok.idx + len(cue_end_tok),
                                   speaker=source))
        i = src_end
    return found


def _relative_antecedent(toks: list[Token], i: int, sent: Span) -> Span | None:
    """« … le comité de défense de l'hôpital, pour qui « … » »: the noun phrase « qui » stands for, the one
    before the comma (its head found by going up the complements), or None."""
    k = i - 1
    if k <= sent.start or toks[k].text != ",":
        return None
    named = _name_before_role(toks, k, sent)
    if named is not None:
        return named
    tok = toks[k - 1]
    while tok.dep_ in ("nmod", "amod", "flat", "flat:name", "fixed") and sent.start <= tok.head.i < tok.i:
        tok = tok.head
    return noun_phrase(tok) if tok.pos_ in ("NOUN", "PROPN") else None


def _name_before_role(toks: list[Token], k: int, sent: Span) -> Span | None:
    """« Mathilde Servan, économiste chez un grand assureur, pour qui … »: the comma at k closes a role with no
    article (a noun, or one the tagger made an adjective) set off after a person's name; « qui » is the person, not
    the role's complement."""
    c = k - 1
    while c > sent.start and toks[c].text != ",":
        c -= 1
    if c <= sent.start + 1 or c + 1 >= k or toks[c + 1].pos_ not in ("NOUN", "ADJ") or not toks[c + 1].text.islower() \
            or toks[c - 1].ent_type_ != "PER":
        return None
    start = c - 1
    while start > sent.start and toks[start - 1].ent_type_ == "PER" and toks[start].ent_iob_ == "I":
        start -= 1
    return toks[0].doc[start: c]


def _relative_start(sent: Span, start: int, end: int) -> int:
    doc = sent.doc
    toks = tokens_of(doc)
    for j in range(start, end):
        if toks[j].lower_ in RELATIVES:
            return j - 1 if j > start and toks[j - 1].text == "," else j
    return end


def _relative_end(sent: Span, j: int) -> int | None:
    """A relative clause that qualifies the source (…, qui rapporte des informations du parquet, …):
    the token after it (past its closing comma), or None when none follows the source."""
    doc = sent.doc
    toks = tokens_of(doc)
    k = j
    if k > sent.start and toks[k - 1].lower_ in RELATIVES:
        k -= 1
    elif k < sent.end and toks[k].text == ",":
        k += 1
    if k >= sent.end or toks[k].lower_ not in RELATIVES:
        return None
    for m in range(k + 1, sent.end):
        if toks[m].text in ",;:":
            return m + 1
    return sent.end


def _before_incise(span: Span) -> Span:
    """« …, a-t-on appris de source diplomatique »: the claim ends before its incise verb."""
    doc = span.doc
    toks = tokens_of(doc)
    for i in range(span.end - 1, span.start, -1):
        if toks[i].text == ",":
            tail = doc[i + 1: span.end]
            if len(tail) and all(t.pos_ in ("AUX", "VERB", "ADV", "PRON") or t.text.startswith("-") for t in tail):
                return trim(doc[span.start: i])
            break
    return span


def _past_modifier(sent: Span, src_start: int, src_end: int, lex: Lexicon | None = None) -> int:
    """Where the claim starts after a source with a participle phrase of its own
    (d'après des responsables cités par le New York Times, …): past that phrase's comma."""
    doc = sent.doc
    toks = tokens_of(doc)
    if src_end >= sent.end:
        return src_end
    tok = toks[src_end]
    if tok.text == "," and src_end + 1 < sent.end and lex is not None:
        # Pour l'économiste Mongi Ben Slama, interrogé par La Presse, …; Pour Hugo Lambert, chercheur au CNRS et
        # coauteur du rapport, …: a participle or a role without article apposed to the source, up to its comma
        nxt = toks[src_end + 1]
        role = nxt.pos_ in ("NOUN", "ADJ") and lex.role_kind(nxt.lemma_, nxt.text) == "person"
        if role or is_past_participle(nxt):
            quotes = quotes_of(doc)
            for j in range(src_end + 2, min(sent.end, src_end + 25)):
                if toks[j].text == "," and quote_at(quotes, toks[j].idx) is None:
                    return j + 1 if j + 2 < sent.end else src_end
                if is_finite(toks[j]) or is_quote_mark(toks[j]):
                    break
                if j == sent.end - 1 and toks[j].is_punct:
                    return sent.end  # …, selon Camille Vernier, économiste à l'OFCE.: the role closes the sentence
        return src_end
    if not ("Part" in morph_get(tok, "VerbForm") and src_start <= tok.head.i < src_end):
        return src_end
    for j in range(src_end + 1, sent.end):
        if toks[j].text == ",":
            return j + 1
        if toks[j].pos_ in ("VERB", "AUX") and toks[j].head.i != tok.i and not tok.is_ancestor(toks[j]):
            return src_end
    return sent.end  # …, selon plusieurs délégués interrogés par l'AFP.


def _personal_source(source: Span, lex: Lexicon, quoted: bool = False) -> bool:
    """'pour' is an attribution only before someone: pour le ministre, pour lui, pour Moscou; any name when a
    quotation follows (Pour le Copa-Cogeca, ces garanties restent « insuffisantes »)."""
    start = sent_start(source)
    if source.start == start or len(source) == 0:
        return False
    before = source.doc[source.start - 2] if source.start - 2 >= start else None
    # Pour X, … opens a clause, or follows a comma, a colon, or an opening « Mais »; "pour la première fois" does not
    opener = before is not None and before.i == start and before.lower_ in _CLAUSE_OPENERS
    if before is not None and before.text not in (",", ":") and not opener:
        return False
    head = source.root
    return (head.lower_ in PERSONAL or head.ent_type_ in ("PER", "ORG") or any(t.ent_type_ == "PER" for t in source)
            or lex.roles.get(head.lemma_.lower()) in ("person", "organization", "government")
            or lex.alias(source.text) is not None
            or quoted and any(t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN") for t in source))
