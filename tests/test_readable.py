"""Readable claims (schema column `claim`): on the sample article and on real news paragraphs, each
claim reads as a sentence with its speaker; stores made before get them on re-ingest. Demonyms merge
into their country."""
from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from conftest import ROOT, SEED, ingest, row_with

from claims.articles import Article
from claims.lexicon import fold
from claims.store import open_store

GOLD = ROOT / "tests" / "data" / "gold" / "dev_paragraphs.jsonl"
RELEASE_STORE = ROOT / "tests" / "data" / "release" / "store_93d73e3.db"
_END = ".!?…"


@pytest.fixture(scope="module")
def gold_claims():
    from claims import extract

    articles = [Article(article_id=item["id"], text=item["text"])
                for item in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines())]
    return extract(articles=articles, processes=1, progress=False)


def _problems(df) -> list[str]:
    """Claims that do not read as a sentence holding the speaker (as written, or resolved for a pronoun)
    and the content."""
    found = []
    for r in df.itertuples():
        claim = r.claim
        reads = bool(claim) and (claim[0].isupper() or claim[0] in "«\"“<") and \
            claim.rstrip("»”\" ")[-1:] in _END and "\n" not in claim
        if r.kind != "assertion":
            mention = r.speaker_mention.strip(" ,-")
            if r.speaker_type == "anonymous":  # no name to give: as written (une source … a-t-elle ajouté)
                reads &= fold(mention) in fold(claim)
            elif r.speaker_resolution == "pronoun" or mention.lower() in ("qui", "on", "lui", "elle"):
                reads &= fold(r.speaker) in fold(claim) or mention.lower() == "on" and fold(r.sentence_text[:20]) \
                    in fold(claim)
            else:
                reads &= fold(mention) in fold(claim) or fold(r.speaker) in fold(claim)
        reads &= fold(r.text.strip(" «»\"“”"))[:40] in fold(claim)
        if not reads:
            found.append(f"{r.article_id} {r.kind} {r.speaker!r} ({r.speaker_mention!r}): {claim!r}")
    return found


def test_every_claim_of_the_sample_reads_as_a_sentence_with_its_speaker(seed_claims):
    assert not _problems(seed_claims)
    # a fragment gets its speaker (celui-ci → Mike Pompeo) and its verb as written
    assert row_with(seed_claims, "l’implication iranienne")["claim"] == \
        "En outre, Mike Pompeo a fustigé l’implication iranienne et cubaine dans le conflit."
    assert row_with(seed_claims, "toute action irréfléchie")["claim"] == \
        "Lavrov a également tenu à mettre en garde contre « toute action irréfléchie »."
    assert row_with(seed_claims, "départ de Maduro")["claim"] == \
        "Selon Mike Pompeo, le départ de Maduro doit se faire sous peu."  # pour qui → the resolved speaker
    assert row_with(seed_claims, "Les Russes doivent partir")["claim"] == \
        "« Les Russes doivent partir » a ainsi lancé Mike Pompeo."
    # text keeps the exact span with its offsets
    article = SEED.read_text(encoding="utf-8")
    assert all(article[s:e] == t for s, e, t in zip(seed_claims["start"], seed_claims["end"], seed_claims["text"]))


def test_every_claim_of_real_paragraphs_reads_as_a_sentence_with_its_speaker(gold_claims):
    assert len(gold_claims) > 150
    problems = _problems(gold_claims)
    assert not problems, "\n".join(problems)
    claims = set(gold_claims["claim"])
    assert "Le procureur de la République de Besançon a ajouté : « nous sommes très probablement en face " \
           "d’un féminicide »." in claims  # en ajoutant : "…" → a past tense, the quote marked
    assert "Harona Sy a nié que la police a tiré à balles réelles sur les manifestants." in claims  # il → name


def test_a_store_made_before_shows_sentences_then_readable_claims_after_reingest(tmp_path):
    db = tmp_path / "claims.db"
    shutil.copy(RELEASE_STORE, db)
    store = open_store(str(db))  # upgraded: the claim column is added, empty
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from claims where claim is null").fetchone()[0] > 20
    before = store.claims_frame()
    assert (before["claim"] == before["sentence_text"]).all()  # the sentence until then
    judged = before[before["status"] != "unverified"].set_index("claim_id")[["status", "note", "version"]]
    assert len(judged)
    ingest(store, [SEED])
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from claims where claim is null").fetchone()[0] == 0
    after = store.claims_frame().set_index("claim_id")
    assert "En outre, Mike Pompeo a fustigé l’implication iranienne et cubaine dans le conflit." in set(after["claim"])
    kept = after.loc[after.index.intersection(judged.index), ["status", "note", "version"]]
    assert kept.equals(judged.loc[kept.index]) and len(kept)  # every verdict kept


def test_an_unchanged_article_gets_its_readable_claims_and_nothing_else_changes(tmp_path):
    store = open_store(str(tmp_path / "c.db"))
    ingest(store, [SEED])
    row = store.claims_frame().iloc[3]
    store.set_status(row.claim_id, "true", version=int(row.version), note="ok", reviewer="ana")
    with store.engine.begin() as conn:
        conn.exec_driver_sql("update claims set claim = null")
    assert ingest(store, [SEED])["unchanged"] == 1
    after = store.claims_frame().set_index("claim_id").loc[row.claim_id]
    assert after["claim"] == row.claim and (after["status"], after["note"], after["version"]) == ("true", "ok", 2)


def test_demonyms_merge_into_their_country():
    from claims import extract_text

    # from the sample article, and a wire-style sentence
    rows = extract_text("Du côté russe, on appelle également à un changement radical de stratégie de la part des "
                        "Américains. Selon les Israéliens, le cessez-le-feu a été violé à deux reprises.")
    assert list(rows["speaker"]) == ["Russie", "Israël"]
    assert set(rows["speaker_resolution"]) == {"people"} and set(rows["speaker_type"]) == {"government"}
    assert list(rows["speaker_mention"]) == ["on", "les Israéliens"]  # as written stays visible
    americans = extract_text("Les Américaines ont affirmé que les frappes avaient visé des dépôts d'armes.")
    assert list(americans["speaker"]) == ["États-Unis"]
