"""How sure the text is of a claim: every certainty marker (conditional, hedge, evidential, vague
source) is found here, and the level they give."""
from __future__ import annotations

from spacy.attrs import LEMMA, LOWER
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

from claims.lexicon import Lexicon, load_lexicon
from claims.quotes import quote_at
from claims.schema import certainty_rank
from claims.statement import Statement
from claims.tokens import (
    char_span,
    children,
    column,
    is_past_participle,
    is_present_participle,
    morph_get,
    pos_ids,
    quotes_of,
    sent_start,
    text_of,
    tokens_in,
    tokens_of,
)


def _marker(text: str, mtype: str, start: int, end: int) -> dict:
    return {"text": text, "type": mtype, "start": start, "end": end}


_CONDITIONAL_ENDINGS = ("ais", "ait", "ions", "iez", "aient")
_VERB_TAGS = (VERB, AUX)


def is_conditional(tok: Token, lex: Lexicon | None = None) -> bool:
    """Conditional mood, from the tagger or from the form: future stem + imperfect ending
    (baisseraient = baisser + aient; prendrait = prendr + ait; seraient = ser + aient, the irregular
    stems from claims/data/conditional.tsv), which the tagger often misses."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if "Cnd" in morph_get(tok, "Mood"):
        return True
    lex = lex or load_lexicon()
    key = (tok.lemma, tok.lower)  # the rest reads only the lemma and the form: decided once per pair
    met = lex.conditional_forms_met
    found = met.get(key)
    if found is None:
        found = met[key] = _conditional_form(tok.lemma_.lower(), tok.lower_, lex)
    return found


def _conditional_form(lem: str, form: str, lex: Lexicon) -> bool:
    irregular = lex.conditional.get(lem)
    if irregular is not None:
        stem = irregular[0]
    elif lem.endswith(("er", "ir", "re")):
        stem = lem[:-1] if lem.endswith("re") else lem
    else:
        return False
    return any(form == stem + e for e in _CONDITIONAL_ENDINGS)


def is_past_report(cue: Token) -> bool:
    """A reporting verb in a past tense (a affirmé, affirmait, affirma; ajoutant after one of them;
    a pris soin de préciser)."""
    if is_present_participle(cue) and cue.head is not cue:
        cue = cue.head
    if "Inf" in morph_get(cue, "VerbForm") and cue.head is not cue and cue.dep_ in ("xcomp", "acl", "ccomp"):
        cue = cue.head
    if any(c.dep_.startswith("aux") and c.lemma_ in ("avoir", "être") for c in children(cue)):
        return "Part" in morph_get(cue, "VerbForm")
    if cue.dep_ == "conj" and is_past_participle(cue):
        return True  # a dénoncé … et annoncé que …: the auxiliary is shared with the first verb
    if is_past_participle(cue) and any(t.lemma_ == "avoir" and t.pos_ in ("AUX", "VERB") and t.nbor(-1).lower_ != "y"
                                       for t in cue.doc[max(sent_start(cue), cue.i - 6): cue.i] if t.i > 0):
        return True  # a de son côté promis que …: the parser hung the participle elsewhere
    return "Fin" in morph_get(cue, "VerbForm") and bool({"Imp", "Past"} & set(morph_get(cue, "Tense")))


def _hypothetical(tok: Token) -> bool:
    """A conditional that answers a hypothesis (S'il avait dû fuir, il aurait …; quand bien même il y en
    aurait eu un): grammar, not the journalist's reserve."""
    verb = tok.head if tok.dep_.startswith("aux") else tok
    for node in (verb, verb.head):
        for child in children(node):
            marks = [child] if child.dep_ == "mark" else [g for g in children(child) if g.dep_ == "mark"] \
                if child.dep_ == "advcl" else []
            if any(m.lower_ in ("si", "s'") for m in marks):
                return True
    doc = tok.doc
    before = [t.lower_ for t in doc[max(sent_start(tok), tok.i - 8): tok.i]]
    return any(a == "bien" and b == "même" or a == "même" and b in ("si", "s'")
               for a, b in zip(before, before[1:]))


def conditional_markers(span: Span, offset: int, after_past_report: bool = False) -> list[dict]:
    """The journalistic conditional: aurait tenté, serait parti, pourrait (verbs in the conditional).

    After a reporting verb in the past (X a affirmé que le texte serait voté), a present conditional
    is the future of the past that French grammar requires, not a hedge: only aurait + participle
    counts there."""
    found = []
    lex = load_lexicon()
    tags, toks = pos_ids(span.doc), tokens_of(span.doc)
    for i in range(span.start, span.end):
        if tags[i] not in _VERB_TAGS:
            continue  # is_conditional's first test, on the integer tag: no Token property read for the other words
        tok = toks[i]
        if is_conditional(tok, lex) and not lex.conditional.get(tok.lemma_.lower(), ("", False))[1] \
                and not _hypothetical(tok):
            end_tok = tok
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            if tok.pos_ == "AUX" or tok.lemma_ in ("avoir", "être"):
                while nxt is not None and nxt.pos_ == "ADV" and nxt.i < span.end - 1:
                    nxt = nxt.nbor(1)
                if nxt is not None and "Part" in morph_get(nxt, "VerbForm"):
                    end_tok = nxt
                    after = nxt.nbor(1) if nxt.i + 1 < span.end else None
                    if nxt.lower_ == "été" and after is not None and "Part" in morph_get(after, "VerbForm"):
                        end_tok = after  # aurait été allumé: the passive participle too
            if after_past_report and not (tok.lemma_ == "avoir" and end_tok is not tok):
                continue
            start, end = tok.idx, end_tok.idx + len(end_tok)
            found.append(_marker(text_of(tok.doc)[start:end], "conditional", start + offset, end + offset))
    return found


def hedge_markers(span: Span, lex: Lexicon, offset: int) -> list[dict]:
    found = []
    toks = tokens_in(span)
    by_first = lex.hedges_by_first
    # the candidates of each word by its (form, lemma) ids: most words open no hedge, and are met again
    forms, lemmas, met = column(span.doc, LOWER), column(span.doc, LEMMA), lex.hedges_met
    for i, tok in enumerate(toks):
        key = (forms[span.start + i], lemmas[span.start + i])
        candidates = met.get(key)
        if candidates is None:
            lower, lem = tok.lower_, tok.lemma_.lower()
            candidates = by_first.get(lower, ())
            if lem != lower:  # the same entries twice would give the same answer twice
                candidates += by_first.get(lem, ())
            met[key] = candidates
        for words, match in candidates:
            window = toks[i: i + len(words)]
            if len(window) < len(words):
                continue
            texts = tuple(t.lower_ for t in window)
            if match == "number" and not (texts == words and i + len(words) < len(toks)
                                          and toks[i + len(words)].like_num):
                continue
            if texts == words or match == "lemma" and tuple(t.lemma_.lower() for t in window) == words:
                start, end = window[0].idx, window[-1].idx + len(window[-1])
                found.append(_marker(text_of(span.doc)[start:end], "hedge", start + offset, end + offset))
                break
    return found


def statement_markers(doc: Doc, st: Statement, lex: Lexicon) -> list[dict]:
    """The markers a statement carries in its paragraph (offsets in the paragraph): the conditional in
    its content or in its attribution (il aurait déclaré, jugeraient), hedges, and the evidential cue
    of an attribution (selon, d'après). The vague-source marker needs the speaker: `vague_source_markers`."""
    content = char_span(doc, st.start, st.end)
    cue_tok = char_span(doc, st.cue_start, st.cue_end) if st.cue_start >= 0 else None
    past = st.kind in ("indirect", "mixed") and cue_tok is not None and is_past_report(cue_tok.root)
    conditionals = conditional_markers(content, 0, after_past_report=past)
    if st.kind in ("direct", "mixed"):
        # the speaker's own words (« ce serait indigne »): the journalist's conditional is outside the quotes
        quotes = quotes_of(doc)
        conditionals = [m for m in conditionals if quote_at(quotes, m["start"]) is None]
    found = conditionals + hedge_markers(content, lex, 0)
    if cue_tok is not None and st.kind not in ("according_to", "assertion"):
        aux = [c for c in children(cue_tok.root) if c.dep_.startswith("aux")]
        for a in aux:  # il aurait déclaré: the attribution itself is in the conditional
            if is_conditional(a, lex):
                found += conditional_markers(doc[a.i: cue_tok.root.i + 1], 0)
        if not aux and is_conditional(cue_tok.root, lex):  # les dirigeants jugeraient …
            found += conditional_markers(cue_tok, 0)
    if st.kind == "according_to":
        found.append(_marker(text_of(doc)[st.cue_start: st.cue_end], "evidential", st.cue_start, st.cue_end))
    return sorted(found, key=lambda m: m["start"])


def vague_source_markers(doc: Doc, st: Statement, speaker_type: str) -> list[dict]:
    """The speaker phrase of a statement whose speaker is anonymous (selon certaines sources, un diplomate)."""
    if speaker_type != "anonymous" or st.speaker is None:
        return []
    start = min(st.speaker.start_char, st.cue_start) if st.kind == "according_to" else st.speaker.start_char
    end = max(st.speaker.end_char, st.cue_end if st.kind == "according_to" else 0)
    return [_marker(text_of(doc)[start:end], "vague_source", start, end)]


def level(kind: str, markers: list[dict], speaker_type: str) -> str:
    """The lowest level any sign gives (see CERTAINTY_LEVELS)."""
    levels = ["asserted" if kind == "assertion" else "reported"]
    types = {m["type"] for m in markers}
    if "hedge" in types:
        levels.append("hedged")
    if "conditional" in types:
        levels.append("alleged")
    if "vague_source" in types or speaker_type == "anonymous":
        levels.append("unsourced")
    return max(levels, key=certainty_rank)


