"""Speech introduced by a reporting verb, in its two French word orders.

- incise: the content comes first, the verb and its inverted subject after it:
  « Les Russes doivent partir » a ainsi lancé Mike Pompeo / …, a fait savoir une porte-parole.
- complement: subject, verb, then what was said:
  X a estimé que …, X a assuré + infinitive, X a appelé Y à …, X a fustigé …, X a déclaré : « … ».
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claims.cues import Cue
from claims.quotes import Quote, quote_at
from claims.statement import Statement
from claims.tokens import (
    SUBJECT_DEPS,
    auxiliary_before_incise,
    char_span,
    children,
    dative_clitic,
    entity_end,
    is_infinitive,
    is_past_participle,
    is_present_participle,
    is_quote_mark,
    latter_span,
    morph_get,
    noun_phrase,
    phrase_end,
    sent_end,
    text_of,
    tokens_of,
    trim,
)
from claims.words import (
    ANONYMITY,
    AUX_FORMS,
    BEFORE_INFINITIVE,
    CIRCUMSTANCES,
    CLITIC_OBJECTS,
    CLITIC_SUBJECTS,
    COURTS,
    DE,
    DEMONSTRATIVE_PRONOUNS,
    DEMONSTRATIVES,
    DURATIONS,
    INCIDENTALS,
    INTERROGATIVES,
    MEASURES,
    NEGATION,
    NEW_SOURCE,
    OF,
    ON_AT,
    ON_CIRCLE,
    QUE,
    QUE_LOCUTION,
    RELATIVES,
    TIME,
    VOICE,
    A,
)

_SKIP_BEFORE_FRAME = ("ADV",)
_INCIDENTAL_FIRST = frozenset(p[0] for p in INCIDENTALS)


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
    toks = tokens_of(doc)
    end = sent_end(cue.first)
    i = cue.last.i + 1
    while i < end and (toks[i].lower_ in ("-t", "-t-") or toks[i].pos_ == "ADV"):
        i += 1
    i = _past_incidental(toks, i, end)  # précise de son côté son avocat
    if i < end and toks[i].lower_ in CLITIC_SUBJECTS and (toks[i].text.startswith("-")
                                                          or toks[i - 1].text.endswith("-")):
        return doc[i: i + 1]
    for child in children(cue.first):
        if child.dep_ in SUBJECT_DEPS and child.i > cue.last.i:
            return noun_phrase(child)
    stop = min(end, i + 14)
    floor = i  # (the speaker starts after a medium's name the parser made part of its phrase)
    while i < stop:
        tok = toks[i]
        # (a name the tagger reads as an infinitive, « à franceinfo », is no infinitive)
        infinitive = is_infinitive(tok.head) and tok.head.lower_.endswith(("er", "ir", "re"))
        if tok.pos_ == "ADP" and tok.head.i > tok.i and tok.head.i < stop and not infinitive \
                and tok.lower_ not in QUE:
            # a écrit sur Telegram | a déclaré à l'AFP | affirme dans une interview | le commandant …:
            # a place, a medium or a listener, not the speaker
            medium = _medium_then_speaker(toks, i + 1, tok.head.i)
            if medium is not None:  # a tonné sur La Première le président …: parsed as one phrase
                i = floor = medium
                continue
            i = _phrase_end(tok.head, stop)
            j = entity_end(toks, i, stop)
            if j < stop and (toks[j].pos_ == "DET" or toks[j].ent_iob_ == "B" and toks[j].ent_type_ == "PER"):
                i = j  # the rest of the medium's name when a speaker follows it: à BFM Nice Côte d'Azur son avocat
            # (nor does the speaker start inside the complement skipped, where an entity runs on past it: devant le
            # Conseil de sécurité la représentante …, tagged one organisation)
            floor = i
            continue
        if tok.is_punct and tok.text not in "-'" or tok.lower_ in QUE | A | DE or is_infinitive(tok):
            return None
        if tok.pos_ in ("PROPN", "NOUN", "PRON") and not _is_time(tok):
            phrase = noun_phrase(tok)
            return _name_closing(doc[max(floor, phrase.start): phrase.end], end)
        latter = latter_span(tok)
        if latter is not None:
            return latter  # a assuré ce dernier
        if tok.pos_ in ("ADJ", "VERB") and _nominalised(toks, i, stop):
            return noun_phrase(tok)  # a confié le principal intéressé, a répondu l'accusée
        i += 1
    return None


def _medium_then_speaker(toks: list[Token], k: int, head: int) -> int | None:
    """Where the speaker starts when a medium's name (an entity) right after the preposition is followed by a
    determiner before the phrase's head (sur La Première le président de la FGTB), else None."""
    if toks[k].ent_iob_ != "B":
        return None
    end = entity_end(toks, k + 1, head)
    return end if end < head and toks[end].pos_ == "DET" and toks[end].ent_iob_ != "I" else None


def _name_closing(phrase: Span, end: int) -> Span:
    """« a annoncé le gouverneur de cette région russe frontalière, Sergueï Ivachine. »: the adjective the parser
    made a second object, and the name set off by a comma at the sentence's end, are the speaker's phrase's."""
    toks = tokens_of(phrase.doc)
    i = phrase.end
    if len(phrase) == 1 and phrase[0].lower_ in DEMONSTRATIVE_PRONOUNS and i < end and toks[i].lower_ in RELATIVES:
        # celle qui lui a succédé, Florence Mahé: the name after the relative clause
        i = next((k for k in range(i, end) if toks[k].text == ","), end)
    elif i < end and toks[i].pos_ == "NOUN" and toks[i].text.islower() and toks[i].dep_ == "obj":
        i += 1  # (frontalière tagged a noun, a second object)
    if i + 1 >= end or toks[i].text != "," or toks[i + 1].ent_iob_ != "B" or toks[i + 1].ent_type_ != "PER":
        return phrase
    if _person_in_complement(phrase):
        return phrase  # l'avocat de l'agresseur présumé, Mohamed Merah: the name may be the complement's
    j = entity_end(toks, i + 2, end)
    if j < end and toks[j].text != "," and not (j == end - 1 and toks[j].text in ".!?"):
        return phrase  # (the name ends the sentence or is set off by a comma: …, Florence Mahé, qui avait …)
    return phrase.doc[phrase.start: j]


def _person_in_complement(phrase: Span) -> bool:
    """A person's noun in the phrase's complement (l'avocat de la victime; roles.tsv, kind person)."""
    from claims.lexicon import load_lexicon  # (read once per process)

    lex = load_lexicon()
    return any(t.i > phrase.root.i and t.pos_ == "NOUN" and lex.role_kind(t.lemma_.lower(), t.lower_) == "person"
               for t in phrase)


def _nominalised(toks: list[Token], i: int, stop: int) -> bool:
    """An adjective or participle used as a noun: a determiner and adjectives only before it (le principal
    intéressé), and no noun after it."""
    j = i - 1
    while j >= 0 and toks[j].pos_ == "ADJ":
        j -= 1
    if j < 0 or toks[j].pos_ != "DET" or toks[j].lower_ in DEMONSTRATIVES:
        return False
    return i + 1 >= stop or toks[i + 1].pos_ not in ("NOUN", "PROPN", "ADJ")


def _source_after(cue: Cue, clitic: Span) -> Span | None:
    """The source named after an impersonal cue: a-t-on appris (mercredi) auprès de X / de source policière."""
    doc = cue.first.doc
    toks = tokens_of(doc)
    end = sent_end(cue.first)
    for i in range(clitic.end, min(end, clitic.end + 8)):
        tok = toks[i]
        if tok.lower_ in DE and i > cue.last.i and i + 1 < end and toks[i + 1].pos_ == "NOUN" \
                and not _is_time(toks[i + 1]):
            return noun_phrase(toks[i + 1])  # a-t-on appris (ce lundi) de sources concordantes
        if tok.lower_ == "auprès" and i + 2 < end:
            j = i + 1
            while j < end and toks[j].lower_ in OF and toks[j].pos_ == "ADP":
                j += 1
            head = next((t for t in doc[j:end] if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
            if head is not None:
                span = noun_phrase(head)
                # auprès des témoins: « des » (de + les) is the determiner of the source
                det = j - 1 if toks[j - 1].lower_ in ("des", "du") else j
                start = min(span.start, det if toks[det].pos_ in ("DET", "ADP") else span.start)
                stop = span.end
                conj = [c for c in head.subtree if c.dep_ == "conj" and c.i > stop]
                if conj and toks[stop].lower_ == "et":  # auprès des forces de sécurité et de témoins
                    stop = noun_phrase(conj[0]).end
                return doc[start: max(stop, start + 1)]
        if tok.lower_ in ON_AT and i > cue.last.i:
            # explique-t-on au cabinet du ministre: that cabinet; peut-on lire dans le communiqué: that document
            return _circle_after(toks, i, end, read_in="in" in cue.verb.frames)
        if tok.is_punct:
            break
    return None


def _circle_after(toks: list[Token], i: int, end: int, read_in: bool = False) -> Span | None:
    """The body an impersonal « on » speaks from, after the preposition at i: a common noun of words.tsv's class
    on_circle (au cabinet du ministre, dans l'entourage de X), or a capitalised name that is no place or date for
    « à » (à l'Élysée, chez Renault); None for anything else (à Paris, dans un communiqué; « à Matignon » too,
    a place with no article the tagger cannot tell from a town). `read_in`: a verb of reading, whose « dans » names
    the document read (peut-on lire dans le texte)."""
    doc = toks[i].doc
    j = i + 1
    while j < end and toks[j].pos_ == "DET":
        j += 1
    if j >= end:
        return None
    head = toks[j]
    circle = head.pos_ == "NOUN" and (head.lemma_.lower() in ON_CIRCLE or head.lower_ in ON_CIRCLE
                                      or read_in and toks[i].lower_ == "dans")
    named = head.pos_ == "PROPN" and head.text[:1].isupper() and not _is_time(head) \
        and (toks[i].lower_ == "chez" or head.ent_type_ in ("ORG", "MISC", "") or toks[i].lower_ != "dans"
             and head.ent_type_ == "LOC" and j > i + 1)  # (à l'Élysée: a place with an article is an institution)
    if not (circle or named):
        return None
    span = noun_phrase(head)
    return doc[min(span.start, j): max(span.end, j + 1)]


def _phrase_end(head: Token, stop: int) -> int:
    """The token after a prepositional phrase's noun and the names or adjectives that go with it
    (sur son compte Twitter, à l'AFP), without running into the noun phrase that follows it."""
    doc = head.doc
    toks = tokens_of(doc)
    i = head.i + 1
    while i < stop and toks[i].pos_ in ("PROPN", "ADJ") and toks[i].head.i == head.i \
            and not (i + 1 < stop and toks[i + 1].ent_iob_ == "B" and toks[i + 1].ent_type_ == "PER"):
        i += 1
    return i


def _is_time(tok: Token) -> bool:
    # ce mercredi 25 janvier, dimanche, hier: the model tags no dates, the morphology helps little
    # (a number before a unit of time: « 48 heures »; not « deux sources », who speak)
    return tok.ent_type_ == "" and tok.pos_ == "NOUN" and tok.text[:1].islower() \
        and (tok.lemma_.lower() in TIME or tok.lemma_.lower() in DURATIONS) \
        and any(c.dep_ == "nummod" for c in children(tok)) or tok.lower_ in TIME  # not « 20 Minutes »


def _ends_content(tok: Token, quotes: list[Quote]) -> bool:
    """What an incise follows: a comma, or the closing mark of a quotation."""
    return tok.text == "," or is_quote_mark(tok) and any(q.close == tok.idx for q in quotes)


def incise(cue: Cue, sent: Span, quotes: list[Quote], taken_until: int) -> Statement | None:
    """Content before the verb: « … », a-t-il dit / …, a fait savoir X."""
    doc = sent.doc
    toks = tokens_of(doc)
    if is_present_participle(cue.first):
        return None  # …, qualifiant les discussions de « constructives »: a participle reports what follows it
    i = cue.first.i - 1
    clitic = None
    infinitive = is_infinitive(cue.first)
    while i >= sent.start and (toks[i].pos_ in ("AUX", "ADV") or toks[i].lower_ in AUX_FORMS
                               or toks[i].lower_ in ("se", "s'", "y", "en") and toks[i].pos_ == "PRON"  # y explique X
                               or dative_clitic(toks[i])  # « … », lui a lancé X
                               # « … », nous confie-t-il: an object clitic right before the verb
                               or toks[i].lower_ in CLITIC_OBJECTS and toks[i + 1].pos_ in ("AUX", "VERB")
                               and i > sent.start and toks[i - 1].text == ","
                               or toks[i].lower_ in ("-t", "-t-") or toks[i].lower_ in CLITIC_SUBJECTS
                               and toks[i].text.startswith("-")
                               # « … », s'est borné à indiquer X / a tenu à préciser X: the verb governing the cue
                               or infinitive and toks[i].lower_ in ("à", "de", "d'") and i + 1 < len(toks)
                               and (toks[i + 1].i == cue.first.i or toks[i + 1].pos_ in ("ADV", "PRON"))
                               or infinitive and toks[i].pos_ in ("VERB", "ADJ")
                               and toks[i + 1].lower_ in ("à", "de", "d'")
                               # « … », peut-on lire dans le communiqué: the modal before its inverted subject
                               or infinitive and toks[i].lemma_ == "pouvoir" and toks[i + 1].text.startswith("-")
                               and toks[i + 1].lower_ in CLITIC_SUBJECTS):
        if toks[i].text.startswith("-") and toks[i].lower_ in CLITIC_SUBJECTS:
            clitic = doc[i: i + 1]
        i -= 1
    if i < sent.start:
        return None
    before = toks[i]
    if not _ends_content(before, quotes) or auxiliary_before_incise(before):
        return None  # (X a, de son côté, appelé …: the comma closes an aside after the auxiliary)
    # (not an auxiliary inside the quotation the parser hung on the verb: « Nous avons … », a déclaré X)
    aux = [c.i for c in children(cue.first)
           if c.dep_.startswith("aux") and c.i < i and quote_at(quotes, c.idx) is None]
    if aux:
        # « … », a, encore, précisé X: look before the auxiliary; "Il a toutefois, confirmé …" is no incise
        i = min(aux) - 1
        while i >= sent.start and toks[i].pos_ == "ADV":
            i -= 1
        if i < sent.start or not _ends_content(toks[i], quotes):
            return None
        before = toks[i]
    speaker = clitic or inverted_subject(cue)
    if speaker is None:
        return None
    if speaker.text.lower() in ("-on", "on"):
        speaker = _source_after(cue, speaker) or speaker  # a-t-on appris auprès de la police: the police
    stop = max(speaker.end, cue.last.i + 1)  # a-t-il tranché: what follows the verb, not the verb itself
    after = toks[stop] if stop < sent.end else None
    nxt = toks[stop + 1] if stop + 1 < sent.end else None
    if after is not None and (after.lower_ in QUE | {"contre"} or is_infinitive(after)
                              or after.lower_ in A and nxt is not None and (is_infinitive(nxt) or nxt.pos_ == "PRON")):
        return None  # "…, dimanche, appelé la Russie à quitter …": a complement follows, no incise
    end_tok = i if before.text == "," else i + 1
    if before.text == "," and i > sent.start and is_quote_mark(toks[i - 1]):
        end_tok = i  # keep the closing mark: « … », a dit X
    q = next((q for q in quotes if q.close == toks[end_tok - 1].idx), None)
    if q is not None and not any(c.isalnum() for c in text_of(doc)[max(sent.start_char, taken_until): max(q.open, 0)]):
        start_char = max(q.open, 0)
    else:
        start_char = max(sent.start_char, taken_until)
    end_char = toks[end_tok - 1].idx + len(toks[end_tok - 1])
    colon = next((t for t in reversed(toks[sent.start:end_tok]) if t.text == ":" and start_char <= t.idx
                  and quote_at(quotes, t.idx) is None), None)
    if colon is not None:
        start_char = colon.idx + 1  # « La réponse n'a pas tardé : la Chine « … », a rétorqué X »: after the colon
    if start_char >= end_char:
        return None  # an earlier statement already took this text (two cues on one clause)
    content = trim(char_span(doc, start_char, end_char))
    if len(content) < 2 or q is None and not _has_main_clause(content):
        return None  # Un infirmier, qui a souhaité garder l'anonymat, raconte …: a subject, not what was said
    return content_statement(doc, sent, content.start_char, content.end_char, quotes,
                             speaker=speaker, **_cue_fields(cue))


def comme_clause(cue: Cue, sent: Span, quotes: list[Quote]) -> Statement | None:
    """« Comme le rapporte 20 Minutes, … » / « …, comme l'a indiqué le parquet »: the rest of the
    sentence is what the source reported."""
    doc = sent.doc
    toks = tokens_of(doc)
    i = cue.first.i - 1
    while i >= sent.start and (toks[i].pos_ in ("AUX", "ADV") or toks[i].lower_ in ("le", "l'")):
        i -= 1
    if i < sent.start or toks[i].lower_ != "comme" or "no_comme" in cue.verb.frames:
        return None  # (comme l'anticipaient les marchés: reporting_verbs.tsv, frame no_comme)
    speaker = cue.subject if cue.subject is not None and cue.subject.start > i else inverted_subject(cue)
    if speaker is None:
        return None
    end = max(speaker.end, cue.last.i + 1)
    while end < sent.end and toks[end].text not in ",;":
        end += 1
    if i == sent.start or i - 1 == sent.start and toks[sent.start].is_punct:
        content = trim(doc[end:sent.end])
    else:
        content = trim(doc[sent.start:i])
    if len(content) < 3 or not _has_main_clause(content):
        return None
    return content_statement(doc, sent, content.start_char, content.end_char, quotes,
                             speaker=speaker, **_cue_fields(cue))


def _has_main_clause(span: Span) -> bool:
    """Whether a span says something: a finite verb outside a relative clause."""
    for tok in span:
        verb = tok.head if tok.dep_.startswith("aux") or tok.dep_ == "cop" else tok  # (dont les bureaux sont à X)
        finite = "Fin" in morph_get(tok, "VerbForm") or tok.pos_ == "VERB" and tok.dep_ == "ROOT" and any(
            c.dep_.startswith("nsubj") for c in children(tok))  # « L'homme conteste … » with a participle's morphology
        if tok.pos_ in ("VERB", "AUX") and finite and not _relative_verb(verb):
            return True
    return False


def _relative_verb(verb: Token) -> bool:
    """A verb with a relative pronoun of its own, or on a noun of its own: « dont » hangs on the noun it completes
    (Le fonds Arvalis, dont le siège est à Lyon, juge …)."""
    def relative(t: Token) -> bool:
        return "Rel" in morph_get(t, "PronType") or t.lower_ in ("qui", "dont")

    return any(relative(c) or c.i < verb.i and c.pos_ in ("NOUN", "PROPN") and any(
        g.lower_ == "dont" and g.i < c.i for g in children(c)) for c in children(verb))


def _past_incidental(toks: list[Token], i: int, end: int) -> int:
    """The token after an incidental phrase (de son côté, pour sa part: words.tsv) starting at i, with its commas."""
    if i >= end or toks[i].lower_ not in _INCIDENTAL_FIRST:
        return i  # most words open no incidental phrase: one look-up
    after = phrase_end(toks, i, end, INCIDENTALS)
    if after is None:
        return i
    while after < end and toks[after].text == ",":
        after += 1
    return after


def _frame(cue: Cue, sent: Span) -> tuple[str, int] | None:
    """Which kind of complement follows the verb, and the token where the content starts."""
    doc = sent.doc
    toks = tokens_of(doc)
    i = cue.last.i + 1
    end = sent.end
    while i < end and (toks[i].lower_ in ("-t", "-t-") or toks[i].lower_ in CLITIC_SUBJECTS and toks[i].text[0] == "-"):
        i += 1  # dit-il « … »
    # que-clause within a few words (ajoutant au passage que …, a assuré dans un communiqué lu à la
    # télévision que …), crossing no other verb than a participle qualifying a noun
    for tok in toks[i: min(end, i + 12)]:
        if tok.lower_ in QUE and tok.i - 1 > i and toks[tok.i - 1].lower_ in QUE_LOCUTION:
            # a dénoncé « une manœuvre » après qu'un chasseur …: when it happened, not what was said (a word right
            # after the verb is its adverb: a expliqué alors que …)
            break
        if tok.lower_ in QUE and toks[tok.i - 1].text == "," and toks[i].pos_ == "DET" and "obj" in cue.verb.frames:
            break  # a rejeté ces résultats, qu'il juge « fabriqués »: the object's relative, not a clause said
        if tok.lower_ in QUE and tok.pos_ in ("SCONJ", "PRON") and tok.dep_ != "fixed" \
                and (tok.pos_ == "SCONJ" or tok.i < i + 8):  # farther, a relative « que » belongs to a noun
            return "que", tok.i + 1
        if tok.i == i and tok.lower_ in QUE and tok.pos_ == "ADV" and not _negated(cue):
            # a précisé qu'une liste …, a regretté que moins de … : the tagger takes « que » right after the
            # verb for the adverb of « ne … que »; with no « ne » on the verb it opens the clause said
            return "que", tok.i + 1
        if tok.pos_ == "VERB" and tok.i - 1 >= i and toks[tok.i - 1].lower_ == "en" and is_present_participle(tok) \
                and toks[tok.i - 2].lower_ not in (",", "tout"):
            # a reconnu en sortant du château que …: how it was said, the clause is still the verb's (not
            # « …, tout en reconnaissant que »: the gerund's own clause)
            continue
        if tok.pos_ == "VERB" and tok.text[:1].islower() and not (  # (a name tagged as a verb: sur CNBC)
                tok.dep_ == "acl" and "Part" in morph_get(tok, "VerbForm") and tok.head.dep_.startswith("obl")
                # s'est dit convaincu que …: the participle says how sure, the clause is still the verb's
                or tok.i == i and tok.dep_ == "xcomp" and tok.head.i == cue.first.i
                and "Part" in morph_get(tok, "VerbForm")) \
                or tok.text in ".;":
            break
    said_when_negated = "neg" in cue.verb.frames  # n'exclut pas une grève: its negation still says something
    while i < end and (toks[i].pos_ in _SKIP_BEFORE_FRAME and not morph_get(toks[i], "Polarity")
                       or toks[i].text in ":," or said_when_negated and toks[i].lower_ in ("pas", "plus")):
        if toks[i].lower_ in INTERROGATIVES:
            return None  # « il a expliqué comment accéder au bâtiment »: a question, nothing claimed
        i += 1
    if i + 1 < end and toks[i].lower_ in ("de", "à") and toks[i + 1].lower_ == "nouveau":
        i += 2  # accuse de nouveau Kigali de …, a à nouveau dénoncé
    i = _past_incidental(toks, i, end)  # indique de son côté avoir recruté …
    if phrase_end(toks, i, end, VOICE) is not None:
        # a dénoncé, par la voix de l'agence officielle KCNA, une « alliance … »: past the spokesperson's aside
        comma = next((k for k in range(i + 3, min(end, i + 14)) if toks[k].text == ","), None)
        if comma is not None:
            i = comma + 1
    # skip a leading adverbial phrase: déclaré sur les réseaux sociaux “…” (a dénoncé mardi devant la presse …)
    t = i
    while t < end - 1 and _time_word(toks, t):
        t += 1
    if t > i and toks[t].pos_ == "ADP" and toks[t].lower_ not in A | OF | {"contre", "pour", "comme"}:
        i = t  # (not « a annoncé vendredi des sanctions »: « des » an article the parser took for « de »)
    first = toks[i] if i < end else None
    if first is not None and first.lower_ in A and "a" not in cue.verb.frames and first.head.i > i:
        # a déclaré à Genève : « … »: where it was said, before a colon or the quotation
        j = _phrase_end(first.head, end)
        while j < end and toks[j].text in ":,":
            j += 1
        if j < end and is_quote_mark(toks[j]) and j - i <= 6:
            i, first = j, toks[j]
    if first is not None and first.pos_ == "ADP" and first.lower_ not in A | DE | {"contre", "pour", "comme"} \
            and not (first.lower_ == "sur" and "sur" in cue.verb.frames):  # (a ironisé sur « … »: what it is about)
        j = i + 1
        if first.head.i > i and not is_infinitive(first.head):  # sur son compte Twitter | l'arrestation …
            j = _phrase_end(first.head, end)
            # dans une lettre ouverte des « coupes … », devant la presse une « provocation »: an article right
            # after the phrase's noun starts the object the parser hung on it
            j = next((k for k in range(first.head.i + 1, min(j, len(toks) - 1))
                      if toks[k - 1].pos_ in ("NOUN", "ADJ", "PROPN") and (
                          toks[k].pos_ == "DET" or toks[k].lower_ in ("des", "du") and is_quote_mark(toks[k + 1]))), j)
        while j < end and not (toks[j].is_punct or toks[j].pos_ in ("VERB", "AUX", "ADP", "SCONJ", "DET")
                               or is_quote_mark(toks[j])):
            j += 1
        while j < end and toks[j].text == ",":
            j += 1
        i, first = j, (toks[j] if j < end else None)
    if first is None:
        return None
    if is_quote_mark(first):
        # juge « insuffisant » le contrôle, a jugé « prématuré » d'évoquer …: a quoted attribute of the object
        return ("obj" if "obj" in cue.verb.frames and _quoted_attribute(toks, i, end) else "quote"), i
    if first.lower_ in A:
        return "a", i
    if first.lower_ in ("contre", "pour", "sur"):
        return first.lower_, i  # s'est élevé contre …, a plaidé pour …, a ironisé sur …
    k = i
    while k < end and (morph_get(toks[k], "Polarity") or toks[k].lower_ in DE | {"pas", "plus", "jamais"}
                       or toks[k].pos_ == "PRON" and toks[k].dep_ in ("obj", "iobj", "expl:comp", "expl:pv")
                       or toks[k].pos_ == "ADV" and toks[k].head.i > k and is_infinitive(toks[k].head)
                       or is_quote_mark(toks[k]) and k > i):
        k += 1  # (de tout faire, de ne rien dire, de « tout faire »)
    if k < end and (is_infinitive(toks[k]) or "inf" in cue.verb.frames and k > i and toks[k - 1].lower_ in DE
                    and _infinitive_shaped(toks[k])):
        return "inf", i
    while k < end and (is_quote_mark(toks[k]) or toks[k].lower_ in ("au", "moins", "plus", "près")):
        k += 1  # fait état de « quelques dégradations », d'au moins trois morts
    if first.lower_ in DE and "de" in cue.verb.frames and k < end \
            and toks[k].pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM"):
        return "de", i  # parle d'une information non fondée
    partitive = first.lower_ in ("des", "du") and i + 1 < end and is_quote_mark(toks[i + 1])  # des « coupes »
    if (first.pos_ in ("DET", "NOUN", "PROPN", "NUM", "ADJ", "PRON") or partitive) and first.lower_ not in QUE:
        window = doc[i: min(end, i + 6)]
        if "a" in cue.verb.frames and any(t.lower_ in A for t in window):
            return "a", i
        return "obj", i
    return None


def _quoted_attribute(toks: list[Token], i: int, end: int) -> bool:
    """A short quotation opening at i (three words at most) right before a noun phrase or « de » + infinitive: the
    word the verb gives its object (juge « galvaudé » le terme), not a quotation said on its own."""
    close = next((j for j in range(i + 2, min(end, i + 5)) if is_quote_mark(toks[j])), None)
    if close is None or close + 1 >= end:
        return False
    nxt = toks[close + 1]
    return nxt.pos_ == "DET" or nxt.lower_ in DE and close + 2 < end and is_infinitive(toks[close + 2])


def _verb_group_start(verb: Token, floor: int) -> int:
    """Where a verb's group starts: its auxiliaries, adverbs and clitics (… et avait simplement reconnu)."""
    doc = verb.doc
    toks = tokens_of(doc)
    i = verb.i
    if is_infinitive(verb) and i - 2 > floor and toks[i - 1].lower_ in DE and toks[i - 2].lower_ in BEFORE_INFINITIVE:
        i -= 2  # …, avant de préciser que …
    while i - 1 > floor and (toks[i - 1].pos_ in ("AUX", "ADV") or toks[i - 1].dep_.startswith("aux")
                             or toks[i - 1].pos_ == "PRON" and toks[i - 1].dep_ in ("obj", "iobj", "expl:pv")
                             or toks[i - 1].lower_ == "en" and is_present_participle(verb)):  # (tout) en ajoutant
        i -= 1
    return i


def _narration_start(doc: Doc, start: int, end: int, quotes: list[Quote]) -> int:
    """Where the journalist takes over after reported speech, at a comma outside quotes:
    « …, sans toutefois dévoiler … », « …, profitant de l'occasion … », « …, alors qu'une enquête … »,
    « …, mais ses motivations restent floues »."""
    toks = tokens_of(doc)
    for i in range(start + 1, end - 1):
        if toks[i].text != "," or quote_at(quotes, toks[i].idx):
            continue
        nxt = toks[i + 1]
        after = toks[i + 2] if i + 2 < end else None
        if nxt.lower_ == "sans" or is_present_participle(nxt) and nxt.pos_ == "VERB" and nxt.lower_ != "étant":
            return i
        gerund = i + 2 if nxt.lower_ == "en" else i + 3 if nxt.lower_ == "tout" and after is not None \
            and after.lower_ == "en" else end
        if gerund < end and is_present_participle(toks[gerund]):
            return i  # …, (tout) en posant une condition: how it was said, not what
        if nxt.lower_ in ("alors", "tandis") and after is not None and after.lower_ in QUE:
            return i
        if nxt.lower_ == "mais" and after is not None and after.lower_ not in QUE and after.pos_ in ("DET", "PRON"):
            return i
    return end


def complement(cue: Cue, sent: Span, quotes: list[Quote], later_cues: list[Cue]) -> Statement | None:
    """Content after the verb, up to the end of the sentence or the next speaker's clause."""
    doc = sent.doc
    toks = tokens_of(doc)
    if any(c.lower_ in QUE and c.i < cue.first.i and ("Rel" in morph_get(c, "PronType") or c.dep_ == "obj"
                                                         or cue.first.dep_ == "acl:relcl")
           for c in children(cue.first)):
        return None  # "une situation que les deux hommes évoqueront": the object is not said
    found = _frame(cue, sent)
    if found is None:
        return None
    frame, start = found
    if frame != "quote" and frame not in cue.verb.frames:
        return None
    if frame == "obj" and any(c.dep_ == "obj" and c.pos_ == "PRON" and c.i < cue.first.i for c in children(cue.first)):
        return None  # "qui l'annonce ce mercredi dans Le Progrès": the object is a pronoun, what follows is not said
    if frame == "obj" and "ruling" in cue.verb.frames and _court(cue.subject):
        return None  # « le tribunal a condamné X à deux ans de prison »: a ruling, not a statement to check
    if frame == "obj" and "quoted_obj" in cue.verb.frames \
            and not any(is_quote_mark(t) for t in toks[start: sent.end]):
        return None  # a défendu son titre, l'accusé, la ville: no position quoted, nothing said
    if frame == "obj" and "no_measure" in cue.verb.frames and _measure_at(toks, start, sent.end):
        return None  # « la salle accuse un déficit de 1,2 million »: a figure shown, nothing said
    if is_infinitive(cue.first) and cue.first.head.pos_ == "NOUN" and cue.first.dep_ == "acl" and cue.subject is None:
        return None  # "une façon de dire que …": a way of saying, no one says it
    if cue.subject is None and not morph_get(cue.first, "VerbForm") == ("Inf",) and cue.first.i == sent.start:
        return None
    end = sent.end
    for other in later_cues:
        if other.first.i <= start:
            continue
        own_clause = other.subject is not None and other.subject.start > start
        clause_start = other.clause_start if other.clause_start > start else _verb_group_start(other.first, start)
        before = toks[clause_start - 1]
        after_comma = before.text in (",", ";") or before.lower_ in ("et", "mais", "car")
        if own_clause and frame != "que" or after_comma:
            end = min(end, clause_start)
    if any(c.lower_ == "qui" and c.dep_.startswith("nsubj") and c.i < cue.first.i and c.i > sent.start
           and toks[c.i - 1].text == "," for c in children(cue.first)):
        # Kigali, qui a toujours nié toute implication, n'a pas réagi: the relative clause ends at its comma,
        # past an aside it holds (« que la réforme, adoptée en mars, serait appliquée, a quitté la salle »)
        commas = [t.i for t in toks[start + 1: end - 1] if t.text == "," and quote_at(quotes, t.idx) is None]
        aside = False
        for c in commas:
            if aside:  # the comma closing the aside
                aside = False
                continue
            if toks[c + 1].pos_ in ("ADJ", "VERB") and is_past_participle(toks[c + 1]):
                aside = True  # a participle's aside opens here
                continue
            end = c
            break
    end = _narration_start(doc, start, end, quotes)
    end = _before_coordinated_verb(cue, start, end, quotes)
    if frame in ("obj", "de"):
        end = _before_sans(toks, start, end, quotes)
    # … un rapport « politiquement motivé », par la voix du porte-parole …: who spoke for the body, not what was said
    end = next((t.i for t in toks[start + 1: end - 1] if t.text == "," and phrase_end(toks, t.i + 1, end, VOICE)
                is not None), end)
    while frame == "obj" and start < end - 2 and _time_word(toks, start):
        start += 1  # a annoncé lundi soir sa démission: the day is not what was said
    if frame == "obj":  # a dénoncé le comportement de garde-côtes, qui ont intercepté …: the aside is narration
        end = next((t.i for t in toks[start + 1: end - 1] if t.text == "," and quote_at(quotes, t.idx) is None
                    and toks[t.i + 1].lower_ in ("qui", "dont", "où", *QUE)), end)  # (qu'il juge …, tagged SCONJ)
        # a reconnu les faits en garde à vue, a plaidé la relaxe à la barre: where it was said (words.tsv); not after
        # a participle (les pressions subies devant les enquêteurs). The parser hangs these phrases on the verb or
        # the noun at random, so « a dénoncé les morts en garde à vue » is cut too
        end = next((t.i for t in toks[start + 1: end - 1] if quote_at(quotes, t.idx) is None
                    and phrase_end(toks, t.i, end, CIRCUMSTANCES) is not None
                    and not (toks[t.i - 1].pos_ in ("VERB", "ADJ") and is_past_participle(toks[t.i - 1]))), end)
        # a dénoncé « une manœuvre » après qu'un chasseur …: the conjunction's clause says when, not what
        end = next((t.i for t in toks[start + 1: end - 1] if t.lower_ in QUE_LOCUTION
                    and toks[t.i + 1].lower_ in QUE and quote_at(quotes, t.idx) is None), end)
    # … juge ces craintes infondées : selon lui, l'étude …: another attribution opens after the colon; so does a
    # quotation after the object (a rejeté toute idée de cessez-le-feu : « Ce serait … »)
    end = next((t.i for t in toks[start + 1: end - 1] if t.text in (":", ";") and quote_at(quotes, t.idx) is None
                and (phrase_end(toks, t.i + 1, end, NEW_SOURCE) is not None
                     or frame == "obj" and t.text == ":" and is_quote_mark(toks[t.i + 1]))), end)
    if end <= start:
        return None
    content = trim(doc[start:end])
    if len(content) == 0 or frame == "obj" and len(content) < 2:
        return None
    if len(content) <= 6 and any(t.lower_ in ANONYMITY for t in content):
        return None  # (des sources) qui ont demandé à rester anonymes / à ne pas être nommées: not a claim
    return content_statement(doc, sent, content.start_char, content.end_char, quotes,
                             speaker=cue.subject or _clitic_after(cue), **_cue_fields(cue))


def _before_sans(toks: list[Token], start: int, end: int, quotes: list[Quote]) -> int:
    """« a fait état de « pertes » sans les chiffrer », « a cité un responsable sans le nommer »: « sans » + a
    pronoun for the object + infinitive says what the speaker left out, which is narration (not « une réforme sans
    augmenter les impôts », what was promised; after a comma, _narration_start cuts any content)."""
    for k in range(start + 1, end - 2):
        if toks[k].lower_ != "sans" or quote_at(quotes, toks[k].idx) is not None:
            continue
        if toks[k + 1].lower_ in CLITIC_OBJECTS and is_infinitive(toks[k + 2]):  # (« les » tagged an article too)
            return k
    return end


def _before_coordinated_verb(cue: Cue, start: int, end: int, quotes: list[Quote]) -> int:
    """« a dénoncé « un matraquage fiscal » et quitté la salle »: what was said stops before a second verb
    coordinated with the reporting verb (a reporting one is a statement of its own)."""
    toks = tokens_of(cue.first.doc)
    for tok in toks[start + 1: end]:
        if tok.lower_ not in ("et", "puis", "mais") or quote_at(quotes, tok.idx) is not None:
            continue
        nxt = tok.i + 1
        while nxt < end and (toks[nxt].pos_ in ("ADV", "AUX")
                             or toks[nxt].pos_ == "PRON" and toks[nxt].dep_ != "nsubj"):
            nxt += 1
        if nxt < end and toks[nxt].pos_ == "VERB" and toks[nxt].dep_ == "conj" and toks[nxt].head.i == cue.first.i:
            return tok.i
    return end


def _time_word(toks: list[Token], i: int) -> bool:
    """lundi, soir, hier (words.tsv, class time), or « ce » before one (ce lundi)."""
    word = toks[i].lower_
    return word in TIME and not toks[i].ent_type_ or word in ("ce", "cette") and toks[i + 1].lower_ in TIME


def _clitic_after(cue: Cue) -> Span | None:
    """car dit-il « … » / déclare-t-elle : « … »: the subject inverted right after the verb."""
    doc = cue.last.doc
    toks = tokens_of(doc)
    i = cue.last.i + 1
    while i < len(doc) and toks[i].lower_ in ("-t", "-t-"):
        i += 1
    if i < len(doc) and toks[i].lower_ in CLITIC_SUBJECTS and toks[i].text.startswith("-"):
        return doc[i: i + 1]
    return None


def _negated(cue: Cue) -> bool:
    """« n'a dit que … », « ne fait que rappeler »: the verb carries the « ne » of a restriction."""
    return any(c.lower_ in NEGATION for c in children(cue.first) if c.i < cue.first.i)


def _infinitive_shaped(tok: Token) -> bool:
    """An infinitive the tagger misread after « de » (a promis d'interpeller, tagged finite; recommande de vacciner,
    tagged a noun): its form is its own lemma, ends like an infinitive, and a noun has no article."""
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None  # (de guerre commerciale: a noun's adjective)
    return tok.is_lower and tok.lower_ == tok.lemma_.lower() and tok.lower_.endswith(("er", "ir", "re")) and (
        tok.pos_ == "VERB" or tok.pos_ == "NOUN" and not any(c.dep_ == "det" for c in children(tok))
        and (after is None or after.pos_ != "ADJ"))


def _measure_at(toks: list[Token], i: int, end: int) -> bool:
    """The object from i is headed by a measure's noun (words.tsv, class measure: un déficit, un recul de 3 %)."""
    k = i
    while k < end and toks[k].pos_ in ("DET", "ADJ", "NUM", "ADV"):
        k += 1
    return k < end and toks[k].lemma_.lower() in MEASURES


def _court(subject: Span | None) -> bool:
    """A court as written (words.tsv, class court: le tribunal correctionnel, la Haute Cour, le Conseil
    constitutionnel)."""
    if subject is None or not len(subject):
        return False
    text = subject.text.lower().replace("’", "'")
    return subject.root.lemma_.lower() in COURTS or any(f" {c}" in f" {text}" for c in COURTS if " " in c)
