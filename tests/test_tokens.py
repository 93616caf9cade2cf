"""The token helpers the rules share (claims/tokens.py) give what spaCy gives, only computed once per doc,
and the French tokenizer of the claims pipeline splits every inverted subject pronoun."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.nlp import load_model, normalize
from claims.tokens import (
    char_span,
    entities,
    morph_get,
    pos_ids,
    release,
    sent_end,
    sent_start,
    tokens_in,
    tokens_of,
)

PARAGRAPHS = Path(__file__).parent / "data" / "gold" / "dev_paragraphs.jsonl"


@pytest.fixture(scope="module")
def docs():
    items = [json.loads(line) for line in PARAGRAPHS.read_text(encoding="utf-8").splitlines()[:12]]
    return list(load_model().pipe(normalize(it["text"]) for it in items))


def test_char_span_is_spacys_for_every_offset_pair(docs):
    for doc in docs[:4]:
        bounds = sorted({0, len(doc.text)} | {t.idx for t in doc} | {t.idx + len(t) for t in doc}
                        | {t.idx + 1 for t in doc} | {t.idx - 1 for t in doc if t.idx})
        for start in bounds:
            for end in (b for b in bounds if start < b <= start + 60):
                for contract in (False, True):
                    ours = char_span(doc, start, end, contract=contract)
                    theirs = doc.char_span(start, end, alignment_mode="contract" if contract else "expand")
                    as_tokens = [(s.start, s.end) if s is not None and len(s) else None for s in (ours, theirs)]
                    assert as_tokens[0] == as_tokens[1], (doc.text[start:end], contract)


def test_entities_tokens_and_sentences_are_the_docs(docs):
    for doc in docs:
        for sent in doc.sents:
            assert [(e.start, e.end, e.label_) for e in entities(sent)] == \
                [(e.start, e.end, e.label_) for e in doc.ents if e.start >= sent.start and e.end <= sent.end]
            assert [t.i for t in tokens_in(sent)] == [t.i for t in sent]
        assert [t.text for t in tokens_of(doc)] == [t.text for t in doc]
        assert [(sent_start(t), sent_end(t)) for t in doc] == [(t.sent.start, t.sent.end) for t in doc]
        assert all((sent_start(e), sent_end(e)) == (e.sent.start, e.sent.end) for e in doc.ents)


def test_morphology_and_entities_of_any_window_are_spacys(docs):
    fields = ("VerbForm", "Tense", "Mood", "Number", "Gender", "PronType", "Person")
    for doc in docs:
        for tok in doc:
            assert [morph_get(tok, f) for f in fields] == [tuple(tok.morph.get(f)) for f in fields]
        assert pos_ids(doc) == [tok.pos for tok in doc]
        for start in range(0, len(doc), 3):
            window = doc[start: start + 7]  # windows cutting through entities too
            assert [(e.start, e.end, e.label_) for e in entities(window)] == \
                [(e.start, e.end, e.label_) for e in doc.ents if e.start >= window.start and e.end <= window.end]


def test_release_forgets_the_token_objects():
    doc = load_model()("« Nous ne céderons pas », a déclaré la ministre.")
    tokens_of(doc), char_span(doc, 0, 5)
    release(doc)
    assert not {k for k in doc.user_data if str(k).startswith("claims_token")}


@pytest.mark.parametrize("text, pronoun", [("« C'est du bon sens », ont-elles lancé.", "-elles"),
                                            ("« Non », disent-elles.", "-elles"),
                                            ("« Non », a-t-elle dit.", "-elle"),
                                            ("« Non », ont-ils dit.", "-ils")])
def test_inverted_subjects_are_one_token(text, pronoun):
    assert pronoun in [t.text for t in load_model().tokenizer(text)]


def test_inverted_elles_is_the_speaker():
    from claims.extract import extract_text

    df = extract_text("Deux habitantes du quartier ont signé la pétition. « C'est du bon sens », ont-elles lancé.")
    row = df[df["kind"] == "direct"].iloc[0]
    assert (row["speaker_mention"], row["speaker_type"]) == ("-elles", "anonymous")
