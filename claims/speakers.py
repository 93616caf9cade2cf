"""Who is speaking: every actor mention of an article resolved to a canonical actor.

Mentions are read in text order. A name is its own actor (a short name, Lavrov or FF, the full
name seen before; a capital, Moscou, its government through the alias file). A description
(la ministre, le parquet, le quotidien, cet ancien militaire) points to the actor the article
introduced with that role (« La ministre des Transports, Claire Vautrin »), else to an earlier
mention with the same noun, else to the latest compatible actor. A pronoun (il, celle-ci,
a-t-il ajouté, selon lui) points to the most salient compatible actor: subjects and speakers
first. Anonymous sources stay anonymous down their chain (une source … elle … la même source).
Each actor says how it was found (`resolution`, see claims/data/resolutions.tsv).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from spacy.attrs import DEP, ENT_TYPE, LEMMA, LOWER
from spacy.symbols import ADJ, ADP, AUX, CCONJ, DET, NOUN, NUM, PROPN, PUNCT, SCONJ, SPACE, SYM, VERB
from spacy.tokens import Doc, Span, Token

from claims.lexicon import Lexicon, fold, strip_accents
from claims.quotes import Quote, quote_at
from claims.schema import ANONYMOUS
from claims.tokens import (
    char_span,
    children,
    column,
    entities,
    entity_end,
    is_past_participle,
    morph_get,
    noun_phrase,
    pos_ids,
    sent_end,
    sent_start,
    span_text,
    string_id,
    text_of,
    tokens_in,
    tokens_of,
)
from claims.words import (
    AGAIN,
    AGES,
    ANOTHER,
    ANY_DOCUMENT,
    APPROXIMATE,
    BODY_OPENINGS,
    CLUB_PREFIXES,
    COMPANY_AT,
    COMPANY_NOUNS,
    COMPANY_PARTS,
    DE,
    DEPARTMENT_BODIES,
    DESCRIPTION_DETS,
    EPICENE_ENDINGS,
    FIRST_OF_TWO,
    GOING_ON,
    IMPERSONAL,
    INDEFINITE_ONE,
    INTERVIEWING,
    ISSUED,
    LATTER,
    OF,
    OFFICES,
    PLAIN,
    PROSECUTION,
    ROLE_PREFIXES,
    SECOND_OF_TWO,
    SPEAKS_FOR,
    STAFF,
    TOWN_BODIES,
    TOWN_OF,
    UNION_NOUNS,
    UNION_OR_OTHER,
    UNIONS,
    drop_article,
)

_NAME_ENTS = ("PER", "ORG", "LOC", "MISC")
_PREPOSITIONS = {"de", "d'", "du", "des", "à", "au", "aux", "en", "par", "pour", "sur", "avec"}
_LOOKBACK_SENTENCES = 5
_OF_END = re.compile(r"\s*\b(?:de la|de l'|des|du|de|d')\s*$", re.IGNORECASE)  # « direction du » → « direction »
_ANIMATE = ("person", "anonymous")
# « l'Agence régionale de santé (ARS) »: an acronym in parentheses right after a name (or closing the mention)
_NAME_RUN = ("NOUN", "PROPN", "ADJ", "DET", "ADP")
_ACRONYM = re.compile(r"\s*\(([^\W\d_][^\W_]{1,11})\)")
# lower-case words after a name, then its acronym: « de recherche pour l'agriculture, l'alimentation (INRAE) »; or
# a capitalised word among them that the acronym spells (Vigilance Droits | et Libertés (VDL), … | au Liban (FINUL))
_CONTINUED = re.compile(
    r"((?:,?\s+(?:[a-zàâäçéèêëîïôöûùüÿœ'’-]+|[A-ZÀ-Ý][a-zàâäçéèêëîïôöûùüÿœ'’-]+)){1,10}?)\s*\(([^\W\d_][^\W_]{1,11})\)")


@dataclass(frozen=True)
class Actor:
    name: str
    type: str  # person | organization | government | anonymous | article | unknown
    resolution: str = "named"  # one of claims/data/resolutions.tsv
    via: str = ""  # the mention it was resolved through, for the reviewer


@dataclass
class Mention:
    """An actor mention. What its words say (gender, number, nouns, addressee) is read on first use: most mentions
    are never compared on it, and working it out for each cost more than a tenth of the rules."""
    start: int  # offsets in the article
    end: int
    actor: Actor
    subject: bool
    quoted: bool
    sentence: int
    # the words the fields below are read from: the mention itself, or the issuer of a document resolved to it
    # (« selon les estimations de l'Ifremer » is the institute for « l'institut » later, singular)
    span: Span
    lex: Lexicon = field(repr=False)
    text: str = ""
    speaker: bool = False  # the speaker of a statement (most salient)
    nsubj: bool = False  # the grammatical subject of its clause (subject above also counts speakers)
    according: bool = False  # the source of a « selon X » (for « toujours selon la même source »)

    @cached_property
    def agreement(self) -> tuple[str, str]:
        gender, number = _agreement(self.span, self.lex)
        if gender == "any" and self.actor.type == "government" and self.actor.resolution == "alias" \
                and self.span[0].pos_ == "PROPN":
            gender = "m"  # a capital with no article for its government is masculine (Washington, Moscou)
        return gender, number

    @property
    def gender(self) -> str:  # m | f | any
        return self.agreement[0]

    @property
    def number(self) -> str:  # s | p
        return self.agreement[1]

    @cached_property
    def words(self) -> frozenset[str]:
        """Its nouns' lemmas: "le policier" finds "un responsable policier"."""
        return _noun_words(self.span)

    @cached_property
    def head(self) -> str:
        """Lemma of its head noun."""
        return _lemma(self.span.root)

    @cached_property
    def complements(self) -> frozenset[str]:
        """Nouns only in its de-complements (l'avocate de l'accusé)."""
        return _complement_nouns(self.span)

    @cached_property
    def addressee(self) -> bool:
        """Told something (à l'AFP): not who « le club » or « cette dernière » is."""
        return _addressee(self.span, self.lex)

    def complement_only(self, noun: str) -> bool:
        """Whether the noun is in the mention only as a complement (« l'accusé » in « l'avocate de l'accusé »)."""
        return noun in self.complements and noun != self.head


@dataclass(frozen=True)
class Role:
    """A role the article gave a named actor: head noun, the other words of the role, the actor."""
    head: str
    words: frozenset[str]
    actor: Actor
    sentence: int
    form: str = ""  # the role noun as written (avocate): « l'avocat » later is someone else
    gender: str = "any"  # for a broader noun (l'attaquante X → la joueuse), the gender of the mention that gave it
    broader: bool = False  # a broader noun than the one written (la joueuse for la milieu)
    titled: bool = False  # given by a title (Me Julien Roussel → l'avocat): says nothing of other words


@dataclass
class Resolver:
    """Resolves mentions of one article, in order. Feed it each sentence with `read_sentence`."""
    lex: Lexicon = field(repr=False)
    mentions: list[Mention] = field(default_factory=list)
    full_names: dict[str, str] = field(default_factory=dict)  # a word or the initials of a name → full name
    roles: list[Role] = field(default_factory=list)
    _by_offsets: dict[tuple[int, int], int] = field(default_factory=dict)  # (start, end) → index in mentions
    # an organisation the article named with its acronym: the acronym and the bare name → "Name (ACR)"
    acronyms: dict[str, Actor] = field(default_factory=dict)
    # institutions written in full where they are no mention (relaxé par le tribunal correctionnel de Toulouse):
    # (sentence, head lemma, words, name) for « le tribunal » later
    institutions: list[tuple[int, str, frozenset[str], str]] = field(default_factory=list)
    # _name_in by (id of the doc, start, end) → (the doc, the name)
    _names: dict[tuple[int, int, int], tuple[Doc, Span | None]] = field(default_factory=dict)

    def actor_at(self, start: int, end: int) -> Actor | None:
        n = self._by_offsets.get((start, end))
        return self.mentions[n].actor if n is not None else None

    def actors_within(self, start: int, end: int) -> list[Actor]:
        """Actors named in a span (names and demonstratives; not il/elle, often impersonal there)."""
        found = []
        for m in self.mentions:
            if m.end <= start or m.start >= end:
                continue
            rule = self.lex.pronouns.get(fold(m.text))
            if start <= m.start and m.end <= end and (rule is None or rule.rule == "latest") \
                    and m.actor.resolution not in ("unresolved", "anonymous") \
                    and m.actor.name not in {a.name for a in found}:
                found.append(m.actor)
        return found

    def fuller_names(self) -> dict[str, str]:
        """Descriptions the article names in full later (« la préfecture » … « La préfecture de police de
        Casablanca »): the description's actor name → the fuller one, when only one fuller form exists."""
        renames: dict[str, str] = {}
        for m in self.mentions:
            if m.actor.resolution != "as written" or m.actor.name in renames:
                continue
            fuller = {o.actor.name for o in self.mentions if o.start > m.start and o.actor.resolution == "as written"
                      and o.head == m.head and m.words < o.words}
            # or an institution written in full where it is no mention, or by its head's role (le procureur de la
            # République de Rennes), after it
            fuller |= {name for sentence, noun, words, name in self.institutions
                       if sentence >= m.sentence and noun == m.head and m.words < words}
            if len(fuller) == 1:
                renames[m.actor.name] = fuller.pop()
        for name, actor in self.acronyms.items():  # named, or by its acronym, before the definition
            renames.setdefault(name, actor.name)
        for m in self.mentions:
            # « L'avocat de l'aide-soignante dénonce … Pour Me Julien Roussel, … »: a person's role, unnamed, then the
            # one person given that role in the same or the next sentence
            if m.actor.type == "person" and m.actor.resolution == "as written" and m.actor.name not in renames \
                    and m.span[0].lower_ in _DEFINITE:
                roles = [r for r in self.roles if r.head == m.head and r.actor.type == "person"
                         and m.sentence <= r.sentence <= m.sentence + 1 and r.gender in ("any", m.gender)]
                holders = {r.actor.name for r in roles}
                if len(holders) != 1:
                    continue
                holder = holders.pop()
                # the holder as the source of a « pour / selon X » (the desk's second voice is « X, lui aussi, … »),
                # given no other words with the role (« Me Roussel, avocat du prévenu » is not l'avocat de la victime)
                if any(o.according and o.actor.name == holder and o.sentence in (m.sentence, m.sentence + 1)
                       for o in self.mentions) and not any(r.words for r in roles):
                    renames[m.actor.name] = holder
        # each sentence's first named person, and where each actor is first mentioned: read once for the article
        first_named: dict[int, Mention] = {}
        first_at: dict[str, int] = {}
        for o in self.mentions:
            first_at.setdefault(o.actor.name, o.start)
            if o.actor.type == "person" and o.actor.resolution == "named" and not o.quoted:
                first_named.setdefault(o.sentence, o)
        for m in self.mentions:
            # « …, a indiqué la procureure de Nantes. Hélène Marchetti a toutefois souligné … »: a role unnamed, then
            # a person named for the first time as the next sentence's subject or speaker, given no other role
            if m.actor.type != "person" or m.actor.resolution != "as written" or m.actor.name in renames \
                    or m.span[0].lower_ not in _DEFINITE or self.lex.roles.get(m.head) != "person":
                continue
            named = first_named.get(m.sentence + 1)
            if named is None or not (named.nsubj or named.speaker) or m.gender not in ("any", named.gender) \
                    and named.gender != "any":
                continue
            name = named.actor.name
            held = {r.head for r in self.roles if r.actor.name == name}
            if first_at[name] < named.start or held - {m.head}:
                continue
            renames[m.actor.name] = name
        return renames

    def _since(self, sentence: int) -> list[Mention]:
        """The mentions from that sentence on: they are kept in text order, so only the list's tail is read (the
        look-backs, asked for every pronoun and description, need not walk the whole article)."""
        mentions = self.mentions
        k = len(mentions)
        while k and mentions[k - 1].sentence >= sentence:
            k -= 1
        return mentions[k:]

    def confidence(self, actor: Actor) -> float:
        return self.lex.confidence.get(actor.resolution, 0.5)

    def read_sentence(self, sent: Span, offset: int, index: int, quotes: list[Quote],
                      speakers: list[Span], according: Sequence[Span] = ()) -> None:
        """Resolve the sentence's mentions: statement speakers first-class (`according`: those of a « selon X »),
        then names and pronouns."""
        spans = list(speakers)
        covered = {i for s in spans for i in range(s.start, s.end)}
        for ent in entities(sent):
            if ent.label_ != "PER" and ent.root.dep_.startswith("nsubj") \
                    and self._role_kind(ent.root) == "person":
                continue  # « Premier ministre » tagged as a name: the subject phrase, with its name, is the mention
            label = ent.label_
            if label == "PER" and ent.start > sent.start and self._role_kind(sent.doc[ent.start - 1]) == "person":
                ent = _without_party(ent)
            if ent[0].pos_ == "NOUN" and ent[0].text[:1].islower() and self._role_kind(ent[0]) == "person":
                # « ministre de la Santé » tagged as an organisation: the role's phrase, with the name it gives
                ent, label = noun_phrase(ent[0]), "PER"
            if label in ("LOC", "MISC", "PER"):
                # le groupe minier australien Redstone, l'usine Valdor de Douvrin (tagged a place or a person)
                ent = self._company_named(ent)
            if label in ("ORG", "MISC"):
                ent = _with_adjectives(ent)
            if label in _NAME_ENTS and not (ent.start in covered and ent.end - 1 in covered):
                spans.append(ent)
                covered.update(range(ent.start, ent.end))
        doc = sent.doc
        # integer columns: a Token's strings are read only for a subject noun or a word that may be a pronoun
        tags, deps, forms, all_toks = pos_ids(doc), column(doc, DEP), column(doc, LOWER), tokens_of(doc)
        lemmas = column(doc, LEMMA)
        text = text_of(doc)[sent.start_char:sent.end_char].lower()
        # c'est … qui: the text is searched first
        cleft = "est" in text and _EST in forms[sent.start:sent.end]
        pronouns = self.lex.pronouns
        pronoun_words = self.lex.pronoun_word_ids
        institutions, bodies = _institution_ids(self.lex), _body_ids(self.lex)
        for i in range(sent.start, sent.end):
            if tags[i] in _NOUN_TAGS and lemmas[i] in institutions:
                self._record_institution(all_toks[i], index)
            elif tags[i] == NOUN and lemmas[i] in bodies:
                self._record_body(all_toks[i], index, bodies[lemmas[i]])
            if i in covered or tags[i] in _NO_MENTION:  # verbs, punctuation… name no one
                continue
            if tags[i] == NOUN and (deps[i] == _NSUBJ or cleft and _clefted(all_toks[i])
                                    or _counted_subject(all_toks[i], sent)):
                tok = all_toks[i]
                # subjects are what pronouns point back to (c'est la compagne de la victime qui … elle)
                phrase = noun_phrase(tok)
                start = phrase.start
                while start < tok.i and all_toks[start].pos_ in ("ADV", "ADP"):
                    start += 1  # (Plus de 200 agriculteurs: the count's words are not the group's)
                phrase = doc[start: phrase.end]
                spans.append(phrase)
                covered.update(range(phrase.start, phrase.end))
                continue
            if forms[i] not in pronoun_words:
                continue
            tok = all_toks[i]
            rule = pronouns.get(_pronoun_key(tok))
            if rule is not None and rule.rule != "relative":  # a relative is a mention as a speaker only
                spans.append(_pronoun_span(tok))
        for span in sorted(spans, key=lambda s: (s.start, -len(s))):
            key = (span.start_char + offset, span.end_char + offset)
            if len(span) == 0 or key in self._by_offsets:
                continue
            is_speaker = any(span == s for s in speakers)
            # a speaker inside the quotation marks is an incise (« A, explique X, B »), not words quoted
            quoted = not is_speaker and quote_at(quotes, span.start_char) is not None
            actor = self._with_acronym(span, self.resolve(span, offset, index, is_speaker))
            # « selon les estimations de l'Ifremer »: the mention is the issuer, in its gender and number
            # (« l'institut » later), when the document was resolved to it
            issuer = _complement_noun(span) if actor.type == "organization" and actor.resolution == "named" \
                and self._role_kind(span.root) == "document" else None
            agrees = issuer if issuer is not None else span
            nsubj = span.root.dep_.startswith("nsubj")
            # the agent of a passive is its clause's subject in meaning (une promesse accueillie avec scepticisme
            # par Yann Le Pennec. « … », a-t-il répliqué)
            subject = nsubj or is_speaker or span.root.dep_ == "obl:agent"
            self._by_offsets[key] = len(self.mentions)
            self.mentions.append(Mention(span.start_char + offset, span.end_char + offset, actor, subject, quoted,
                                         index, agrees, self.lex, span_text(span), is_speaker, nsubj,
                                         is_speaker and any(span == s for s in according)))
            if actor.resolution in ("named", "short form", "alias") and actor.type != "government" and not quoted:
                self._learn_roles(span, actor, index)

    def _company_named(self, ent: Span) -> Span:
        """A name right after an organisation's noun and at most two qualifiers (le groupe minier australien
        Redstone) is that organisation's: the phrase from the noun, else the entity as it is."""
        toks = tokens_of(ent.doc)
        k, start = ent.start - 1, sent_start(ent[0])
        while k > start and ent.start - k <= 2 and toks[k].pos_ == "ADJ":
            k -= 1
        if k - 2 >= start and toks[k].pos_ == "NOUN" and toks[k - 1].lower_ in DE:
            k -= 2  # le constructeur de véhicules utilitaires Carrosseries Martinot
        if k < start or toks[k].pos_ != "NOUN" or self._role_kind(toks[k]) != "organization":
            return ent
        return ent.doc[k - 1 if k > start and toks[k - 1].pos_ == "DET" else k: ent.end]

    def _record_institution(self, tok: Token, index: int) -> None:
        """An institution written with what names it (le tribunal correctionnel de Toulouse, la préfecture des
        Bouches-du-Rhône), for a bare « le tribunal » later in the article."""
        phrase = noun_phrase(tok)
        toks, stop = tokens_of(tok.doc), sent_end(tok)
        if phrase.end == tok.i + 1 < stop and toks[tok.i + 1].ent_iob_ == "B" and toks[tok.i + 1].is_title:
            # « l'hypermarché Rivéo »: the name right after the noun, which the parser may hang elsewhere
            phrase = tok.doc[phrase.start: entity_end(toks, tok.i + 2, stop)]
        words = _noun_words(phrase)
        # within a capitalised name, the name is its own mention; not for « Le » opening a sentence before an
        # institution written with a name (Le parquet de Vannes a requis …)
        before = [t for t in phrase.doc[phrase.start: tok.i] if t.pos_ != "DET"]
        named_after = any(t.text[:1].isupper() for t in phrase.doc[tok.i + 1: phrase.end])
        if (before[0] if before else phrase.doc[phrase.start]).text[:1].isupper() and phrase.start < tok.i \
                and (before or not named_after):
            return
        if len(words) > 1:
            name = self._with_acronym(phrase, Actor(drop_article(span_text(phrase).strip()), "organization", "named"))
            self.institutions.append((index, _lemma(tok), words, name.name))

    def _record_body(self, tok: Token, index: int, body: str) -> None:
        """The institution a role's holder heads, named by the place the role gives (le procureur de la République
        de Rennes → parquet de Rennes; le préfet des Deux-Sèvres → préfecture des Deux-Sèvres), for « le parquet »
        before or after it."""
        phrase, toks = noun_phrase(tok), tokens_of(tok.doc)
        if body == "ministère":  # by the portfolio: la ministre de la Santé → ministère de la Santé
            end = next((t.i for t in tokens_in(phrase) if t.i > tok.i and t.text == ","), phrase.end)  # (not a name)
            of = _of_before_place(toks, tok.i + 2, tok.i) if tok.i + 2 < end else None
            if of is not None and toks[end - 1].text[:1].isupper():
                self.institutions.append((index, body, _noun_words(tok.doc[of: end]) | {body},
                                          f"{body} {span_text(tok.doc[of: end]).strip()}"))
            return
        # the last place word after « de » (the recogniser may take « République de Rennes » for one place)
        for t in reversed(tokens_in(phrase)):
            of = _of_before_place(toks, t.i, tok.i) \
                if t.i > tok.i + 1 and t.ent_type_ == "LOC" and t.text[:1].isupper() else None
            if of is not None:
                break
        else:
            return
        k = t.i
        end = entity_end(toks, k + 1)  # (to the end of the place's entity, past a phrase cut inside it: Deux- | Sèvres)
        place = tok.doc[k:end]
        self.institutions.append((index, body, _noun_words(place) | {body},
                                  f"{body} {span_text(tok.doc[of:end]).strip()}"))

    def _with_acronym(self, span: Span, actor: Actor) -> Actor:
        """« Le Grand cadre des syndicats d'enseignants (G7) »: an organisation defined with its acronym is
        "Grand cadre des syndicats d'enseignants (G7)", and so is every later « G7 » (see _named) — the desk
        finds it by either, and « le syndicat » pointing back to it names it in full."""
        if actor.type in ("person", "anonymous", "article") or "(" in actor.name \
                or actor.resolution not in ("named", "as written", "people"):
            return actor
        doc = span.doc
        text = text_of(doc)
        written = text[span.start_char:span.end_char]
        at = fold(written).rfind(fold(actor.name))
        end = span.start_char + at + len(actor.name)
        found = _ACRONYM.match(text, end, min(len(text), end + 16)) if at >= 0 else None
        name = actor.name
        if found is None and at >= 0 and actor.type == "organization":
            # the recogniser stopped before the name's lower-case words: l'Office français | de la biodiversité (OFB)
            found = _CONTINUED.match(text, end, min(len(text), end + 90))
            if found is not None and _initials_of(found.group(2), name + found.group(1), len(name.split())) \
                    and not _verb_between(doc, end, found.start(2)):  # (not « … a saisi la chambre … (CRC) »)
                name = name + found.group(1)
            else:
                found = None
        acronym = found.group(2 if name != actor.name else 1) if found is not None else ""
        if acronym and _abbreviates(acronym, name, actor.type == "organization"):
            # a place-like name with an acronym defined is a body (la Confédération générale du travail (CGT)); a
            # country is an alias, resolved before this
            kind = "organization" if actor.resolution == "people" else actor.type
            place = _place_at(span, found.end())  # l'Agence régionale de santé (ARS) Bretagne
            full = Actor(f"{name} ({acronym}){place}", kind, "named" if kind != actor.type else actor.resolution,
                         actor.via)
        else:  # the acronym alone is the name found (« … de l'Agence régionale de santé (ARS) » → ARS)
            name, acronym = self._acronym_defined(span, actor), actor.name
            closing = next((span.doc[t.i + 1].idx + 1 for t in span if t.text == acronym and t.i + 1 < span.end
                            and span.doc[t.i + 1].text == ")"), -1)  # just after « (ARS) »
            place = _place_at(span, closing) if closing >= 0 else ""
            if name is None and place:  # l'agence régionale de santé (ARS) Occitanie: the acronym and its region
                full = Actor(f"{acronym}{place}", "organization", "named", actor.via)
                self.acronyms.setdefault(acronym, full)
                return full
            if name is None:
                return actor
            full = Actor(f"{name} ({acronym}){place}", "organization", "named", actor.via)
        self.acronyms[acronym] = self.acronyms[name] = full
        return full

    def _acronym_defined(self, span: Span, actor: Actor) -> str | None:
        """The name an actor that is an acronym in parentheses stands for: the run of nouns, adjectives and their
        « de » before it, from its first word that the acronym abbreviates."""
        toks = tokens_of(span.doc)
        at = next((i for i in range(span.start, span.end) if toks[i].text == actor.name), None)
        if at is None or at == 0 or toks[at - 1].text != "(" or at + 1 >= len(toks) or toks[at + 1].text != ")":
            return None
        first = at - 1
        while first > sent_start(toks[at]) and at - first <= 12 and toks[first - 1].pos_ in _NAME_RUN:
            first -= 1
        for i in range(first, at - 1):
            if toks[i].text[:1].isupper() and toks[i].pos_ != "DET":
                name = span_text(span.doc[i: at - 1]).strip()
                if _abbreviates(actor.name, name, organization=False):  # (not « PARIS (AFP) », a dateline)
                    return name
        return None

    # -- roles given by apposition ------------------------------------------------------
    def _learn_roles(self, span: Span, actor: Actor, index: int) -> None:
        """Record the roles next to a name: « La ministre des Transports, Claire Vautrin »,
        « Claire Vautrin, ministre de … », « le quotidien La Provence », « l'agent Aquilino Gonell »."""
        doc = span.doc
        name = self._name_in(span) or span
        found: list[tuple[Token, Span]] = []
        if span.root.i < name.start and self._role_kind(span.root):
            found.append((span.root, doc[span.start: name.start]))
        left = _role_before(name, self.lex)
        if left is not None:
            found.append(left)
        right = _role_after(name, self.lex)
        if right is not None:
            found.append(right)
        for head, phrase in found:
            if actor.type != "person" and _party_label(name, head) and self._role_kind(head) == "person":
                continue  # le député LFI Mathieu Sorel: the deputy is the person named after the party
            noun = _lemma(head) if head.pos_ in ("NOUN", "PROPN") else head.lower_  # accusé, not accuser
            # (not a title: « Son avocat, Me Keller » is « l'avocat messin » later)
            words = frozenset(w for w in _noun_words(phrase) if w != noun and self.lex.roles.get(w) != "honorific")
            self.roles.append(Role(noun, words, actor, index, head.lower_))
            broader = self.lex.broader.get(fold(noun))
            if broader and actor.type == "person":  # la milieu Amandine Ravel is « la joueuse » later
                gender = _agreement(span, self.lex)[0]
                # (Me Julien Roussel is « l'avocat » later, not « l'avocat général »: a title's role takes no word)
                titled = self.lex.roles.get(fold(noun)) == "honorific"
                self.roles.extend(Role(b, frozenset(), actor, index, gender=gender, broader=True, titled=titled)
                                  for b in broader)

    def _role_kind(self, tok: Token) -> str | None:
        # a function of the word's lemma and form only, asked many times of the same words (each mention's head,
        # its entities' words): remembered by their ids for the process
        doc = tok.doc
        key = (column(doc, LEMMA)[tok.i], column(doc, LOWER)[tok.i])
        met = self.lex.role_kinds_met
        if key in met:
            return met[key]
        lemma = _lemma(tok)
        kind = self.lex.role_kind(lemma, tok.lower_)
        prefix = next((p for p in ROLE_PREFIXES if lemma.startswith(p)), None)
        if kind is None and prefix is not None:
            # l'ex-chef de l'État: the role they held; le vice-ministre, la sous-préfète, la co-présidente
            kind = self.lex.roles.get(lemma[len(prefix):])
        if kind is None and lemma in ISSUED:
            kind = "document"  # (for the speaker only: the statement rules read roles.tsv, where it is not)
        met[key] = kind
        return kind

    # -- resolution -------------------------------------------------------------------
    def resolve(self, span: Span, offset: int, index: int, speaking: bool = False) -> Actor:
        text = span_text(span).strip()
        key = fold(text)
        if key in IMPERSONAL:
            side = _side_named(span)
            name, common = side if side is not None else ("", False)
            if common:  # du côté de la direction académique, on rappelle …: that body
                kind = self.lex.role_kind(name.split()[0])
                if kind in ("organization", "government"):
                    return Actor(name, kind, "role", text)
            elif name:  # Du côté russe, on appelle …: the Russian side speaks
                alias = self.lex.alias(name)
                if alias is not None:  # du côté de l'Élysée → France
                    return Actor(alias.canonical, alias.type, alias.resolution, text)
                return Actor(_capitalize(name), "government", "people", text)
            return Actor(ANONYMOUS, "anonymous", "anonymous", text)
        ordinal = self._one_of_two(span, offset, index)
        if ordinal is not None:
            return ordinal
        pron = self.lex.pronouns.get(key) or (self.lex.pronouns.get(_pronoun_key(span[0])) if len(span) == 1 else None)
        if pron is not None:
            return self._antecedent(span, pron.gender, pron.number, pron.rule, offset, index, speaking)
        alias = self.lex.alias(text)
        if (alias is None or alias.type == "government") and _singular_demonym(span) \
                and fold(span.root.text) not in self.lex.roles:
            # la Niçoise, le Lyonnais, la Française (not the country its demonym stands for in « les Français »):
            # the person the article is about, named by where they are from (not a role noun with a capital: la
            # Région, la Ville)
            found = self._antecedent_of_description(span, "person", offset, index)
            if found is not None:
                return found
        if alias is not None:
            return Actor(alias.canonical, alias.type, alias.resolution, text)
        if any(s in key for s in self.lex.same_source):
            return self._same_source(span, offset)
        if self._is_vague(span) and (speaking or self._may_be_someone(span.root)):
            return Actor(ANONYMOUS, "anonymous", "anonymous", text)
        words = [t for t in tokens_in(span) if not t.is_punct and t.pos_ != "DET"]
        if len(words) == 1 and self.lex.roles.get(fold(words[0].text)) in ("organization", "government"):
            return self._description(span, offset, index)  # la Ville, la Région: an institution, capitalised
        part = self._named_company_part(span)
        if part is not None:  # La direction de Transilien annonce …
            return part
        name = self._name_in(span)
        if name is not None:
            return self._named(span, name)
        opening = _opening_role_of_name(span)
        name = self._name_in(opening) if opening is not span else None
        if name is not None:
            return self._named(opening, name)
        return self._description(span, offset, index, speaking)

    def _named_company_part(self, span: Span) -> Actor | None:
        """« La direction de Transilien », « la direction d'Orvalis »: a company's part that speaks as the company
        (words.tsv company_part, an organisation in roles.tsv), with the company named in its de-complement, is
        "direction de Transilien" (where « le secrétaire général de la CFDT » is a person, not the CFDT)."""
        head = span.root
        if head.pos_ != "NOUN" or _lemma(head) not in COMPANY_PARTS or self._role_kind(head) != "organization":
            return None
        company = _complement_noun(span)
        if company is None or company.end != span.end or self._name_in(company) is None:
            return None
        return Actor(drop_article(span_text(span).strip()), "organization", "named")

    def _may_be_someone(self, head: Token) -> bool:
        """An unnamed person or group (un diplomate, une habitante, deux résidentes), not a thing (« Une mesure qui
        coûtera … » is no anonymous source for « elle » to point back to); asked of mentions that do not speak."""
        return head.pos_ != "NOUN" or "Plur" in morph_get(head, "Number") \
            or self._role_kind(head) in ("person", "organization", "government", "media") \
            or _lemma(head) in self.lex.source_nouns or head.lower_ in self.lex.source_nouns or _agent_noun(head)

    def _one_of_two(self, span: Span, offset: int, index: int) -> Actor | None:
        """« X et Y se sont entretenus … a assuré le premier. Le second … »: one of the two people named last
        together (words.tsv, classes first_of_two and second_of_two), or None."""
        if _ONE_OF_TWO_IDS.isdisjoint(column(span.doc, LOWER)[span.start:span.end]):
            return None  # the words compared as ids first: nearly every mention holds none of them
        words = [t for t in tokens_in(span) if not t.is_punct]
        if not words or words[-1].lower_ not in _ONE_OF_TWO or len(words) > 2 \
                or len(words) == 2 and words[0].lower_ not in ("le", "la"):
            return None
        pos = span.start_char + offset
        people = [m for m in self._since(index - _LOOKBACK_SENTENCES) if m.end <= pos and m.actor.type == "person"
                  and not m.quoted and m.actor.resolution in ("named", "short form")]
        for sentence in sorted({m.sentence for m in people}, reverse=True):
            named = list({m.actor.name: m.actor for m in people if m.sentence == sentence}.values())
            if len(named) >= 2:
                target = named[-2] if words[-1].lower_ in FIRST_OF_TWO else named[-1]
                return Actor(target.name, target.type, "pronoun", span_text(span).strip())
        return None

    def _is_vague(self, span: Span) -> bool:
        """certaines sources américaines, un diplomate, nos informations, des proches du président X,
        sources concordantes, un officier de l'armée, l'une d'elles: no one the reader could name."""
        words = [t for t in tokens_in(span) if not t.is_punct]
        if not words:
            return False
        text = fold(span_text(span))
        if text.startswith(self.lex.source_phrases):
            return True
        head = span.root
        # a proper noun or a person's or organisation's name, before the head or with no preposition between the
        # head and it, by the integer tag and entity type of each word (one pass, no Token read)
        tags, ents = pos_ids(span.doc), column(span.doc, ENT_TYPE)
        named_head = after_adp = False
        toks = tokens_of(span.doc)
        for i in range(span.start, span.end):
            if (i <= head.i or not after_adp and not _label(toks[i])) and (tags[i] == PROPN or ents[i] in _PER_ORG):
                named_head = True
                break
            after_adp = after_adp or i > head.i and tags[i] == ADP
        if named_head:
            return False  # des proches du président René Ruello: the name is the complement's, not the source's
        first = words[0].lower_
        if first.endswith("'") and len(words) > 1:
            first += words[1].lower_  # D'autres sources
        source_noun = _lemma(head) in self.lex.source_nouns or head.lower_ in self.lex.source_nouns
        if source_noun and self._role_kind(head) == "document" and any(
                tags[i] == PROPN or ents[i] for i in range(head.i + 1, span.end)):
            return False  # des informations du quotidien De Kempenaar: the medium's, not an unnamed source's
        if source_noun and (first in self.lex.source_determiners or words[0].i == head.i):
            return True  # sources concordantes, des témoins, nos informations
        if first in self.lex.source_quantifiers and head.pos_ in ("NOUN", "PROPN"):
            return True  # plusieurs ONG, certains élus
        if first in self.lex.source_determiners and any(  # des forces de sécurité et de témoins
                t.dep_ == "conj" and _lemma(t) in self.lex.source_nouns for t in tokens_in(span)):
            return True
        if self._role_kind(head) == "document":
            return False  # un communiqué de la préfecture: whoever issued it (_description)
        if first in INDEFINITE_ONE or first in ("l'", "l") and len(words) > 1 and words[1].lower_ in ("un", "une"):
            # un officier de l'armée, une jeune dame à moto, l'une d'elles: one person, unnamed (a place or a medium
            # after a participle says how they were reached: un officier joint par téléphone à Gao)
            # (un député LR, un délégué CGT, un boulanger de Vitry-sur-Seine, un responsable du Pentagone: a party,
            # a union or a place says who they are with, not who they are; a person's name does)
            phrase = tokens_in(span)
            cut = next((k for k, t in enumerate(phrase) if t.i > head.i and is_past_participle(t)), len(phrase))
            # (a name apposed after a comma is theirs: un porte-parole du ministère, Gao Lihua)
            # (a body is named by one who speaks for it: une porte-parole du Quai d'Orsay)
            adp = next((t.i for t in phrase if t.i > head.i and t.pos_ == "ADP"), span.end)
            comma = next((t.i for t in phrase if t.i > head.i and t.text == ","), span.end)
            speaks_for = _lemma(head) in SPEAKS_FOR

            def names(t: Token) -> bool:
                if t.ent_type_ == "PER" or t.i <= head.i or t.i > comma:
                    return True
                return not _label(t) if t.i < adp else speaks_for

            # (the participle's complement is cut, not a name apposed after it: l'un des distributeurs mis en
            # cause, Cofralim)
            kept = [t for k, t in enumerate(phrase) if k < cut or t.i > comma]
            return not any((t.pos_ == "PROPN" or t.ent_type_) and names(t) for t in kept) and (
                head.pos_ in ("NOUN", "PRON", "NUM") or head.lower_ in ("un", "une"))
        return False

    def _name_in(self, span: Span) -> Span | None:
        """The proper name that designates the speaker: the head itself, or a name apposed to a
        role (le Premier ministre Kristersson), or the agent of a document (une déclaration … par la RFEF).
        Found once per span: a named mention asks it when it is resolved, then again for the roles it gives."""
        key = (id(span.doc), span.start, span.end)
        found = self._names.get(key)
        if found is None or found[0] is not span.doc:  # (the doc is kept with it: its id is not reused meanwhile)
            found = self._names[key] = (span.doc, self._find_name_in(span))
        return found[1]

    def _find_name_in(self, span: Span) -> Span | None:
        head = span.root
        document = self._role_kind(head) == "document"
        # A person's name first: la Première ministre Élisabeth Borne, not the MISC "Première"
        ents = sorted((e for e in entities(span) if e.label_ in _NAME_ENTS and _capitalised(e)),
                      key=lambda e: e.label_ != "PER")
        person_role = self._role_kind(head) == "person"
        people = [e for e in ents if e.label_ == "PER"]
        if len(people) >= 2 and self._apposed_after_comma(people[-1], span):
            # le porte-parole du groupement de forces Khortytsia, le capitaine Ivan Lytvynenko: the name apposed last
            ents.remove(people[-1])
            ents.insert(0, people[-1])
        for ent in ents:
            if person_role and _party_label(ent, head):
                continue  # l'élu PLR, le député LR: the party of a role, not the person's name
            if person_role and ent.label_ == "PER" and ent.start == head.i + 1:
                ent = _without_party(ent)
            if document or not _in_complement(ent[0], span) or head.i in range(ent.start, ent.end):
                if ent[-1].pos_ == "ADP" and ent.end < span.end and span.doc[ent.end].text[:1].isupper():
                    # la Mission … pour la stabilisation en | Centrafrique: the entity cut after a preposition
                    ent = span.doc[ent.start: _name_end(span, ent.end)]
                if ent.end < span.end and span.doc[ent.end].like_num and ent.label_ != "PER":
                    ent = span.doc[ent.start: ent.end + 1]  # la FNSEA 31, le Racing 92: the number is the name's
                if ent.label_ in ("ORG", "MISC"):
                    adjectives = _with_adjectives(ent)
                    ent = adjectives if adjectives.end <= span.end else ent
                if _acronym(ent):  # l'ARS Occitanie, l'ARS des Pays de la Loire: a regional body's place is its name's
                    ent = span.doc[ent.start: _place_after(span.doc, ent.end, span.end)]
                return _strip_honorific(ent, self.lex)
        if self._role_kind(head) == "organization":
            named = _capitalised_after(head, span.end)
            if named is not None:  # l'usine Textinord de Wattrelos (Textinord tagged a noun, inside a place)
                return named
        run = [t for t in tokens_in(span) if t.pos_ == "PROPN" and not t.text[:1].islower()  # not « le patronat »
               and not (person_role and _party_label(span.doc[t.i: t.i + 1], head))]
        if run:
            first = run[0]
            if document or not _in_complement(first, span):
                end = first.i
                while end < span.end and span.doc[end].pos_ == "PROPN":
                    end += 1
                return _strip_honorific(span.doc[first.i:end], self.lex)
        return None

    def _apposed_after_comma(self, name: Span, span: Span) -> bool:
        """« …, Ivan Lytvynenko », « …, le capitaine Ivan Lytvynenko »: a name set off by a comma, with its role."""
        toks = tokens_of(span.doc)
        k = name.start - 1
        if k > span.start and self._role_kind(toks[k]) in ("person", "honorific"):
            k -= 1
            if k > span.start and toks[k].pos_ == "DET":
                k -= 1
        return k > span.start and toks[k].text == ","

    def _named(self, span: Span, name: Span) -> Actor:
        text = span_text(name).strip()
        alias = self.lex.alias(text)
        if alias is not None:
            return Actor(alias.canonical, alias.type, alias.resolution, text)
        label = name.root.ent_type_ or next((t.ent_type_ for t in name if t.ent_type_), "")
        titled = name.start > 0 and self.lex.roles.get(span.doc[name.start - 1].lower_) == "honorific"
        if titled:
            label = "PER"  # le Dr Lassané Zoungrana, Me Bonnand: a person, whatever the entity label says
        # a role word inside the name itself says nothing of its kind (Médecins sans frontières is no doctor)
        role = None if name.start <= span.root.i < name.end and label == "ORG" else self._role_kind(span.root)
        words = text.split()
        defined = self.acronyms.get(text)
        if defined is not None:  # l'ARS, after « l'Agence régionale de santé (ARS) »
            return Actor(defined.name, defined.type, "short form", text)
        if len(words) == 1 and text.isupper() and len(text) >= 3:
            spelled = self._spelled_out(text)
            if spelled is not None:  # l'ARS, after « l'agence régionale de santé d'Île-de-France » (no acronym given)
                return Actor(spelled.name, spelled.type, "short form", text)
        short = self.full_names.get(fold(text))
        if short is not None and len(words) == 1:
            return Actor(short, "organization" if text.isupper() and label != "PER" else "person", "short form", text)
        if len(words) >= 2 and any(w.isupper() and fold(w) in CLUB_PREFIXES for w in (words[0], words[-1])):
            # le CF Montréal (tagged a person), l'US Chartreuse-Guiers (a place): a sports club (words.tsv)
            self._remember(text, person=False)
            return Actor(text, "organization", "named")
        if len(name) >= 2 and _acronym(name[:1]) and _place_after(name.doc, name.start + 1, name.end) == name.end:
            # l'ARS Occitanie, le PS de Marseille: a regional body or branch (« le PS » alone stays the party)
            return Actor(text, "organization", "named")
        if (role == "organization" and name.start > span.root.i or self._company_before(span, name)) \
                and not titled:  # (son conseil, Me Paul Ohana)
            # le fournisseur kényan Tiba Pay, le fabricant … Veritron: a name given to a company is one, whatever
            # the entity label says
            self._remember(text, person=False)
            return Actor(text, "organization", "named")
        if not titled and label != "ORG" and name.start > 0 and self._role_kind(name.doc[name.start - 1]) == "media" \
                and not self.lex.first_name_gender(words[0]):
            # le quotidien Handelsblatt (tagged a person): a name given to an outlet is one
            self._remember(text, person=False)
            return Actor(text, "organization", "named")
        if not titled and role is None and label != "ORG" and _company_by_context(name) \
                and not self.lex.first_name_gender(words[0]):
            # chez Bricoval, la direction de Ferrand Équipements, le PDG d'Altéor (tagged a person or a place)
            self._remember(text, person=False)
            return Actor(text, "organization", "named")
        if label in ("LOC", "MISC") and len(words) >= 3 and fold(words[0]).endswith(_PERSON_DEMONYM_ENDINGS) \
                and self._role_kind(name[0]) is None and self.lex.first_name_gender(words[1]):
            # la Gatinoise Émilie Tremblay-Sauvé (one place-like name): a person, named after where she is from
            person = " ".join(words[1:])
            self._remember(person, person=True)
            return Actor(person, "person", "named")
        if label in ("LOC", "MISC") and name[0].text[:1].isupper() and len(name) > 1 \
                and (self._role_kind(name[0]) == "organization" or name[0].lower_ in BODY_OPENINGS):
            # l'Union royale Hesbaye, l'Association sportive de Monaco (tagged a place): a body's name
            self._remember(text, person=False)
            return Actor(text, "organization", "named")
        if label in ("LOC", "MISC") and role not in ("person", "media", "document"):
            if self._says_things(span, label):
                return Actor(_capitalize(drop_article(text)), "organization", "named")
            plural = "Plur" in morph_get(span.root, "Number")
            kind = "government" if label == "LOC" or plural else "unknown"
            return Actor(_capitalize(drop_article(text)), kind, "people")
        if label == "ORG" and role != "person" and not _apposed_role(name, self.lex) or role in ("media", "document"):
            self._remember(text, person=False)
            return Actor(text, "organization", "named")
        if name[0].text[:1].isupper() and self._role_kind(name[0]) in ("organization", "government"):
            # la Cour des comptes tagged as a person: a name headed by an institution's noun is an institution
            self._remember(text, person=False)
            return Actor(text, "organization", "named")
        couple = _first_name_of_couple(name, self.lex)
        if couple is not None:  # Annick et Loïc Gautier: Annick Gautier, « Annick » later
            self._remember(couple, person=True)
            self.full_names[fold(text)] = couple
            return Actor(couple, "person", "named")
        self._remember(text, person=True)
        return Actor(text, "person", "named")

    def _spelled_out(self, acronym: str) -> Actor | None:
        """The body named before in words whose initials the acronym is (the latest), remembered for the acronym."""
        for m in reversed(self.mentions):
            actor = m.actor
            if actor.type in ("organization", "government") and len(actor.name.split()) >= 3 \
                    and not actor.name.isupper() and _initials_of(acronym, actor.name, 0):
                self.acronyms[acronym] = actor
                return actor
        return None

    def _company_before(self, span: Span, name: Span) -> bool:
        """« Le constructeur de véhicules utilitaires Carrosseries Martinot », parsed with a word of the name as the
        phrase's root: the phrase's first noun is an organisation's."""
        if span.start >= name.start or not name.start <= span.root.i < name.end:
            return False
        lead = next((t for t in span.doc[span.start: name.start] if t.pos_ == "NOUN"), None)
        return lead is not None and self._role_kind(lead) == "organization"

    def _says_things(self, span: Span, label: str) -> bool:
        """La Provence évoque …, Le Parisien, Le Sporting de Charleroi a annoncé: a place-like name with its article,
        speaking, is an outlet or a club."""
        first = span[0].lower_
        return label in ("LOC", "MISC") and first in ("le", "la", "l'") and span[0].is_title \
            and span.root.dep_ == "nsubj" and self.lex.alias(span.text) is None and span.root.head.pos_ == "VERB"

    def _remember(self, text: str, person: bool) -> None:
        """Short forms to come: each name word (Gaoual, Lavrov) and the initials (FF for France Football)."""
        words = [w for w in text.split() if w[:1].isupper()]
        if len(words) < 2:
            return
        if person:
            for w in words[1:] if len(words) > 2 else words[-1:]:
                self.full_names.setdefault(fold(w), text)
            self.full_names[fold(words[-1])] = text
            if len(words) == 2 and self.lex.first_name_gender(words[0]) is None:
                self.full_names[fold(words[0])] = text  # a family name first: Gao Lihua … Mme Gao (the latest so named)
        initials = "".join(w[0] for w in words)
        self.full_names.setdefault(fold(initials), text)

    def _same_source(self, span: Span, offset: int, number: str | None = None) -> Actor:
        """The source of the statements before; `number`: only one of that number (s | p)."""
        pos = span.start_char + offset
        earlier = [m for m in self.mentions if m.speaker and m.end <= pos and m.actor.resolution != "unresolved"
                   and (number is None or m.number == number)]
        if span.start > 1 and span.doc[span.start - 2].lower_ in AGAIN:
            # « toujours selon la même source »: the source of the last « selon X », not the last one quoted (but not
            # « selon nos informations », the outlet's own)
            earlier = [m for m in earlier if m.according and m.actor.type != "anonymous"] or earlier
        if not earlier:
            return Actor(ANONYMOUS, "anonymous", "anonymous", span.text.strip())
        target = earlier[-1].actor
        return Actor(target.name, target.type, "same source", span.text.strip())

    def _of_latter(self, span: Span, kind: str, offset: int, index: int) -> Actor | None:
        """« le parti de ce dernier », « l'avocat de celle-ci »: a description whose de-complement is « the latter »
        is that one's, someone else than the latter: "parti de Cheikh Ndour"; None when the phrase has no such pronoun
        or it points to no one."""
        toks = tokens_of(span.doc)
        for t in tokens_in(span):
            rule = self.lex.pronouns.get(_pronoun_key(t)) if t.i > span.root.i else None
            if rule is None or rule.rule != "latest":
                continue
            pron = _pronoun_span(t)
            if pron.start < 1 or toks[pron.start - 1].lower_ not in DE:
                return None
            owner = self._antecedent(pron, rule.gender, rule.number, rule.rule, offset, index)
            if owner.resolution == "unresolved":
                return None
            owned = drop_article(span_text(span.doc[span.start: pron.start - 1]).strip())
            return Actor(f"{owned} {_of_name(owner.name)}", kind, "role", span.text.strip())
        return None

    def _staff_of(self, span: Span, possessive: str, offset: int, index: int) -> Actor | None:
        """« son cabinet », « ses services », « son service de presse » (words.tsv, staff): the staff of the actor the
        possessive points to, the subject or speaker just before: "cabinet de Bertrand Lescure", "services de
        Matignon"; None when there is none."""
        number = "p" if possessive.startswith("leur") else "s"
        pos = span.start_char + offset
        # the latest subject or speaker of this sentence or the one before, person or body alike (« Matignon a
        # présenté le plan. Ses services … »), in the possessive's number
        owners = [m for m in self._since(index - 1) if m.end <= pos and not m.quoted and (m.subject or m.speaker)
                  and m.actor.type in ("person", "organization", "government") and m.number == number
                  and m.actor.resolution != "unresolved"]
        if not owners:
            return None
        owner = owners[-1]
        # an alias as written: « les services de Matignon », not of the government it stands for
        name = drop_article(owner.text.strip()) if owner.actor.resolution == "alias" else owner.actor.name
        owned = span_text(span.doc[span.start + 1: span.end]).strip()
        return Actor(f"{owned} {_of_name(name)}", "organization", "role", span.text.strip())

    def _document_issuer(self, span: Span, offset: int, index: int) -> Actor | None:
        """The actor written last as a document's issuer (« un communiqué du ministère tchadien », « le rapport de
        l'ONG X »), in this sentence or the one before and after the last speaker, for « le texte » later."""
        pos = span.start_char + offset
        recent = self._since(index - 1)
        spoke = max((m.start for m in recent if m.speaker and m.end <= pos), default=-1)
        for m in reversed(recent):
            if m.end > pos or m.start < spoke or m.quoted or m.span.start < 2 \
                    or m.actor.type not in ("organization", "government", "person"):
                continue
            toks = tokens_of(m.span.doc)
            if toks[m.span.start - 1].lower_ in OF and self._role_kind(toks[m.span.start - 2]) == "document":
                return m.actor
        noun = _lemma(span.root)

        def same(tok: Token) -> bool:  # the document brought in, if « le texte » or one of its noun can be it
            return self._role_kind(tok) == "document" and (noun in ANY_DOCUMENT or _lemma(tok) == noun)

        for m in reversed(recent):
            # « Dans un communiqué publié mercredi, la FHF estime … », « Les sénateurs X et Y ont présenté leur
            # rapport »: the subject or speaker of the sentence that brings in a document of its own
            if m.end > pos or m.start < spoke or m.quoted or not (m.speaker or m.nsubj) or m.sentence >= index \
                    or m.actor.type not in ("organization", "government", "person"):
                continue
            root = m.span.root
            if root.dep_ == "appos" and same(root.head) or root.dep_.startswith("nsubj") \
                    and any(c.dep_ in ("obj", "obl", "obl:mod", "obl:arg") and same(c) for c in children(root.head)):
                return m.actor
        return None

    def _description(self, span: Span, offset: int, index: int, speaking: bool = False) -> Actor:
        """A noun phrase with no name: a role that points back, or the phrase as written."""
        head = span.root
        kind = self._role_kind(head)
        if kind is None and speaking and (_agent_noun(head) or _aged(span)):
            kind = "person"  # « Le manager columérin a salué … », « Le marin-pêcheur de 52 ans redoute … »
        text = drop_article(span.text.strip())
        words = [t for t in tokens_in(span) if not t.is_punct]
        first = words[0].lower_ if words else ""
        source_noun = _lemma(head) in self.lex.source_nouns or head.lower_ in self.lex.source_nouns
        if first in DESCRIPTION_DETS and source_noun:
            # ce proche, le responsable: the unnamed source just quoted, if one of its number (not « l'élu » after
            # « d'après plusieurs membres de sa majorité »)
            found = self._same_source(span, offset, _agreement(span, self.lex)[1])
            if found.type == "anonymous" and found.resolution == "same source":
                return found
        if kind == "document":
            issuer = _complement_noun(span)
            if issuer is not None:  # un communiqué de la préfecture, les chiffres du ministère → the issuer
                return self._description(issuer, offset, index)
            issuer = self._document_issuer(span, offset, index)
            if issuer is not None:  # « selon un communiqué du ministère X. Le texte évoque … »: the ministry
                return Actor(issuer.name, issuer.type, "same source", span.text.strip())
            found = self._same_source(span, offset)  # selon le communiqué: the source just named
            if found.resolution == "same source":
                return found
        if first in DESCRIPTION_DETS and kind in ("person", "organization", "government"):
            found = self._of_latter(span, kind, offset, index)
            if found is not None:
                return found
        if first in DESCRIPTION_DETS or first in _POSSESSIVES:
            found = self._antecedent_of_description(span, kind, offset, index, possessive=first in _POSSESSIVES)
            if found is not None:
                return found
        if first in _POSSESSIVES and _lemma(head) in STAFF:
            found = self._staff_of(span, first, offset, index)
            if found is not None:  # « a fait savoir son cabinet »: "cabinet de Bertrand Lescure"
                return found
        if head.ent_type_ in ("LOC", "MISC") and "Plur" in morph_get(head, "Number"):
            return Actor(_capitalize(text), "government", "people")
        town = self._town_before(span, offset) if _lemma(head) in TOWN_BODIES and len(words) <= 2 else None
        if town is not None:  # « À Valmont, … D'après la mairie »: the town hall of the town the story is in
            return Actor(f"{text} de {town}", "organization", "role", span.text.strip())
        department = self._department_before(span, offset) \
            if _lemma(head) in DEPARTMENT_BODIES and len(words) <= 2 else None
        if department is not None:  # « à Roubaix (Nord) … selon la préfecture »: the département's
            return Actor(f"{text} {department}", "organization", "role", span.text.strip())
        actor_kind = kind if kind in ("person", "organization", "government") else (
            "organization" if kind == "media" else "unknown")
        return Actor(text, actor_kind, "as written")

    def _named_since(self, role: Role, gender: str, pos: int) -> bool:
        """Whether a person the article gave no role was named after a broader role's holder, before pos: « Paul
        Martin … a égalisé. « … », a déclaré le joueur » is Paul Martin, not the attacker named before him."""
        holders = {r.actor.name for r in self.roles}
        return any(m.sentence >= role.sentence and m.end <= pos and not m.quoted and m.actor.type == "person"
                   and m.actor.resolution == "named" and m.actor.name not in holders and _compatible(m, gender, "s")
                   for m in self.mentions)

    def _town_before(self, span: Span, offset: int) -> str | None:
        """The town the article placed itself in before the span: the first place written after « à » (cities
        take « à », countries and regions « en » or « au »), or after a town hall's noun (la mairie de Villeurbanne);
        a story told from one town names it first (L'accident s'est produit à Rennes, mais la victime vit à Brest)."""
        pos = span.start_char + offset
        for m in self.mentions:
            if m.end > pos or m.actor.type != "government" or m.actor.resolution != "people" or m.span.start == 0:
                continue
            before = m.span.doc[m.span.start - 1]
            if before.lower_ == "à" or before.lower_ in OF and m.span.start > 1 \
                    and (_lemma(m.span.doc[m.span.start - 2]) in TOWN_BODIES
                         or m.span.doc[m.span.start - 2].lower_ in TOWN_OF):
                return m.actor.name
        return None

    def _department_before(self, span: Span, offset: int) -> str | None:
        """The département the article placed itself in before the span, the latest written: in parentheses after a
        town (à Saint-Pardoux (Haute-Vienne) → "(Haute-Vienne)") or after « dans » with its article (Dans le Gard →
        "du Gard")."""
        pos = span.start_char + offset
        found = None
        for m in self.mentions:
            if m.end > pos or m.actor.type != "government" or m.actor.resolution != "people" or m.span.start < 2:
                continue
            toks = tokens_of(m.span.doc)
            before, first = toks[m.span.start - 1], toks[m.span.start - 2]
            if before.text == "(" and m.span.end < len(toks) and toks[m.span.end].text == ")" \
                    and first.ent_type_ == "LOC":
                found = f"({m.actor.name})"
            elif first.lower_ == "dans" and before.lower_ in _DEPARTMENT_ARTICLES:
                found = f"{_DEPARTMENT_ARTICLES[before.lower_]}{m.actor.name}"
        return found

    def _antecedent_of_description(self, span: Span, kind: str | None, offset: int, index: int,
                                   possessive: bool = False) -> Actor | None:
        """Who a description is: the actor given that role, an earlier mention with that noun, or (not for a
        possessive: « son avocat » is not the person just named) the latest compatible actor."""
        pos = span.start_char + offset
        head = _lemma(span.root)
        # (an age says nothing of the role: « le jeune attaquant de 20 ans » is the attacker named before)
        own = frozenset(w for w in _noun_words(span) if w != head and w not in AGES and w not in PLAIN)
        if fold(drop_article(span.text.strip())) in PROSECUTION:
            head, own, kind = "parquet", frozenset(), "organization"  # le ministère public: the parquet
        bare = not own
        gender, number = _agreement(span, self.lex)
        # 1. the actor introduced with this role (la ministre → « La ministre des Transports, Claire Vautrin »)
        form = span.root.lower_
        for role in reversed(self.roles):
            if role.head == head and (bare or not role.words and not role.titled or own & role.words) \
                    and role.sentence <= index \
                    and (not role.form or role.form == form or span.root.pos_ != "NOUN") \
                    and (role.gender == "any" or gender in ("any", role.gender)) \
                    and not (role.broader and self._named_since(role, gender, pos)) \
                    and not (role.broader and own and self.lex.roles.get(head) != "person"):
                # (a broader noun that also names a body, le conseil for an avocat, only bare: not le conseil municipal)
                return Actor(role.actor.name, role.actor.type, "apposition", span.text.strip())
        if own and all(t.pos_ == "ADJ" and t.lower_.endswith(_DEMONYM_ENDINGS) and t.lower_ not in ANOTHER
                       for t in tokens_in(span) if _lemma(t) in own):
            # l'avocat messin, le coach flamand: a place's adjective the role was not given, when one person holds it
            # (not l'avocat général, l'entraîneur adjoint, l'ancien président: words.tsv class another)
            holders = {role.actor for role in self.roles if role.head == head and role.sentence <= index
                       and (not role.form or role.form == form) and not role.broader
                       and (role.gender == "any" or gender in ("any", role.gender))}
            if len(holders) == 1:
                holder = holders.pop()
                return Actor(holder.name, holder.type, "apposition", span.text.strip())
        recent = [m for m in self._since(index - _LOOKBACK_SENTENCES) if m.end <= pos and not m.quoted
                  and m.actor.resolution != "unresolved"]
        # 2. an earlier mention with that noun (le procureur → le procureur de la République de Besançon)
        institution = kind in ("organization", "government")
        for m in reversed(recent):
            # an institution is the one the mention is headed by, not one in its complement
            # (« le club » is not « le président du club, Didier Vandamme »); « l'avocat » is not the person
            # the text called « l'avocate » (the same lemma in the other gender)
            if (m.head == head if institution else head in m.words and not m.complement_only(head)
                    and (span.root.pos_ != "NOUN" or _written_as(m.text, form, head))) \
                    and (bare or own <= m.words | {head}) \
                    and m.actor.type != "article":
                return Actor(m.actor.name, m.actor.type, m.actor.resolution if m.actor.type == "anonymous"
                             else "role", span.text.strip())
        bodies = self.lex.members_of.get(head)
        if bodies is not None and number == "p":
            # 2b. les inspecteurs, les magistrats financiers, ses auteurs: the staff speaking for a body just named
            complement = _complement_noun(span)  # les observateurs de l'OSCE: the body they are of
            name = self._name_in(complement) if complement is not None else None
            found = self._with_acronym(complement, self._named(complement, name)) if name is not None else None
            if found is not None and found.type == "organization":
                return Actor(found.name, "organization", "role", span.text.strip())
            # a body by its name's noun (inspection, cour); any body only for the bare noun (les auteurs, not « les
            # auteurs présumés »); « of »: by the complement only
            if bodies != ("of",) and (bodies or bare):
                found = self._body_of_members(span, bodies, recent, index)
                if found is not None:
                    return found
        if institution and head not in self.lex.latest_named:
            # 2c. le tribunal → « relaxé par le tribunal correctionnel de Toulouse », written in full before
            name = self._institution_written(head, own, index)
            if name is not None:
                return Actor(name, kind, "role", span.text.strip())
        if possessive:
            return None
        if kind == "organization" and head in COMPANY_PARTS:
            found = self._part_of_company(span, offset, index)
            if found is not None:
                return found
        if _noun_in(span, head, self.lex.latest_named) \
                and not _determined_complement(span):  # « la direction de l'établissement » names its own
            # 3. le club, l'institut, le syndicat: the organisation named last (not a medium told something)
            # one organisation for a singular noun (« les syndicats » are not the company named last), and a
            # union is what « le syndicat » points to, never « l'entreprise » or « la direction »
            union = head in UNION_NOUNS
            # (a body whose proper name is plural is one body: Les Hospices civils de Lyon … la direction)
            orgs = [m for m in _named_organisations(recent)
                    if m.number == number or number == "s" and m.span.root.text[:1].isupper()]
            named_orgs = [m for m in orgs if head in UNION_OR_OTHER or self._is_union(m) == union]
            if head in COMPANY_NOUNS:  # l'entreprise: a company the text showed as one (le groupe Renault, le PDG
                # d'Altéor) before another organisation named since (le cabinet de conseil ISS)
                named_orgs = [m for m in named_orgs if m.head in COMPANY_NOUNS or _company_by_context(m.span)] \
                    or named_orgs
            if union and not named_orgs:  # a union the word list does not know (Union marocaine des travailleurs),
                # not a body named with another organisation's noun (le groupe minier Redstone)
                named_orgs = [m for m in orgs if m.head in UNION_NOUNS or self.lex.role_kind(m.head) != "organization"]
            if named_orgs:
                # the organisation the story is about (subject) before one only in a complement: « Le FC Sion a
                # écopé d'une amende de la Swiss Football League. Le club … » is FC Sion; then one that spoke (« …, a
                # indiqué l'ARS. Le Centre …, à l'Institut Pasteur, a identifié …, précise l'agence »: the ARS)
                target = ([m for m in named_orgs if m.nsubj] or [m for m in named_orgs if m.speaker]
                          or named_orgs)[-1].actor
                return Actor(target.name, target.type, "role", span.text.strip())
            # le club → « l'entraîneur du Sporting Club de Couillet, X »: named only inside a person's phrase, by a name
            # that holds the noun
            inner = _organisation_within(recent, head)
            if inner is not None:
                return Actor(inner, "organization", "role", span.text.strip())
        if institution and bare and head in self.lex.latest_named:
            # 3b. l'établissement with no organisation named: the institution written in full before whose noun it is
            # broader for (« un chef de rayon de l'hypermarché Rivéo … la direction de l'établissement »)
            name = self._institution_written(head, own, index)
            if name is not None:
                return Actor(name, kind, "role", span.text.strip())
        if kind == "person":
            # 3. the latest named person it can be (not one the article gave the same role with other words)
            named = [m for m in recent if m.actor.type == "person" and m.actor.resolution in
                     ("named", "short form", "apposition") and _compatible(m, gender, number)
                     and not self._other_role(m.actor, head, own) and not self._other_office(m.actor, head)]
            if named:  # the person the paragraph is about first: le chef de l'État after « Macron a reçu Scholz »
                pool = [m for m in named if m.subject or m.speaker] or named
                if _noun_in(span, head, self.lex.topic_person):
                    # l'intéressé: the person mentioned most (named, then « il », « le prévenu »), the latest of equals
                    # (a name inside a phrase that is its mention too counts once: « la maire, Évelyne X »)
                    people = [m for m in recent if m.actor.type == "person"]
                    times = Counter(m.actor.name for m in people if not any(
                        o is not m and o.actor.name == m.actor.name and o.start <= m.start and m.end <= o.end
                        for o in people))
                    target = max(reversed(pool), key=lambda m: times[m.actor.name]).actor
                else:
                    target = pool[-1].actor
                return Actor(target.name, target.type, "role", span.text.strip())
            if bare:  # 4. le militaire → un officier de l'armée, the unnamed source that just spoke
                animate = [m for m in recent
                           if m.actor.type in _ANIMATE and m.speaker and _compatible(m, gender, number)]
                if animate:
                    target = animate[-1].actor
                    return Actor(target.name, target.type,
                                 "anonymous" if target.type == "anonymous" else "role", span.text.strip())
        if kind == "media":  # le quotidien → the outlet that spoke last
            # (or a capitalised source of « selon » the recogniser could not type: Selon L'Écho du Bocage)
            outlets = [m for m in recent if m.actor.type == "organization" and (m.speaker or m.subject)
                       or m.according and m.actor.type == "unknown" and m.span.root.text[:1].isupper()] or [
                # or one introduced as an outlet in a complement: « après la publication par le quotidien Handelsblatt
                # d'un document. D'après le journal, … »
                m for m in recent if m.actor.type == "organization" and self._outlet_named(m)]
            if outlets:
                target = outlets[-1].actor
                return Actor(target.name, target.type, "role", span.text.strip())
        return None

    def _outlet_named(self, m: Mention) -> bool:
        """A name written with a media noun (le quotidien Handelsblatt, l'hebdomadaire Le Canard)."""
        if self.lex.role_kind(m.head) == "media":
            return True
        k = m.span.start - 1
        return k >= 0 and self._role_kind(m.span.doc[k]) == "media"

    def _part_of_company(self, span: Span, offset: int, index: int) -> Actor | None:
        """« La direction du groupe », « la direction de l'entreprise publique »: a company's part whose company is
        named by its noun only is that of the company the noun points back to (the group Lactanor named before)."""
        company = _complement_noun(span)
        if company is None or self._name_in(company) is not None:
            return None
        text = span.text.strip()
        if not _noun_in(company, _lemma(company.root), COMPANY_NOUNS | self.lex.latest_named):
            return self._part_of_institution(span, company, offset, index)
        # (or a body « le club », « l'établissement » points back to: la direction de l'établissement)
        found = self._antecedent_of_description(company, "organization", offset, index)
        if found is None or found.type != "organization" or found.resolution == "as written":
            return None
        if fold(found.name).split()[0] == fold(_lemma(span.root)):  # already that part (« direction de X »)
            return Actor(found.name, "organization", "role", text)
        written = company.text.strip()
        if self._broader_for(_lemma(company.root), found.name):  # l'établissement → « l'hôpital de Saint-Dié »
            return Actor(_part_of_name(drop_article(text), written, found.name), "organization", "role", text)
        return Actor(f"{drop_article(text)} {found.name}", "organization", "role", text)

    def _part_of_institution(self, span: Span, institution: Span, offset: int, index: int) -> Actor | None:
        """« La direction du CHU » after « le CHU de Clermont-Ferrand »: the part of the institution written in full
        before, its name put in place of the bare noun (direction du CHU de Clermont-Ferrand)."""
        written = institution.text.strip()
        found = self._antecedent_of_description(institution, "organization", offset, index)
        if found is None or found.resolution != "role":
            return None
        text = span.text.strip()
        head = drop_article(text)
        if found.name.startswith(written + " "):
            return Actor(head[: head.rfind(written)] + found.name, "organization", "role", text)
        if not self._broader_for(written, found.name):
            return None
        return Actor(_part_of_name(head, written, found.name), "organization", "role", text)

    def _institution_written(self, head: str, own: frozenset[str], index: int) -> str | None:
        """The latest institution written in full in the last sentences (_record_institution) that a description
        headed by `head`, with its other words `own`, names: by the same noun, or bare by a broader one (roles.tsv:
        « au CHU de Nantes, … a précisé l'hôpital »)."""
        for sentence, noun, words, name in reversed(self.institutions):
            if (noun == head or not own and self._broader_for(head, noun)) \
                    and sentence <= index and index - sentence <= _LOOKBACK_SENTENCES and own <= words:
                return name
        return None

    def _broader_for(self, noun: str, name: str) -> bool:
        """Whether `noun` is one that names later, with no other word, the institution `name` written in full (by its
        first word: « le magasin » for « hypermarché Rivéo », roles.tsv's column broader)."""
        return fold(noun) in self.lex.broader.get(fold(name.split()[0]), ())

    def _body_of_members(self, span: Span, bodies: tuple[str, ...], recent: list[Mention], index: int) -> Actor | None:
        """The body named in the last sentences whose name starts with one of `bodies` (any body when empty:
        only in the last two)."""
        def written(m: Mention) -> bool:
            # with the body's nouns given, one written in full counts too: la gendarmerie de l'Ardèche … les militaires
            return bool(bodies) and m.actor.type == "organization" and not m.addressee \
                and m.actor.resolution in ("role", "as written") and len(m.actor.name.split()) > 1

        named = {id(m) for m in _named_organisations(recent)}
        orgs = [m for m in recent if (id(m) in named or written(m))
                and index - m.sentence <= (_LOOKBACK_SENTENCES if bodies else 2)  # (any body: only one just named)
                and (not bodies or fold(m.actor.name).split()[0] in bodies)]
        if not orgs:
            return None
        return Actor(orgs[-1].actor.name, "organization", "role", span.text.strip())

    def _is_union(self, m: Mention) -> bool:
        """A trade union: headed by « syndicat », or named as one (words.tsv, class union)."""
        name = fold(m.actor.name)
        acronym = _ACRONYM.search(name)  # Confédération générale du travail (CGT)
        # Grand cadre des syndicats d'enseignants: a union's noun in the name says it too
        return m.head in UNION_NOUNS or name in UNIONS or name.split()[0] in UNIONS \
            or acronym is not None and acronym.group(1) in UNIONS \
            or any(w.rstrip("s") in UNION_NOUNS for w in name.split()[1:])

    def _other_role(self, actor: Actor, head: str, own: frozenset[str]) -> bool:
        """Whether the article gave this actor the same role noun with other words (ministre de la Jeunesse
        is not « le ministre des Postes »)."""
        return any(r.actor.name == actor.name and r.head == head and own and r.words and not own & r.words
                   for r in self.roles)

    def _other_office(self, actor: Actor, head: str) -> bool:
        """Whether the article gave this person another office and not this one (« le ministre » is not the person
        introduced as « le député LFI Mathieu Sorel »; words.tsv class office)."""
        office = OFFICES.get(head)
        if office is None:
            return False
        held = {OFFICES.get(r.head) for r in self.roles if r.actor.name == actor.name} - {None}
        return bool(held) and office not in held

    def _antecedent(self, span: Span, gender: str, number: str, rule: str, offset: int, index: int,
                    speaking: bool = False) -> Actor:
        pos = span.start_char + offset
        pool = [m for m in self._since(index - _LOOKBACK_SENTENCES)
                if m.end <= pos and not m.quoted
                and m.actor.type != "article" and m.actor.resolution != "unresolved"
                and _compatible(m, gender, number)]
        set_off = _set_off_after(span, pool, offset)  # (before the filter below: « L'opposition » is of no known kind)
        if speaking:  # « Elle estime … » speaks: a person or a body, not « l'inflation » just before
            pool = [m for m in pool if m.actor.type != "unknown"] or pool
        if gender != "any":
            # an actor the text already gave the other gender by a noun (Olivier Kayumba, later « le chef de la
            # diplomatie ») is not « celle-ci », even where the name alone says nothing
            other = {m.actor.name for m in self.mentions if m.end <= pos
                     and (m.actor.resolution == "named" or m.speaker and m.actor.resolution in ("role", "apposition"))
                     and m.actor.type == "person"  # (a role noun only where it speaks: « la victime » may be wrong)
                     and m.gender not in ("any", gender)}
            pool = [m for m in pool if m.actor.name not in other or m.gender == gender]
        if not pool and gender != "any":
            # the tagger misreads some nouns' gender (des résidentes → masculine): with no antecedent of
            # the pronoun's gender, the subjects of this sentence and the one before still agree in number
            pool = [m for m in self._since(index - 1)
                    if m.end <= pos and not m.quoted and (m.subject or m.speaker)
                    and m.actor.type != "article" and m.actor.resolution != "unresolved"
                    and _compatible(m, "any", number)]
        if rule == "relative":
            pool = [m for m in pool if m.sentence == index]
        topic = _topic_before(span, pool, offset, index) or set_off if rule == "subject" else None
        if topic is not None:  # Quant à la CFDT du réseau Star, elle s'inquiète …; La direction, elle, assure …
            return Actor(topic.actor.name, topic.actor.type, "pronoun", span.text.strip())
        governing = _governing_subject(span, pool, offset) if rule == "subject" else None
        if governing is not None:  # L'association a annoncé qu'elle attaquerait l'arrêté: the association
            target = governing.actor
            return Actor(target.name, target.type, "anonymous" if target.type == "anonymous" else "pronoun",
                         span.text.strip())
        animate = [m for m in pool if m.actor.type in _ANIMATE]
        if rule == "subject":
            # salience: the speakers and subjects of the nearest sentences, people before institutions — except
            # an institution that is the subject of the sentence just before, after the person (« … », témoigne
            # Camille Roux. La Région reconnaît … Elle promet …: the Region)
            ranked = [m for m in animate if m.speaker or m.subject] or animate or \
                [m for m in pool if m.speaker or m.subject] or (pool if speaking else [])
            latest = max((m for m in pool if m.nsubj and m.sentence < index), key=lambda m: m.start, default=None)
            if latest is not None and ranked and latest.actor.type in ("organization", "government") \
                    and latest.sentence > ranked[-1].sentence and latest.gender == gender != "any" \
                    and not _goes_on(span):
                ranked = [latest]
        elif animate:
            # celui-ci, ce dernier: « the latter », the person named last, speaking or not (… a estimé le
            # sélectionneur. Ce dernier → the coach; son manager, Éric Delmas, a assuré … Celui-ci → Delmas),
            # never a medium told something (à l'AFP)
            ranked = [m for m in animate if not m.addressee] or animate
        else:
            ranked = pool
        text = span.text.strip()
        if not ranked:
            return Actor(text, "unknown", "unresolved", text)
        target = ranked[-1].actor
        resolution = "anonymous" if target.type == "anonymous" else "pronoun"
        return Actor(target.name, target.type, resolution, text)


def _governing_subject(span: Span, pool: list[Mention], offset: int) -> Mention | None:
    """The subject pronoun of a clause that completes a verb (que-clause, adverbial, infinitive) is that verb's
    own subject, written before it, when they agree (the pool holds only mentions that do)."""
    tok = span.root
    if not tok.dep_.startswith("nsubj") or len(span) != 1:
        return None
    node = tok.head
    for _ in range(4):
        if node.dep_ not in ("ccomp", "advcl", "xcomp") or node.head.i == node.i:
            return None
        node = node.head
        subject = next((c for c in children(node) if c.dep_.startswith("nsubj") and c.i < tok.i
                        and c.pos_ in ("NOUN", "PROPN")), None)
        if subject is not None:
            at = subject.idx + offset
            return next((m for m in reversed(pool) if m.start <= at < m.end), None)
    return None


def _counted_subject(tok: Token, sent: Span) -> bool:
    """« Plus de 200 agriculteurs ont déversé … »: the parser hangs the counted noun on « plus », opening the
    sentence; the noun is the subject of the verb after it."""
    opening = sent[0]
    if opening.pos_ != "ADV" or opening.lower_ not in APPROXIMATE or tok.i > sent.start + 4:
        return False
    # « plus » hung on the noun (then the noun on the verb), or the noun on « plus » (then « plus » on the verb)
    verb = tok.head if opening.head.i == tok.i else opening.head if tok.head.i == opening.i else None
    return verb is not None and verb.i > tok.i and verb.pos_ in ("VERB", "AUX")


def _with_adjectives(ent: Span) -> Span:
    """l'Union étudiante, la Coordination rurale: the lower-case adjectives the entity left out are its name's (not
    an acronym's: « la CGT locale » is the CGT)."""
    if len(ent) == 1 and ent[0].text.isupper():
        return ent
    toks = tokens_of(ent.doc)
    end, stop = ent.end, sent_end(ent[0])
    while end < stop and end - ent.end < 2 and toks[end].pos_ == "ADJ" and toks[end].is_lower \
            and toks[end].head.i in range(ent.start, ent.end) and toks[end].dep_ == "amod":
        end += 1
    return ent.doc[ent.start:end] if end > ent.end else ent


def _topic_before(span: Span, pool: list[Mention], offset: int, index: int) -> Mention | None:
    """« Quant à X, elle … »: the topic the sentence opens with, which the pronoun takes up."""
    toks = tokens_of(span.doc)
    start = sent_start(span[0])
    if span.start - start < 4 or toks[start].lower_ != "quant" or toks[start + 1].lower_ not in ("à", "au", "aux"):
        return None
    opened = toks[start + 2].idx + offset
    return next((m for m in pool if m.sentence == index and m.start >= opened), None)


def _part_of_name(phrase: str, written: str, name: str) -> str:
    """The part a phrase names, of the institution `name` its last noun (`written`) points back to: « direction du
    magasin » of "hypermarché Rivéo" → "direction de l'hypermarché Rivéo"."""
    return f"{_OF_END.sub('', phrase[: phrase.rfind(written)])} {_of_name(name)}"


def _of_name(name: str) -> str:
    """« de » and the name it introduces: d'Ibrahim Koné, de Matignon; du préfet du Finistère for a role written in
    lower case (a role noun as written: masculine or epicene far more often)."""
    vowel = strip_accents(name[:1].lower()) in "aeiouyh"
    if name[:1].islower():
        return f"de l'{name}" if vowel else f"du {name}"
    return f"d'{name}" if vowel and name[:1] != "H" else f"de {name}"


def _opening_role_of_name(phrase: Span) -> Span:
    """« Candidat malheureux à la présidentielle, Mamadou Traoré n'entend pas … »: a role opening the sentence with
    no article and set off by a comma is the apposition of the name after it, the one the sentence is about (the
    parser takes the role for the subject): the phrase through the name, else the phrase itself."""
    toks = tokens_of(phrase.doc)
    k = phrase.end
    while k < len(toks) and k - phrase.end < 10 and not toks[k].is_punct and toks[k].pos_ not in ("VERB", "AUX"):
        k += 1  # (the rest of the role, where the phrase stopped before its complement: à la présidentielle)
    if phrase[0].pos_ == "DET" or phrase.start != sent_start(phrase[0]) or k + 1 >= len(toks) \
            or toks[k].text != "," or toks[k + 1].ent_iob_ != "B" or toks[k + 1].ent_type_ != "PER":
        return phrase
    return phrase.doc[phrase.start: entity_end(toks, k + 2)]


def _first_name_of_couple(name: Span, lex: Lexicon) -> str | None:
    """« Annick et Loïc Gautier baissent le rideau »: a first name alone, then « et » and a first name with a family
    name, is the first person of a couple sharing that family name: "Annick Gautier"; None otherwise."""
    toks = tokens_of(name.doc)
    k = name.end
    if len(name) != 1 or not lex.first_name_gender(name.text) or k + 2 >= len(toks) or toks[k].lower_ != "et" \
            or toks[k + 1].ent_iob_ != "B" or toks[k + 1].ent_type_ != "PER" \
            or not lex.first_name_gender(toks[k + 1].text):
        return None
    end = entity_end(toks, k + 2)
    family = toks[end - 1]
    return f"{name.text} {family.text}" if end - k >= 3 and family.text[:1].isupper() else None


def _goes_on(span: Span) -> bool:
    """« … », a-t-elle ajouté: an inverted pronoun whose verb goes on with the quotation before (words.tsv, going_on)
    is the person quoted, not « L'institution recommande … » in between."""
    toks = tokens_of(span.doc)
    if not span[0].text.startswith("-"):
        return False
    k = span.start - 1
    while k > 0 and toks[k].lower_ in ("-t", "-t-"):
        k -= 1
    # the verb before the pronoun (ajoute-t-elle, poursuit-il), or the participle after it (a-t-elle ajouté)
    verbs = [toks[k]] + ([toks[span.end]] if span.end < len(toks) else [])
    return any(t.pos_ in ("VERB", "AUX") and _lemma(t) in GOING_ON for t in verbs)


def _set_off_after(span: Span, pool: list[Mention], offset: int) -> Mention | None:
    """« L'opposition, elle, revendique … »: a pronoun set off by commas right after a mention takes that mention up
    (the contrast with the actor before), not the salient one."""
    toks = tokens_of(span.doc)
    if span.start < 2 or span.end >= len(toks) or toks[span.start - 1].text != "," or toks[span.end].text != ",":
        return None
    before = toks[span.start - 1].idx + offset
    return next((m for m in reversed(pool) if m.end == before), None)


def _organisation_within(mentions: list[Mention], noun: str) -> str | None:
    """The latest organisation's name inside a mention's phrase that holds the noun (club in « l'entraîneur du
    Sporting Club de Couillet, Dirk Vermeulen »)."""
    for m in reversed(mentions):
        for ent in reversed(entities(m.span)):
            if ent.label_ == "ORG" and noun in fold(span_text(ent)).replace("'", " ").split():
                return drop_article(span_text(ent).strip())
    return None


def _named_organisations(mentions: list[Mention]) -> list[Mention]:
    """The mentions naming an organisation (not a description of one, not a medium told something), in order."""
    return [m for m in mentions if m.actor.type == "organization" and not m.addressee
            and m.actor.resolution in ("named", "alias", "short form")]


def _company_by_context(name: Span) -> bool:
    """A name that has a company's direction, boss or shareholders (« la direction de X », « le PDG d'X »), or where
    people work (« chez X »): words.tsv classes company_part and company_at."""
    if name.start == 0:
        return False
    before = name.doc[name.start - 1]
    # the word the preposition hangs on (the parser may make a later word of the name its root)
    owned = next((t for t in name if before.head == t), None)
    if before.dep_ != "case" or owned is None:
        return False
    return before.lower_ in COMPANY_AT or before.lower_ in OF and owned.dep_ == "nmod" \
        and _lemma(owned.head) in COMPANY_PARTS


def _label(tok: Token) -> bool:
    """An organisation's name or acronym after a role (député LR, délégué syndical SNB-CFE-CGC): not a person's."""
    return tok.ent_type_ in ("ORG", "MISC") or len(tok.text) > 1 and tok.text.replace("-", "").isupper()


def _party_label(ent: Span, head: Token) -> bool:
    """One upper-case word right after a role noun (l'élu PLR, la députée LFI): a label, not a name."""
    return len(ent) == 1 and ent.start == head.i + 1 and ent[0].text.isupper() and len(ent[0].text) >= 2 \
        and ent.label_ != "PER"  # (le président AMLO: a person's name)


def _without_party(ent: Span) -> Span:
    """A person's name read with the party label before it (la députée LFI Nora Belkacem): the name alone."""
    return ent[1:] if len(ent) >= 3 and _acronym(ent[:1]) and ent[1].text[:1].isupper() else ent


def _complement_noun(span: Span) -> Span | None:
    """« de la préfecture » in « un communiqué de la préfecture »: the noun phrase of the head's de-complement, or
    of the agent of a participle on the head (un bilan communiqué par la préfecture)."""
    head = span.root
    for tok in tokens_in(span):
        if tok.i > head.i and tok.pos_ in ("NOUN", "PROPN") and (tok.head.i == head.i and tok.dep_ == "nmod"
                                                                 or _agent_of_participle(tok, head)):
            start = tok.left_edge.i
            while start < tok.i and span.doc[start].pos_ == "ADP":
                start += 1
            return span.doc[start: min(tok.right_edge.i + 1, span.end)]
    return None


_DEPARTMENT_ARTICLES = {"le": "du ", "la": "de la ", "l'": "de l'", "les": "des "}  # dans le Gard: préfecture du Gard


def _agent_of_participle(tok: Token, head: Token) -> bool:
    """« la préfecture » in « un bilan communiqué par la préfecture »: the agent of a participle qualifying the head."""
    verb = tok.head
    return tok.dep_ == "obl:agent" and verb.head.i == head.i and verb.dep_ == "acl" and verb.i > head.i


def _clefted(tok: Token) -> bool:
    """C'est la compagne de la victime qui a alerté …: the noun put first by « c'est … qui »."""
    doc = tok.doc
    toks = tokens_of(doc)
    i = tok.i - 1
    start = sent_start(tok)
    while i > start and toks[i].pos_ in ("DET", "ADJ"):
        i -= 1
    return i > start and toks[i].lower_ == "est" and toks[i - 1].lower_ in ("c'", "ce")


@lru_cache(maxsize=4)
def _institution_ids(lex: Lexicon) -> frozenset[int]:
    """The string ids (tokens.column) of the institution nouns that stay as written with no name (le tribunal, la
    préfecture: roles.tsv, organization or government, not refers latest)."""
    return frozenset(string_id(noun) for noun, kind in lex.roles.items()
                     if kind in ("organization", "government") and noun not in lex.latest_named)


@lru_cache(maxsize=4)
def _body_ids(lex: Lexicon) -> dict[int, str]:
    """The string ids (tokens.column) of the role nouns whose holder heads an institution → that institution's noun
    (roles.tsv, column body: procureur → parquet)."""
    return {string_id(noun): body for noun, body in lex.body_of.items()}


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _noun_in(span: Span, head: str, nouns: frozenset[str]) -> bool:
    """Whether a description's noun is one of `nouns`, by its lemma (`head`) or as written (l'intéressé: the tagger
    may lemmatise it as the verb)."""
    return head in nouns or span.root.lower_ in nouns


def _of_before_place(toks: list[Token], i: int, start: int) -> int | None:
    """Where the « de » opening the place word at i stands, after `start`: right before it (de Rennes, des
    Deux-Sèvres) or before its article (de la Vendée, de l'Isère); None when no « de » opens it."""
    if toks[i - 1].lower_ in OF:
        return i - 1
    if i - 2 > start and toks[i - 1].lower_ in _DEFINITE and toks[i - 2].lower_ in DE:
        return i - 2
    return None


_POSSESSIVES = ("son", "sa", "ses", "leur", "leurs")
_DEFINITE = ("le", "la", "l'")
_NO_MENTION = frozenset((VERB, AUX, PUNCT, ADP, CCONJ, SCONJ, NUM, SPACE, SYM))
_NSUBJ, _EST, _NMOD, _PER = string_id("nsubj"), string_id("est"), string_id("nmod"), string_id("PER")
_PER_ORG = frozenset((_PER, string_id("ORG")))
_ONE_OF_TWO = FIRST_OF_TWO | SECOND_OF_TWO
_ONE_OF_TWO_IDS = frozenset(string_id(w) for w in _ONE_OF_TWO)  # as LOWER ids
_NOUN_TAGS, _NOUN_ADJ_TAGS = frozenset((NOUN, PROPN)), frozenset((NOUN, ADJ, PROPN))
_DEMONYM_ENDINGS = ("ais", "aise", "ois", "oise", "ien", "ienne", "éen", "éenne", "ain", "aine", "an", "ane",
                    "in", "ine", "ol", "ole", "ard", "arde", "on", "onne", "ote", "iote", "ate")
# one's demonym before one's name (la Gatinoise Émilie Tremblay-Sauvé): not -on, a body's too (la Maison Jean Vilar)
_PERSON_DEMONYM_ENDINGS = tuple(e for e in _DEMONYM_ENDINGS if not e.startswith("on"))


def _singular_demonym(span: Span) -> bool:
    """la Niçoise, le Lyonnais, l'Espagnol: one capitalised word named after a place, with a singular article."""
    words = [t for t in tokens_in(span) if not t.is_punct]
    if len(words) != 2 or words[0].lower_ not in ("le", "la", "l'"):
        return False
    word = words[1]
    return word.text[:1].isupper() and word.text[1:].islower() and word.lower_.endswith(_DEMONYM_ENDINGS) \
        and word.ent_type_ != "PER"


def _addressee(span: Span, lex: Lexicon) -> bool:
    """à l'AFP, au Parisien, auprès de franceinfo after a reporting verb: the one told, not the speaker."""
    if span.start == 0:
        return False
    toks = tokens_of(span.doc)
    i = span.start - 1
    while i > 0 and toks[i].pos_ == "DET":
        i -= 1
    if toks[i].lower_ == "par" and i > 0 and toks[i - 1].lemma_.lower() in INTERVIEWING:
        return span.root.ent_type_ != "PER"  # joint par RFI, interrogée par Le Monde: the medium asked
    near = toks[i].lower_ in OF and i > 0 and toks[i - 1].lower_ == "auprès"  # a réagi auprès du Soir
    if toks[i].lower_ not in ("à", "au", "aux") and not near or span.root.ent_type_ == "PER":
        return False
    verb = span.root.head
    if near:  # the parser hangs « auprès » anywhere: the verb is the last one before it
        start = sent_start(span[0])
        verb = next((toks[k] for k in range(i - 2, max(start, i - 15) - 1, -1) if toks[k].pos_ == "VERB"), verb)
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    found = lex.verbs.get(_lemma(verb)) or lex.verbs.get(verb.lemma_.lower())
    # (a-t-on appris auprès de la préfecture: that one is the source)
    return bool(found) and not (near and any("on" in v.frames for v in found))


def _head_complements(span: Span) -> list[Token]:
    """The nouns of the head's de-complements (« l'accusé » in « l'avocate de l'accusé »)."""
    head = span.root.i
    doc = span.doc
    tags, deps, toks = pos_ids(doc), column(doc, DEP), tokens_of(doc)  # the Token only for a noun in « nmod »
    return [toks[i] for i in range(span.start, span.end) if tags[i] in _NOUN_TAGS and i != head
            and deps[i] == _NMOD and toks[i].head.i == head]


def _complement_nouns(span: Span) -> frozenset[str]:
    """Lemmas of the nouns of the head's de-complements (« l'avocate de l'accusé » → accusé)."""
    return frozenset(_lemma(t) for t in _head_complements(span))


_CONTRACTED = OF - DE  # du, des: « de » with its article


def _determined_complement(span: Span) -> bool:
    """« la direction de l'établissement », « le club du président »: a de-complement with its own determiner names
    another entity; « l'organisme de prévision », « l'entreprise de Lanester » only describe. « du », « des » hold
    their article (la direction du CHU)."""
    return any(any(c.dep_ == "det" or c.lower_ in _CONTRACTED for c in children(t)) for t in _head_complements(span))


def _noun_words(span: Span) -> frozenset[str]:
    """Lemmas of the nouns and adjectives of a phrase (its role and what qualifies it)."""
    doc = span.doc
    tags, toks = pos_ids(doc), tokens_of(doc)  # a lemma read only for a noun or an adjective
    return frozenset(_lemma(toks[i]) for i in range(span.start, span.end)
                     if tags[i] in _NOUN_ADJ_TAGS and len(toks[i]) > 1)


def _side_named(span: Span) -> tuple[str, bool] | None:
    """« Du côté russe, on … » / « côté ukrainien, on … »: the side named before the impersonal subject, and
    whether it is a common noun (du côté de la direction académique: one body; des autorités: no one)."""
    doc = span.doc
    toks = tokens_of(doc)
    for tok in doc[sent_start(span): span.start]:
        if tok.lower_ == "côté" and tok.i + 1 < span.start:
            nxt = toks[tok.i + 1]
            if nxt.lower_ in OF and tok.i + 2 < span.start:
                nxt = toks[tok.i + 2]
                if nxt.pos_ == "DET" and tok.i + 3 < span.start:  # du côté de l'Élysée
                    nxt = toks[tok.i + 3]
            if nxt.pos_ in ("ADJ", "PROPN") and nxt.text[:1].isalpha():  # du côté des autorités: no one named
                return nxt.text, False
            if nxt.pos_ == "NOUN" and nxt.i > tok.i + 1 and toks[nxt.i - 1].lower_ in ("du", "la", "l'"):
                # du côté du gouvernement wallon: one body, with its qualifiers up to the comma
                end = nxt.i + 1
                while end < span.start and toks[end].pos_ == "ADJ":
                    end += 1
                return doc[nxt.i: end].text, True
    return None


def _capitalised_after(head: Token, end: int) -> Span | None:
    """The capitalised words right after a company's noun (after at most two qualifiers: le groupe textile
    Textinord), whatever their tags: the company's name; None when no capital follows."""
    toks = tokens_of(head.doc)
    k = head.i + 1
    while k < end and k - head.i <= 2 and toks[k].pos_ in ("ADJ", "NOUN") and toks[k].is_lower:
        k += 1
    first = k
    while k < end and toks[k].pos_ in ("NOUN", "PROPN") and toks[k].text[:1].isupper() and toks[k].is_alpha:
        k += 1
    # the name must end there: the phrase's end, a comma, a verb, or « de » and a place (Textinord de Wattrelos);
    # not a name that runs on in lower case (le syndicat Force ouvrière, l'ONG Médecins sans frontières)
    closed = k >= end or toks[k].is_punct or toks[k].pos_ in ("VERB", "AUX") or toks[k].lower_ in ("de", "d'") \
        and k + 1 < end and toks[k + 1].text[:1].isupper()
    return head.doc[first:k] if k > first and closed else None


def _capitalised(ent: Span) -> bool:
    """A name starts with a capital: « le ministre de la Défense » tagged ORG is a role, not a name."""
    first = next((t for t in ent if t.pos_ != "DET"), ent[0])
    return not first.text[:1].islower()


def _role_before(name: Span, lex: Lexicon) -> tuple[Token, Span] | None:
    """« La ministre des Transports, Claire Vautrin » / « l'agent Aquilino Gonell »: the role just before a name."""
    doc = name.doc
    toks = tokens_of(doc)
    i = name.start - 1
    start = sent_start(name)
    j = i
    while j >= start and toks[j].pos_ == "DET":
        j -= 1
    if j >= start and toks[j].pos_ == "ADP":
        return None  # chercheuse au CNRS: the name is the role's complement, not the one who holds it
    near = _role_right_before(name, lex)
    if near is not None:
        return near
    if i >= start and toks[i].text == ",":
        i -= 1
    end = i + 1
    phrase_start = None
    while i >= start and end - i <= 10:
        tok = toks[i]
        if tok.pos_ in ("VERB", "AUX") or tok.is_punct and tok.text not in "-'" or tok.lower_ in ("selon", "pour"):
            break
        if tok.pos_ == "DET" and (i == start or toks[i - 1].pos_ not in ("ADP",)):
            phrase_start = i
            break
        i -= 1
    if phrase_start is None:
        phrase_start = i + 1
    while phrase_start < end and toks[phrase_start].pos_ == "ADP":
        phrase_start += 1  # sans la milieu lyonnaise Amandine Ravel: the role after the preposition
    phrase = doc[phrase_start:end]
    for tok in phrase:
        if _is_role(tok, lex):
            return tok, phrase
        if tok.pos_ == "ADP":
            break  # the role is the phrase's head, not a noun in its complement
    # le ministre de la Santé et de l'Hygiène publique, le Dr Lassané Zoungrana: a role further back whose
    # phrase (its portfolios, a second role, a title) runs through the name
    for k in range(phrase_start - 1, max(start, name.start - 30) - 1, -1):
        tok = toks[k]
        if tok.pos_ in ("VERB", "AUX"):
            break
        if not _is_role(tok, lex):
            continue
        phrase = noun_phrase(tok)
        # (not l'accusé in « L'avocate de l'accusé, Me Sonia Belkacem »: a complement's noun is not the role)
        if phrase.end >= name.end and not (phrase.start > start and toks[phrase.start - 1].pos_ == "ADP"):
            return tok, doc[phrase.start: name.start]
    return None


def _role_right_before(name: Span, lex: Lexicon) -> tuple[Token, Span] | None:
    """« l'arrivée du troisième-ligne sud-africain Pieter van Rooyen », « le porte-parole du ministre Jean Roux »: a
    role noun glued to the name (at most two adjectives between) is the name's, whatever phrase it is the complement
    of."""
    toks = tokens_of(name.doc)
    k, start = name.start - 1, sent_start(name)
    while k >= start and name.start - k <= 2 and (toks[k].pos_ == "ADJ" or toks[k].is_lower and "-" in toks[k].text
                                                    and not _is_role(toks[k], lex)):
        k -= 1  # (sud-africain, tagged punctuation)
    if k > start and _party_label(name.doc[k: k + 1], toks[k - 1]) and _is_role(toks[k - 1], lex):
        k -= 1  # le député LFI Mathieu Sorel: the party between the role and the name
    if k < start or toks[k].pos_ != "NOUN" or not toks[k].is_lower or not _is_role(toks[k], lex):
        return None
    first = k - 1 if k > start and toks[k - 1].pos_ == "DET" else k
    return toks[k], name.doc[first: name.start]


def _acronym(name: Span) -> bool:
    """One upper-case word of two to six letters (ARS, FNSEA)."""
    return len(name) == 1 and name[0].is_alpha and name[0].text.isupper() and 2 <= len(name[0].text) <= 6


def _place_after(doc: Doc, k: int, end: int) -> int:
    """The end of a place name from k, after an optional « de/du/des » (Occitanie, des Pays de la Loire), within
    `end`; k when none is there."""
    toks = tokens_of(doc)
    j = k + 1 if k < end and toks[k].lower_ in OF else k
    if j >= end or toks[j].ent_type_ != "LOC" or not toks[j].text[:1].isupper():
        return k
    while j < end and toks[j].ent_type_ == "LOC" and (toks[j].text[:1].isupper() or j > k and toks[j].ent_iob_ == "I"):
        j += 1
    return j


def _place_at(span: Span, char: int) -> str:
    """« Bretagne » (with its space) when a place name starts right after the character offset `char` within the
    span, else ""."""
    k = next((t.i for t in span if t.idx >= char), span.end)
    end = _place_after(span.doc, k, span.end)
    return " " + span_text(span.doc[k:end]).strip() if end > k else ""


def _name_end(span: Span, k: int) -> int:
    """The end of the capitalised words from k within the span."""
    while k < span.end and span.doc[k].text[:1].isupper() and not span.doc[k].is_punct:
        k += 1
    return k


def _is_role(tok: Token, lex: Lexicon) -> bool:
    return tok.pos_ in ("NOUN", "PROPN", "ADJ") and lex.role_kind(_lemma(tok), tok.lower_) in (
        "person", "media", "organization", "government")


def _role_after(name: Span, lex: Lexicon) -> tuple[Token, Span] | None:
    """« Claire Vautrin, ministre de … » / « Harona Sy, le commissaire central »: an apposed role after a name."""
    doc = name.doc
    toks = tokens_of(doc)
    i = name.end
    end = sent_end(name)
    if i >= end or toks[i].text != ",":
        return None
    j = i + 1
    while j < end and j - i <= 3 and toks[j].pos_ in ("DET", "ADJ"):
        j += 1
    # « Julien M., accusé d'avoir … »: a participle that is also a role noun (accusé, prévenu, élu) names one too
    noun_like = toks[j].pos_ in ("NOUN", "PROPN") if j < end else False
    participle = j < end and j == i + 1 and toks[j].pos_ in ("VERB", "ADJ") \
        and lex.roles.get(toks[j].lower_) == "person"
    if (noun_like or participle) and lex.roles.get(_lemma(toks[j]), lex.roles.get(toks[j].lower_)) \
            in ("person", "media", "organization", "government"):
        k = j + 1
        while k < end and not (toks[k].is_punct and toks[k].text not in "-'") and toks[k].pos_ not in ("VERB", "AUX"):
            k += 1
        if k < end and toks[k].pos_ in ("VERB", "AUX") and toks[j].dep_.startswith("nsubj"):
            return None  # « Interrogé sur Mbappé, le technicien a refusé »: a subject, not an apposition
        return toks[j], doc[i + 1:k]
    return None


def _pronoun_key(tok: Token) -> str:
    key = tok.lower_
    if key in LATTER and tok.i > 0:
        key = f"{tok.doc[tok.i - 1].lower_} {key}"
    return key


def _pronoun_span(tok: Token) -> Span:
    if tok.lower_.startswith("dernier") or tok.lower_.startswith("dernière"):
        return tok.doc[tok.i - 1: tok.i + 1]
    return tok.doc[tok.i: tok.i + 1]


def _agreement(span: Span, lex: Lexicon) -> tuple[str, str]:
    """Gender and number of a mention, 'any' gender where the text does not say (most names)."""
    first = span[0].lower_
    if first in ("m.", "monsieur"):
        return "m", "s"
    if first in ("mme", "madame", "mlle"):
        return "f", "s"
    pron = lex.pronouns.get(fold(span_text(span)))
    if pron is not None:  # looked up first: what follows reads the tagger only for the other mentions
        return pron.gender, pron.number
    head = span.root
    doc = span.doc
    tags, toks = pos_ids(doc), tokens_of(doc)
    det = next((toks[i] for i in range(span.start, span.end) if tags[i] == DET), None)  # the integer tag
    plural_det = first in ("les", "des", "ces") or det is not None and "Plur" in morph_get(det, "Number")
    # a name's number comes from its determiner only (the tagger makes "Elvis" plural)
    name = head.pos_ == "PROPN" or head.ent_type_ in ("PER", "ORG", "LOC", "MISC")
    singular_det = det is not None and "Sing" in morph_get(det, "Number")  # l'état-major interarmées: the article
    number = "p" if plural_det or not name and not singular_det and "Plur" in morph_get(head, "Number") else "s"
    ents = column(doc, ENT_TYPE)
    named = _PER in ents[span.start:span.end]
    if named:  # the tagger's gender for names is unreliable (Juan → Fem); a known first name is not
        given = _given_name(span, lex)
        gender = lex.first_name_gender(given) if given else None
        if gender is not None:
            return gender, number
    if name and head.ent_type_ == "PER":
        return "any", number
    # l'économiste Philippe Martin: with a name, only the determiner may tell (the noun's gender is a guess)
    # l'ancienne ministre: an adjective before the noun agrees, where an epicene noun's tagged gender is a guess
    adjectives = [toks[i] for i in range(span.start, head.i) if tags[i] == ADJ]
    # (the tagger guesses the gender of a prefixed role it does not know: « l'ex-infirmière » → masculine)
    prefixed = any(head.lower_.startswith(p) for p in ROLE_PREFIXES)
    # (nor the gender of a role said alike of both, l'universitaire: words.tsv epicene_ending)
    epicene = head.lower_.endswith(EPICENE_ENDINGS) and lex.roles.get(head.lower_) == "person"
    for tok in (det,) if named else (det, *adjectives) if prefixed or epicene else (det, *adjectives, head):
        if tok is not None:
            g = morph_get(tok, "Gender")
            if g and named and g[0] == "Masc":
                return "any", number  # le docteur Hélène Vasseur: a masculine role noun is said of women too
            if g:
                return ("f" if g[0] == "Fem" else "m"), number
    return "any", number


def _verb_between(doc: Doc, start: int, end: int) -> bool:
    """Whether a verb or an auxiliary lies between two character offsets of the doc."""
    span = char_span(doc, start, end)
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def _initials_of(acronym: str, name: str, named: int) -> bool:
    """Whether an acronym's capitals are, in order, the initials of the name's words (« Office français de la
    biodiversité » for OFB) and the words past the first `named` ones give at least one of them: a stricter test
    than _abbreviates, for words the recogniser left out of the name."""
    capitals = [c for c in strip_accents(acronym) if c.isupper()]
    initials = [w[0] for w in strip_accents(fold(name)).replace("'", " ").replace(",", " ").split()]
    if len(capitals) < 2 or not initials or capitals[0].lower() != initials[0]:
        return False
    k, last = 0, -1
    for i, c in enumerate(initials):
        if k < len(capitals) and c == capitals[k].lower():
            k, last = k + 1, i
    return k == len(capitals) and last >= named


def _abbreviates(acronym: str, name: str, organization: bool = True) -> bool:
    """Whether a word in parentheses is the name's acronym: its letters in the name's order, from its first
    letter (ARS, Minusca, G7 — not « (France) » after « Quai d'Orsay », nor a party's label after a person)."""
    letters = [c for c in strip_accents(fold(acronym)) if c.isalpha()]
    words = strip_accents(fold(drop_article(name)))  # (Anses: the e of « sécurité »)
    if organization and acronym.isupper() and len(letters) >= 3 and words:
        return True  # FINMA for « Autorité fédérale de surveillance des marchés financiers »: another language's
    if not letters or not words or letters[0] != words[0] or sum(c.isupper() for c in acronym) < 1:
        return False
    rest = iter(words)
    return all(c in rest for c in letters)


_AGENT_ENDINGS = ("eur", "euse", "trice", "iste", "ien", "ienne", "ier", "ière", "aire", "ant", "ante")


def _agent_noun(tok: Token) -> bool:
    """A common noun shaped like one for a person (pêcheur, chercheuse, quinquagénaire, manifestant): with an
    article and speaking, it points back to the person just quoted."""
    return tok.pos_ == "NOUN" and tok.text.islower() and fold(tok.text).endswith(_AGENT_ENDINGS) \
        and "Plur" not in morph_get(tok, "Number")


def _written_as(text: str, form: str, lemma: str) -> bool:
    """Whether a mention writes its noun `lemma` as `form` (not in another gender: avocate for avocat)."""
    words = {w.split("'")[-1].split("’")[-1] for w in text.lower().replace(",", " ").split()}
    return form in words or lemma not in words and not any(w.startswith(form) and w != form for w in words)


def _aged(span: Span) -> bool:
    """« le marin-pêcheur de 52 ans »: a phrase giving an age is a person."""
    toks = list(tokens_in(span))
    return any(t.lower_ == "ans" and k >= 2 and toks[k - 1].like_num and toks[k - 2].lower_ == "de"
               for k, t in enumerate(toks))


def _given_name(span: Span, lex: Lexicon) -> str:
    """The first word of the speaker's own name in a mention, not a complement's (la mère de Théo, Valérie
    Guillou → Valérie), honorifics skipped (Me Julien Sarfati → Julien); "" when there is none."""
    for ent in entities(span):
        if ent.label_ != "PER" or _in_complement(ent[0], span):
            continue
        words = [t.text for t in ent]
        while words and lex.roles.get(words[0].lower()) == "honorific":
            words.pop(0)  # Me Julien Sarfati; « Steve M. » keeps its initial (« m. » after a name is no honorific)
        # a first and a last name (a surname alone may be a first name too: Laurent, Martin)
        return words[0] if len(words) >= 2 else ""
    return ""


def _compatible(m: Mention, gender: str, number: str) -> bool:
    return (gender == "any" or m.gender in ("any", gender)) and m.number == number


def _in_complement(tok: Token, span: Span) -> bool:
    """le secrétaire général de (la) CFDT: the name is a complement of the role, not the speaker."""
    i = tok.i - 1
    doc = tok.doc
    if i > span.start and doc[i].text == "(" and tok.ent_type_ == "PER" and tok.i + 1 < span.end \
            and doc[tok.i + 1].text == ")" and any(t.ent_type_ == "PER" for t in doc[tok.i + 2: span.end]):
        # la porte-parole du Bureau de la coordination … (Ocha), Maria Ekström: one word in parentheses, a body's
        # acronym in the complement taken for a person, with the speaker's name after it
        return any(doc[k].lower_ in _PREPOSITIONS for k in range(span.root.i + 1, i))
    if i > span.start and doc[i].text == "(":
        # la chercheuse de l'Institut des géosciences de l'environnement (IGE): an acronym is where its name is
        named = tok.head if span.start <= tok.head.i < i else doc[i - 1]
        while named.i > span.start and named.ent_iob_ == "I":
            named = doc[named.i - 1]
        return _in_complement(named, span)
    # (le patron de l'assureur Axelia: the role noun before the name, and its article, lead to the « de »)
    while i > span.start and doc[i].pos_ in ("NOUN", "ADJ") and doc[i].text.islower() and doc[i - 1].pos_ == "DET":
        i -= 1
    while i >= span.start and doc[i].pos_ == "DET":
        if doc[i].lower_ in ("du", "des"):  # le ministre des Postes, des Télécommunications: de + article
            return True
        i -= 1
    return i >= span.start and doc[i].lower_ in _PREPOSITIONS


def _strip_honorific(name: Span, lex: Lexicon) -> Span:
    while len(name) > 1 and lex.roles.get(name[0].lower_) == "honorific":
        name = name[1:]
    return name


def _apposed_role(name: Span, lex: Lexicon) -> bool:
    """Ara Aprikian, le directeur …: a name followed by a person's role is a person whatever NER says."""
    doc = name.doc
    window = doc[name.end: min(sent_end(name), name.end + 4)]
    # a known person role only: « L'US Marquette, pensionnaire de Régional 1 » stays a club
    return any(lex.roles.get(t.lemma_.lower()) == "person" for t in window if t.pos_ == "NOUN")


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]
