"""Reporting-verb cues: which tokens introduce speech, and where their subject is."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import DEP, LEMMA, LOWER
from spacy.symbols import ADJ, ADV, AUX, NOUN, PRON, VERB, X
from spacy.tokens import Span, Token

from claims.lexicon import Lexicon, Verb
from claims.quotes import Quote, quote_at
from claims.tokens import (
    SUBJECT_DEPS,
    auxiliary_before_incise,
    children,
    column,
    dative_clitic,
    entity_at,
    is_finite,
    is_infinitive,
    is_past_participle,
    is_present_participle,
    is_quote_mark,
    latter_span,
    morph_get,
    noun_phrase,
    phrase_end,
    pos_ids,
    sent_end,
    sent_start,
    string_id,
    tokens_of,
    verb_lemma,
)
from claims.words import (
    AGES,
    CLITIC_SUBJECTS,
    DEMONSTRATIVE_PRONOUNS,
    INCIDENTALS,
    INDEFINITE_ONE,
    NOT_SAYING,
    OF,
    QUE,
    RELATIVES,
    STRESSED,
    TOPICS,
)

_CLIMB_DEPS = ("xcomp", "advcl", "conj", "ccomp", "parataxis", "dep", "case", "acl")
_REFLEXIVE = ("se", "s'")
_REFLEXIVE_IDS = frozenset(string_id(w) for w in _REFLEXIVE)  # as LOWER ids
_SUBJECT_DEP_IDS = frozenset(string_id(d) for d in SUBJECT_DEPS)  # as DEP ids
_CASE = string_id("case")
# determiners that open an object and never a noun's complement right after a noun (toute tension, ce bilan)
_OBJECT_DETERMINERS = frozenset(("ce", "cet", "cette", "ces", "tout", "toute", "tous", "toutes"))
_CUE_POS = frozenset((VERB, AUX, NOUN, ADJ, ADV, X))  # X: « commente Nadia B. » left untagged
_UNSEEN = object()  # a word lexicon_lemma was not asked about yet (None is its answer for most words)


@dataclass
class Cue:
    verb: Verb
    first: Token  # the verb token
    last: Token  # the last token of a multi-word cue (pointé du doigt → doigt)
    subject: Span | None = None  # subject before the verb (None for inverted or missing)

    @property
    def clause_start(self) -> int:
        """Token index where the cue's own clause begins (its subject, else the cue)."""
        if self.subject is not None and self.subject.start < self.first.i:
            return self.subject.start
        return self.first.i


def _verb_entry(tok: Token, lemma: str, toks: list[Token], lex: Lexicon, reflexive: bool) \
        -> tuple[Verb | None, list[Token]]:
    """The reporting-verb entry for a word and the words after it that it spans: a multi-word cue past adverbs
    (il met toutefois en garde contre …) when the words right after it make none (met en avant: « avant »
    may be tagged an adverb)."""
    after = toks[tok.i + 1: tok.i + 4]
    verb = lex.verb(lemma, [t.lower_ for t in after], reflexive)
    if verb is None or not verb.words:
        past = [t for t in toks[tok.i + 1: tok.i + 6] if t.pos_ != "ADV"][:3]
        longer = lex.verb(lemma, [t.lower_ for t in past], reflexive)
        if longer is not None and longer.words:
            return longer, past
    return verb, after


def find_cues(sent: Span, lex: Lexicon, quotes: list[Quote]) -> list[Cue]:
    """Reporting verbs of a sentence that can introduce speech (not passive, not quoted)."""
    cues = []
    doc = sent.doc
    tags = pos_ids(doc)  # integer tags read once: no property call for the many words that cannot be cues
    lemmas, forms, toks = column(doc, LEMMA), column(doc, LOWER), tokens_of(doc)
    known = lex.cue_lemmas_met
    for i in range(sent.start, sent.end):
        if tags[i] not in _CUE_POS:
            continue
        # the lexicon first: most words are no reporting verb, and that costs one dict look-up by integer ids
        key = (tags[i], lemmas[i], forms[i])
        lemma = known.get(key, _UNSEEN)
        tok = toks[i]
        if lemma is _UNSEEN:
            lemma = known[key] = lexicon_lemma(tok, lex)
        if lemma is None or quote_at(quotes, tok.idx) or _nickname(tok):
            continue
        reflexive = _is_reflexive(tok)
        verb, after = _verb_entry(tok, lemma, toks, lex, reflexive)
        if verb is not None and (tok.pos_ in ("ADJ", "ADV", "X") or _noun_participle(tok)) and not _verb_slot(tok):
            verb = None  # "et dément fermement", "s'indigne X", "a-t-il martelé lundi": a verb the tagger missed
        if verb is None or tok.pos_ == "NOUN" and not (verb.words or _after_comma_or_quote(tok) or _has_subject(tok)
                                                       or _after_comme(tok) or _between_subject_and_object(tok)
                                                       or _noun_participle(tok)):  # (in a verb's slot, above)
            continue  # a "noun" is a mistagged verb only where a verb must be (Le site avance que …)
        if any(c.dep_ == "aux:pass" and c.pos_ == "AUX" for c in children(tok)):  # not « a-t-il lâché » misparsed
            continue  # "une phrase qui lui a été rappelée" is not speech
        if not reflexive and _impersonal_passive(tok):
            continue  # « il lui est reproché d'avoir … »: no one says it
        if _bare_participle(tok) or is_present_participle(tok) and tok.i > 0 and tok.doc[tok.i - 1].pos_ == "NOUN" \
                and tok.doc[tok.i - 1].dep_ in ("obj", "obl", "nmod"):
            continue  # "des responsables cités par le NYT", "l'information faisant état de": a noun's qualifier
        if reflexive != verb.reflexive:
            continue  # "une rencontre qui s'annonce électrique"
        if _not_said(tok, lex):
            continue  # "aimeraient croire que …", "refuse de confirmer …": wished or refused, not said
        last = after[len(verb.words) - 1] if verb.words else tok
        subject = subject_before(tok, quotes)
        # the phrase before the verb is its subject where the tagger took the verb for a noun (la Cour des comptes
        # juge « … »), where the parser made the verb a word of its subject (L'Élysée dément toute …), or where it
        # read it as an adjective or adverb and found no subject (Le gouvernement éthiopien dément toute …)
        noun_verb = tok.pos_ == "NOUN" and _between_subject_and_object(tok)
        inside_subject = subject is not None and subject.end > tok.i
        unattached = subject is None and tok.pos_ in ("ADJ", "ADV") and tok.i > sent.start
        if noun_verb or inside_subject or unattached:
            subject = _phrase_before(tok)
        if "y" in verb.frames and not _after_y(tok):
            continue  # « voir » reports only as « y voir » (X y voit « une provocation »)
        if "in" in verb.frames and not any(t.lower_ == "dans" for t in doc[tok.i + 1: min(tok.i + 4, sent.end)]):
            continue  # « lire » reports a document only with « dans »: peut-on lire dans le communiqué (not a banner)
        if "on" in verb.frames and not _impersonal_subject(tok, subject):
            continue  # "il a appris que …" is news to him, not a statement; "a-t-on appris" is
        cues.append(Cue(verb, tok, last, subject))
    return cues


def _nickname(tok: Token) -> bool:
    """« Wilfort Saintil, dit « Ti Lion », a revendiqué »: « dit » set off by commas between a name and a quoted or
    capitalised one is a nickname."""
    if tok.lower_ not in ("dit", "dite", "dits", "dites") or tok.i < 2:
        return False
    toks = tokens_of(tok.doc)
    end = sent_end(tok)
    if toks[tok.i - 1].text != "," or toks[tok.i - 2].pos_ != "PROPN" or tok.i + 1 >= end:
        return False
    k = tok.i + 1
    quoted = is_quote_mark(toks[k])
    if not quoted and not (toks[k].pos_ == "PROPN" and toks[k].text[:1].isupper()):
        return False  # (dit-elle, dit Kiev, : a reporting verb)
    k += 1
    while k < end and (quoted and not is_quote_mark(toks[k]) or not quoted and toks[k].pos_ == "PROPN"):
        k += 1
    k += quoted  # (past the closing mark)
    # set off by a comma after it (…, dit Kiev. reports); a quoted one may end the sentence
    return k - tok.i <= 6 and (k >= end and quoted or k < end and (toks[k].text in (",", ")")
                                                                   or quoted and toks[k].text == "."))


def _clause_root(tok: Token) -> Token:
    """The verb at the top of the token's sentence (heads followed up, a few steps at most)."""
    for _ in range(8):
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def _impersonal_subject(verb: Token, subject: Span | None) -> bool:
    if subject is not None:
        return subject.text.lower() in ("on", "-on", "nous", "l'on")
    nxt = verb.doc[verb.i - 1: verb.i + 4]
    return any(t.lower_ in ("-on", "on") for t in nxt)


def _bare_participle(tok: Token) -> bool:
    """A past participle with no auxiliary, even one the parser attached elsewhere (ont, dimanche, appelé)."""
    if not (is_past_participle(tok) and tok.dep_ in ("acl", "amod", "advcl")) \
            or any(c.dep_.startswith("aux") for c in children(tok)):
        return False
    if tok.lemma_.endswith("er") and not tok.lower_.endswith(("é", "ée", "és", "ées")):
        return False  # « Le journal rapporte que … » tagged as a participle: an -er verb's participle ends in -é
    if tok.lower_.endswith("it"):
        root = _clause_root(tok)
        if root.pos_ in ("NOUN", "PROPN") and root.i < tok.i:
            return False  # « Un salarié, qui a requis l'anonymat, décrit … »: the present tense, in a verbless parse
    for prev in reversed(tok.doc[max(sent_start(tok), tok.i - 7): tok.i]):  # (a, de son côté, jugé)
        if prev.pos_ == "AUX" or prev.lemma_ in ("avoir", "être"):
            return False
        if prev.text.startswith("-") and len(prev) > 1:
            continue  # a-t-elle confié: the inverted subject stands between the auxiliary and the participle
        if prev.text == "," and auxiliary_before_incise(prev):
            return False  # a, de son côté, appelé: the parser made the incise the root
        if not (prev.is_punct or prev.pos_ in ("ADV", "NOUN") and prev.dep_ in ("advmod", "obl:mod", "obl:arg")
                or prev.pos_ in ("DET", "ADP") and prev.head.dep_ in ("obl:mod", "obl:arg")
                or prev.lower_ in ("côté", "part") or prev.head.lower_ in ("côté", "part") and prev.head.i < tok.i):
            # a pour sa part appelé, a de son côté dénoncé (whatever the parser made of « côté »)
            break
    return True


def _not_said(tok: Token, lex: Lexicon) -> bool:
    """Wished, refused or left out: « aimeraient croire que … », « refuse de confirmer », « sans citer de noms »."""
    if "Inf" not in morph_get(tok, "VerbForm"):
        return False
    head = tok.head
    if head.i != tok.i and head.lemma_.lower() in NOT_SAYING:
        return True
    toks = tokens_of(tok.doc)
    i = tok.i - 1
    while i > 0 and toks[i].pos_ == "ADV" and toks[i].lower_ not in ("sans", "pour"):  # sans toutefois préciser
        i -= 1
    if i >= 0 and toks[i].lower_ == "pour":
        return _purpose_of_action(tok, lex)
    return i >= 0 and toks[i].lower_ == "sans"


def _purpose_of_action(tok: Token, lex: Lexicon) -> bool:
    """« en grève pour dénoncer le manque d'effectifs », « ont défilé pour exiger … »: the aim of what they
    did, not a statement; « a écrit au ministre pour réclamer des renforts » reports what the letter says."""
    head = tok.head
    if head.i == tok.i or head.i > tok.i or head.pos_ not in ("VERB", "AUX", "NOUN", "ADJ") \
            or lexicon_lemma(head, lex) is not None:
        return False
    # « a publié une lettre ouverte pour réclamer … »: what the document asks for is said
    return not any(c.dep_ == "obj" and lex.role_kind(c.lemma_, c.text) == "document" for c in children(head))


def lexicon_lemma(tok: Token, lex: Lexicon) -> str | None:
    """The lexicon's lemma for a word that may be a reporting verb, or None. The tagger reads some verbs as
    adjectives (dément → démentir, s'indigne → s'indigner) and the lemmatizer gives some -er verbs an è
    (répètent → répèter): both are mended here."""
    verbs = lex.verbs  # most words are no reporting verb: one look-up, and the mending only when it fails
    if tok.pos_ in ("ADJ", "ADV") or _noun_participle(tok):
        form = tok.lower_
        if form + "ir" in verbs:
            return form + "ir"
        # a participle read as an adjective: martelé, lâchée → marteler, lâcher
        participle = next((form[: -len(end)] for end in ("ées", "és", "ée", "é") if form.endswith(end)), "")
        stem = participle or (form[:-3] if form.endswith("ent") else form[:-1] if form.endswith("e") else "")
        return _in_lexicon(stem + "er", verbs) if stem else None
    lemma = verb_lemma(tok)
    found = _in_lexicon(lemma, verbs)
    if found is None and lemma.endswith("re") and tok.pos_ == "VERB" and tok.lemma_.lower() == tok.lower_ \
            and "Inf" not in morph_get(tok, "VerbForm"):
        found = _in_lexicon(lemma + "r", verbs)  # « qui chiffre le surcoût », left unlemmatised: chiffrer
    return found


def _noun_participle(tok: Token) -> bool:
    """A participle the tagger read as a noun and did not lemmatise (« a-t-il martelé lundi »)."""
    return tok.pos_ == "NOUN" and tok.lower_.endswith(("é", "ée", "és", "ées")) and tok.lemma_.lower() == tok.lower_


def _in_lexicon(lemma: str, verbs) -> str | None:
    """The lemma, or its mended form (tempèrer → tempérer: the last è of an -er stem), if a reporting verb."""
    if lemma in verbs:
        return lemma
    if "è" in lemma and lemma.endswith("er"):
        cut = lemma.rindex("è")
        mended = lemma[:cut] + "é" + lemma[cut + 1:]
        return mended if mended in verbs else None
    return None


def _verb_slot(tok: Token) -> bool:
    """Where only a verb can stand: after a subject pronoun or a reflexive clitic, a coordinated verb,
    or with a subject."""
    prev = tok.doc[tok.i - 1] if tok.i > sent_start(tok) else None
    before = tok.doc[tok.i - 2] if tok.i - 2 >= sent_start(tok) else None
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < sent_end(tok) else None
    if nxt is not None and (nxt.lower_ in ("-t", "-t-") or nxt.text.startswith("-") and nxt.lower_ in CLITIC_SUBJECTS):
        return True  # tempère-t-elle: only a verb takes an inverted subject
    if prev is not None and (prev.text.startswith("-") and prev.lower_ in CLITIC_SUBJECTS
                             or prev.pos_ == "AUX" and prev.lemma_ == "avoir"):
        return True  # a-t-il martelé, a martelé: a participle after « avoir » is the verb's
    if prev is not None and prev.text == "," and before is not None and before.text in _CLOSING_QUOTES:
        return True  # « … », raconte X: the incise after a quotation opens with its verb
    if prev is not None and prev.pos_ in ("NOUN", "PROPN", "ADJ") and _determined_object(tokens_of(tok.doc), tok.i + 1):
        return True  # L'Élysée dément toute tension: between a noun and its object
    if prev is not None and prev.pos_ in ("NOUN", "PROPN", "ADJ") and nxt is not None and is_infinitive(nxt):
        return True  # La coalition rebelle dément avoir perdu la ville: between a noun and an infinitive
    return _has_subject(tok) or prev is not None and (
        prev.lower_ == "et" and any(t.pos_ == "VERB" for t in tok.doc[sent_start(tok): prev.i])
        or prev.dep_.startswith("nsubj") or prev.lower_ in _REFLEXIVE and prev.pos_ == "PRON"
        or prev.text == "," and before is not None and before.ent_type_ == "PER"  # X, porte-parole, Y, dément
        or prev.text == "," and before is not None and before.lower_ in STRESSED)  # La coalition, elle, dément


def _after_comme(tok: Token) -> bool:
    """« Comme le rapporte X »: the tagger reads « le rapporte » as a noun phrase."""
    doc = tok.doc
    toks = tokens_of(doc)
    return tok.i >= 2 and toks[tok.i - 1].lower_ in ("le", "l'") and toks[tok.i - 2].lower_ == "comme"


def _after_y(tok: Token) -> bool:
    """The clitic « y » right before the verb, or before its auxiliary (y voit, y a vu, n'y voit), someone seeing
    it so (« On y voit un homme menotté » describes a picture), and a judgement seen."""
    toks = tokens_of(tok.doc)
    k = tok.i - 1
    if k > 0 and toks[k].pos_ == "AUX":
        k -= 1
    if k < 0 or toks[k].lower_ != "y" or k > 0 and toks[k - 1].lower_ in ("on", "l'on"):
        return False
    # what is seen in it is a judgement, quoted or a clause (y voit « une provocation »), not a thing seen there
    # (les gendarmes y ont vu un homme blessé)
    return any(is_quote_mark(t) or t.lower_ in QUE for t in toks[tok.i + 1: min(len(toks), tok.i + 5)])


def _impersonal_passive(tok: Token) -> bool:
    """« Il lui serait reproché de … »: a participle with « être » and the impersonal « il » as its subject."""
    kids = children(tok)
    return is_past_participle(tok) and any(c.dep_ == "expl:subj" for c in kids) \
        and any(c.pos_ == "AUX" and c.lemma_ == "être" for c in kids)


def _between_subject_and_object(tok: Token) -> bool:
    """« La Cour des comptes juge que … / juge « insuffisant » … »: a verb form tagged as a noun, with no article,
    right after a noun phrase and right before « que » or a quotation, is the verb."""
    toks = tokens_of(tok.doc)
    end = sent_end(tok)
    if tok.i <= sent_start(tok) or tok.i + 1 >= end:
        return False
    # past adverbs and incidental phrases (juge au contraire que …, juge pour sa part cette revendication « … »)
    k = tok.i + 1
    while k < end:
        after = phrase_end(toks, k, end, INCIDENTALS)
        if after is None and toks[k].pos_ != "ADV":
            break
        k = after or k + 1
    if k >= end:
        return False
    prev, nxt = toks[tok.i - 1], toks[k]
    # (not « La seule annonce que … »: a noun with its article, or the adjective of this noun)
    # (a number glued to a name, Utopia 56, may be hung on the word as its count)
    return (prev.pos_ in ("NOUN", "PROPN", "ADJ") and prev.head.i != tok.i or prev.pos_ == "NUM" and tok.i >= 2
            and toks[tok.i - 2].pos_ == "PROPN") \
        and not any(c.dep_ == "det" for c in children(tok)) and (nxt.lower_ in QUE or nxt.text in ("«", "“")
                                                                 or _object_then_attribute(toks, k)
                                                                 or _determined_object(toks, k))


def _determined_object(toks: list[Token], i: int) -> bool:
    """« L'association Utopia 56 conteste ce bilan »: a demonstrative or « tout » and a noun right after."""
    return i + 1 < len(toks) and toks[i].lower_ in _OBJECT_DETERMINERS and toks[i + 1].pos_ in ("NOUN", "ADJ")


def _object_then_attribute(toks: list[Token], i: int) -> bool:
    """« juge ce chiffre « très exagéré » »: a determiner, its noun phrase, then a quoted attribute."""
    if toks[i].pos_ != "DET":
        return False
    end = sent_end(toks[i])
    for k in range(i + 1, min(end, i + 6)):
        if is_quote_mark(toks[k]):
            return k > i + 1
        if toks[k].is_punct or toks[k].pos_ in ("VERB", "AUX"):
            return False
    return False


def _phrase_before(tok: Token) -> Span | None:
    """The noun phrase that ends right before a token (up to it, not past it)."""
    node = tokens_of(tok.doc)[tok.i - 1]
    if node.pos_ == "NUM" and node.i > 0 and tok.doc[node.i - 1].pos_ == "PROPN":
        node = tok.doc[node.i - 1]  # Utopia 56: the number is the name's
    for _ in range(4):
        if node.head.i >= tok.i or node.head.i == node.i or node.head.pos_ not in ("NOUN", "PROPN", "ADJ"):
            break
        node = node.head
    start = noun_phrase(node).start
    return tok.doc[start: tok.i] if start < tok.i else None


def _has_subject(tok: Token) -> bool:
    return any(c.dep_.startswith("nsubj") for c in children(tok))


def _after_comma_or_quote(tok: Token) -> bool:
    prev = tok.doc[tok.i - 1] if tok.i > sent_start(tok) else None
    return prev is not None and (prev.text == "," or is_quote_mark(prev))


def _is_reflexive(tok: Token) -> bool:
    # the forms and tags as the doc's integer columns: this is asked of every reporting verb, and `lower_` or
    # `pos_` made a str for each word looked at
    doc, i = tok.doc, tok.i
    forms, tags = column(doc, LOWER), pos_ids(doc)

    def reflexive_pronoun(k: int) -> bool:
        return k >= 0 and forms[k] in _REFLEXIVE_IDS and tags[k] == PRON

    kids = children(tok)
    if reflexive_pronoun(i - 1) or reflexive_pronoun(i - 2) or any(
            forms[c.i] in _REFLEXIVE_IDS and c.dep_.startswith("expl") for c in kids):
        return True
    # s'est quant à lui félicité: the pronoun stands before the auxiliary, further off
    return any(0 < c.i < i and reflexive_pronoun(c.i - 1) and c.dep_.startswith("aux") for c in kids)


def _name_before_age(subj: Token) -> Token:
    """« Yannick Morel, 45 ans, ancien trésorier …, a reconnu »: the parser made the age the subject; the name set
    off before it is (words.tsv class age)."""
    doc = subj.doc
    if subj.lemma_.lower() not in AGES or not any(c.like_num for c in children(subj)):
        return subj
    first = min([subj.i] + [c.i for c in children(subj) if c.like_num])
    if first >= 2 and doc[first - 1].text == "," and doc[first - 2].ent_type_ == "PER":
        name = doc[first - 2]
        while name.ent_iob_ == "I" and name.i > 0:  # to the name's first word
            name = doc[name.i - 1]
        return name
    return subj


def subject_before(verb: Token, quotes: list[Quote]) -> Span | None:
    """The subject of a reporting verb, found before it, trying in turn: its own subject (the
    closest), the noun an absolute participle follows (Guaido promettant …), the subject of the
    verb it depends on (X a tenu à mettre en garde; X a assuré …, ajoutant), the name just
    before it (…, Juan Guaido, a appelé), and the nearest subject to its left."""
    doc = verb.doc

    def usable(t: Token) -> bool:
        return t.i < verb.i and quote_at(quotes, t.idx) is None and t.lower_ not in ("que", "qu'") \
            and not dative_clitic(t)

    def as_span(t: Token) -> Span:
        # a pronoun is itself, except « l'un des fabricants, Ferrandis »: one of a group, with its name
        return noun_phrase(t) if t.pos_ != "PRON" or t.lower_ in INDEFINITE_ONE else doc[t.i: t.i + 1]

    if is_present_participle(verb):
        prev = _left_skipping(verb, lambda t: t.pos_ == "PRON" and t.dep_ != "nsubj")
        if prev is not None and prev.pos_ in ("PROPN", "NOUN") and usable(prev):
            return noun_phrase(prev)
    node = verb
    if verb.dep_ == "acl" and verb.head.dep_ == "obl:mod" and verb.head.i < verb.i \
            and any(c.dep_ == "case" for c in children(verb.head)):
        node = verb.head.head  # a pour sa part appelé: the parser hangs the participle on « part »
    deps = column(doc, DEP)  # the relations as ids: no `dep_` str for every child of each verb climbed
    for _ in range(4):
        subjects = [c for c in children(node) if deps[c.i] in _SUBJECT_DEP_IDS and usable(c) and not _has_case(c)]
        if subjects:
            subj = subjects[-1]
            if len(subjects) > 1 and subj.pos_ == "PRON" and subjects[-2].pos_ in ("NOUN", "PROPN") \
                    and 0 < subj.i < len(doc) - 1 and doc[subj.i - 1].text == doc[subj.i + 1].text == ",":
                subj = subjects[-2]  # L'association a, elle, annoncé …: the pronoun between commas takes up the subject
            if len(subjects) > 1 and subj.like_num and subjects[-2].i == subj.i - 1:
                named = as_span(subjects[-2])  # La FDSEA 66 a déploré: the parser made the number a second subject
                return doc[named.start: max(named.end, subj.i + 1)]
            if subj.lower_ == "qui" and node.dep_ != "acl:relcl":
                # plusieurs ONG, qui estiment …: the noun before the relative, whatever the parser made of it
                before = _left_skipping(subj, lambda t: t.text == ",")
                named = entity_at(before) if before is not None and before.pos_ not in ("NOUN", "PROPN") else None
                if named is not None:  # a réagi Notre Affaire à Tous, qui …: a name ending on another word
                    before = named.root
                if before is not None and before.pos_ in ("NOUN", "PROPN"):
                    return noun_phrase(_apposed_to(_complement_head(before)))
            if subj.lower_ == "qui" and node.dep_ == "acl:relcl":
                # the noun the relative clause hangs on: the one just before « qui » (le mécontentement
                # des riverains, qui déplorent …: the residents; le Syndicat national des journalistes (SNJ),
                # qui …: past the acronym), else the parser's head
                before = _before_acronym(_left_skipping(subj, lambda t: t.text == ","))
                comma = subj.i > 0 and doc[subj.i - 1].text == ","  # restrictive: c'est la compagne de X qui …
                if comma and before is not None and before.pos_ in ("NOUN", "PROPN") and before.i > node.head.i:
                    return noun_phrase(_apposed_to(_complement_head(before)))
                return noun_phrase(_apposed_to(node.head) if comma else node.head)
            if subj.lower_ in TOPICS:  # Côté russe, la commissaire …, a affirmé: the noun phrase after the topic
                subj = next((c for c in children(subj) if c.dep_ in ("conj", "appos") and c.pos_ in ("NOUN", "PROPN")
                             and usable(c)), subj)
            subj = _outside_relative(_complement_head(subj), verb)
            subj = _name_before_age(subj)
            return _dislocated(subj, usable) or _name_after_opening_phrase(verb, subj, usable) or as_span(subj)
        if node.dep_ not in _CLIMB_DEPS or node.head is node:
            break
        node = node.head
    prev = _left_skipping(verb, lambda t: t.pos_ in ("AUX", "ADV") or t.text == ",")
    if prev is not None and prev.pos_ == "PROPN" and usable(prev) and is_present_participle(verb) \
            and (prev.head if prev.dep_.startswith("flat") else prev).dep_.startswith(("obl", "nmod", "obj")):
        # X a défendu l'accord conclu avec le Mercosur, assurant …: the name closes a complement; the one
        # assuring is the subject of the clause the participle hangs on (a name of two words too: Le parquet
        # a requis … contre Bernard Vasseur, estimant …)
        root = _clause_root(verb)
        subjects = [c for c in children(root) if c.dep_ in SUBJECT_DEPS and usable(c)]
        if subjects:
            return as_span(subjects[-1])
    demonstrative = _demonstrative_before(verb, usable)
    if demonstrative is not None:
        return demonstrative
    if prev is not None and prev.text == ")" and is_finite(verb):
        prev = _before_acronym(prev)  # la Fédération hospitalière de France (FHF) estime, no subject parsed
    if prev is not None and prev.pos_ == "PROPN" and usable(prev):
        # (le député des Alpes-Maritimes a répondu, with no subject parsed: the noun the name complements)
        name = entity_at(prev)
        owner = _complement_head(name[0] if name is not None else prev)
        owner = owner if owner.i < prev.i and usable(owner) else prev
        # (Catherine Vallet, préfète de l'Hérault, a condamné …, no subject parsed: the name the role is apposed to)
        apposed = _apposed_to(owner)
        owner = apposed if usable(apposed) else owner
        before = _before_relative(owner, verb)  # (Le groupe Cannasud, qui exploite l'usine du Gol, juge …)
        return noun_phrase(before if before is not None and usable(before) else owner)
    if prev is not None and prev.pos_ == "NOUN" and usable(prev):
        before = _before_relative(prev, verb)  # Un salarié, qui a requis l'anonymat, décrit …, no subject parsed
        if before is not None and usable(before):
            return noun_phrase(before)
    incidental = _subject_before_incidental(verb, usable) or _phrase_after_opening(verb, usable)
    if incidental is not None:
        return incidental
    latter = latter_span(prev) if prev is not None else None
    if latter is not None:
        return latter  # « Ce dernier dit … »
    for tok in reversed(doc[sent_start(verb): verb.i]):
        if tok.dep_ in SUBJECT_DEPS and usable(tok) and tok.pos_ != "PRON" and not _has_case(tok) \
                or tok.lower_ in ("il", "elle"):
            # (X, dont la permanence avait été visée, s'est félicité: not the relative's subject)
            return as_span(_outside_relative(tok, verb)) if usable(tok) else None
    return None


def _demonstrative_before(verb: Token, usable) -> Span | None:
    """« Dans une story publiée sur Instagram, celui qui était visé par une pétition … affirme »: a demonstrative
    pronoun opening its clause with a relative is the subject the parser hung elsewhere."""
    doc = verb.doc
    toks = tokens_of(doc)
    start = sent_start(verb)
    for k in range(start, verb.i - 1):
        if toks[k].lower_ in DEMONSTRATIVE_PRONOUNS and toks[k + 1].lower_ in RELATIVES and usable(toks[k]) \
                and (k == start or toks[k - 1].text == ","):
            return doc[k: k + 1]
    return None


def _has_case(tok: Token) -> bool:
    """A preposition of its own: no subject, a topic the parser misread (a de son côté déploré)."""
    deps = column(tok.doc, DEP)
    return any(deps[k.i] == _CASE for k in children(tok))


def _complement_head(subj: Token) -> Token:
    """« Plusieurs agents du service des achats » taken by the parser for its last noun: the subject is the
    noun the « de » complements hang on."""
    toks = tokens_of(subj.doc)
    start = sent_start(subj)
    node = subj
    for _ in range(4):
        i = node.i - 1
        while i > start and toks[i].pos_ == "DET" and toks[i].lower_ not in ("du", "des"):
            i -= 1
        if i <= start or toks[i].lower_ not in OF:
            break
        j = i - 1
        while j > start and toks[j].pos_ in ("DET", "ADJ"):
            j -= 1
        if toks[j].pos_ not in ("NOUN", "PROPN") or not toks[j].text[:1].islower():
            break
        node = toks[j]
    return node


def _outside_relative(subj: Token, verb: Token) -> Token:
    """« Le groupe, dont le chiffre d'affaires a reculé de 7 %, invoque … »: a subject inside a relative clause
    between commas belongs to the relative's verb; the reporting verb's subject is the noun before it."""
    toks = tokens_of(subj.doc)
    start = sent_start(subj)
    k = subj.i
    while k > start and toks[k].text != ",":
        k -= 1
    closing = next((t.i for t in reversed(toks[subj.i + 1: verb.i]) if t.text == ","), None)
    if k <= start or toks[k].text != "," or toks[k + 1].lower_ not in ("dont", "qui", "où") or closing is None \
            or not any(t.pos_ in ("VERB", "AUX") for t in toks[subj.i + 1: closing]):
        return subj  # (New York, dont le maire, Eric Adams, a prévenu …: the relative's verb is the one that reports)
    before = toks[k - 1]
    return _apposed_to(before) if before.pos_ in ("NOUN", "PROPN") else subj


def _before_relative(tok: Token, verb: Token) -> Token | None:
    """« Le groupe Cannasud, qui exploite l'usine du Gol, juge … »: a noun that ends a relative clause set off by
    commas right before the reporting verb is the relative's (its object here); the verb's subject is the noun before
    « qui ». None when the noun is in no such clause."""
    toks = tokens_of(tok.doc)
    start = sent_start(tok)
    k = tok.i
    while k > start and toks[k].text != ",":
        k -= 1
    if k <= start or toks[k + 1].lower_ not in ("qui", "dont") or toks[verb.i - 1].text != "," \
            or any(t.text == "," for t in toks[tok.i: verb.i - 1]) \
            or not any(t.pos_ in ("VERB", "AUX") for t in toks[k + 2: tok.i]):
        return None
    before = toks[k - 1]
    if before.pos_ not in ("NOUN", "PROPN") and (before.ent_type_ or before.pos_ == "ADJ" and before.dep_ == "amod") \
            and before.head.i < before.i:
        # Le fonds Arvalis, qui …: a name the tagger made the noun's adjective; la cuisine centrale, qui …: the noun
        before = before.head
    return _complement_head(before) if before.pos_ in ("NOUN", "PROPN") else None


def _apposed_to(tok: Token) -> Token:
    """« Michael Trenton, membre du conseil des gouverneurs, qui a estimé »: the noun before « qui » ends a role
    apposed to a name; the name is who speaks."""
    node = tok
    toks = tokens_of(tok.doc)
    for _ in range(6):
        head = node.head
        if node.dep_ == "appos" and head.i < node.i and head.ent_type_ == "PER":
            return head
        if node.dep_ not in ("nmod", "appos", "amod", "obl:mod") or head.i >= node.i:
            break
        # (not from a name itself: « …, Michel Aubertin, l'ancienne championne Nathalie Girardot reproche »)
        if node.dep_ in ("nmod", "appos") and tok.ent_type_ != "PER" \
                and any(t.text == "," for t in toks[head.i + 1: node.i]):
            if head.ent_type_ == "PER":  # Marie Dupont, directrice de l'hôpital de Lens, qui …
                return head
            # le docteur Karim Haddad, urgentiste au CHU de Rouen, qui …: the name apposed to the title
            name = next((c for c in children(head) if c.dep_ == "appos" and c.ent_type_ == "PER" and c.i < node.i),
                        None)
            if name is not None:
                return name
        node = head
    return _name_before_apposition(tok)


def _name_before_apposition(tok: Token) -> Token:
    """The parser hung the apposition elsewhere (la mesure est saluée par le professeur Alain Berthier, chirurgien au
    CHU de Brest, qui …): a person's name right before the comma that opens the verbless phrase `tok` ends."""
    toks = tokens_of(tok.doc)
    start = sent_start(tok)
    k = tok.i - 1
    while k > start and toks[k].text != ",":
        if toks[k].pos_ in ("VERB", "AUX") or is_quote_mark(toks[k]):
            return tok
        k -= 1
    name = entity_at(toks[k - 1]) if k > start and toks[k - 1].ent_type_ == "PER" else None
    if name is None or toks[k + 1].pos_ not in ("NOUN", "DET", "ADJ") \
            or any(t.ent_type_ == "PER" for t in noun_phrase(tok)):
        return tok  # (…, Michel Aubertin, l'ancienne championne Nathalie Girardot reproche …: a name of its own)
    return name[0]


def _dislocated(subj: Token, usable) -> Span | None:
    """« L'opposition, elle, dénonce … »: a stressed pronoun between commas repeats the noun phrase before it."""
    toks = tokens_of(subj.doc)
    i = subj.i
    if subj.lower_ not in STRESSED or i < 2 or i + 1 >= len(toks) or toks[i - 1].text != "," \
            or toks[i + 1].text != ",":
        return None
    j = i - 2
    if toks[j].pos_ == "AUX" and j >= 2 and toks[j - 1].text == ",":
        j -= 2  # La députée, Sandrine Moreau, a, elle, dénoncé …: the auxiliary between commas too
    before = toks[j]
    while before.pos_ not in ("NOUN", "PROPN") and sent_start(subj) <= before.head.i < before.i:
        before = before.head  # l'opposition ivoirienne, elle: up to the noun
    if before.pos_ not in ("NOUN", "PROPN") or not usable(before):
        return None
    phrase = noun_phrase(before)
    return phrase if phrase.end <= i - 1 else None


def _name_after_opening_phrase(verb: Token, subj: Token, usable) -> Span | None:
    """« Arrivée en tête du second tour, la libérale-radicale Nathalie Rochat-Berset a salué … »: the parser
    took the opening phrase for the subject; a person's name between its comma and the verb is the speaker."""
    toks = tokens_of(verb.doc)
    i = verb.i - 1
    while i > subj.i and toks[i].pos_ in ("AUX", "ADV"):
        i -= 1
    if i <= subj.i or toks[i].ent_type_ != "PER":
        return None
    end = i + 1
    while i > subj.i and toks[i - 1].ent_type_ == "PER" and toks[i].ent_iob_ != "B":
        i -= 1
    start = i
    while start > subj.i and end - start < 8 and (toks[start - 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN")
                                                   or toks[start - 1].text == "-"):
        start -= 1  # the role before the name: la libérale-radicale
    if toks[start - 1].text != "," or not usable(toks[start]):
        return None
    return verb.doc[start:end]


_CLOSING_QUOTES = frozenset(("»", "”", '"'))
_NOMINAL_POS = frozenset(("DET", "ADJ", "NOUN", "PROPN", "ADP", "NUM"))


def _subject_before_incidental(verb: Token, usable) -> Span | None:
    """« Matignon, de son côté, évoque … », « Un conseiller, lui, résume … »: a subject set off by a short
    incidental phrase between commas, which the parser often loses; the phrase before the first comma
    must open the sentence and be a noun phrase."""
    toks = tokens_of(verb.doc)
    start = sent_start(verb)
    i = verb.i - 1
    while i > start and toks[i].pos_ in ("AUX", "ADV") and toks[i].text != ",":
        i -= 1
    if i <= start or toks[i].text != ",":
        return None
    j = i - 1
    # (or a participle's aside: « un diplomate, s'exprimant sous couvert d'anonymat, a jugé … »)
    while j > start and toks[j].text != "," and i - j <= 8:
        participle = is_present_participle(toks[j]) or is_past_participle(toks[j])
        if toks[j].pos_ in ("VERB", "AUX") and not participle or is_quote_mark(toks[j]):
            return None
        j -= 1
    if j <= start or toks[j].text != ",":
        return None
    # after an opening phrase of its own (À Bruxelles, un diplomate européen, …)
    opening = max((k for k in range(start, j) if toks[k].text == ","), default=None)
    first = opening + 1 if opening is not None else start + 1 if toks[start].pos_ == "CCONJ" else start
    heads = [t for t in toks[first:j] if not first <= t.head.i < j or t.head is t]
    if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN") or not usable(heads[0]):
        return None
    phrase = noun_phrase(heads[0])
    return phrase if phrase.start >= first and phrase.end <= j else None


def _phrase_after_opening(verb: Token, usable) -> Span | None:
    """« Interrogé par Jeune Afrique, un membre de la CEI assure … »: a noun phrase between an opening phrase's
    comma and the verb, which the parser hung on the opening phrase instead of the verb."""
    toks = tokens_of(verb.doc)
    start = sent_start(verb)
    end = verb.i
    while end - 1 > start and (toks[end - 1].pos_ == "ADV" or toks[end - 1].dep_.startswith("aux")):
        end -= 1  # Thomas R. a reconnu
    if end - 4 > start and toks[end - 1].text == "," and toks[end - 2].lower_ in ("ans", "an") \
            and toks[end - 3].pos_ == "NUM" and toks[end - 4].text == ",":
        end -= 4  # Thomas R., 24 ans, a reconnu: the age apposed to the name
    i = end - 1
    while i > start and toks[i].pos_ in _NOMINAL_POS and end - i <= 8:
        i -= 1
    if i <= start or i == end - 1 or toks[i].text != "," or toks[i + 1].pos_ not in ("DET", "PROPN") \
            or not usable(toks[i + 1]):
        return None
    head = next((t for t in toks[i + 1: end] if t.pos_ in ("NOUN", "PROPN")), None)
    return verb.doc[i + 1: end] if head is not None and toks[end - 1].pos_ in ("NOUN", "PROPN") else None


def _before_acronym(tok: Token | None) -> Token | None:
    """The word before a parenthesis that closes at `tok` (… des journalistes (SNJ)), else `tok`."""
    if tok is None or tok.text != ")":
        return tok
    toks = tokens_of(tok.doc)
    i = tok.i - 1
    while i > sent_start(tok) and i > tok.i - 6 and toks[i].text != "(":
        i -= 1
    return toks[i - 1] if toks[i].text == "(" and i > sent_start(tok) else tok


def _left_skipping(tok: Token, skip) -> Token | None:
    i = tok.i - 1
    start = sent_start(tok)
    toks = tokens_of(tok.doc)
    while i >= start and skip(toks[i]):
        i -= 1
    return toks[i] if i >= start else None
