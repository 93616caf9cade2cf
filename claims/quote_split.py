"""Quotations cut in parts: one statement per quoted segment.

- an incise inside the quotation: « A, nous expliquait-elle le 6 octobre. B »,
  « A. Ce que …, a-t-il ajouté, c'est que B »;
- quotations joined by « et » under one attribution: Selon lui, « A » et « B ».
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from claims.cues import Cue
from claims.lexicon import Lexicon
from claims.quotes import Quote
from claims.statement import Statement
from claims.tokens import char_span, hyphen_joins, is_past_participle, noun_phrase, text_of, tokens_of, verb_lemma
from claims.words import ARTICLE_WORDS, CLITIC_OBJECTS, OF, TIME, A


def inner_incises(doc: Doc, quotes: list[Quote], lex: Lexicon) -> list[Statement]:
    """Statements for the parts of quotations interrupted by their own attribution."""
    toks = tokens_of(doc)
    found: list[Statement] = []
    for q in quotes:
        if q.open < 0 or q.close >= len(text_of(doc)):
            continue  # a quotation cut at the paragraph's edge: its parts cannot be told
        span = char_span(doc, q.start, q.end, contract=True)
        if span is None:
            continue
        for tok in span:
            cut = _incise_at(tok, span.start, span.end, lex)
            if cut is None:
                continue
            cue, comma, resume, (sp_start, sp_end) = cut
            speaker = doc[sp_start: sp_end]
            fields = {"cue": cue.verb.cue, "cue_start": cue.first.idx, "cue_end": cue.last.idx + len(cue.last),
                      "speaker": speaker}
            sent = tok.sent
            parts = [(q.start, toks[comma].idx), (toks[resume].idx if resume < span.end else q.end, q.end)]
            for start, end in parts:
                text = text_of(doc)[start:end]
                if any(c.isalnum() for c in text):
                    start += len(text) - len(text.lstrip())
                    end -= len(text) - len(text.rstrip(" ,"))
                    found.append(Statement("direct", start, end, sent, **fields))
            break  # one incise per quotation: what follows it is the second part
    return found


def _incise_at(tok: Token, start: int, end: int, lex: Lexicon) -> tuple[Cue, int, int, tuple[int, int]] | None:
    """(cue, comma before it, where the quotation resumes, the subject's token bounds) when `tok` is the verb
    of an incise inside a quotation: « …, nous expliquait-elle le 6 octobre. … », « …, a-t-il ajouté, … »,
    « …, explique Lionel Aubert, secrétaire régional de la CGT. … »."""
    doc = tok.doc
    toks = tokens_of(doc)
    # (a participle the tagger took for an adjective after an inverted subject: a-t-elle martelé)
    # (or before one: « …, raconte-t-il au micro … », raconte read as an adjective)
    if tok.pos_ not in ("VERB", "AUX", "NOUN") and not (tok.pos_ == "ADJ" and (
            tok.i > 0 and toks[tok.i - 1].text.startswith("-")
            or tok.i + 1 < end and toks[tok.i + 1].text[:2] == "-t")):
        return None
    following = [t.lower_ for t in doc[tok.i + 1: tok.i + 4]]
    lemma = verb_lemma(tok)
    if tok.pos_ == "ADJ" and tok.lower_.endswith("e") and lemma in (tok.lower_, tok.lower_[:-1]):
        # an -er verb read as an adjective gets no verb lemma (raconte → « racont »); the lexicon below says whether
        # the guess is a reporting verb at all
        lemma = tok.lower_[:-1] + "er"
    verb = lex.verb(lemma, following)
    if verb is None:
        return None
    last = toks[tok.i + len(verb.words)]
    clitic = None
    i = tok.i - 1
    while i > start and (toks[i].pos_ in ("AUX", "ADV") or toks[i].lower_ in CLITIC_OBJECTS
                         or toks[i].text.startswith("-")):
        if toks[i].text.startswith("-") and toks[i].lower_ != "-t":
            clitic = i  # a-t-il ajouté
        i -= 1
    if i <= start or toks[i].text != ",":
        return None
    j = last.i + 1
    while j < end and toks[j].lower_ in ("-t", "-t-"):
        j += 1
    if clitic is None and j < end and toks[j].text.startswith("-") and len(toks[j]) > 1:
        clitic = j  # expliquait-elle
        j += 1
    if clitic is not None:
        subject = (clitic, clitic + 1)
    else:  # a named speaker right after the verb, its role apposed: explique Lionel Aubert, secrétaire …
        n = j
        while n < end and toks[n].pos_ == "PROPN" and toks[n].text[:1].isupper():
            n += 2 if hyphen_joins(toks, n + 1, end) else 1  # (Julien Moreau-Lacaze)
        if n - j < 2 or n >= end or toks[n].text not in (",", "."):
            # only an inverted clitic, a full name or a role with its name apposed marks an incise inside a
            # quotation: « A, a affirmé son porte-parole, Grégoire Zufferey, au micro de la RTS. B »
            return _role_with_name(tok, Cue(verb, tok, last, None), i, j, end)
        subject, j = (j, n), n
        if toks[n].text == ",":  # skip the apposed role, which holds no verb
            m = _stop_within(toks, n + 1, end, (",", ".", ";"), 9)
            if m is None:  # a long role closed by a full stop (…, physicien au laboratoire … paru dans Science. B)
                m = _stop_within(toks, n + 1, end, (".",), 24, finite=True)
            if m is not None:
                j = m
    k = j
    while k < end and toks[k].text not in (",", ".", ";", ":", "!", "?"):
        k += 1
    if k - j > 6:  # a longer phrase with no verb: raconte-t-il au micro de France Bleu Loire Océan. B
        k = _stop_within(toks, j, end, (",", ".", ";"), 10)
        if k is None:
            return None
    return Cue(verb, tok, last, None), i, k + 1, subject


def _role_with_name(tok: Token, cue: Cue, comma: int, j: int,
                    end: int) -> tuple[Cue, int, int, tuple[int, int]] | None:
    """The incise's subject as a role with a name apposed (son porte-parole, Grégoire Zufferey; le porte-parole de
    l'état-major, le colonel Andriï Kovalenko), then at most a short phrase (au micro de la RTS) before the comma
    or full stop where the quotation resumes."""
    doc = tok.doc
    toks = tokens_of(doc)
    while j < end and (toks[j].lower_ in TIME or toks[j].pos_ == "ADV"):
        j += 1  # a assuré dimanche le porte-parole …
    j = _past_medium(toks, j, end)
    head = next((t for t in toks[j: min(end, j + 3)] if t.pos_ in ("NOUN", "PROPN")), None)
    if head is None or any(t.pos_ not in ("DET", "ADJ") for t in toks[j: head.i]):
        return None
    phrase = noun_phrase(head)
    named = any(t.ent_type_ == "PER" for t in phrase)
    # « A, confie la médaillée de bronze mondiale du 200 m. B »: a definite description right after the verb,
    # closed by a full stop, is an incise too (its speaker is resolved like any description)
    described = not named and comma == tok.i - 1 and toks[phrase.start].lower_ in ("le", "la", "l'", "l’")
    if phrase.start < j or not (named or described):
        return None
    m = _stop_within(toks, phrase.end, end, (",", "."), 9)
    if m is None or described and (toks[m].text[-1] != "." or m + 1 >= end or not toks[m + 1].text[:1].isupper()):
        return None
    if toks[m].text == ",":  # …, Grégoire Zufferey, au micro de la RTS. B
        n = _stop_within(toks, m + 1, end, (",", "."), 8)
        if n is not None and toks[n].text == ".":
            m = n
    return cue, comma, m + 1, (phrase.start, phrase.end)


def _past_medium(toks: list[Token], j: int, end: int) -> int:
    """After « a raconté au Courrier de l'Ouest », « a confié à l'AFP »: the token after the medium's name told
    something, where the speaker starts (j itself when no « à » and capitalised name follow)."""
    if j + 1 >= end or toks[j].lower_ not in A:
        return j
    k = j + 1
    if toks[k].pos_ == "DET":
        k += 1
    if k >= end or not toks[k].text[:1].isupper():
        return j
    while k < end and (toks[k].text[:1].isupper() or toks[k].lower_ in OF | ARTICLE_WORDS and k + 1 < end
                       and (toks[k + 1].text[:1].isupper() or toks[k + 1].lower_ in ARTICLE_WORDS)):
        k += 1
    return k


def _stop_within(toks: list[Token], start: int, end: int, stops: tuple[str, ...], limit: int,
                 finite: bool = False) -> int | None:
    """Where the first of `stops` stands, at most `limit` tokens after `start` and with no verb before it
    (a short phrase that holds no clause: an apposed role, « au micro de la RTS »); with `finite`, no conjugated
    verb (a participle may qualify a noun: l'article paru dans Science); None otherwise."""
    def stop(tok: Token) -> bool:  # (« du 200 m. »: a full stop the tokenizer left on an abbreviation)
        return tok.text in stops or "." in stops and len(tok.text) > 1 and tok.text.endswith(".")

    def clause(tok: Token) -> bool:
        return tok.pos_ in ("VERB", "AUX") and (not finite or not is_past_participle(tok))

    m = start
    while m < end and not stop(toks[m]) and not clause(toks[m]):
        m += 1
    return m if m < end and stop(toks[m]) and m - start <= limit else None


def split_joined_quotes(doc: Doc, st: Statement, quotes: list[Quote]) -> list[Statement]:
    """Selon lui, « A » et « B »: two statements when only « et » or a comma joins two quotations."""
    inner = [q for q in quotes if st.start <= q.open + 1 and q.close <= st.end + 1 and q.open >= 0]
    if len(inner) < 2 or st.kind not in ("direct", "according_to", "mixed"):
        return [st]
    text = text_of(doc)
    between = [text[a.close + 1: b.open].strip(" ,") for a, b in zip(inner, inner[1:])]
    outside = text[st.start: inner[0].open].strip() + text[inner[-1].close + 1: st.end].strip(" .")
    if outside or any(b not in ("et", "") for b in between):
        return [st]
    parts = []
    for q in inner:
        part = Statement(st.kind, q.start, q.end, st.sentence, st.cue, st.cue_start, st.cue_end, st.speaker)
        parts.append(part)
    return parts
