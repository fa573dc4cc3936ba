"""Real-browser test of the served dashboard (playwright + Debian's Chromium).

Starts ``timeline serve`` on a free port on the bundled sample corpus and drives the
page as an analyst would: filter by an actor, open an event, download the CSV, paste
a hostile article. A second server opens a hostile saved timeline (markup in actor,
place, type and title cells) behind a login, with a small upload limit. Skipped when
Chromium or playwright is not installed.
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import pytest

from tests.dashboards.conftest import HOSTILE as HOSTILE_CELL
from tests.dashboards.conftest import HOSTILE_LINK
from dashboards.labels import type_color
from tests.dashboards.serving import ARTIFACTS, ROOT, served

CHROMIUM = Path("/usr/bin/chromium")
#: The README's pictures, made from the bundled sample by these tests.
DOCS = ROOT / "docs"
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


@pytest.fixture(scope="module")
def server_url():
    with served([], "server") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """One Chromium for the module (playwright's sync API allows one instance at a time)."""
    with playwright_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield chromium
        chromium.close()


# Recorded in the page before any of its scripts run: CSP violations and any element
# an injected attribute handler would have touched.
_WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""


@pytest.fixture(scope="module")
def page(server_url, browser, pytestconfig):
    context = browser.new_context(viewport={"width": 1600, "height": 2200},
                                  accept_downloads=True)
    page = context.new_page()
    page.dialogs = []
    page.update_screenshots = pytestconfig.getoption("--update-screenshots")
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(server_url, timeout=120_000)
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-last.png"), full_page=True)
    context.close()


def _picture(page, name: str) -> Path:
    """Where a README picture goes: docs/ under --update-screenshots, else the artifacts."""
    folder = DOCS if page.update_screenshots else ARTIFACTS
    folder.mkdir(exist_ok=True)
    return folder / name


def _shown(page) -> tuple[int, int]:
    """The "N of M events shown" summary of the filter panel."""
    text = page.get_by_text(re.compile(r"of [\d,]+ events shown")).first.inner_text()
    shown, total = re.findall(r"[\d,]+", text)[:2]
    return int(shown.replace(",", "")), int(total.replace(",", ""))


def _table_rows(page):
    return page.locator(".events-table .tabulator-row")


def test_timeline_shows_the_sample_events(page):
    timeline = page.locator(".js-plotly-plot").first
    timeline.wait_for(timeout=60_000)
    playwright_api.expect(timeline.locator(".ytick text", has_text=ACTOR)).to_have_count(
        1, timeout=30_000)
    assert timeline.locator(".scatterlayer .point").count() > 10
    shown, total = _shown(page)
    assert 10 < shown < total  # 'other' events are hidden until switched on
    page.unfiltered = shown
    page.wait_for_timeout(1500)  # let every view draw before the picture
    page.screenshot(path=str(_picture(page, "dashboard.png")),
                    clip=dict(x=0, y=0, width=1600, height=1900))
    page.screenshot(path=str(ARTIFACTS / "dashboard-sample.png"), full_page=True)


def _trace_colours(page) -> dict[str, str]:
    """Marker colour of each event-type trace of the timeline, as drawn in the page."""
    return page.locator(".js-plotly-plot").first.evaluate(
        "el => Object.fromEntries(el.data.filter(t => t.mode === 'markers')"
        ".map(t => [t.name, t.marker.color]))")


def test_type_colour_is_the_same_in_another_session(page, hostile_page):
    # The hostile timeline has other types than the sample: the colour of "meet"
    # must not depend on which other types a session happens to hold.
    here, there = _trace_colours(page), _trace_colours(hostile_page)
    assert here["meet"] == there["meet"] == type_color("meet")
    assert here["statement"] == type_color("statement") != here["meet"]


def test_other_switch_shows_the_hidden_events(page):
    shown, total = _shown(page)
    page.locator(".tl-show-other .bk-knob").first.click()
    playwright_api.expect(page.get_by_text(re.compile(r"of [\d,]+ events shown")).first)\
        .to_have_text(re.compile(rf"^\*?{total}\*? of {total} events shown"), timeout=30_000)
    assert "other" in _trace_colours(page)
    page.locator(".tl-show-other .bk-knob").first.click()
    playwright_api.expect(page.get_by_text(re.compile(r"of [\d,]+ events shown")).first)\
        .to_have_text(re.compile(rf"^\*?{shown}\*? of {total}"), timeout=30_000)
    assert "other" not in _trace_colours(page)


def test_narrative_reads_in_date_order_and_opens_the_detail(page):
    narrative = page.locator(".tl-narrative-view")
    entries = narrative.locator(".tl-entry")
    playwright_api.expect(entries).to_have_count(10, timeout=30_000)
    dates = entries.locator(".tl-when").all_inner_texts()
    years = [int(re.search(r"\d{4}", d).group()) for d in dates]
    assert years == sorted(years)  # oldest first
    playwright_api.expect(narrative).to_contain_text("Entries 1–10 of")
    assert narrative.locator("mark.tl-time").count() > 0
    narrative.scroll_into_view_if_needed()
    narrative.screenshot(path=str(_picture(page, "narrative.png")))
    sentence = entries.nth(2).locator(".tl-says").inner_text().strip()
    entries.nth(2).locator(".tl-who").click()
    playwright_api.expect(page.locator(".tl-sentence")).to_contain_text(sentence[:40],
                                                                        timeout=30_000)
    playwright_api.expect(entries.nth(2)).to_have_class(re.compile("tl-selected"))



def _close_choices(page, box):
    """Close an open filter dropdown and wait until no list covers the next filter."""
    page.keyboard.press("Escape")
    box.evaluate("element => element.blur()")
    playwright_api.expect(page.locator(".choices__list--dropdown.is-active"))\
        .to_have_count(0, timeout=30_000)

def test_actor_filter_shrinks_the_table(page):
    before, _ = _shown(page)
    box = page.get_by_placeholder("Any actor")
    box.click()
    box.press_sequentially(ACTOR, delay=30)
    page.locator(".choices__item--choice", has_text=ACTOR).first.click()
    _close_choices(page, box)
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
        .to_have_text(re.compile(rf"^\*?{page.unfiltered}\*? of [\d,]+ events shown"),
                      timeout=60_000)
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


UPLOAD_LIMIT_MB = 0.05


@pytest.fixture(scope="module")
def hostile_page(hostile_timeline_csv, tmp_path_factory, browser):
    """The dashboard over the hostile timeline, logged in, with every event recorded."""
    login = tmp_path_factory.mktemp("login") / "login"
    login.write_text("ana:pw\n", encoding="utf-8")
    args = ["--timeline", str(hostile_timeline_csv), "--basic-auth-file", str(login),
            "--max-upload-mb", str(UPLOAD_LIMIT_MB)]
    with served(args, "server-hostile") as url:
        context = browser.new_context(viewport={"width": 1600, "height": 2200})
        page = context.new_page()
        page.dialogs, page.outside = [], []
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: page.outside.append(r.url)
                if not r.url.startswith((url, url.replace("http", "ws"), "data:", "blob:"))
                else None)
        page.add_init_script(_WATCH)
        page.goto(url, timeout=120_000)
        page.fill("input[name=username]", "ana")
        page.fill("input[name=password]", "pw")
        page.click("button[type=submit]")
        page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
        page.wait_for_timeout(2000)  # let every view draw
        yield page
        page.screenshot(path=str(ARTIFACTS / "dashboard-hostile.png"), full_page=True)
        context.close()


def _injected(page) -> int:
    """Elements the hostile cells would create if rendered as HTML (pierces shadow DOM)."""
    return page.locator("img, a[href*='evil.example'], span[style*='60px']").count()


def test_hostile_timeline_runs_nothing_and_injects_nothing(hostile_page):
    page = hostile_page
    assert page.dialogs == []
    assert _injected(page) == 0
    ticks = page.locator(".ytick text").all_text_contents()
    assert HOSTILE_CELL in ticks and HOSTILE_LINK in ticks and "<b>Bold</b>" in ticks
    legend = page.locator(".legendtext").all_text_contents()
    assert HOSTILE_CELL in legend
    assert page.evaluate("window.__violations") == []
    assert page.outside == []


def test_hostile_filter_options_are_text(hostile_page):
    page = hostile_page
    for placeholder in ("Any actor", "Any place", "Any type"):
        box = page.get_by_placeholder(placeholder)
        box.click()
        option = page.locator(".choices__item--choice", has_text="onerror=alert").first
        playwright_api.expect(option).to_have_text(HOSTILE_CELL, timeout=30_000)
        _close_choices(page, box)
    box = page.get_by_placeholder("Any actor")
    box.click()
    page.locator(".choices__item--choice", has_text="evil.example").first.click()
    _close_choices(page, box)
    playwright_api.expect(page.get_by_text(re.compile(r"of [\d,]+ events shown")).first)\
        .to_have_text(re.compile(r"^\*?1\*? of 2 events shown"), timeout=30_000)
    page.wait_for_timeout(1000)
    assert page.dialogs == [] and _injected(page) == 0


def test_upload_over_the_limit_is_refused_by_the_page(hostile_page):
    page = hostile_page
    size = int(UPLOAD_LIMIT_MB * 1024 * 1024) + 1
    page.set_input_files("input.tl-upload-input", files=[
        {"name": "big <b>.txt", "mimeType": "text/plain", "buffer": b"x" * size}])
    note = page.locator(".tl-upload-refused")
    playwright_api.expect(note).to_contain_text("big <b>.txt: refused in the browser",
                                                timeout=30_000)
    assert f"over the {UPLOAD_LIMIT_MB:g} MB upload limit" in note.inner_text()
    # The connection is alive and the server never got the file: it reports the refusal.
    page.get_by_role("button", name="Extract events").click()
    # The page's note and the server's status message both name the file.
    playwright_api.expect(page.get_by_text("big <b>.txt: refused in the browser"))\
        .to_have_count(2, timeout=60_000)
    assert page.locator(".pn-connection-lost, .bk-notification").filter(
        has_text="connection lost").count() == 0
    assert page.dialogs == [] and _injected(page) == 0
