"""Speech introduced by a reporting verb, in its two French word orders.

- incise: the content comes first, the verb and its inverted subject after it:
  « Les Russes doivent partir » a ainsi lancé Mike Pompeo / …, a fait savoir une porte-parole.
- complement: subject, verb, then what was said:
  X a estimé que …, X a assuré + infinitive, X a appelé Y à …, X a fustigé …, X a déclaré : « … ».
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claims.cues import Cue
from claims.quotes import Quote
from claims.statement import Statement
from claims.tokens import SUBJECT_DEPS, is_infinitive, is_quote_mark, noun_phrase, text_of, trim

_CLITIC_SUBJECTS = {"-il", "-elle", "-ils", "-elles", "-on", "il", "elle", "ils", "elles", "on"}
_SKIP_BEFORE_FRAME = ("ADV",)
_AUX_FORMS = {"a", "avait", "ont", "avaient", "aurait", "auraient", "aura", "est", "était"}
_A = {"à", "au", "aux"}
_DE = {"de", "d'"}
_QUE = {"que", "qu'"}


def kind_of(doc: Doc, start: int, end: int, quotes: list[Quote]) -> str:
    """direct when the content is one quotation, mixed when it holds one, else indirect."""
    inner = [q for q in quotes if q.open < end and start <= q.close]
    if not inner:
        return "indirect"
    q = inner[0]
    outside = text_of(doc)[start: max(q.open, start)] + text_of(doc)[min(q.close + 1, end): end]
    return "direct" if len(inner) == 1 and not any(c.isalnum() for c in outside) else "mixed"


def content_statement(doc: Doc, sent: Span, start: int, end: int, kind_quotes: list[Quote], **kw) -> Statement:
    """A statement whose content is text_of(doc)[start:end]; a direct quote keeps only what is inside the marks."""
    kind = kind_of(doc, start, end, kind_quotes)
    if kind == "direct":
        q = next(q for q in kind_quotes if q.open < end and start <= q.close)
        start, end = max(q.start, start), min(q.end, end)
        text = text_of(doc)[start:end]
        start += len(text) - len(text.lstrip())
        end -= len(text) - len(text.rstrip())
    return Statement(kind, start, end, sent, **kw)


def _cue_fields(cue: Cue) -> dict:
    return {"cue": cue.verb.cue, "cue_start": cue.first.idx, "cue_end": cue.last.idx + len(cue.last)}


def inverted_subject(cue: Cue) -> Span | None:
    """The subject after the verb (a-t-il ajouté; a lancé Mike Pompeo; a fait savoir ce mercredi une porte-parole)."""
    doc = cue.first.doc
    end = cue.first.sent.end
    i = cue.last.i + 1
    while i < end and (doc[i].lower_ in ("-t", "-t-") or doc[i].pos_ == "ADV"):
        i += 1
    if i < end and doc[i].lower_ in _CLITIC_SUBJECTS and (doc[i].text.startswith("-") or doc[i - 1].text.endswith("-")):
        return doc[i: i + 1]
    for child in cue.first.children:
        if child.dep_ in SUBJECT_DEPS and child.i > cue.last.i:
            return noun_phrase(child)
    stop = min(end, i + 12)
    while i < stop:
        tok = doc[i]
        if tok.is_punct and tok.text not in "-'" or tok.lower_ in _QUE | _A | _DE or is_infinitive(tok):
            return None
        if tok.pos_ == "ADP" and tok.head.i > tok.i:
            i = tok.head.right_edge.i + 1  # a écrit sur Telegram | le commandant …: a place, not the speaker
            continue
        if tok.pos_ in ("PROPN", "NOUN", "PRON") and not _is_time(tok):
            return noun_phrase(tok)
        i += 1
    return None


def _is_time(tok: Token) -> bool:
    # ce mercredi 25 janvier, dimanche, hier: the model tags no dates, the morphology helps little
    return tok.ent_type_ == "" and tok.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in tok.children) or \
        tok.lower_ in {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "soir",
                       "matin", "lendemain", "veille", "semaine", "mois", "année", "jour", "janvier", "février",
                       "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
                       "décembre"}


def incise(cue: Cue, sent: Span, quotes: list[Quote], taken_until: int) -> Statement | None:
    """Content before the verb: « … », a-t-il dit / …, a fait savoir X."""
    doc = sent.doc
    i = cue.first.i - 1
    clitic = None
    while i >= sent.start and (doc[i].pos_ in ("AUX", "ADV") or doc[i].lower_ in _AUX_FORMS
                               or doc[i].lower_ in ("-t", "-t-") or doc[i].lower_ in _CLITIC_SUBJECTS
                               and doc[i].text.startswith("-")):
        if doc[i].text.startswith("-") and doc[i].lower_ in _CLITIC_SUBJECTS:
            clitic = doc[i: i + 1]
        i -= 1
    if i < sent.start:
        return None
    before = doc[i]
    if not (before.text == "," or is_quote_mark(before) and any(q.close == before.idx for q in quotes)):
        return None
    speaker = clitic or inverted_subject(cue)
    if speaker is None:
        return None
    after = doc[speaker.end] if speaker.end < sent.end else None
    if after is not None and (after.lower_ in _A | _QUE | {"contre"} or is_infinitive(after)):
        return None  # "…, dimanche, appelé la Russie à quitter …": a complement follows, no incise
    end_tok = i if before.text == "," else i + 1
    if before.text == "," and i > sent.start and is_quote_mark(doc[i - 1]):
        end_tok = i  # keep the closing mark: « … », a dit X
    q = next((q for q in quotes if q.close == doc[end_tok - 1].idx), None)
    if q is not None and not any(c.isalnum() for c in text_of(doc)[max(sent.start_char, taken_until): max(q.open, 0)]):
        start_char = max(q.open, 0)
    else:
        start_char = max(sent.start_char, taken_until)
    content = trim(doc.char_span(start_char, doc[end_tok - 1].idx + len(doc[end_tok - 1]), alignment_mode="expand"))
    if len(content) < 2 or q is None and not _has_main_clause(content):
        return None  # Un infirmier, qui a souhaité garder l'anonymat, raconte …: a subject, not what was said
    return content_statement(doc, sent, content.start_char, content.end_char, quotes,
                             speaker=speaker, **_cue_fields(cue))


def _has_main_clause(span: Span) -> bool:
    """Whether a span says something: a finite verb outside a relative clause."""
    for tok in span:
        verb = tok.head if tok.dep_.startswith("aux") else tok
        if tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm") and not any(
                "Rel" in c.morph.get("PronType") or c.lower_ in ("qui", "dont") for c in verb.children):
            return True
    return False


def _frame(cue: Cue, sent: Span) -> tuple[str, int] | None:
    """Which kind of complement follows the verb, and the token where the content starts."""
    doc = sent.doc
    i = cue.last.i + 1
    end = sent.end
    # que-clause within a few words (ajoutant au passage que …), crossing no other verb
    for tok in doc[i: min(end, i + 8)]:
        if tok.lower_ in _QUE and tok.pos_ in ("SCONJ", "PRON") and tok.dep_ != "fixed":
            return "que", tok.i + 1
        if tok.pos_ == "VERB" or tok.text in ".;":
            break
    while i < end and (doc[i].pos_ in _SKIP_BEFORE_FRAME and not doc[i].morph.get("Polarity")
                       or doc[i].text in ":,"):
        i += 1
    # skip a leading adverbial phrase: déclaré sur les réseaux sociaux “…”
    first = doc[i] if i < end else None
    if first is not None and first.pos_ == "ADP" and first.lower_ not in _A | _DE | {"contre", "comme"}:
        j = i + 1
        while j < end and not (doc[j].is_punct or doc[j].pos_ in ("VERB", "AUX", "ADP", "SCONJ")):
            j += 1
        while j < end and doc[j].text == ",":
            j += 1
        i, first = j, (doc[j] if j < end else None)
    if first is None:
        return None
    if is_quote_mark(first):
        return "quote", i
    if first.lower_ in _A:
        return "a", i
    if first.lower_ == "contre":
        return "contre", i
    k = i
    while k < end and (doc[k].morph.get("Polarity") or doc[k].lower_ in _DE | {"pas", "plus", "jamais"}
                       or doc[k].pos_ == "PRON" and doc[k].dep_ in ("obj", "iobj", "expl:comp", "expl:pv")):
        k += 1
    if k < end and is_infinitive(doc[k]):
        return "inf", i
    if first.pos_ in ("DET", "NOUN", "PROPN", "NUM", "ADJ", "PRON") and first.lower_ not in _QUE:
        window = doc[i: min(end, i + 6)]
        if "a" in cue.verb.frames and any(t.lower_ in _A for t in window):
            return "a", i
        return "obj", i
    return None


def complement(cue: Cue, sent: Span, quotes: list[Quote], later_cues: list[Cue]) -> Statement | None:
    """Content after the verb, up to the end of the sentence or the next speaker's clause."""
    doc = sent.doc
    if any(c.lower_ in _QUE and c.i < cue.first.i and ("Rel" in c.morph.get("PronType") or c.dep_ == "obj"
                                                         or cue.first.dep_ == "acl:relcl")
           for c in cue.first.children):
        return None  # "une situation que les deux hommes évoqueront": the object is not said
    found = _frame(cue, sent)
    if found is None:
        return None
    frame, start = found
    if frame != "quote" and frame not in cue.verb.frames:
        return None
    if cue.subject is None and not cue.first.morph.get("VerbForm") == ["Inf"] and cue.first.i == sent.start:
        return None
    end = sent.end
    for other in later_cues:
        if other.first.i <= start:
            continue
        own_clause = other.subject is not None and other.subject.start > start
        clause_start = other.clause_start if other.clause_start > start else other.first.i
        before = doc[clause_start - 1]
        after_comma = before.text in (",", ";") or before.lower_ in ("et", "mais")
        if own_clause and frame != "que" or after_comma:
            end = min(end, clause_start)
    if end <= start:
        return None
    content = trim(doc[start:end])
    if len(content) == 0 or frame == "obj" and len(content) < 2:
        return None
    return content_statement(doc, sent, content.start_char, content.end_char, quotes,
                             speaker=cue.subject, **_cue_fields(cue))
