"""End to end in a real browser: Debian's headless Chromium against the app served on localhost."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, SEED, dashboard_server, ingest

from claims.store import open_store

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"


def ensure_chromium() -> str:
    """Debian's chromium, installed by the test setup when missing (never a downloaded browser)."""
    if not Path(CHROMIUM).exists():
        if shutil.which("apt-get") is None or os.geteuid() != 0:
            pytest.fail(f"{CHROMIUM} is missing and cannot be installed here: run `apt-get install -y chromium`")
        subprocess.run(["apt-get", "update", "-qq"], check=True, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, capture_output=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    return CHROMIUM


@pytest.fixture
def desk(tmp_path, year_batch) -> str:
    """The seed article and a year of sample articles (January to December 2025)."""
    db = str(tmp_path / "desk.db")
    ingest(open_store(db), [SEED])
    open_store(db).ingest(*year_batch)
    return db


@pytest.fixture
def server(tmp_path, desk):
    """`claims dashboard` on that desk."""
    with dashboard_server(desk, tmp_path / "streamlit.log") as url:
        yield url


def test_select_a_speaker_and_see_the_charts_in_chromium(server, desk, tmp_path):
    import openpyxl
    from playwright.sync_api import expect, sync_playwright

    stored = open_store(desk).claims_frame()
    pompeo = int((stored["speaker"] == "Mike Pompeo").sum())

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=ensure_chromium(), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1500, "height": 1400})
        page.goto(server)
        expect(page.get_by_text("Claims · fact-checking desk")).to_be_visible(timeout=90_000)
        claims = page.get_by_test_id("stMetric").filter(has_text="Claims").first
        def shows(n: int, timeout: int = 30_000) -> None:  # the headline number is exactly n
            expect(claims).to_have_text(re.compile(rf"^\s*Claims\s*{n:,}\s*$"), timeout=timeout)

        shows(len(stored), timeout=90_000)  # the first run loads the model to compare the new claims with verdicts

        page.get_by_test_id("stMultiSelect").filter(has_text="Speaker").click()
        page.keyboard.type("Mike Pompeo")
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
        shows(pompeo)
        expect(page.get_by_test_id("stMultiSelect").filter(has_text="Speaker")).to_contain_text("Mike Pompeo")
        # the evidence of the open claim is shown, with the speaker highlighted
        expect(page.locator(".evidence .ev-speaker").first).to_have_text("Mike Pompeo", timeout=30_000)
        expect(page).to_have_url(re.compile(r"speaker=Mike(\+|%20)Pompeo"), timeout=30_000)  # a shareable link
        page.wait_for_timeout(1500)  # let the table finish drawing before the picture
        page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
        # the view as an Excel workbook, read back with the library that wrote it
        with page.expect_download(timeout=60_000) as download:
            page.get_by_role("button", name="⬇ Excel").click()
        workbook = tmp_path / download.value.suggested_filename
        download.value.save_as(workbook)
        sheet = openpyxl.load_workbook(workbook, read_only=True).active
        rows = list(sheet.iter_rows(values_only=True))
        assert list(rows[0][:4]) == ["Date", "Outlet", "Speaker", "Claim"]
        assert len(rows) - 1 == pompeo and {r[2] for r in rows[1:]} == {"Mike Pompeo"}

        page.goto(server)  # a fresh view: every claim of the year
        shows(len(stored), timeout=90_000)
        page.get_by_role("tab", name="Charts").click()
        expect(page.get_by_text("Claims per month")).to_be_visible(timeout=30_000)
        charts = page.get_by_test_id("stVegaLiteChart")
        expect(charts.nth(3)).to_be_visible(timeout=30_000)  # speakers, certainty, status, months
        assert charts.count() >= 4
        page.wait_for_timeout(1500)
        page.screenshot(path=str(ARTIFACTS / "charts.png"), full_page=True)
        browser.close()
    assert (ARTIFACTS / "dashboard.png").stat().st_size > 20_000


def wait_for(check, timeout: float = 30.0):
    """Poll the store until `check()` returns something true (the page saves after a rerun)."""
    import time

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = check()
        if found:
            return found
        time.sleep(0.3)
    raise AssertionError(f"not seen within {timeout:.0f} s: {check.__doc__ or check}")


def test_a_reviewer_signs_once_corrects_a_speaker_and_undoes_a_status_in_chromium(server, desk):
    from playwright.sync_api import expect, sync_playwright

    store = open_store(desk)
    claim = store.claims_frame(speaker=["Mike Pompeo"]).iloc[0]
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=ensure_chromium(), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1500, "height": 1400}, timezone_id="Europe/Paris")
        page.goto(f"{server}/?claim={claim.claim_id}")
        name = page.get_by_role("textbox", name="Your name (signs your verdicts)")
        expect(name).to_be_visible(timeout=90_000)
        # the first run ends (it loads the model to compare the new claims with verdicts) before the name is typed
        expect(page.get_by_test_id("stMetric").filter(has_text="Claims").first).to_be_visible(timeout=90_000)
        name.fill("Ana Martin")
        name.press("Enter")
        expect(page).to_have_url(re.compile(r"reviewer=Ana(\+|%20)Martin"), timeout=30_000)
        page.reload()  # the name stays: it is in the page's address
        expect(page.get_by_role("textbox", name="Your name (signs your verdicts)")).to_have_value(
            "Ana Martin", timeout=90_000)

        # correct the speaker of the open claim
        def corrected():
            """the speaker corrected to Sergueï Lavrov"""
            return store.claim(claim.claim_id)["speaker"] == "Sergueï Lavrov"

        other = page.get_by_role("textbox", name="or another name")
        for attempt in range(3):  # a rerun still under way after the reload may fold the expander or drop the typing
            if not other.is_visible():
                page.get_by_text("Correct this claim").click()
            other.fill("Sergueï Lavrov")
            save = page.get_by_role("button", name="Save correction")
            expect(save).to_be_enabled(timeout=30_000)  # enabled once the page knows the reviewer
            save.click()
            try:
                wait_for(corrected, timeout=20.0)
                break
            except AssertionError:
                page.screenshot(path=str(ARTIFACTS / f"correction_attempt_{attempt}.png"))
                if attempt == 2:
                    raise
        assert store.corrections(claim.claim_id)["reviewer"].tolist() == ["Ana Martin"]
        expect(page.locator(".facts").first).to_contain_text("Found by the extractor: Mike Pompeo", timeout=30_000)

        # pick a status in the table (a canvas grid: double-click the first row's status, type, Enter)
        grid = page.get_by_test_id("stDataFrame").first
        expect(grid).to_be_visible(timeout=30_000)
        grid.evaluate("e => e.scrollIntoView({block: 'center'})")  # the page was left scrolled down to the claim
        page.wait_for_timeout(1500)
        box = grid.bounding_box()

        def picked():
            """a claim set to true from the table"""
            done = store.claims_frame(status=["true"])
            return done.iloc[0]["claim_id"] if len(done) else None

        for _ in range(3):  # a grid still drawing after the last rerun may miss the first double-click
            page.mouse.dblclick(box["x"] + 60, box["y"] + 35 + 17)
            page.wait_for_timeout(800)
            page.keyboard.type("True")
            page.keyboard.press("Enter")
            page.wait_for_timeout(3000)
            if picked():
                break
        try:
            picked_id = wait_for(picked)
        except AssertionError:
            page.screenshot(path=str(ARTIFACTS / "table-edit-failed.png"), full_page=False)
            raise
        undo = page.get_by_role("button", name="Undo")
        expect(undo).to_be_visible(timeout=30_000)
        page.screenshot(path=str(ARTIFACTS / "undo.png"), full_page=True)
        undo.click()

        def undone():
            """the table's status undone"""
            return store.claim(picked_id)["status"] == "unverified"

        try:
            wait_for(undone)
        except AssertionError:
            page.screenshot(path=str(ARTIFACTS / "undo-failed.png"), full_page=False)
            raise
        history = store.history(picked_id)
        assert list(zip(history["new_status"], history["reviewer"])) == [("true", "Ana Martin"),
                                                                         ("unverified", "Ana Martin")]
        expect(undo).to_be_hidden(timeout=30_000)
        correct = page.get_by_text("Correct this claim")
        expect(correct).to_have_count(1, timeout=30_000)  # once the rerun ends, no stale copy beside it
        correct.scroll_into_view_if_needed()
        page.wait_for_timeout(1500)
        page.screenshot(path=str(ARTIFACTS / "review.png"), full_page=True)
        browser.close()


def test_filters_hold_when_their_counts_or_the_language_change_in_chromium(server, desk):
    """Streamlit sends back a choice's label: once a filter's count or the language changes its label, the
    next click must not drop the filter (dashboard/widgets.keep_choice)."""
    from playwright.sync_api import expect, sync_playwright

    stored = open_store(desk).claims_frame()
    direct = stored[(stored["speaker"] == "Mike Pompeo") & (stored["kind"] == "direct")]
    assert 0 < len(direct) < (stored["speaker"] == "Mike Pompeo").sum()  # the kind filter changes his count
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=ensure_chromium(), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1500, "height": 1400})
        page.goto(server)
        claims = page.get_by_test_id("stMetric").first
        expect(claims).to_have_text(re.compile(rf"^\s*Claims\s*{len(stored):,}\s*$"), timeout=90_000)
        for facet, value in (("Speaker", "Mike Pompeo"), ("Kind", "Direct quote")):
            page.get_by_test_id("stMultiSelect").filter(has_text=facet).first.click()
            page.keyboard.type(value)
            page.keyboard.press("Enter")
            page.keyboard.press("Escape")
            page.wait_for_timeout(1000)
        shows = re.compile(rf"^\s*(Claims|Affirmations)\s*{len(direct):,}\s*$")
        expect(claims).to_have_text(shows, timeout=30_000)
        speaker = page.get_by_test_id("stMultiSelect").first
        expect(speaker).to_contain_text(f"Mike Pompeo ({len(direct)})", timeout=30_000)  # the count followed
        page.get_by_test_id("stSelectbox").filter(has_text="Sort by").click()  # any other click
        page.get_by_role("option", name="least certain first").click()
        page.wait_for_timeout(2000)
        expect(claims).to_have_text(shows, timeout=30_000)
        expect(speaker).to_contain_text("Mike Pompeo")
        page.get_by_text("Français").click()  # every label changes
        expect(page.get_by_test_id("stMultiSelect").filter(has_text="Citation directe")).to_be_visible(timeout=30_000)
        page.get_by_test_id("stSelectbox").filter(has_text="Lignes par page").click()
        page.get_by_role("option", name="250").click()
        page.wait_for_timeout(2000)
        expect(claims).to_have_text(shows, timeout=30_000)
        expect(page.get_by_role("combobox", name="Trier par")).to_have_value("le moins certain d'abord")
        browser.close()
