"""The seed article: the statements a fact-checker must see, with resolved speakers."""
from __future__ import annotations

from conftest import SEED, row_with

from claims import COLUMN_NAMES, extract
from claims.lexicon import load_lexicon


def test_columns_follow_the_schema(seed_claims):
    assert list(seed_claims.columns) == COLUMN_NAMES
    assert (seed_claims["status"] == "unverified").all()
    assert seed_claims["claim_id"].is_unique


def test_direct_quotes(seed_claims):
    r = row_with(seed_claims, "Les Russes doivent partir")
    assert (r.kind, r.speaker, r.cue) == ("direct", "Mike Pompeo", "lancer")
    assert r.text == "Les Russes doivent partir"  # inside the quotation marks only
    r = seed_claims[seed_claims["text"] == "Le moment de la transition est venu"]
    assert len(r) == 1, "the headline repeating the quote is not a second statement"
    assert (r.iloc[0].kind, r.iloc[0].speaker, r.iloc[0].cue) == ("direct", "Mike Pompeo", "assurer")


def test_demonstratives_resolve_to_the_person_they_point_to(seed_claims):
    r = row_with(seed_claims, "l’implication iranienne et cubaine")
    assert (r.speaker, r.speaker_mention, r.cue) == ("Mike Pompeo", "celui-ci", "fustiger")
    r = row_with(seed_claims, "ne pas avoir vu le contexte")
    assert (r.speaker, r.speaker_mention, r.kind, r.cue) == ("Trump", "celui-ci", "indirect", "assurer")
    r = row_with(seed_claims, "il était temps pour Washington")
    assert (r.kind, r.speaker, r.cue) == ("indirect", "Sergueï Lavrov", "estimer")


def test_according_to_a_place_is_its_government(seed_claims):
    r = row_with(seed_claims, "Téhéran souhaite consolider ses liens avec le Venezuela")
    assert (r.kind, r.speaker_mention) == ("according_to", "Caracas")
    assert (r.speaker, r.speaker_type) == ("Venezuela", "government")
    assert "hedge" in {m["type"] for m in r.certainty_markers}  # censée


def test_anonymous_source_and_conditional(seed_claims):
    r = row_with(seed_claims, "ce dernier aurait tenté de fuir du côté de Cuba")
    assert r.kind == "according_to"
    assert r.speaker_type == "anonymous"
    assert r.speaker_mention == "certaines sources américaines"
    markers = {(m["text"], m["type"]) for m in r.certainty_markers}
    assert ("aurait tenté", "conditional") in markers
    assert ("Selon certaines sources américaines", "vague_source") in markers
    assert "Nicolás Maduro" in r.about  # "ce dernier" is Maduro, named in the sentence before
    assert r.certainty == "unsourced"


def test_partial_quotes_in_indirect_speech(seed_claims):
    r = row_with(seed_claims, "la Russie ne souhaitait pas « s’impliquer au Venezuela »")
    assert (r.kind, r.speaker, r.cue) == ("mixed", "Trump", "confirmer")
    r = row_with(seed_claims, "contre « toute action irréfléchie »")
    assert (r.speaker, r.speaker_mention, r.cue) == ("Sergueï Lavrov", "Lavrov", "mettre en garde")


def test_capital_and_names(seed_claims):
    r = row_with(seed_claims, "Washington à « abandonner » son soutien")
    assert (r.speaker, r.speaker_mention, r.speaker_type) == ("Russie", "Moscou", "government")
    r = row_with(seed_claims, "à une nouvelle révolte")
    assert (r.speaker, r.cue) == ("Juan Guaido", "appeler")
    r = row_with(seed_claims, "l’amnistie à tous les militaires")
    assert r.speaker == "Juan Guaido" and r.speaker_resolution.startswith("short form")


def test_no_place_is_a_person(seed_claims):
    lex = load_lexicon()
    persons = seed_claims[seed_claims["speaker_type"] == "person"]
    assert len(persons) >= 8
    for name in persons["speaker"]:
        assert lex.alias(name) is None, f"{name} is a place or government, not a person"


def test_offsets_point_into_the_original_text(seed_claims):
    text = SEED.read_text(encoding="utf-8")
    for r in seed_claims.itertuples():
        assert text[r.start:r.end] == r.text
        assert r.text in r.sentence_text
        if r.speaker_start >= 0:
            assert text[r.speaker_start:r.speaker_end] == r.speaker_mention
    assert "\u00a0" in "".join(seed_claims["text"]), "the seed's non-breaking spaces are kept as written"


def test_title_and_paragraphs(seed_claims):
    title = "Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin"
    assert set(seed_claims["article_title"]) == {title}
    title_rows = seed_claims[seed_claims["paragraph"] == 0]
    assert len(title_rows) == 1 and title_rows.iloc[0].text.endswith("réponse du Kremlin")


def test_article_assertions_are_rows_of_their_own(seed_claims):
    a = seed_claims[seed_claims["kind"] == "assertion"]
    assert (a["speaker_type"] == "article").all()
    assert any("Nicolás Maduro" in about for about in a["about"])
    assert not a["text"].str.contains("Une phrase qui lui a").any(), "no named actor, number or date: not check-worthy"


def test_ids_are_stable_and_survive_edits_elsewhere(tmp_path, seed_claims):
    again = extract([SEED], processes=1, progress=False)
    assert list(again["claim_id"]) == list(seed_claims["claim_id"])
    edited = tmp_path / SEED.name
    edited.write_text(SEED.read_text(encoding="utf-8").replace("Récemment,", "Il y a peu,"), encoding="utf-8")
    changed = extract([edited], processes=1, progress=False)
    kept = set(changed["claim_id"]) & set(seed_claims["claim_id"])
    assert len(kept) >= len(seed_claims) - 2  # only the edited sentence's claim changes


def test_lexicon_is_data_with_enough_verbs():
    lex = load_lexicon()
    assert sum(len(v) for v in lex.verbs.values()) >= 150
    assert lex.alias("Moscou").canonical == "Russie"
    assert lex.alias("la Maison Blanche").canonical == "États-Unis"
