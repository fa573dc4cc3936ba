"""Real-browser test of the dashboard over an event store (``timeline serve --store``).

An analyst opens the page (stories first), corrects an event's note in the detail
view, and the correction is in the store; an article ingested while the server runs
shows after a reload. Skipped when Chromium or playwright is not installed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from dashboards.synthetic import make_synthetic_store
from tests.dashboards.serving import served
from timeline.store import Store

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"),
                       reason="Debian chromium is not installed"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
_SHOWN = re.compile(r"stories shown \(([\d,]+) events in all\)")


def _events_in_all(page) -> int:
    text = page.get_by_text(_SHOWN).first.inner_text()
    return int(_SHOWN.search(text).group(1).replace(",", ""))


@contextmanager
def _store_page(path: Path, name: str, width: int, height: int) -> Iterator[object]:
    """A browser page on the dashboard served over the store at ``path``, its first
    page of stories shown."""
    with served(["--store", str(path)], name) as url, playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                     args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(url, timeout=120_000)
        playwright_api.expect(page.get_by_text(_SHOWN).first).to_be_visible(timeout=60_000)
        yield page
        browser.close()


def test_corrections_are_saved_and_new_events_show_after_a_reload(tmp_path: Path) -> None:
    path = make_synthetic_store(tmp_path / "s.duckdb", 300)
    with _store_page(path, "server-store", 1600, 2200) as page:
        assert _events_in_all(page) == 300
        row = page.locator(".tabulator-row").first
        row.locator('[tabulator-field="date"]').click()
        note = page.get_by_label("Note")
        playwright_api.expect(page.locator(".tl-sentence")).to_be_visible(timeout=30_000)
        note.fill("checked <b>by phone</b>")
        page.get_by_label("Your name").fill("ana")
        page.get_by_role("button", name="Save corrections").click()
        playwright_api.expect(page.get_by_text("Saved (note)")).to_be_visible(timeout=30_000)
        edits = Store(path, read_only=True).edits()
        assert edits[["field", "new_value", "editor"]].values.tolist() == [
            ["note", "checked <b>by phone</b>", "ana"]]
        late = tmp_path / "late.jsonl"
        late.write_text('{"id": "late", "published": "2024-07-02", "title": "Late", "text": '
                        '"Emmanuel Macron met Olaf Scholz in Berlin on Monday."}\n',
                        encoding="utf-8")
        Store(path).ingest(str(late))
        page.reload()
        playwright_api.expect(page.get_by_text(_SHOWN).first).to_be_visible(timeout=60_000)
        assert _events_in_all(page) > 300


def test_a_logged_in_analyst_edits_under_their_login(tmp_path: Path) -> None:
    path = make_synthetic_store(tmp_path / "s.duckdb", 200)
    login = tmp_path / "login"
    login.write_text("bea:pw\n", encoding="utf-8")
    with served(["--store", str(path), "--basic-auth-file", str(login)],
                "server-store-login") as url, playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                     args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1600, "height": 2200})
        page.goto(url, timeout=120_000)
        page.fill("input[name=username]", "bea")
        page.fill("input[name=password]", "pw")
        page.click("button[type=submit]")
        playwright_api.expect(page.get_by_text(_SHOWN).first).to_be_visible(timeout=60_000)
        page.locator(".tabulator-row").first.locator('[tabulator-field="date"]').click()
        playwright_api.expect(page.locator(".tl-sentence")).to_be_visible(timeout=30_000)
        name = page.get_by_label("Your name")
        playwright_api.expect(name).to_have_value("bea")
        playwright_api.expect(name).to_be_disabled()
        page.get_by_label("Tags (separated by ;)").fill("verified")
        page.get_by_role("button", name="Save corrections").click()
        playwright_api.expect(page.get_by_text("Saved (tags)")).to_be_visible(timeout=30_000)
        edits = Store(path, read_only=True).edits()
        assert edits[["field", "editor"]].values.tolist() == [["tags", "bea"]]
        browser.close()


def _overlap(a: dict, b: dict) -> bool:
    return (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])


def test_the_stories_switch_reads_clearly_and_shows_raw_events(tmp_path: Path) -> None:
    path = make_synthetic_store(tmp_path / "s.duckdb", 120)
    with _store_page(path, "server-store-switch", 1366, 768) as page:
        switch = page.locator(".tl-stories")
        label = switch.get_by_text("One row per story (off: raw events)")
        knob = switch.locator(".bk-knob").first
        playwright_api.expect(label).to_be_visible()
        assert not _overlap(label.bounding_box(), knob.bounding_box())
        knob.click()
        raw = page.get_by_text(re.compile(r"of 120 events shown"))
        playwright_api.expect(raw.first).to_be_visible(timeout=30_000)
