"""Statements of one paragraph: reporting verbs, attributions and quotations, put together."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claims.according import find_according
from claims.attribution import comme_clause, complement, content_statement, incise
from claims.certainty import is_conditional
from claims.cues import Cue, find_cues, lexicon_lemma, subject_before
from claims.lexicon import Lexicon
from claims.quote_split import inner_incises, split_joined_quotes
from claims.quotes import Quote, quote_at
from claims.statement import Statement
from claims.tokens import (
    char_span,
    children,
    entity_at,
    is_finite,
    is_present_participle,
    morph_get,
    noun_phrase,
    phrase_end,
    quotes_of,
    sent_end,
    sentences,
    text_of,
    tokens_of,
)
from claims.words import CONCESSIONS, VOICE


def find_statements(doc: Doc, lex: Lexicon) -> list[Statement]:
    """Attributed statements of a paragraph, in text order (speakers not yet resolved)."""
    quotes = quotes_of(doc)
    found: list[Statement] = []
    for sent in sentences(doc):
        found.extend(_sentence_statements(sent, lex, quotes))
    found = _drop_nested(found)
    according = [s for s in found if s.kind == "according_to"]
    # Selon l'agence Ria Novosti, qui cite un responsable, …: a verb between « selon » and what is claimed
    # says who the source is, it reports nothing of its own
    found = [s for s in found if s.kind == "according_to"
             or not any(a.cue_start < s.cue_start < a.start for a in according)]
    inner = inner_incises(doc, quotes, lex)
    found = [s for s in found if not any(s.overlaps(i.start, i.end) for i in inner)] + inner
    found = [part for st in found for part in split_joined_quotes(doc, st, quotes)]
    found.extend(_quotes_left(doc, quotes, found, lex))
    for st in found:
        if st.speaker is not None and len(st.speaker) == 0:
            st.speaker = None  # a source phrase trimmed to nothing (selon , …) names no one
        elif st.speaker is not None:
            st.speaker = _voice(st.speaker) or _person_voice_after_cue(doc, st) or st.speaker
    # reported speech with no one reporting it (une façon de dire que …) is not an attributed statement
    return sorted((s for s in found if s.end > s.start and (s.speaker is not None or s.kind == "according_to")),
                  key=lambda s: s.start)


def _sentence_statements(sent: Span, lex: Lexicon, quotes: list[Quote]) -> list[Statement]:
    cues = find_cues(sent, lex, quotes)
    found: list[Statement] = []
    # An incise takes the text since the previous incise: « A », a-t-il dit, « B », a-t-il ajouté.
    # A statement reported inside it (l'homme a confié que …, explique le procureur) stays a statement too.
    incise_from = sent.start_char
    for n, cue in enumerate(cues):
        st = comme_clause(cue, sent, quotes)
        if st is not None:
            found.append(st)
            continue
        st = incise(cue, sent, quotes, incise_from)
        if st is not None:
            incise_from = max(incise_from, st.cue_end)
            for other in found:  # X a nié les faits, a fait savoir son avocat: « a nié » stops at the incise
                if other.start < st.end < other.end <= st.cue_end or other.start < st.end and other.end > st.cue_start:
                    other.end = st.end
        else:
            st = complement(cue, sent, quotes, cues[n + 1:])
            if st is not None and found and _coordinated(cue, found[-1]):
                st.speaker = found[-1].speaker  # X a estimé que … et a appelé …: the same speaker
        if st is not None:
            found.append(st)
    for st in find_according(sent, lex, quotes):
        # « X a fait savoir qu'il ne céderait pas, selon une source »: a « selon » closing the sentence after a
        # reported clause says who told the whole clause; what X said stops before it. Both are statements,
        # except where the source is a document (selon un communiqué du département), X's own words written down
        inner = [o for o in found if o.kind != "according_to" and st.end <= st.cue_start
                 and st.start <= o.cue_start < st.end and o.start <= st.cue_start < o.end]
        if inner and _closing_attribution(sent, st):
            for o in inner:
                o.end = min(o.end, st.end)
            # (with a conditional too: the gold sets annotate both in four cases of six)
            if any(_conditional_cue(sent.doc, o, lex) for o in inner) or not _document_source(st, lex):
                found.append(st)
            continue
        if not any(o.cue_start <= st.cue_start < o.end and o.kind != "according_to"
                   or o.speaker is not None and o.cue_start <= st.cue_start < o.speaker.end_char for o in found):
            # not inside another statement, nor the source of an incise (a-t-on appris de source sûre)
            _end_before_cue(st, cues, quotes)
            found.append(st)
    found.sort(key=lambda s: s.cue_start if s.cue_start >= 0 else s.start)
    for n, st in enumerate(found):
        cue_span = char_span(sent.doc, st.cue_start, st.cue_end) if n else None
        if cue_span is not None and len(cue_span) and _follows_speaker(cue_span[0]) \
                and found[n - 1].speaker is not None:
            # …, explique le procureur, en ajoutant que … / Selon la même source, « … », précisant que …
            st.speaker = found[n - 1].speaker
    return found


def _conditional_cue(doc: Doc, st: Statement, lex: Lexicon) -> bool:
    """Whether a statement's reporting verb, or its auxiliary, is in the conditional (auraient plaidé)."""
    cue = char_span(doc, st.cue_start, st.cue_end)
    if cue is None or not len(cue):
        return False
    verb = cue[0]
    return is_conditional(verb, lex) or any(c.dep_.startswith("aux") and is_conditional(c, lex)
                                            for c in children(verb))


def _closing_attribution(sent: Span, st: Statement) -> bool:
    """« …, selon une source. »: the attribution follows a comma (or a quotation) and its source ends the sentence
    (not « les primes varieraient selon les régions », a « selon » inside what was said)."""
    text = text_of(sent.doc)
    return st.speaker is not None and text[:st.cue_start].rstrip().endswith((",", "»", "”")) \
        and not text[st.speaker.end_char: sent.end_char].strip(" .!?»”\"")


def _document_source(st: Statement, lex: Lexicon) -> bool:
    """Whether an attribution's source is a document (un communiqué, le texte), by its head noun (roles.tsv)."""
    return st.speaker is not None and len(st.speaker) > 0 \
        and lex.role_kind(st.speaker.root.lemma_, st.speaker.root.text) == "document"


def _voice(speaker: Span) -> Span | None:
    """« Le gouvernement, par la voix de son porte-parole, Aboubacar Zida, a évoqué … »: the one who spoke for
    the body (words.tsv, class voice), or None."""
    doc = speaker.doc
    toks = tokens_of(doc)
    i, stop = speaker.end, sent_end(speaker)
    if i < stop and toks[i].text == ",":
        i += 1
    j = phrase_end(toks, i, stop, VOICE)
    if j is None or j >= stop:
        return None
    # the phrase's root: the first noun or name whose head lies before it (son porte-parole, X)
    root = next((t for t in toks[j: min(stop, j + 4)] if t.pos_ in ("NOUN", "PROPN") and t.head.i < j), None)
    return noun_phrase(root) if root is not None else None


def _person_voice_after_cue(doc: Doc, st: Statement) -> Span | None:
    """« …, tout en regrettant, par la voix de son vice-président, Bernard Louvel, que … »: a person named as the
    body's voice right after the reporting verb is the one who spoke (not a news agency: « par la voix de KCNA »)."""
    if st.cue_end < 0:
        return None
    toks = tokens_of(doc)
    if text_of(doc)[st.cue_end: st.cue_end + 1] != ",":
        return None
    i = char_span(doc, st.cue_end, st.cue_end + 1).start  # the comma right after the verb
    voice = _voice(doc[i - 1: i])
    name = next((t for t in toks[voice.start: min(len(toks), voice.end + 4)] if t.ent_type_ == "PER"), None) \
        if voice is not None else None
    return None if name is None else entity_at(name) or voice


def _coordinated(cue: Cue, previous: Statement) -> bool:
    """A reporting verb with no subject of its own, coordinated right after the previous statement."""
    doc = cue.first.doc
    toks = tokens_of(doc)
    if previous.speaker is None:
        return False
    own = cue.subject
    if own is not None and not previous.start <= own.start_char < previous.end:
        return False  # a subject of its own, not one inside what the previous speaker said
    i = cue.first.i - 1
    while i > 0 and (toks[i].pos_ in ("AUX", "ADV") or toks[i].dep_.startswith("aux")):
        i -= 1
    return toks[i].lower_ in ("et", "puis", "mais") and previous.end <= toks[i].idx < previous.end + 3 \
        and previous.cue_start < previous.end


def _follows_speaker(tok: Token) -> bool:
    """A participle or infinitive cue with no subject of its own: it reports for the previous speaker."""
    doc = tok.doc
    toks = tokens_of(doc)
    if is_present_participle(tok):
        # « Washington assurant de son côté que … »: a participle right after a name has its own subject
        return not (tok.i > 0 and toks[tok.i - 1].pos_ in ("PROPN", "NOUN") and toks[tok.i - 1].dep_ != "obj")
    return "Inf" in morph_get(tok, "VerbForm") and tok.i >= 2 and toks[tok.i - 1].lower_ in ("de", "d'") \
        and toks[tok.i - 2].lower_ in ("avant", "après")


def _end_before_cue(st: Statement, cues: list, quotes: list[Quote]) -> None:
    """Selon X, « A », précisant que « B »: the attribution's content stops where another verb reports."""
    for cue in cues:
        tok = cue.first
        if cue.subject is not None and st.start <= cue.subject.start_char < tok.idx:
            # Selon cette source, l'homme, âgé de 52 ans, aurait expliqué …: its subject is in the claim; but not
            # after « , même si » (…, même si l'intéressé assure …: another voice)
            comma = _concession_before(cue.subject) if cue.subject.root.pos_ in ("NOUN", "PROPN") \
                and is_finite(tok) else None
            if comma is not None and st.start < comma.idx:
                st.end = min(st.end, comma.idx)
            continue
        if st.start < tok.idx < st.end and quote_at(quotes, tok.idx) is None and tok.i > 0:
            prev = tok.doc[tok.i - 1]
            if prev.text == ",":
                st.end = min(st.end, prev.idx)
            elif tok.i > 1 and tok.doc[tok.i - 2].text == "," and prev.pos_ in ("ADV", "AUX", "ADP"):
                st.end = min(st.end, tok.doc[tok.i - 2].idx)


def _concession_before(subject: Span) -> Token | None:
    """The comma before « même si », « alors que », « bien que » … (words.tsv concession) that opens the subject's
    clause, if there is one."""
    toks = tokens_of(subject.doc)
    for k in range(max(0, subject.start - 4), subject.start):
        if toks[k].text == "," and phrase_end(toks, k + 1, subject.start + 1, CONCESSIONS) == subject.start:
            return toks[k]
    return None


def _drop_nested(found: list[Statement]) -> list[Statement]:
    """A statement reported inside another one's content belongs to that content
    (Selon Caracas, Téhéran … a annoncé …: the claim to check is Caracas's), except before a « selon » that
    closes the sentence (X a fait savoir que …, selon Y): what X said is a statement too."""
    return [s for s in found
            if not any(o is not s and o.start <= s.cue_start and s.cue_end <= o.end and not _is_incise(o)
                       and not (o.kind == "according_to" and o.end <= o.cue_start and s.end == o.end)
                       for o in found)]


def _is_incise(st: Statement) -> bool:
    return st.kind != "according_to" and st.cue_start >= st.end


def _is_full_quote(doc: Doc, q: Quote) -> bool:
    """A quotation that is a statement of its own (has a finite verb or is long), not a phrase."""
    span = char_span(doc, q.start, q.end, contract=True)
    return span is not None and (any(is_finite(t) for t in span) or len([t for t in span if t.is_alpha]) >= 8)


def _quotes_left(doc: Doc, quotes: list[Quote], found: list[Statement], lex: Lexicon) -> list[Statement]:
    """Quotations no reporting verb introduced: a second quote in a sentence whose speaker is known
    (a affirmé X car “…”), a quote standing alone next to a sentence naming its speaker, or a quote
    after a colon that closes a sentence whose subject can speak (X savourait : « … »)."""
    toks = tokens_of(doc)
    extra: list[Statement] = []
    for q in quotes:
        if any(s.overlaps(q.start, q.end) for s in found) or not _is_full_quote(doc, q):
            continue
        sent = toks[char_span(doc, q.start, q.end).start].sent
        same = [s for s in found if s.sentence.start == sent.start and s.kind in ("direct", "mixed")
                and s.speaker is not None]
        neighbour = [s for s in found if s.speaker is not None and abs(s.sentence.start - sent.start) > 0
                     and _adjacent(s.sentence, sent)]
        source = same[-1] if same else (neighbour[0] if _stands_alone(doc, sent, q) and neighbour else None)
        if source is None:
            colon = _after_colon(doc, sent, q, quotes, lex)
            if colon is not None:
                speaker, verb = colon
                extra.append(content_statement(doc, sent, q.start, q.end, quotes,
                                               cue=lexicon_lemma(verb, lex) or verb.lemma_.lower(),
                                               cue_start=verb.idx, cue_end=verb.idx + len(verb), speaker=speaker))
            continue
        st = content_statement(doc, sent, q.start, q.end, quotes, cue=source.cue, cue_start=source.cue_start,
                               cue_end=source.cue_end, speaker=source.speaker)
        extra.append(st)
    return extra


def _after_colon(doc: Doc, sent: Span, q: Quote, quotes: list[Quote], lex: Lexicon) -> tuple[Span, Token] | None:
    """« Le capitaine savourait : « … » », « Son entraîneur se montre plus prudent : « … » »: a quotation after a
    colon that closes the sentence is said by the subject of the clause before the colon, when that
    subject is someone who can speak (a name, a personal pronoun, a role or a source noun)."""
    toks = tokens_of(doc)
    opening = char_span(doc, q.open, q.open + 1)
    if opening is None or opening.start - 1 <= sent.start or toks[opening.start - 1].text != ":":
        return None
    if any(c.isalnum() for c in text_of(doc)[q.close + 1: sent.end_char]):
        return None
    verbs = [t for t in toks[sent.start: opening.start - 1] if is_finite(t) and quote_at(quotes, t.idx) is None]
    if not verbs:
        return _misread_before_colon(doc, sent, opening.start - 2, lex)
    # the verb of the clause, not its auxiliary (X a nuancé ce constat : « … »)
    verb = verbs[-1].head if verbs[-1].dep_.startswith("aux") else verbs[-1]
    if verbs[-1].dep_ == "cop" or verb.lemma_ in ("être", "avoir") or verb.pos_ != "VERB":
        return None  # « Le message est clair : … » describes, no one speaks
    # a compound tense that is no reporting verb is not passive (« Le suspect a été arrêté : ») and does not find or
    # hold a document (« Les enquêteurs ont retrouvé une lettre : » quotes the letter): s'est voulu rassurant :,
    # a donné son avis :
    if verb is not verbs[-1] and lexicon_lemma(verb, lex) is None and any(
            c.dep_ == "aux:pass" or c.dep_ == "obj" and lex.role_kind(c.lemma_, c.text) == "document"
            for c in children(verb)):
        return None
    subject = subject_before(verb, quotes)
    if subject is None or not len(subject) or not _can_speak(subject, lex):
        return None
    return subject, verb


def _misread_before_colon(doc: Doc, sent: Span, i: int, lex: Lexicon) -> tuple[Span, Token] | None:
    """« Un diplomate en poste à Rabat tempère : « … » »: a reporting verb the tagger took for an adjective
    or a noun, just before the colon; its subject is the one noun phrase the sentence opens with."""
    toks = tokens_of(doc)
    if i <= sent.start or lexicon_lemma(toks[i], lex) is None:
        return None
    heads = [t for t in toks[sent.start: i] if not sent.start <= t.head.i < i or t.head.i == t.i]
    if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    subject = doc[sent.start: i]
    return (subject, toks[i]) if _can_speak(subject, lex) else None


def _can_speak(span: Span, lex: Lexicon) -> bool:
    head = span.root
    if head.pos_ == "PRON":
        return head.lower_ in ("il", "elle", "ils", "elles")
    lemma = head.lemma_.lower()
    return head.pos_ == "PROPN" or head.ent_type_ in ("PER", "ORG") or lemma in lex.roles \
        or lemma in lex.source_nouns or head.lower_ in lex.roles  # l'intéressé (lemma intéresser)


def _stands_alone(doc: Doc, sent: Span, q: Quote) -> bool:
    outside = text_of(doc)[sent.start_char: max(q.open, sent.start_char)] + text_of(doc)[q.close + 1: sent.end_char]
    return not any(c.isalnum() for c in outside)


def _adjacent(a: Span, b: Span) -> bool:
    return a.end == b.start or b.end == a.start
