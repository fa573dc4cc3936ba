"""Real-browser test of the served dashboard (playwright + Debian's Chromium).

Starts ``timeline serve`` on a free port on the bundled sample corpus and drives the
page as an analyst would: filter by an actor, open an event, download the CSV, paste
a hostile article. Skipped when Chromium or playwright is not installed.
"""

from __future__ import annotations

import csv
import io
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
HOSTILE = ("On Monday, President Joe Biden met Chancellor Olaf Scholz in Berlin to discuss "
           "<script>alert(1)</script> aid and <img src=x onerror=alert(1)> tanks.")
ACTOR = "Mark Milley"

pytestmark = [
    pytest.mark.browser,
    # CI installs chromium (.ci/run): there a missing browser must fail, not skip.
    pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"),
                       reason="Debian chromium is not installed"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, server: subprocess.Popen, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("server exited early; see test-artifacts/server.log")
        try:
            with urllib.request.urlopen(url, timeout=60):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout}s")


@pytest.fixture(scope="module")
def server_url():
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", "from timeline.cli import main; main()",
               "serve", "--port", str(port)]
    ARTIFACTS.mkdir(exist_ok=True)
    log = open(ARTIFACTS / "server.log", "w", encoding="utf-8")  # read it when a test fails
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log,
                              stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(url, server)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="module")
def page(server_url):
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        context = browser.new_context(viewport={"width": 1600, "height": 2200},
                                      accept_downloads=True)
        page = context.new_page()
        page.dialogs = []
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(server_url, timeout=120_000)
        yield page
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "dashboard-last.png"), full_page=True)
        browser.close()


def _shown(page) -> tuple[int, int]:
    """The "N of M events shown" summary of the filter panel."""
    text = page.get_by_text(re.compile(r"of [\d,]+ events shown")).first.inner_text()
    shown, total = re.findall(r"[\d,]+", text)[:2]
    return int(shown.replace(",", "")), int(total.replace(",", ""))


def _table_rows(page):
    return page.locator(".tabulator-row")


def test_timeline_shows_the_sample_events(page):
    timeline = page.locator(".js-plotly-plot").first
    timeline.wait_for(timeout=60_000)
    playwright_api.expect(timeline.locator(".ytick text", has_text=ACTOR)).to_have_count(
        1, timeout=30_000)
    assert timeline.locator(".scatterlayer .point").count() > 10
    shown, total = _shown(page)
    assert shown == total > 10


def test_actor_filter_shrinks_the_table(page):
    before, _ = _shown(page)
    box = page.get_by_placeholder("Any actor")
    box.click()
    box.press_sequentially(ACTOR, delay=30)
    page.locator(".choices__item--choice", has_text=ACTOR).first.click()
    page.keyboard.press("Escape")
    playwright_api.expect(page.get_by_text(re.compile(r"of [\d,]+ events shown")).first)\
        .not_to_have_text(re.compile(rf"^\*?{before} of"), timeout=30_000)
    after, _ = _shown(page)
    assert 0 < after < before
    rows = _table_rows(page)
    playwright_api.expect(rows).to_have_count(min(after, 12), timeout=30_000)
    for index in range(rows.count()):
        assert ACTOR in rows.nth(index).inner_text()


def test_clicking_an_event_shows_its_sentence(page):
    row = _table_rows(page).first
    sentence = row.locator('[tabulator-field="sentence"]').inner_text().strip()
    row.locator('[tabulator-field="date"]').click()
    detail = page.locator(".tl-sentence")
    playwright_api.expect(detail).to_contain_text(sentence[:40], timeout=30_000)
    playwright_api.expect(page.locator("mark.tl-actor").first).to_be_visible()


def test_csv_download_parses(page, tmp_path):
    shown, _ = _shown(page)
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Download CSV").click()
    target = tmp_path / "timeline.csv"
    info.value.save_as(target)
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == shown
    assert {"event_id", "date", "actors", "sentence", "corrected"} <= set(rows[0])
    assert all(ACTOR in row["actors"] for row in rows)


def test_hostile_article_shows_literally_and_runs_nothing(page):
    page.get_by_role("button", name="Reset filters").click()
    playwright_api.expect(page.get_by_text(re.compile(r"of [\d,]+ events shown")).first)\
        .to_have_text(re.compile(r"^\*?([\d,]+)\*? of \1 events shown"), timeout=60_000)
    page.get_by_placeholder("Paste article text here").fill(HOSTILE)
    page.get_by_role("button", name="Extract events").click()
    status = page.get_by_text(re.compile(r"article\(s\) read|failed|Nothing to extract"))
    playwright_api.expect(status).to_be_visible(timeout=120_000)
    assert re.search(r"[1-9]\d* new event\(s\) added", status.inner_text()), status.inner_text()
    search = page.get_by_placeholder("e.g. tanks")
    search.fill("alert(1)")
    search.press("Enter")
    row = _table_rows(page).first
    playwright_api.expect(row).to_contain_text("<script>alert(1)</script>", timeout=30_000)
    row.locator('[tabulator-field="date"]').click()
    detail = page.locator(".tl-detail")
    playwright_api.expect(detail).to_contain_text("<script>alert(1)</script>", timeout=30_000)
    playwright_api.expect(detail).to_contain_text("<img src=x onerror=alert(1)>")
    assert page.locator(".tl-detail img, .tabulator img").count() == 0
    page.wait_for_timeout(1000)
    assert page.dialogs == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
