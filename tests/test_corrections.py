"""Reviewers correct what the extractor got wrong: the correction is signed, kept in the history, outlives
re-extraction, and is what filters, exports and the command line see; verdicts carry source links."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT, SEED, ingest

from claims.review_log import readable, timeline
from claims.store import StoreError
from claims.store.export import claim_reviews, export_store
from claims.views import ClaimSet, Filters, headline

MINISTER = "ministre devant les députés"


def pompeo(store):
    df = store.claims_frame()
    return df[df["text"] == "Les Russes doivent partir"].iloc[0]


def edited_seed(tmp_path):
    """The seed article with one sentence dropped and one word changed: the article is re-extracted."""
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("En outre, celui-ci a fustigé l’implication iranienne et cubaine dans le conflit. ", "")
    path = tmp_path / SEED.name
    path.write_text(text.replace("Récemment,", "Il y a peu,"), encoding="utf-8")
    return path


def test_a_corrected_speaker_survives_reextraction_and_is_what_filters_and_exports_use(store, tmp_path):
    claim = pompeo(store)
    done = store.correct(claim.claim_id, reviewer="ana", speaker="Sergueï Lavrov", kind="indirect",
                         note="c'est Lavrov qui parle")
    assert done == {"speaker": "Sergueï Lavrov", "speaker_type": "person", "kind": "indirect", "not_claim": False}

    counts = ingest(store, [edited_seed(tmp_path)])
    assert counts["changed"] == 1  # the extractor read the article again and said Mike Pompeo again
    after = pompeo(store)
    assert after.claim_id == claim.claim_id
    assert (after.speaker, after.kind, after.speaker_extracted, after.kind_extracted) == (
        "Sergueï Lavrov", "indirect", "Mike Pompeo", "direct")
    assert claim.claim_id in set(store.claims_frame(speaker=["Sergueï Lavrov"])["claim_id"])
    assert claim.claim_id not in set(store.claims_frame(speaker=["Mike Pompeo"])["claim_id"])

    desk = ClaimSet.from_store(store)
    assert claim.claim_id in desk.filter(Filters(speaker=["Sergueï Lavrov"]))["claim_id"].tolist()
    assert claim.claim_id not in desk.filter(Filters(speaker=["Mike Pompeo"]))["claim_id"].tolist()
    assert "Sergueï Lavrov" in desk.actors()

    out = tmp_path / "all.jsonl"
    export_store(store, str(out), "jsonl")
    row = next(json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()
               if json.loads(line)["claim_id"] == claim.claim_id)
    assert (row["speaker"], row["speaker_extracted"], row["kind"]) == ("Sergueï Lavrov", "Mike Pompeo", "indirect")

    changes = timeline(store, claim.claim_id)
    assert list(zip(changes["change"], changes["old"], changes["new"], changes["reviewer"])) == [
        ("speaker", "Mike Pompeo", "Sergueï Lavrov", "ana"), ("kind", "direct", "indirect", "ana")]
    assert set(changes["note"]) == {"c'est Lavrov qui parle"}


def test_a_correction_leaves_with_its_claim_and_comes_back_with_it(store, tmp_path):
    gone = next(r for r in store.claims_frame().itertuples() if "implication iranienne" in r.text)
    store.correct(gone.claim_id, reviewer="bob", speaker="Trump")
    ingest(store, [edited_seed(tmp_path)])
    assert store.find_claim(gone.claim_id) is None
    assert store.corrections(gone.claim_id)["orphaned"].all()  # kept, marked
    ingest(store, [SEED])  # the sentence comes back
    back = store.claim(gone.claim_id)
    assert back["speaker"] == "Trump" and not store.corrections(gone.claim_id)["orphaned"].any()


def test_not_a_claim_is_hidden_from_the_desk_until_asked_for(store):
    claim = pompeo(store)
    total = len(store.claims_frame())
    store.correct(claim.claim_id, reviewer="ana", not_claim=True)
    desk = ClaimSet.from_store(store)
    assert claim.claim_id not in desk.filter(Filters())["claim_id"].tolist()
    assert headline(desk.view(Filters()))["claims"] == total - 1
    shown = desk.filter(Filters(not_claims=True))
    assert len(shown) == total and claim.claim_id in shown["claim_id"].tolist()
    assert Filters.from_params(lambda k: ["1"] if k == "not_claims" else []).not_claims
    assert Filters(not_claims=True).to_params() == {"not_claims": "1"}
    store.correct(claim.claim_id, reviewer="ana", not_claim=False)
    assert claim.claim_id in ClaimSet.from_store(store).filter(Filters())["claim_id"].tolist()


def test_a_correction_is_signed_checked_and_can_be_undone(store):
    claim = pompeo(store)
    with pytest.raises(StoreError, match="signed"):
        store.correct(claim.claim_id, reviewer=" ", speaker="Trump")
    with pytest.raises(StoreError, match="unknown kind 'quote'"):
        store.correct(claim.claim_id, reviewer="ana", kind="quote")
    with pytest.raises(StoreError, match="nothing to correct"):
        store.correct(claim.claim_id, reviewer="ana", speaker="Mike Pompeo")
    with pytest.raises(StoreError, match="no claim with id"):
        store.correct("0000", reviewer="ana", speaker="Trump")
    store.correct(claim.claim_id, reviewer="ana", speaker=MINISTER)
    assert store.claim(claim.claim_id)["speaker_type"] == "person"  # a typed name is someone's
    store.correct(claim.claim_id, reviewer="ana", speaker="Russie")  # a known actor keeps its type
    assert store.claim(claim.claim_id)["speaker_type"] == "government"
    store.correct(claim.claim_id, reviewer="bob", reset=True)
    back = store.claim(claim.claim_id)
    assert (back["speaker"], back["speaker_type"], back["kind"]) == ("Mike Pompeo", "person", "direct")
    history = timeline(store, claim.claim_id)
    assert list(history["new"]) == [MINISTER, "Russie", "Mike Pompeo"]
    assert list(history["reviewer"]) == ["ana", "ana", "bob"]


def test_verdict_source_links_are_checked_stored_and_published(store):
    claim = pompeo(store)
    with pytest.raises(StoreError, match="'javascript:alert\\(1\\)' is not a source link"):
        store.set_status(claim.claim_id, "false", version=1, reviewer="ana", evidence_urls=["javascript:alert(1)"])
    assert store.claim(claim.claim_id)["status"] == "unverified"  # nothing written
    links = ["https://www.kremlin.ru/events/1", " ", "https://www.kremlin.ru/events/1", "http://example.org/a"]
    store.set_status(claim.claim_id, "false", version=1, reviewer="ana", evidence_urls=links)
    row = pompeo(store)
    assert row.evidence_urls == ["https://www.kremlin.ru/events/1", "http://example.org/a"]
    review = next(r for r in claim_reviews(store.claims_frame()) if r["claimReviewed"] == row["claim"])
    assert [c["url"] for c in review["citation"]] == row.evidence_urls
    store.set_status(claim.claim_id, "in_review", version=2, reviewer="bob")  # None keeps the links
    assert pompeo(store).evidence_urls == row.evidence_urls
    shown = readable(timeline(store, claim.claim_id), "fr", "Europe/Paris")
    assert list(shown.columns) == ["Quand", "Vérificateur", "Modification", "Avant", "Après", "Note de vérification",
                                   "Sources"]
    assert list(shown["Après"]) == ["En cours de vérification", "Faux"]  # newest first, labels not codes
    assert "https://www.kremlin.ru/events/1" in shown["Sources"].iloc[1]
    assert not any("T" in w and "+" in w for w in shown["Quand"])  # no raw ISO times


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claims", *args], cwd=ROOT, capture_output=True, text=True)


def test_the_command_line_corrects_a_speaker_and_refuses_a_bare_false(store):
    claim = pompeo(store)
    done = run("review", claim.claim_id, "--speaker", "Sergueï Lavrov", "--kind", "indirect", "--reviewer", "Ana",
               "--db", store.db)
    assert done.returncode == 0, done.stderr
    assert "speaker Mike Pompeo → Sergueï Lavrov; kind direct → indirect (by Ana)" in done.stdout
    assert (store.claim(claim.claim_id)["speaker"], store.claim(claim.claim_id)["kind"]) == ("Sergueï Lavrov",
                                                                                              "indirect")
    refused = run("review", claim.claim_id, "--status", "false", "--reviewer", "Ana", "--db", store.db)
    assert refused.returncode != 0 and "false needs a note or a source link" in refused.stderr
    unsigned = run("review", claim.claim_id, "--speaker", "Trump", "--db", store.db)
    assert unsigned.returncode != 0 and "a correction is signed" in unsigned.stderr
    ok = run("review", claim.claim_id, "--status", "false", "--source", "https://example.org/dementi",
             "--reviewer", "Ana", "--db", store.db)
    assert ok.returncode == 0, ok.stderr
    hidden = run("review", claim.claim_id, "--not-a-claim", "--reviewer", "Bob", "--db", store.db)
    assert hidden.returncode == 0 and "marked not a claim" in hidden.stdout
    history = run("history", claim.claim_id, "--db", store.db)
    lines = history.stdout.splitlines()
    assert "(marked not a claim)" in lines[0]
    assert any("speaker: Mike Pompeo → Sergueï Lavrov" in line and "Ana" in line for line in lines)
    assert any("unverified → false" in line and "https://example.org/dementi" in line for line in lines)
    assert any("not_claim: no → yes" in line and "Bob" in line for line in lines)
