"""Closed-class French words the rules rely on, by class, from claims/data/words.tsv.

The extraction modules read these sets instead of keeping word lists in code, so that a linguist
extends a class by adding a line to the data file.
"""
from __future__ import annotations

from functools import lru_cache

from claims.datafiles import read_table


@lru_cache(maxsize=1)
def _classes() -> dict[str, frozenset[str]]:
    by_class: dict[str, set[str]] = {}
    for row in read_table("words.tsv"):
        by_class.setdefault(row["class"], set()).add(row["word"])
    return {k: frozenset(v) for k, v in by_class.items()}


def word_class(name: str) -> frozenset[str]:
    """The words of one class; an unknown class is an error in the rules, not an empty set."""
    try:
        return _classes()[name]
    except KeyError:
        raise KeyError(f"claims/data/words.tsv has no class {name!r}") from None


def phrase_class(name: str) -> tuple[tuple[str, ...], ...]:
    """The phrases of one class as the tokenizer cuts them (pour l'heure → pour, l', heure), for tokens.phrase_end."""
    return tuple(tuple(p.replace("'", "' ").split()) for p in word_class(name))


TIME = word_class("time")
AUX_FORMS = word_class("aux_form")
CONNECTORS = word_class("connector")
PERSONAL = word_class("personal")
CLITIC_SUBJECTS = word_class("clitic_subject")
CLITIC_OBJECTS = word_class("clitic_object")
A = word_class("a")
DE = word_class("de")
OF = DE | frozenset(("du", "des"))  # « de » with its contracted forms (auprès du Soir, l'ARS des Pays de la Loire)
QUE = word_class("que")
QUE_LOCUTION = word_class("que_locution")
PLANS = word_class("plan")
DURATIONS = word_class("duration")
BEFORE_INFINITIVE = word_class("before_infinitive")
NOT_SAYING = word_class("not_saying")
ARTICLE_WORDS = word_class("article")
ARTICLES = tuple(sorted((w if w.endswith("'") else w + " " for w in ARTICLE_WORDS), key=len, reverse=True))
DESCRIPTION_DETS = word_class("description_det")
INDEFINITE_ONE = word_class("indefinite_one")
IMPERSONAL = word_class("impersonal")
RELATIVES = word_class("relative")
INTERROGATIVES = word_class("interrogative")
ANONYMITY = word_class("anonymity")
LATTER = word_class("latter")
DEMONSTRATIVES = word_class("demonstrative")
DEMONSTRATIVE_PRONOUNS = word_class("demonstrative_pronoun")
ELIDED = word_class("elided")
UNIONS = word_class("union")
STRESSED = word_class("stressed")
INTERVIEWING = word_class("interviewing")
INCIDENTALS = phrase_class("incidental")
UNION_NOUNS = word_class("union_noun")
UNION_OR_OTHER = word_class("union_or_other")
NEGATION = word_class("negation")
DATIVE_CLITICS = word_class("dative_clitic")
TOPICS = word_class("topic")
CLUB_PREFIXES = word_class("club_prefix")
ROLE_PREFIXES = tuple(sorted(word_class("role_prefix")))
COMPOUNDS = word_class("compound")
FIRST_OF_TWO = word_class("first_of_two")
SECOND_OF_TWO = word_class("second_of_two")
PORTFOLIO_ROLES = word_class("portfolio_role")
VOICE = phrase_class("voice")
TOWN_BODIES = word_class("town_body")
DEPARTMENT_BODIES = word_class("department_body")
MEASURES = word_class("measure")
COURTS = word_class("court")
CIRCUMSTANCES = phrase_class("circumstance")
NEW_SOURCE = phrase_class("new_source")
APPROXIMATE = word_class("approximate")
PROSECUTION = word_class("prosecution")
ON_AT = word_class("on_at")
ON_CIRCLE = word_class("on_circle")
COMPANY_PARTS = word_class("company_part")
COMPANY_AT = word_class("company_at")
CONCESSIONS = phrase_class("concession")
SPEAKS_FOR = word_class("speaks_for")
ISSUED = word_class("issued")
AGAIN = word_class("again")
AGES = word_class("age")
ANOTHER = word_class("another")
BODY_OPENINGS = word_class("body_opening")
COMPANY_NOUNS = word_class("company_noun")
GOING_ON = word_class("going_on")
STAFF = word_class("staff")
PLAIN = word_class("plain")
ANY_DOCUMENT = word_class("any_document")
TOWN_OF = word_class("town_of")
EPICENE_ENDINGS = tuple(word_class("epicene_ending"))
# each form of an office → the office (« sénatrice » → « sénateur,sénatrice »)
OFFICES = {form: office for office in word_class("office") for form in office.split(",")}


def drop_article(text: str) -> str:
    """A phrase without its leading determiner (le parquet → parquet, l'Élysée → Élysée)."""
    lowered = text.lower().replace("\u2019", "'")
    for a in ARTICLES:
        if lowered.startswith(a):
            return text[len(a):].strip()
    return text
