"""report.html in a real browser: Debian's Chromium driven by Playwright (no browser download)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main

from .conftest import OCR_CACHE, SAMPLES

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

pytestmark = [pytest.mark.ocr, pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                                  reason="Chromium missing: 'make setup' installs it")]


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "out"
    result = CliRunner().invoke(main, ["run", str(SAMPLES / "inbox"), "--out", str(out), "--reference",
                                       str(SAMPLES / "reference.csv"), "--cache", str(OCR_CACHE)])
    assert result.exit_code == 0, result.output
    return out / "report.html"


def test_report_filters_search_and_counts_in_chromium(report):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(report.as_uri())
        assert page.locator(".card.ok b").inner_text() == "8 van 41"
        rows = page.locator("#status tbody tr")
        assert rows.count() == 41
        page.click("#filters button[data-status=exception]")
        visible = [r for r in rows.all() if r.is_visible()]
        assert len(visible) == 4
        assert {r.locator("td").first.inner_text() for r in visible} == {"Almere", "Breda", "Delft", "Leiden"}
        page.fill("#search", "alm")
        assert [r.locator("td").first.inner_text() for r in rows.all() if r.is_visible()] == ["Almere"]
        page.click("#filters button[data-status='']")
        page.fill("#search", "")
        assert sum(1 for r in rows.all() if r.is_visible()) == 41
        # every finding shows its review state and, while open, the command that resolves it
        reviews = page.locator("td.review").all()
        assert len(reviews) == 11  # Leiden's memo: other inhabitants, one finding (not also its amount)
        assert all(r.locator("code.cmd").count() >= 1 and "open" in r.inner_text() for r in reviews)
        shot = report.parent / "report.png"
        page.screenshot(path=str(shot), full_page=True)
        browser.close()
    assert shot.stat().st_size > 50_000
    assert all(u.startswith(("file:", "data:")) for u in requests)  # self-contained: nothing from the network
