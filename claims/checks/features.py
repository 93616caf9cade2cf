"""Text → what matching compares (claims.checks.index.Features), with spaCy's French model.

Content words (nouns, proper nouns, verbs, adjectives, adverbs, numbers) by lemma, lower case; the
negation words kept as terms; actors named as "@actor" (aliases.tsv: Moscou → Russie; matching.tsv:
les Russes → Russie; else the entity's name); numbers as "#value" (19 000, trois millions, 2,5).
Only the tagger, lemmatizer and entity recogniser run (no parser, none of the claims components).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

import numpy as np

from claims.checks.index import Features
from claims.datafiles import read_table
from claims.lexicon import fold, load_lexicon, strip_accents

CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"}
ENTITY_LABELS = {"LOC", "PER", "ORG"}
_NEEDED = ("tok2vec", "morphologizer", "attribute_ruler", "lemmatizer", "ner")
_DIGITS = re.compile(r"^\d+(?:[.,]\d+)?$")


@cache
def _words() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for row in read_table("matching.tsv"):
        out.setdefault(row["class"], {})[fold(row["word"])] = row["value"]
    return out


def actor_key(name: str) -> str:
    """An actor as a term: "@" and its folded name without accents (États-Unis → @etats-unis); a person
    by their surname (Mike Pompeo, Pompeo → @pompeo), since a text names them either way."""
    words = name.split()
    if len(words) > 1 and words[-1][:1].isupper() and name not in _canonical_actors():
        name = words[-1]
    return "@" + strip_accents(fold(name)).replace(" ", "_")


@cache
def _canonical_actors() -> frozenset[str]:
    return frozenset(a.canonical for a in load_lexicon().aliases.values()) | frozenset(_words()["demonym"].values())


def _actor(text: str, lemma: str) -> str | None:
    lexicon = load_lexicon()
    alias = lexicon.alias(text)
    if alias is not None:
        return alias.canonical
    demonym = _words()["demonym"].get(fold(text)) or _words()["demonym"].get(fold(lemma))
    return demonym


def _number(text: str) -> float | None:
    if _DIGITS.match(text):
        return float(text.replace(",", "."))
    value = _words()["number"].get(fold(text))
    return float(value) if value else None


def from_doc(doc, about: Iterable[str] = ()) -> Features:
    """Features of one analysed text; `about`: actors the extraction already found in it (claims' column)."""
    words = _words()
    negation, stop = words["negation"], words["stop"]
    terms: list[str] = []
    # the extraction's actors, when they are names (it also lists descriptions: « moment de la transition »)
    actors: set[str] = {_actor(a, a) or a for a in about if a[:1].isupper()}
    numbers: list[float] = []
    negated = False
    in_entity: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        name = _actor(ent.text, ent.lemma_) or ent.text.strip(" «»\"'’")
        actors.add(name)
        terms.append(actor_key(name))
        in_entity.update(range(ent.start, ent.end))
    tokens = list(doc)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        low = fold(tok.text)
        lemma = fold(tok.lemma_ or tok.text)
        if low in negation or lemma in negation:
            negated = True
            if low not in ("ne", "n'"):
                terms.append(lemma)
            i += 1
            continue
        if i in in_entity:
            i += 1
            continue
        value = _number(tok.text) if tok.like_num or _DIGITS.match(tok.text) else None
        if value is not None and (tok.pos_ == "NUM" or _DIGITS.match(tok.text)):
            # 19 000 is two tokens; trois millions, 2,5 milliards take their multiplier
            while i + 1 < len(tokens) and re.fullmatch(r"\d{3}", tokens[i + 1].text) and _DIGITS.match(tok.text):
                i += 1
                value = value * 1000 + float(tokens[i].text)
            if i + 1 < len(tokens) and fold(tokens[i + 1].text) in words["multiplier"]:
                i += 1
                value *= float(words["multiplier"][fold(tokens[i].text)])
            numbers.append(value)
            terms.append(f"#{value:.15g}")
            i += 1
            continue
        actor = _actor(tok.text, tok.lemma_) if tok.pos_ in ("PROPN", "NOUN", "ADJ") else None
        if actor:
            actors.add(actor)
            terms.append(actor_key(actor))
        elif tok.pos_ in CONTENT_POS and lemma not in stop and any(c.isalnum() for c in lemma):
            terms.append("_".join(lemma.split()))  # terms are stored space-separated
        i += 1
    return Features(tuple(terms), negated, frozenset(actor_key(a) for a in actors),
                    frozenset(f"{n:.15g}" for n in numbers))


def analyse(texts: Iterable[str], nlp, abouts: Iterable[Iterable[str]] | None = None,
            batch_size: int = 256) -> Iterator[Features]:
    """Features of each text, in order (spaCy's nlp.pipe with only the components matching needs)."""
    from claims.nlp import normalize

    disable = [name for name in nlp.pipe_names if name not in _NEEDED]
    abouts = iter(abouts) if abouts is not None else None
    for doc in nlp.pipe((normalize(t or "") for t in texts), disable=disable, batch_size=batch_size):
        yield from_doc(doc, next(abouts) if abouts is not None else ())


def vector_lookup(nlp):
    """`vector_of(term)` for the index: the model's word vector of a lemma, or of an actor's name."""
    vocab = nlp.vocab

    def vector_of(term: str) -> np.ndarray | None:
        word = term[1:].replace("_", " ") if term[:1] in "@" else term
        if term[:1] == "#":
            return None  # numbers compare by value (a blocking rule), not by vector
        word = word.split(" ")[-1]  # a multi-word actor: its head word (etats-unis, maison blanche → blanche)
        if vocab.has_vector(word):
            return vocab.get_vector(word)
        return None

    return vector_of
