"""Who is speaking: every actor mention of an article resolved to a canonical actor.

Mentions are read in text order; a pronoun or a bare role (celui-ci, ce dernier, il,
le ministre) points to an earlier compatible actor, a short name (Lavrov) to the full name
seen before (Sergueï Lavrov), a capital (Moscou) to its government through the alias file.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from claims.lexicon import Lexicon, fold
from claims.quotes import Quote, quote_at
from claims.tokens import entities

ANONYMOUS = "anonymous source"
_NAME_ENTS = ("PER", "ORG", "LOC", "MISC")
_PREPOSITIONS = {"de", "d'", "du", "des", "à", "au", "aux", "en", "par", "pour", "sur", "avec"}
_DEFINITE = {"le", "la", "l'", "les"}
_LOOKBACK_SENTENCES = 4


@dataclass(frozen=True)
class Actor:
    name: str
    type: str  # person | organization | government | anonymous | article | unknown
    resolution: str = "named"


@dataclass
class Mention:
    start: int  # offsets in the article
    end: int
    actor: Actor
    gender: str  # m | f | any
    number: str  # s | p
    subject: bool
    quoted: bool
    sentence: int
    text: str = ""


@dataclass
class Resolver:
    """Resolves mentions of one article, in order. Feed it each sentence with `read_sentence`."""
    lex: Lexicon
    mentions: list[Mention] = field(default_factory=list)
    full_names: dict[str, str] = field(default_factory=dict)  # last word → full name

    def actor_at(self, start: int, end: int) -> Actor | None:
        for m in self.mentions:
            if m.start == start and m.end == end:
                return m.actor
        return None

    def actors_within(self, start: int, end: int) -> list[Actor]:
        """Actors named in a span (names and demonstratives; not il/elle, often impersonal there)."""
        found = []
        for m in self.mentions:
            rule = self.lex.pronouns.get(fold(m.text))
            if start <= m.start and m.end <= end and (rule is None or rule.rule == "latest") \
                    and m.actor.resolution != "unresolved" and m.actor.name not in {a.name for a in found}:
                found.append(m.actor)
        return found

    def read_sentence(self, sent: Span, offset: int, index: int, quotes: list[Quote],
                      speakers: list[Span]) -> None:
        """Resolve the sentence's mentions: statement speakers first-class, then names and pronouns."""
        spans = list(speakers)
        for ent in entities(sent):
            if ent.label_ in _NAME_ENTS and not any(s.start <= ent.start and ent.end <= s.end for s in spans):
                spans.append(ent)
        for tok in sent:
            key = _pronoun_key(tok)
            if key in self.lex.pronouns and not any(s.start <= tok.i < s.end for s in spans):
                spans.append(_pronoun_span(tok))
        for span in sorted(spans, key=lambda s: (s.start, -len(s))):
            if any(m.start == span.start_char + offset and m.end == span.end_char + offset for m in self.mentions):
                continue
            quoted = quote_at(quotes, span.start_char) is not None
            actor = self.resolve(span, offset, index)
            gender, number = _agreement(span, self.lex)
            # a statement's speaker is as salient as a subject (selon X / pour X …, il …)
            subject = span.root.dep_.startswith("nsubj") or any(span == s for s in speakers)
            self.mentions.append(Mention(span.start_char + offset, span.end_char + offset, actor, gender, number,
                                         subject, quoted, index, span.text))

    # -- resolution -------------------------------------------------------------------
    def resolve(self, span: Span, offset: int, index: int) -> Actor:
        text = span.text.strip()
        key = fold(text)
        pron = self.lex.pronouns.get(key) or (self.lex.pronouns.get(_pronoun_key(span[0])) if len(span) == 1 else None)
        if pron is not None:
            return self._antecedent(span, pron.gender, pron.number, pron.rule, offset, index)
        alias = self.lex.alias(text)
        if alias is not None:
            return Actor(alias.canonical, alias.type, f"alias: {text} → {alias.canonical}")
        if self._is_vague(span):
            return Actor(ANONYMOUS, "anonymous", f"vague source: {text}")
        name = self._name_in(span)
        if name is not None:
            return self._named(span, name)
        return self._common_noun(span, offset, index)

    def _is_vague(self, span: Span) -> bool:
        words = [t for t in span if not t.is_punct]
        if not words or any(t.pos_ == "PROPN" or t.ent_type_ in ("PER", "ORG") for t in words):
            return False
        text = fold(span.text)
        if any(text.startswith(p) for p in self.lex.source_phrases):
            return True
        head = span.root
        return words[0].lower_ in self.lex.source_determiners and (
            head.lemma_.lower() in self.lex.source_nouns or head.lower_ in self.lex.source_nouns)

    def _name_in(self, span: Span) -> Span | None:
        """The proper name that designates the speaker: the head itself, or a name apposed to a
        role (le Premier ministre Kristersson), or the agent of a document (une déclaration … par la RFEF)."""
        head = span.root
        document = self.lex.roles.get(head.lemma_.lower()) == "document"
        # A person's name first: la Première ministre Élisabeth Borne, not the MISC "Première"
        ents = sorted((e for e in entities(span) if e.label_ in _NAME_ENTS), key=lambda e: e.label_ != "PER")
        for ent in ents:
            if document or not _in_complement(ent[0], span) or head.i in range(ent.start, ent.end):
                return _strip_honorific(ent, self.lex)
        run = [t for t in span if t.pos_ == "PROPN"]
        if run:
            first = run[0]
            if document or not _in_complement(first, span):
                end = first.i
                while end < span.end and span.doc[end].pos_ == "PROPN":
                    end += 1
                return _strip_honorific(span.doc[first.i:end], self.lex)
        return None

    def _named(self, span: Span, name: Span) -> Actor:
        text = name.text.strip()
        alias = self.lex.alias(text)
        if alias is not None:
            return Actor(alias.canonical, alias.type, f"alias: {text} → {alias.canonical}")
        label = name.root.ent_type_ or next((t.ent_type_ for t in name if t.ent_type_), "")
        role = self.lex.roles.get(span.root.lemma_.lower())
        words = text.split()
        if len(words) == 1 and fold(text) in self.full_names:
            full = self.full_names[fold(text)]
            return Actor(full, "person", f"short form: {text} → {full}")
        if label in ("LOC", "MISC") and role != "person":
            plural = "Plur" in span.root.morph.get("Number")
            kind = "government" if label == "LOC" or plural else "unknown"
            return Actor(_capitalize(_drop_article(text)), kind, "place or people")
        if label == "ORG" and role != "person" and not _apposed_role(name, self.lex):
            return Actor(text, "organization", "named")
        if len(words) > 1:
            self.full_names[fold(words[-1])] = text
        return Actor(text, "person", "named")

    def _common_noun(self, span: Span, offset: int, index: int) -> Actor:
        head = span.root
        role = self.lex.roles.get(head.lemma_.lower()) or self.lex.roles.get(head.lower_)
        text = _drop_article(span.text.strip())
        first = span[0].lower_
        bare = len([t for t in span if not t.is_punct]) <= 3
        if role == "person" and first in _DEFINITE and bare:
            gender, number = _agreement(span, self.lex)
            found = self._antecedent(span, gender, number, "latest", offset, index, person_only=True)
            if found.type == "person":
                return Actor(found.name, "person", f"role: {span.text} → {found.name}")
        if head.ent_type_ in ("LOC", "MISC") and "Plur" in head.morph.get("Number"):
            return Actor(_capitalize(text), "government", "people")
        kind = role if role in ("person", "organization", "government") else "unknown"
        return Actor(text, kind, "as written")

    def _antecedent(self, span: Span, gender: str, number: str, rule: str, offset: int, index: int,
                    person_only: bool = False) -> Actor:
        pos = span.start_char + offset
        pool = [m for m in self.mentions
                if m.end <= pos and not m.quoted and index - m.sentence <= _LOOKBACK_SENTENCES
                and m.actor.type not in ("anonymous", "article") and m.actor.resolution != "unresolved"
                and _compatible(m, gender, number)]
        if rule == "relative":
            pool = [m for m in pool if m.sentence == index]
        persons = [m for m in pool if m.actor.type == "person"]
        if rule == "subject":
            ranked = [m for m in persons if m.subject] or persons or [m for m in pool if m.subject]
        else:
            ranked = persons or ([] if person_only else pool)
        if not ranked:
            return Actor(span.text.strip(), "unknown", "unresolved")
        target = ranked[-1].actor
        return Actor(target.name, target.type, f"{span.text.strip()} → {target.name}")


def _pronoun_key(tok: Token) -> str:
    key = tok.lower_
    if key in ("dernier", "dernière", "derniers", "dernières") and tok.i > 0:
        key = f"{tok.doc[tok.i - 1].lower_} {key}"
    return key


def _pronoun_span(tok: Token) -> Span:
    if tok.lower_.startswith("dernier") or tok.lower_.startswith("dernière"):
        return tok.doc[tok.i - 1: tok.i + 1]
    return tok.doc[tok.i: tok.i + 1]


def _agreement(span: Span, lex: Lexicon) -> tuple[str, str]:
    """Gender and number of a mention, 'any' gender where the text does not say (most names)."""
    first = span[0].lower_
    head = span.root
    if first in ("m.", "monsieur"):
        return "m", "s"
    if first in ("mme", "madame", "mlle"):
        return "f", "s"
    number = "p" if "Plur" in head.morph.get("Number") or first in ("les", "des", "ces") else "s"
    pron = lex.pronouns.get(fold(span.text))
    if pron is not None:
        return pron.gender, pron.number
    if head.pos_ == "PROPN" and head.ent_type_ == "PER":
        return "any", number  # the tagger's gender for names is unreliable (Juan → Fem)
    det = next((t for t in span if t.pos_ == "DET"), None)
    named = any(t.ent_type_ == "PER" for t in span)
    # l'économiste Philippe Martin: with a name, only the determiner may tell (the noun's gender is a guess)
    for tok in (det,) if named else (det, head):
        if tok is not None:
            g = tok.morph.get("Gender")
            if g:
                return ("f" if g[0] == "Fem" else "m"), number
    return "any", number


def _compatible(m: Mention, gender: str, number: str) -> bool:
    return (gender == "any" or m.gender in ("any", gender)) and m.number == number


def _in_complement(tok: Token, span: Span) -> bool:
    """le secrétaire général de (la) CFDT: the name is a complement of the role, not the speaker."""
    i = tok.i - 1
    while i >= span.start and tok.doc[i].pos_ == "DET":
        i -= 1
    return i >= span.start and tok.doc[i].lower_ in _PREPOSITIONS


def _strip_honorific(name: Span, lex: Lexicon) -> Span:
    while len(name) > 1 and lex.roles.get(name[0].lower_) == "honorific":
        name = name[1:]
    return name


def _apposed_role(name: Span, lex: Lexicon) -> bool:
    """Ara Aprikian, le directeur …: a name followed by a role noun is a person whatever NER says."""
    doc = name.doc
    window = doc[name.end: min(name.sent.end, name.end + 4)]
    return any(t.dep_ == "appos" or lex.roles.get(t.lemma_.lower()) == "person" for t in window if t.pos_ == "NOUN")


def _drop_article(text: str) -> str:
    for a in ("le ", "la ", "les ", "l'", "l’", "un ", "une ", "des ", "son ", "sa ", "ses "):
        if text.lower().startswith(a):
            return text[len(a):]
    return text


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]
