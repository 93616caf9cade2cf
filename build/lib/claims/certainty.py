"""How sure the text is of a claim: markers found in it and the level they give."""
from __future__ import annotations

from spacy.tokens import Span, Token

from claims.lexicon import Lexicon
from claims.schema import certainty_rank
from claims.tokens import text_of


def _marker(text: str, mtype: str, start: int, end: int) -> dict:
    return {"text": text, "type": mtype, "start": start, "end": end}


_CONDITIONAL_ENDINGS = ("ais", "ait", "ions", "iez", "aient")


def is_conditional(tok: Token) -> bool:
    """Conditional mood, from the tagger or from the form: infinitive stem + imperfect ending
    (baisseraient = baisser + aient; prendrait = prendr + ait), which the tagger often misses."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if "Cnd" in tok.morph.get("Mood"):
        return True
    lem, form = tok.lemma_.lower(), tok.lower_
    stem = lem[:-1] if lem.endswith("re") else lem
    return lem.endswith(("er", "ir", "re")) and any(form == stem + e for e in _CONDITIONAL_ENDINGS)


def is_past_report(cue: Token) -> bool:
    """A reporting verb in a past tense (a affirmé, affirmait, affirma; ajoutant after one of them)."""
    if "Part" in cue.morph.get("VerbForm") and "Pres" in cue.morph.get("Tense") and cue.head is not cue:
        cue = cue.head
    if any(c.dep_.startswith("aux") and c.lemma_ in ("avoir", "être") for c in cue.children):
        return "Part" in cue.morph.get("VerbForm")
    return "Fin" in cue.morph.get("VerbForm") and bool({"Imp", "Past"} & set(cue.morph.get("Tense")))


def conditional_markers(span: Span, offset: int, after_past_report: bool = False) -> list[dict]:
    """The journalistic conditional: aurait tenté, serait parti, pourrait (verbs in the conditional).

    After a reporting verb in the past (X a affirmé que le texte serait voté), a present conditional
    is the future of the past that French grammar requires, not a hedge: only aurait + participle
    counts there."""
    found = []
    for tok in span:
        if is_conditional(tok):
            end_tok = tok
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            if tok.pos_ == "AUX" or tok.lemma_ in ("avoir", "être"):
                while nxt is not None and nxt.pos_ == "ADV" and nxt.i < span.end - 1:
                    nxt = nxt.nbor(1)
                if nxt is not None and "Part" in nxt.morph.get("VerbForm"):
                    end_tok = nxt
                    after = nxt.nbor(1) if nxt.i + 1 < span.end else None
                    if nxt.lower_ == "été" and after is not None and "Part" in after.morph.get("VerbForm"):
                        end_tok = after  # aurait été allumé: the passive participle too
            if after_past_report and not (tok.lemma_ == "avoir" and end_tok is not tok):
                continue
            start, end = tok.idx, end_tok.idx + len(end_tok)
            found.append(_marker(text_of(tok.doc)[start:end], "conditional", start + offset, end + offset))
    return found


def hedge_markers(span: Span, lex: Lexicon, offset: int) -> list[dict]:
    found = []
    toks = list(span)
    by_first = lex.hedges_by_first
    for i, tok in enumerate(toks):
        for words, match in by_first.get(tok.lower_, ()) + by_first.get(tok.lemma_.lower(), ()):
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


