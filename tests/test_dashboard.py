"""The dashboard driven through its widgets with Streamlit's AppTest, on a store holding the seed article."""
from __future__ import annotations

import io
import json
import re
import sys

import pandas as pd
import pytest
from conftest import APP, ROOT, SEED, fail_analysis_of, garble_pages, ingest, metric, run_app
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from claims.extract import extract_rows
from claims.labels import label, labels
from claims.store import open_store

POMPEO = "Mike Pompeo"


@pytest.fixture(autouse=True)
def keep_main_module():
    """AppTest runs the page as sys.modules["__main__"] and leaves it there; processes spawned later
    in the session (Dask workers) would run the page again. Put the real one back."""
    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main


@pytest.fixture
def db(db_url, monkeypatch) -> str:
    """The seed article in a store (SQLite, then PostgreSQL: the app must not care), named by CLAIMS_DB."""
    ingest(open_store(db_url), [SEED])
    monkeypatch.setenv("CLAIMS_DB", db_url)
    return db_url


@pytest.fixture
def downloads(monkeypatch) -> dict[str, object]:
    """File name → the callable the app registered to build that download (run when a user clicks)."""
    got: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def spy(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        got[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    return got



def table(at: AppTest) -> pd.DataFrame:
    return at.data_editor[0].value


def test_starts_on_the_sample_and_shows_every_claim(db):
    at = run_app()
    stored = open_store(db).claims_frame()
    assert metric(at, "Claims") == len(stored) > 20
    assert metric(at, "Unverified") == len(stored)
    assert set(table(at)["claim_id"]) == set(stored["claim_id"])
    speakers = at.multiselect(key="f_speaker")
    assert f"{POMPEO} (4)" in speakers.options  # options show their counts


def test_filter_by_speaker_leaves_only_his_statements_and_goes_in_the_url(db):
    at = run_app()
    at.multiselect(key="f_speaker").set_value([POMPEO]).run()
    shown = table(at)
    expected = open_store(db).claims_frame(speaker=[POMPEO])
    assert len(shown) == len(expected) == metric(at, "Claims") == 4
    assert set(shown["speaker"]) == {POMPEO}
    assert set(shown["claim_id"]) == set(expected["claim_id"])
    assert at.query_params["speaker"] == POMPEO
    # the counts of the other facets follow the speaker filter
    kinds = at.multiselect(key="f_kind")
    assert sum(int(o.rsplit("(", 1)[1].rstrip(")")) for o in kinds.options) == 4


def test_a_shared_link_opens_the_same_view(db):
    at = run_app(speaker=POMPEO, text="russes")
    assert set(table(at)["speaker"]) == {POMPEO}
    assert all("usses" in t for t in table(at)["claim"])
    assert metric(at, "Claims") == 1


def test_csv_download_holds_exactly_the_rows_in_view(db, downloads):
    at = run_app()
    at.multiselect(key="f_speaker").set_value([POMPEO]).run()
    name = next(n for n in downloads if n.endswith(".csv") and "speaker-mike-pompeo" in n)
    data = downloads[name]()
    assert data.startswith("\ufeff".encode())  # opens as UTF-8 in Excel
    csv = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    expected = open_store(db).claims_frame(speaker=[POMPEO])
    assert sorted(csv["Claim ID"]) == sorted(expected["claim_id"])
    assert set(csv["Speaker"]) == {POMPEO}
    assert list(csv.columns[:4]) == ["Date", "Outlet", "Speaker", "Claim"]  # claims.exports.EXPORT_COLUMNS
    assert {"Status", "Verdict note", "Certainty markers"} <= set(csv.columns)


def test_the_excel_download_reads_back_with_openpyxl(db, downloads):
    import openpyxl

    at = run_app()
    at.multiselect(key="f_speaker").set_value([POMPEO]).run()
    name = next(n for n in downloads if n.endswith(".xlsx") and "speaker-mike-pompeo" in n)
    ws = openpyxl.load_workbook(io.BytesIO(downloads[name]())).active
    assert [c.value for c in ws[1]][:4] == ["Date", "Outlet", "Speaker", "Claim"] and ws.freeze_panes == "A2"
    assert ws.max_row == 1 + metric(at, "Claims") == 5
    fr = next(n for n in downloads if n.endswith(".fr.csv") and "speaker-mike-pompeo" in n)
    csv = pd.read_csv(io.BytesIO(downloads[fr]()), sep=";", encoding="utf-8-sig")
    assert len(csv) == 4 and set(csv.iloc[:, 2]) == {POMPEO}


def test_the_certainty_filter_offers_every_level_a_claim_carries(db):
    """The conditional of « selon certaines sources américaines, ce dernier aurait tenté… » makes that
    claim alleged as well as unsourced (its level): « alleged » is offered and finds it."""
    at = run_app()
    certainty = at.multiselect(key="f_certainty")
    counts = {"asserted": 6, "reported": 16, "hedged": 2, "alleged": 1, "unsourced": 1}
    assert certainty.options == [f"{label('certainty', level)} ({n})" for level, n in counts.items()]
    certainty.set_value(["alleged"]).run()
    assert not at.exception and metric(at, "Claims") == 1
    [claim] = table(at)["claim"]
    assert "aurait tenté" in claim and claim.startswith("Selon certaines sources américaines")


def test_the_table_shows_readable_claims(db):
    at = run_app(speaker=POMPEO)
    assert "En outre, Mike Pompeo a fustigé l’implication iranienne et cubaine dans le conflit." in \
        set(table(at)["claim"])


def test_status_set_in_the_detail_form_is_stored_with_its_history(db):
    store = open_store(db)
    claim = store.claims_frame(speaker=[POMPEO]).iloc[0]
    at = run_app(claim=claim.claim_id)
    at.text_input(key="reviewer").set_value("Ana").run()
    assert at.selectbox(key="open_claim").value == claim.claim_id
    at.selectbox(key=f"verdict_status_{claim.claim_id}").set_value("false")
    at.text_area(key=f"verdict_note_{claim.claim_id}").set_value("Démenti par le Kremlin")
    at.button[[b.label for b in at.button].index("Save verdict")].click().run()
    assert not at.exception
    saved = store.claim(claim.claim_id)
    assert (saved["status"], saved["note"], saved["reviewer"], saved["version"]) == (
        "false", "Démenti par le Kremlin", "Ana", 2)
    hist = store.history(claim.claim_id)
    assert list(hist[["old_status", "new_status", "reviewer"]].iloc[0]) == ["unverified", "false", "Ana"]
    facts = next(h.proto.body for h in at.html if "<strong>Status:</strong>" in h.proto.body)  # HTML text
    assert "<strong>Status:</strong> <code>False</code> by Ana" in facts  # the label, not the code


def test_status_edited_in_the_table_is_stored(db):
    at = run_app()
    at.text_input(key="reviewer").set_value("Ana").run()
    first = table(at).iloc[2]
    at.session_state["editor_0"] = {"edited_rows": {2: {"status": "misleading", "note": "chiffre sorti du contexte"}},
                                    "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception
    saved = open_store(db).claim(first["claim_id"])
    assert (saved["status"], saved["note"], saved["reviewer"]) == ("misleading", "chiffre sorti du contexte", "Ana")
    assert table(at).set_index("claim_id").loc[first["claim_id"], "status"] == "misleading"


def test_a_concurrent_save_is_refused_with_a_clear_message(db):
    store = open_store(db)
    claim = store.claims_frame(speaker=[POMPEO]).iloc[0]
    at = run_app(claim=claim.claim_id)
    at.text_input(key="reviewer").set_value("Ana").run()
    store.set_status(claim.claim_id, "true", version=1, reviewer="Bob")  # Bob saves first, elsewhere
    at.selectbox(key=f"verdict_status_{claim.claim_id}").set_value("false")
    at.text_area(key=f"verdict_note_{claim.claim_id}").set_value("démenti")  # a false verdict needs a note
    at.button[[b.label for b in at.button].index("Save verdict")].click().run()
    assert any("changed by someone else" in e.value for e in at.error)
    assert store.claim(claim.claim_id)["status"] == "true"  # Bob's verdict stands
    assert list(store.history(claim.claim_id)["reviewer"]) == ["Bob"]


def test_saving_without_a_name_is_not_possible(db):
    at = run_app()
    at.session_state["editor_0"] = {"edited_rows": {0: {"status": "false"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert any("enter your name" in e.value for e in at.error)
    assert set(open_store(db).claims_frame()["status"]) == {"unverified"}


def test_uploaded_articles_are_stored_and_bad_files_named(db):
    at = run_app()
    text = "Titre\n\nSelon le ministre Jean Dupont, la réforme coûtera 3 milliards.\n"
    good = ("nouvel.txt", text.encode(), "text/plain")
    empty = ("vide.txt", b"   \n", "text/plain")
    at.file_uploader[0].set_value([good, empty]).run()
    at.button(key="upload_go").click().run()
    assert not at.exception
    warnings = [re.sub(r"\\(.)", r"\1", w.value) for w in at.warning]  # as shown: Markdown escapes removed
    assert any("vide.txt" in w and "empty" in w for w in warnings)
    stored = open_store(db).claims_frame(article=["nouvel"])
    assert len(stored) == 1 and stored.iloc[0]["speaker"] == "Jean Dupont"
    assert metric(at, "Claims") == len(open_store(db).claims_frame())


def test_an_unreadable_database_gives_a_message_not_a_traceback(tmp_path, monkeypatch):
    bad = tmp_path / "notes.db"
    bad.write_text("not a database")
    monkeypatch.setenv("CLAIMS_DB", str(bad))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert "not a SQLite database" in at.error[0].value
    assert bad.read_text() == "not a database"


def test_a_database_with_garbled_pages_gives_a_message_and_is_left_as_it_was(tmp_path, monkeypatch):
    # the file's check runs while the first page reads the claims: what it finds is shown, nothing is written
    db = tmp_path / "claims.db"
    store = open_store(str(db))
    ingest(store, [SEED])
    store.engine.dispose()
    garble_pages(db)
    data = db.read_bytes()
    monkeypatch.setenv("CLAIMS_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert "the database is damaged" in at.error[0].value
    assert db.read_bytes() == data


def test_article_text_is_escaped_in_the_evidence():
    from dashboard.review import evidence_html

    text = "Titre\n\nSelon Jean Dupont, <script>alert('x')</script> la dette <b>aurait</b> doublé."
    row = {"start": 26, "end": len(text) - 1, "speaker_start": 13, "speaker_end": 24, "cue_start": 7,
           "cue_end": 12, "certainty_markers": [{"text": "aurait", "type": "conditional", "start": 66, "end": 72}]}
    out = evidence_html(text, row)
    assert "<script>" not in out and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in out
    assert "&lt;b&gt;" in out and '<span class="ev-speaker">Jean Dupont</span>' in out


def test_a_click_on_a_speaker_bar_filters_on_that_speaker(db):
    at = run_app()
    # what Streamlit stores when a bar of the chart (selection "pick" on the speaker field) is clicked
    at.session_state["speaker_chart"] = {"selection": {"pick": [{"speaker": "Trump"}]}}
    at.run()
    assert at.multiselect(key="f_speaker").value == ["Trump"]
    assert set(table(at)["speaker"]) == {"Trump"} and metric(at, "Claims") == 4


def open_tab(at: AppTest, name: str) -> AppTest:
    """Click a tab: only the open tab is drawn."""
    at.session_state["tab"] = name
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def repeated_tab(at) -> pd.DataFrame | None:
    return next((d.value for d in open_tab(at, "Repeated claims").dataframe if "cluster_id" in d.value.columns),
                None)


def test_a_verdict_for_every_appearance_of_a_repeated_claim(db, tmp_path):
    store = open_store(db)
    at = run_app()
    assert repeated_tab(at) is None and any("more than one article" in i.value for i in at.info)
    copy = tmp_path / "reprise.txt"
    copy.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")  # another outlet runs the same story
    ingest(store, [copy])
    claim = store.claims_frame(speaker=[POMPEO], article=[SEED.stem]).iloc[0]
    at = run_app(claim=claim.claim_id)  # same process, same cache: it must see the new article
    repeated = repeated_tab(at)
    assert repeated is not None and claim.cluster_id in set(repeated["cluster_id"])
    assert set(repeated["articles"]) == {2}
    open_tab(at, "Claims")
    at.text_input(key="reviewer").set_value("Ana").run()
    assert "Other appearances of this claim (1)" in [e.label for e in at.expander]
    at.selectbox(key="cluster_status").set_value("false")
    at.text_input(key="cluster_note").set_value("démenti")
    at.button(key="cluster_apply").click().run()
    assert not at.exception
    same = store.claims_frame()
    same = same[same["cluster_id"] == claim.cluster_id]
    assert len(same) == 2 and set(same["status"]) == {"false"} and set(same["reviewer"]) == {"Ana"}
    assert all(list(store.history(c)["via_cluster"]) == [claim.cluster_id] for c in same["claim_id"])


def test_first_start_fills_the_default_database_with_the_sample(tmp_path, monkeypatch):
    monkeypatch.delenv("CLAIMS_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))  # the user's data folder (platformdirs)
    monkeypatch.chdir(tmp_path)  # a folder without claims.db
    default = tmp_path / "share" / "claims" / "claims.db"
    at = run_app()
    stored = open_store(str(default)).claims_frame()
    assert len(stored) == metric(at, "Claims") == 25
    assert str(default) in " ".join(c.value for c in at.sidebar.caption)  # the sidebar says which database
    assert run_app() and len(open_store(str(default)).claims_frame()) == 25  # once only


def test_pages_follow_the_view(db):
    from claims.sample import sample_corpus

    store = open_store(db)
    more = sample_corpus(5)
    store.ingest(more, extract_rows(more))
    total = len(store.claims_frame())
    at = run_app()
    at.selectbox(key="page_size").set_value(50).run()
    pages = -(-total // 50)
    assert pages >= 2 and at.number_input(key="page").max == pages
    first = set(table(at)["claim_id"])
    at.number_input(key="page").set_value(pages).run()
    assert len(table(at)) == total - 50 * (pages - 1) and not first & set(table(at)["claim_id"])
    at.multiselect(key="f_speaker").set_value(["Trump"]).run()  # fewer claims than a page: back to page 1
    assert not at.exception and set(table(at)["speaker"]) == {"Trump"}


def test_charts_of_a_store_spanning_a_year(tmp_path, monkeypatch, year_batch):
    db = str(tmp_path / "year.db")
    open_store(db).ingest(*year_batch)
    monkeypatch.setenv("CLAIMS_DB", db)
    at = run_app()
    assert not at.get("vega_lite_chart")  # the Claims tab is open: no chart is built
    open_tab(at, "Charts")
    assert any(m.value.startswith("##### Claims per month") for m in at.markdown)
    charts = [c for c in at.get("vega_lite_chart")]
    months = next(c for c in charts if '"period"' in c.proto.spec)
    assert '"timeUnit": "yearmonth"' in months.proto.spec.replace('":"', '": "')
    at.radio(key="time_by").set_value("ingested").run()  # all ingested today: one day
    assert not at.exception and any(m.value.startswith("##### Claims per day") for m in at.markdown)


def test_a_view_too_big_for_the_browser_is_offered_the_command_line(db, monkeypatch, tmp_path):
    import shlex
    import subprocess

    import claims.store.export as export

    monkeypatch.setattr(export, "BROWSER_EXPORT_ROWS", 3)
    at = run_app()
    at.multiselect(key="f_speaker").set_value([POMPEO]).run()  # 4 claims: over the limit
    assert all(b.proto.disabled for b in at.get("download_button"))
    command = next(c.value for c in at.code if "claims export" in c.value)
    args = shlex.split(command)
    out = tmp_path / "pompeo.csv"
    args[args.index("-o") + 1] = str(out)
    done = subprocess.run([sys.executable, *args[1:]], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    exported = pd.read_csv(out, encoding="utf-8-sig")
    assert sorted(exported["Claim ID"]) == sorted(open_store(db).claims_frame(speaker=[POMPEO])["claim_id"])
    at.multiselect(key="f_speaker").set_value([]).run()
    at.multiselect(key="f_kind").set_value(["according_to"]).run()  # 2 claims: downloads come back
    assert not any(b.proto.disabled for b in at.get("download_button")[:2])


def test_a_reviewer_lists_the_speakers_to_check(db):
    """The weakest ways of finding a speaker are offered first, filter the table, and sort it."""
    from claims.views import speaker_trust

    stored = open_store(db).claims_frame()
    at = run_app()
    found = at.multiselect(key="f_found")
    codes = {text: code for code, text in labels("resolution").items()}  # options show labels, not codes
    offered = [codes[o.rsplit(" (", 1)[0]] for o in found.options]
    assert set(offered) == set(stored["speaker_resolution"])
    trusts = [speaker_trust(o) for o in offered]
    assert trusts == sorted(trusts) and trusts[0] < trusts[-1]  # the weakest first
    weakest = offered[0]
    found.set_value([weakest]).run()
    shown = table(at)
    assert len(shown) == int((stored["speaker_resolution"] == weakest).sum()) == metric(at, "Claims")
    assert at.query_params["found"] == weakest
    at.multiselect(key="f_found").set_value([]).run()
    at.selectbox(key="sort").set_value("weakest speaker first").run()
    trust = [speaker_trust(r) for r in stored.set_index("claim_id").loc[table(at)["claim_id"], "speaker_resolution"]]
    assert trust == sorted(trust) and trust[0] < trust[-1]


def test_an_upload_whose_analysis_fails_is_named_and_the_others_go_in(db, monkeypatch):
    fail_analysis_of(monkeypatch, "casse")
    at = run_app()
    good = ("nouvel.txt", "Titre\n\nSelon le ministre Jean Dupont, la réforme coûtera 3 milliards.\n".encode(),
            "text/plain")
    broken = ("casse.txt", "Titre\n\n« Rien », a dit le maire, Paul Roux.\n".encode(), "text/plain")
    at.file_uploader[0].set_value([broken, good]).run()
    at.button(key="upload_go").click().run()
    assert not at.exception
    warnings = [re.sub(r"\\(.)", r"\1", w.value) for w in at.warning]
    assert any("casse.txt" in w and "could not be analysed (IndexError: boom)" in w for w in warnings)
    assert len(open_store(db).claims_frame(article=["nouvel"])) == 1
    assert len(open_store(db).claims_frame(article=["casse"])) == 0


# -- the reviewer's desk (issue 15): corrections, labels, safer reviewing ----------------------------
def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def test_a_corrected_speaker_moves_the_claim_to_that_speakers_filter_and_survives_reingest(db, tmp_path):
    store = open_store(db)
    claim = store.claims_frame(speaker=[POMPEO]).iloc[0]
    at = run_app(claim=claim.claim_id, reviewer="Ana")
    at.text_input(key=f"fix_other_{claim.claim_id}").set_value("Sergueï Lavrov")
    at.selectbox(key=f"fix_kind_{claim.claim_id}").set_value("indirect")
    button(at, "Save correction").click().run()
    assert not at.exception and not at.error
    at.multiselect(key="f_speaker").set_value(["Sergueï Lavrov"]).run()
    assert claim.claim_id in set(table(at)["claim_id"])
    assert metric(at, "Claims") == 4  # Lavrov's three and this one
    assert table(at).set_index("claim_id").loc[claim.claim_id, "kind"] == "Reported speech"
    at.multiselect(key="f_speaker").set_value([POMPEO]).run()
    assert claim.claim_id not in set(table(at)["claim_id"]) and metric(at, "Claims") == 3

    edited = tmp_path / SEED.name  # the article changes: it is extracted again
    edited.write_text(SEED.read_text(encoding="utf-8").replace("Récemment,", "Il y a peu,"), encoding="utf-8")
    assert ingest(store, [edited])["changed"] == 1
    at = run_app(speaker="Sergueï Lavrov", claim=claim.claim_id)
    assert claim.claim_id in set(table(at)["claim_id"]) and metric(at, "Claims") == 4
    facts = next(h.proto.body for h in at.html if "<strong>Speaker:</strong>" in h.proto.body)
    assert "Sergueï Lavrov" in facts and "<strong>Found by the extractor:</strong> Mike Pompeo" in facts
    history = next(d.value for d in at.dataframe if "Change" in d.value.columns)
    assert list(history["Change"]) == ["Kind", "Speaker"] and set(history["Reviewer"]) == {"Ana"}


SNAKE_CODE = re.compile(r"\b[a-z]+_[a-z_]+\b")  # in_review, according_to, vague_source, old_status…


def shown_words(at: AppTest) -> list[str]:
    """Every option label, widget label and table header a person sees on the page."""
    words = []
    for kind in ("multiselect", "selectbox", "radio"):
        for w in at.get(kind):
            words += [w.label, *w.options]
    words += [w.label for w in at.text_input] + [w.label for w in at.button] + [m.label for m in at.metric]
    for editor in at.data_editor:
        config = json.loads(editor.proto.columns)
        words += [c["label"] for c in config.values() if not c.get("hidden")]  # the headers shown
        words += [o["label"] for o in config["status"]["type_config"]["options"]]  # statuses as offered
        words += [str(v) for column in ("certainty", "kind", "speaker", "markers_text") for v in editor.value[column]]
    editors = {e.proto.id for e in at.data_editor}
    for frame in at.dataframe:
        if frame.proto.id not in editors:  # st.dataframe: its column names are its headers
            words += [str(c) for c in frame.value.columns]
    return words


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_label_or_header_shown_is_an_underscore_code(db, lang):
    store = open_store(db)
    claim = store.claims_frame(speaker=[POMPEO]).iloc[0]
    store.set_status(claim.claim_id, "mostly_true", version=1, note="presque", reviewer="ana")
    store.correct(claim.claim_id, reviewer="ana", kind="according_to")
    at = run_app(claim=claim.claim_id, lang=lang)
    words = shown_words(at)
    assert len(words) > 100
    codes = [w for w in words if SNAKE_CODE.search(w)]
    assert not codes, codes
    if lang == "en":
        assert "Mostly true" in words and "According to" in " ".join(words)
    history = next(d.value for d in at.dataframe if ("Change" if lang == "en" else "Modification") in d.value.columns)
    assert "None" not in history.to_string() and not history.iloc[:, 0].str.contains(r"\d{4}-\d\d-\d\dT").any()


def test_with_lang_fr_the_sidebar_is_french_and_the_switch_changes_it(db):
    at = run_app(lang="fr")
    assert at.multiselect(key="f_speaker").label == "Locuteur"
    assert at.multiselect(key="f_certainty").label == "Certitude"
    assert at.multiselect(key="f_marker").label == "Marqueurs d'incertitude"
    assert at.text_input(key="reviewer").label.startswith("Votre nom")
    assert "Non vérifié (25)" in at.multiselect(key="f_status").options
    assert "une source anonyme (1)" in at.multiselect(key="f_speaker").options  # not the code "anonymous source"
    assert at.title[0].value.startswith("Affirmations")
    at.radio(key="lang").set_value("en").run()
    assert at.multiselect(key="f_speaker").label == "Speaker" and at.title[0].value.startswith("Claims")


def test_a_false_verdict_without_a_note_or_source_is_refused(db):
    store = open_store(db)
    claim = store.claims_frame(speaker=[POMPEO]).iloc[0]
    at = run_app(claim=claim.claim_id, reviewer="Ana")
    at.selectbox(key=f"verdict_status_{claim.claim_id}").set_value("false")
    button(at, "Save verdict").click().run()
    assert any("needs a note or a source link" in e.value for e in at.error)
    assert store.claim(claim.claim_id)["status"] == "unverified"
    at.session_state[_editor_key(at)] = {"edited_rows": {0: {"status": "misleading"}}, "added_rows": [],
                                         "deleted_rows": []}
    at.run()  # the same in the table
    assert any("needs a note or a source link" in e.value for e in at.error)
    assert set(store.claims_frame()["status"]) == {"unverified"}
    at.selectbox(key=f"verdict_status_{claim.claim_id}").set_value("false")
    at.text_area(key=f"verdict_urls_{claim.claim_id}").set_value("https://www.kremlin.ru/events/1")
    button(at, "Save verdict").click().run()  # a source link is enough
    saved = store.claim(claim.claim_id)
    assert saved["status"] == "false" and json.loads(saved["evidence_urls"]) == ["https://www.kremlin.ru/events/1"]
    facts = next(h.proto.body for h in at.html if "<strong>Sources:</strong>" in h.proto.body)
    assert 'href="https://www.kremlin.ru/events/1"' in facts


def _editor_key(at: AppTest) -> str:
    return f"editor_{at.session_state['editor_gen'] if 'editor_gen' in at.session_state else 0}"


def test_the_reviewers_name_is_taken_from_the_link_and_kept_in_it(db):
    at = run_app(reviewer="Ana Martin")
    assert at.text_input(key="reviewer").value == "Ana Martin"
    assert not button(at, "Save verdict").disabled
    assert at.query_params["reviewer"] == "Ana Martin"
    at.text_input(key="reviewer").set_value("Bob").run()
    assert at.query_params["reviewer"] == "Bob"


def test_a_status_picked_in_the_table_can_be_undone(db):
    store = open_store(db)
    at = run_app(reviewer="Ana")
    row = table(at).iloc[1]
    at.session_state["editor_0"] = {"edited_rows": {1: {"status": "true"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert store.claim(row["claim_id"])["status"] == "true"
    at.button(key="undo_button").click().run()
    assert not at.exception
    assert store.claim(row["claim_id"])["status"] == "unverified"
    history = store.history(row["claim_id"])
    assert list(zip(history["new_status"], history["reviewer"])) == [("true", "Ana"), ("unverified", "Ana")]
    assert not [b for b in at.button if b.key == "undo_button"]  # the offer is gone once used


def test_the_desk_opens_without_loading_spacy(tmp_path):
    """Reading and reviewing stored claims needs no language model: the page opens on a store whose claims were
    compared with earlier verdicts (as `claims ingest --match` or `claims match` leave it) without importing
    spaCy, which cost ~1.3 s of the first render on the bench machine; the model is loaded when an article is
    added or new claims are compared."""
    import subprocess

    from claims.checks.matching import refresh
    from claims.nlp import load_model

    db = str(tmp_path / "desk.db")
    ingest(open_store(db), [SEED])
    refresh(open_store(db), load_model())
    script = ("import sys\nfrom streamlit.testing.v1 import AppTest\n"
              f"at = AppTest.from_file({APP!r}, default_timeout=180).run()\n"
              "assert not at.exception, [e.value for e in at.exception]\n"
              "print(len(at.data_editor[0].value), 'spacy' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**__import__("os").environ, "CLAIMS_DB": db})
    assert done.returncode == 0, done.stderr[-2000:]
    shown, spacy_loaded = done.stdout.split()[-2:]
    assert int(shown) == len(open_store(db).claims_frame()) > 0 and spacy_loaded == "False"
