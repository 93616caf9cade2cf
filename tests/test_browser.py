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


def test_select_a_speaker_and_see_the_charts_in_chromium(server, desk):
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

        shows(len(stored))

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
