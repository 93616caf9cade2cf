"""Pipeline pieces tested alone: sentence rules, quotes, parallel extraction."""
from __future__ import annotations

import spacy
from conftest import SEED

from claims import extract
from claims.nlp import load_model, normalize
from claims.quotes import find_quotes


def test_sentence_component_keeps_quote_and_attribution_together():
    nlp = load_model()
    doc = nlp(normalize("“Le soutien militaire est décisif”, a affirmé M. Kristersson. Il est parti."))
    assert [s.text for s in doc.sents] == [
        "“Le soutien militaire est décisif”, a affirmé M. Kristersson.", "Il est parti."]


def test_sentence_component_is_a_registered_spacy_component():
    nlp = spacy.blank("fr")
    nlp.add_pipe("claims_sentences")
    doc = nlp("« Phrase un. » Phrase deux. Fin de « citation. », dit-il.")
    assert [s.text for s in doc.sents] == ["« Phrase un. »", "Phrase deux.", "Fin de « citation. », dit-il."]


def test_normalize_keeps_length():
    text = "l’opposition\u00a0: « oui »\n"
    assert len(normalize(text)) == len(text)


def test_quotes_with_missing_opening_mark():
    text = "Nous devons aller plus vite\", a-t-il martelé, « ici » et “là”."
    spans = [text[q.start:q.end] for q in find_quotes(text)]
    assert spans == ["Nous devons aller plus vite", " ici ", "là"]


def test_two_processes_give_the_same_rows(tmp_path, seed_claims):
    for n in range(12):
        (tmp_path / f"a{n:02d}.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    one = extract([tmp_path], processes=1, progress=False)
    two = extract([tmp_path], processes=2, progress=False)
    assert len(one) == 12 * len(seed_claims)
    assert one.drop(columns=[]).equals(two)
