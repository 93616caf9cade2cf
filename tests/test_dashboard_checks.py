"""The dashboard's "Checked before" and actor page, driven with Streamlit's AppTest on the seed article
and the fact-check fixture (SQLite, then PostgreSQL)."""
from __future__ import annotations

import json
import sys

import pytest
from conftest import ROOT, SEED, ingest, metric, run_app

from claims.checks.claimreview import read_source
from claims.store import open_store

CHECKS = ROOT / "tests" / "data" / "checks"
POMPEO = "Mike Pompeo"
AFP_RUSSES = "https://factuel.afp.com/doc.afp.com.32A7XQ"


@pytest.fixture(autouse=True)
def keep_main_module():
    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main


@pytest.fixture
def db(db_url, monkeypatch) -> str:
    """The seed article and the published checks in a store; nothing compared yet (the page does it)."""
    store = open_store(db_url)
    ingest(store, [SEED])
    store.import_checks([c.as_row() for f in ("single.jsonld", "list.json", "feed.json")
                         for c in read_source(str(CHECKS / f)).checks])
    monkeypatch.setenv("CLAIMS_DB", db_url)
    return db_url



def _pompeo_russes(db):
    df = open_store(db).claims_frame(speaker=[POMPEO])
    return df[df["text"] == "Les Russes doivent partir"].iloc[0]


def test_the_filter_keeps_the_claims_checked_before_and_goes_in_the_url(db):
    at = run_app()
    store = open_store(db)
    checked = store.checked_claim_ids()  # the page compared the new claims and checks on opening
    assert _pompeo_russes(db).claim_id in checked and store.pending_matches() == 0
    facet = at.multiselect(key="f_checked")
    assert f"Checked before ({len(checked)})" in facet.options
    facet.set_value(["checked before"]).run()
    shown = at.data_editor[0].value
    assert set(shown["claim_id"]) == checked and metric(at, "Claims") == len(checked)
    assert set(shown["checked"]) == {"✓"}  # the table marks them too
    assert at.query_params["checked"] == "checked before"
    not_yet = run_app(checked="not yet")
    assert metric(not_yet, "Claims") == len(store.claims_frame()) - len(checked)


def test_a_claim_shows_its_earlier_verdict_and_applies_it_only_once_confirmed(db):
    claim = _pompeo_russes(db)
    at = run_app(claim=claim.claim_id)
    panel = next(h.proto.body for h in at.html if "Published fact-check" in h.proto.body)
    assert "Trompeur" in panel and "AFP Factuel" in panel and "3 May 2019" in panel  # a date a person reads
    assert f'<a href="{AFP_RUSSES}"' in panel
    apply = next(b for b in at.button if b.key and b.key.startswith(f"apply_{claim.claim_id}"))
    assert apply.proto.disabled  # no reviewer's name yet: nothing can be signed
    at.text_input(key="reviewer").set_value("Ana").run()
    next(b for b in at.button if b.key and b.key.startswith(f"apply_{claim.claim_id}")).click().run()
    store = open_store(db)
    assert store.claim(claim.claim_id)["status"] == "unverified"  # asked, not applied
    assert at.selectbox(key="apply_status").value == "misleading"  # suggested from « Trompeur »
    next(b for b in at.button if b.label.startswith("Confirm")).click().run()
    assert not at.exception
    assert [t.value for t in at.toast] == ["Saved: « Les Russes doivent partir » → Misleading (earlier verdict)"]
    saved = store.claim(claim.claim_id)
    assert (saved["status"], saved["reviewer"]) == ("misleading", "Ana") and AFP_RUSSES in saved["note"]
    last = store.history(claim.claim_id).iloc[-1]
    assert (last["new_status"], last["reviewer"]) == ("misleading", "Ana") and "AFP Factuel" in last["note"]


def test_the_actor_page_of_mike_pompeo_shows_his_claims(db):
    at = run_app(actor=POMPEO)
    assert [t.value for t in at.title] == [POMPEO]
    theirs = open_store(db).claims_frame(speaker=[POMPEO])
    assert metric(at, "Claims") == len(theirs) == 4
    assert metric(at, "Checked before") == 1
    checked = next(d.value for d in at.dataframe if "link" in d.value.columns)
    assert list(checked["claim"]) == ["Les Russes doivent partir"] and list(checked["link"]) == [AFP_RUSSES]
    specs = [c.proto.spec for c in at.get("vega_lite_chart")]  # over time, verdict record, certainty, about
    assert len(specs) == 4 and any('"period"' in s for s in specs) and any('"field": "about"' in s for s in specs)


def test_the_actor_page_and_the_checked_before_panel_speak_french_with_words_not_codes(db):
    at = run_app(actor=POMPEO, lang="fr")
    assert [m.label for m in at.metric] == ["Affirmations", "Avec un verdict", "Déjà vérifié",
                                            "Acteurs dont il ou elle parle"]
    assert at.button(key="actor_back").label == "← Retour à la rédaction"
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    domains = [c["encoding"].get("color", {}).get("scale", {}).get("domain") for c in specs]
    assert ["Non vérifié", "En cours de vérification", "Vrai", "Plutôt vrai", "Trompeur", "Faux",
            "Invérifiable"] in domains and "Rapporté" in sum([d for d in domains if d], [])
    shown = {c["encoding"][axis]["field"] for c in specs for axis in ("color", "y")
             if "field" in c["encoding"].get(axis, {})}
    assert {"status_label", "kind_label", "certainty_label"} <= shown  # words drawn, not codes
    claim = _pompeo_russes(db)
    at = run_app(claim=claim.claim_id, lang="fr")
    panel = next(h.proto.body for h in at.html if "Vérification publiée" in h.proto.body)
    assert "3 mai 2019" in panel and "par AFP Factuel" in panel and "la vérification" in panel
    assert "(Trompeur)" not in panel  # the publisher's « Trompeur » is not repeated as the status
    assert any(e.label == "Déjà vérifié (1)" for e in at.expander)
    assert [e.label for e in at.sidebar.expander][:2] == ["Ajouter des articles", "Importer des vérifications"]


def test_the_actor_page_opens_from_a_claim_and_goes_back_to_the_desk(db):
    claim = _pompeo_russes(db)
    at = run_app(claim=claim.claim_id)
    at.button(key="actor_from_claim").click().run()
    assert at.query_params["actor"] == POMPEO and [t.value for t in at.title] == [POMPEO]
    at.button(key="actor_back").click().run()
    assert "actor" not in at.query_params and metric(at, "Claims") == len(open_store(db).claims_frame())
    at.multiselect(key="f_speaker").set_value([POMPEO]).run()
    at.button(key="actor_from_filter").click().run()
    assert [t.value for t in at.title] == [POMPEO]


def test_fact_checks_uploaded_in_the_sidebar_are_stored_compared_and_bad_items_named(db):
    at = run_app()
    before = len(open_store(db).checks_frame())
    good = ("graph.jsonld", (CHECKS / "graph.jsonld").read_bytes(), "application/ld+json")
    bad = ("malformed.json", (CHECKS / "malformed.json").read_bytes(), "application/json")
    at.file_uploader(key="checks_0").set_value([good, bad]).run()
    at.button(key="checks_go").click().run()
    assert not at.exception
    store = open_store(db)
    assert len(store.checks_frame()) == before + 8 + 2 and store.pending_matches() == 0
    shown = [w.value.replace("\\", "") for w in at.warning]
    assert any("malformed.json: item 2: no claimReviewed" in w for w in shown)
    assert any("10 new checks" in s.value for s in at.success)
