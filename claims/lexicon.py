"""Language resources: the data files under claims/data/, loaded once into one object.

A linguist extends the extractor by editing those TSV files; nothing here lists words.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from claims.datafiles import DATA_DIR, read_table
from claims.words import drop_article


@lru_cache(maxsize=1 << 14)  # the same mentions and words are folded again and again
def fold(text: str) -> str:
    """Lower-case, typographic apostrophes made plain, spaces collapsed."""
    text = text.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(text.lower().split())


class _DropMarks(dict):
    """str.translate table that deletes non-spacing marks (category Mn), filled as characters are met,
    so the per-character work is a C-level dict lookup instead of a Python loop."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.category(chr(code)) == "Mn" else code
        self[code] = value
        return value


_DROP_MARKS = _DropMarks()


@lru_cache(maxsize=1 << 14)
def strip_accents(text: str) -> str:
    return unicodedata.normalize("NFD", text).translate(_DROP_MARKS)


@dataclass(frozen=True)
class Verb:
    lemma: str  # the verb's own lemma (pointer), without the reflexive pronoun
    words: tuple[str, ...]  # the words after it in a multi-word cue (du, doigt)
    frames: frozenset[str]
    reflexive: bool = False  # s'exclamer, se dire

    @property
    def cue(self) -> str:
        return " ".join((self.lemma, *self.words))


@dataclass(frozen=True)
class Alias:
    canonical: str
    type: str
    resolution: str = "alias"  # "people" for a demonym (les Russes → Russie): a people speaks, not its seat


@dataclass(frozen=True)
class Pronoun:
    gender: str
    number: str
    rule: str


@dataclass(frozen=True, eq=False)
class Lexicon:
    verbs: dict[str, list[Verb]]  # by lemma of the verb token
    markers: list[tuple[tuple[str, ...], str, str]]  # (words, type, "text"|"lemma")
    source_determiners: frozenset[str]
    source_nouns: frozenset[str]
    source_quantifiers: frozenset[str]  # plusieurs, certains: an unnamed group whatever the noun
    source_phrases: tuple[str, ...]
    same_source: tuple[str, ...]  # "la même source": the previous statement's source again
    aliases: dict[str, Alias]  # folded alias -> actor
    pronouns: dict[str, Pronoun]
    roles: dict[str, str]  # noun -> person | organization | government | media | document | honorific
    # organisation nouns that, with no name, mean the organisation the article named last (le club, l'institut)
    latest_named: frozenset[str] = frozenset()
    # person nouns that, with no name, mean the person the story is about (l'intéressé), not the one named last
    topic_person: frozenset[str] = frozenset()
    # the staff of a body (les inspecteurs, les magistrats financiers): noun -> the nouns the body's name may be
    # headed by (inspection), or () for any body the article named just before (les auteurs of a study)
    members_of: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # a role noun -> the broader nouns that name the same person later (l'attaquant X … le joueur; le député X …
    # l'élu), roles.tsv's column broader
    broader: dict[str, frozenset[str]] = field(default_factory=dict)
    # a role noun -> the institution its holder heads, named by the same place (procureur → parquet), roles.tsv's
    # column body
    body_of: dict[str, str] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)  # speaker resolution -> trust (0-1)
    conditional: dict[str, tuple[str, bool]] = field(default_factory=dict)  # lemma -> (stem, modal)
    first_names: dict[str, str] = field(default_factory=dict)  # folded first name -> m | f

    def role_kind(self, lemma: str, form: str = "") -> str | None:
        """The kind of a role noun (roles.tsv), by its lemma, else as written."""
        return self.roles.get(fold(lemma)) or (self.roles.get(fold(form)) if form else None)

    def first_name_gender(self, word: str) -> str | None:
        """m or f for a listed first name (Julien, Marion), a compound by its first part (Jean-Marie, Marie-Hélène)."""
        key = fold(word)
        found = self.first_names.get(key)
        if found is None and "-" in key:
            found = self.first_names.get(key.split("-", 1)[0])
        return found

    def verb(self, lemma: str, following: list[str], reflexive: bool | None = None) -> Verb | None:
        """The longest reporting-verb entry for this lemma whose extra words come next; with `reflexive`,
        the entry of that voice first (« se dire » and « dire » are two entries)."""
        best = None
        for v in self.verbs.get(lemma, ()):
            if tuple(following[: len(v.words)]) != v.words:
                continue
            if best is None or (v.reflexive == reflexive, len(v.words)) > (best.reflexive == reflexive,
                                                                           len(best.words)):
                best = v
        return best

    @cached_property
    def hedges_by_first(self) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
        """Hedge phrases indexed by their first word, for one pass over a sentence."""
        index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, mtype, match in self.markers:
            if mtype == "hedge":
                index.setdefault(words[0], []).append((words, match))
        return {k: tuple(v) for k, v in index.items()}

    @cached_property
    def hedges_met(self) -> dict[tuple[int, int], tuple[tuple[tuple[str, ...], str], ...]]:
        """certainty.hedge_markers' candidate phrases of each word already met, by its (form, lemma) ids."""
        return {}

    @cached_property
    def _aliases_met(self) -> dict[str, Alias | None]:
        """alias() of each mention already looked up (a mention comes back at every sentence)."""
        return {}

    @cached_property
    def cue_lemmas_met(self) -> dict[tuple[int, int, int], str | None]:
        """cues.lexicon_lemma of each word already met, by the word's (tag, lemma, form) ids (tokens.column): it
        reads nothing else of the token, and find_cues asks it for every verb, noun, adjective and adverb."""
        return {}

    @cached_property
    def conditional_forms_met(self) -> dict[tuple[int, int], bool]:
        """certainty.is_conditional's answer from the form, by the word's (lemma, form) ids: asked of every verb of
        every statement."""
        return {}

    @cached_property
    def role_kinds_met(self) -> dict[tuple[int, int], str | None]:
        """speakers.Resolver._role_kind of each word already met, by its (lemma, form) ids (tokens.column): it reads
        nothing else of the token, and the resolver asks it of every mention's head several times."""
        return {}

    @cached_property
    def pronoun_word_ids(self) -> frozenset[int]:
        """The string ids of every pronoun entry and of each of its words after a space (« dernier » of « ce
        dernier »): a word whose lower-case form is none of these starts no pronoun look-up that can succeed,
        so a loop over a sentence can skip it by comparing integers."""
        from spacy.strings import get_string_id  # here: the store and the exports use this module without spaCy

        words = set()
        for key in self.pronouns:
            words.add(key)
            words.update(key[i + 1:] for i, c in enumerate(key) if c == " ")
        return frozenset(get_string_id(w) for w in words)

    def alias(self, mention: str) -> Alias | None:
        met = self._aliases_met
        if mention in met:
            return met[mention]
        key = fold(mention)
        found = met[mention] = self.aliases.get(key) or self.aliases.get(drop_article(key))
        return found


def _load_verbs(data_dir: Path) -> dict[str, list[Verb]]:
    verbs: dict[str, list[Verb]] = {}
    for row in read_table("reporting_verbs.tsv", data_dir):
        words = fold(row["lemma"]).replace("'", "' ").split()
        reflexive = words[0] in ("se", "s'")
        if reflexive:  # the pronoun is a token of its own before the verb
            words = words[1:]
        frames = frozenset(f.strip() for f in row["frames"].split(",") if f.strip())
        verbs.setdefault(words[0], []).append(Verb(words[0], tuple(words[1:]), frames, reflexive))
    return verbs


@lru_cache(maxsize=4)
def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    sources = read_table("sources.tsv", data_dir)
    return Lexicon(
        verbs=_load_verbs(data_dir),
        markers=[
            (tuple(fold(r["phrase"]).split()), r["type"], r["match"])
            for r in read_table("markers.tsv", data_dir)
        ],
        source_determiners=frozenset(fold(r["word"]) for r in sources if r["kind"] in ("determiner", "quantifier")),
        source_quantifiers=frozenset(fold(r["word"]) for r in sources if r["kind"] == "quantifier"),
        source_nouns=frozenset(fold(r["word"]) for r in sources if r["kind"] == "noun"),
        source_phrases=tuple(fold(r["word"]) for r in sources if r["kind"] == "phrase"),
        same_source=tuple(fold(r["word"]) for r in sources if r["kind"] == "same"),
        aliases={fold(r["alias"]): Alias(r["canonical"], r["type"], r.get("resolution") or "alias")
                 for r in read_table("aliases.tsv", data_dir)},
        pronouns={
            fold(r["form"]): Pronoun(r["gender"], r["number"], r["rule"])
            for r in read_table("pronouns.tsv", data_dir)
        },
        roles={fold(r["noun"]): r["kind"] for r in read_table("roles.tsv", data_dir)},
        latest_named=frozenset(fold(r["noun"]) for r in read_table("roles.tsv", data_dir)
                               if r.get("refers") == "latest"),
        topic_person=frozenset(fold(r["noun"]) for r in read_table("roles.tsv", data_dir)
                               if r.get("refers") == "topic"),
        members_of={fold(r["noun"]): tuple(fold(w) for w in r["refers"].split(":", 1)[1].split(",") if w and w != "*")
                    for r in read_table("roles.tsv", data_dir) if (r.get("refers") or "").startswith("members:")},
        broader={fold(r["noun"]): frozenset(fold(w) for w in r["broader"].split(",") if w)
                 for r in read_table("roles.tsv", data_dir) if r.get("broader")},
        body_of={fold(r["noun"]): fold(r["body"]) for r in read_table("roles.tsv", data_dir) if r.get("body")},
        confidence={r["resolution"]: float(r["confidence"]) for r in read_table("resolutions.tsv", data_dir)},
        conditional={r["lemma"]: (r["stem"], r["modal"] == "yes") for r in read_table("conditional.tsv", data_dir)},
        first_names={fold(r["name"]): r["gender"] for r in read_table("first_names.tsv", data_dir)},
    )
