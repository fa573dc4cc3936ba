"""Real-browser test of the layout on laptop screens (1366x768 and 1920x1080).

What only a browser can tell: on the bundled sample, the events table shows each
sentence whole (in view beside the date, wrapped, nothing cut at the card's edge), and
the event detail card shows its correction form as soon as the card is in view.
Skipped when Chromium or playwright is not installed.
"""

from __future__ import annotations

import pytest

from dashboards.views.detail import EDIT_FIELDS
from tests.dashboards.test_browser import (  # noqa: F401 (fixtures)
    browser, playwright_api, pytestmark, server_url)

SCREENS = [(1366, 768), (1920, 1080)]
expect = playwright_api.expect


@pytest.fixture(scope="module", params=SCREENS, ids=[f"{w}x{h}" for w, h in SCREENS])
def laptop(request, server_url, browser):  # noqa: F811 (fixtures)
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(server_url, timeout=120_000)
    page.locator(".events-table .tabulator-row").first.wait_for(timeout=60_000)
    page.wait_for_timeout(1500)  # let every view draw
    yield page
    context.close()


def _within(inner: dict, outer: dict) -> bool:
    """Whether box ``inner`` lies inside box ``outer`` (to half a pixel)."""
    return (inner["x"] >= outer["x"] - 0.5 and inner["y"] >= outer["y"] - 0.5
            and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + 0.5
            and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + 0.5)


# The part of an element its scrollbars leave for its content, in page coordinates.
_INSIDE = """el => { const r = el.getBoundingClientRect();
  return {x: r.left + el.clientLeft, y: r.top + el.clientTop,
          width: el.clientWidth, height: el.clientHeight}; }"""
# Whether a cell shows all of its text: wrapped into its width, its rows tall enough.
_WHOLE = "c => c.scrollWidth <= c.clientWidth && c.scrollHeight <= c.clientHeight + 1"


def test_each_sentence_in_the_table_is_shown_whole(laptop):
    page = laptop
    holder = page.locator(".events-table .tabulator-tableholder").first
    holder.scroll_into_view_if_needed()
    assert holder.evaluate("el => el.scrollLeft") == 0  # as the page opens: no sideways scroll
    shown = holder.evaluate(_INSIDE)
    screen = {"x": 0, "y": 0, **page.viewport_size}
    cells = page.locator('.events-table .tabulator-row [tabulator-field="sentence"]')
    expect(cells).to_have_count(12, timeout=30_000)
    for index in range(cells.count()):
        cell = cells.nth(index)
        box = cell.bounding_box()
        assert shown["x"] - 0.5 <= box["x"] <= box["x"] + box["width"] <= \
            min(shown["x"] + shown["width"], screen["width"]) + 0.5, (index, box, shown)
        assert cell.evaluate(_WHOLE), (index, cell.inner_text())
        assert cell.inner_text().strip()  # a sentence, as text
    # No cell of any column is cut: long lists and words wrap too.
    cut = page.locator(".events-table .tabulator-row .tabulator-cell[tabulator-field]").evaluate_all(
        f"cells => cells.filter(c => !({_WHOLE})(c))"
        ".map(c => c.getAttribute('tabulator-field') + ': ' + c.innerText)")
    assert cut == []


def test_correction_form_is_in_view_with_the_detail_card(laptop):
    page = laptop
    page.locator(".events-table .tabulator-row").nth(1).locator(
        '[tabulator-field="date"]').click()
    expect(page.locator(".tl-sentence")).to_be_visible(timeout=30_000)
    card = page.locator(".card").filter(
        has=page.locator(".card-header", has_text="Event detail"))
    card.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    screen = {"x": 0, "y": 0, **page.viewport_size}
    frame = card.evaluate(_INSIDE)
    controls = [page.get_by_label(label, exact=True) for _field, label, _column in EDIT_FIELDS]
    controls += [page.get_by_label("Your name", exact=True),
                 page.get_by_role("button", name="Save corrections"),
                 page.get_by_role("button", name="Mark wrong")]
    for control in controls:
        expect(control).to_be_visible()
        box = control.bounding_box()
        assert _within(box, frame) and _within(box, screen), (control, box, frame, screen)
    # The sentence and its facts scroll above the form, down to the last fact.
    evidence = page.locator(".tl-evidence")
    last_fact = page.locator(".tl-facts tr").last
    last_fact.scroll_into_view_if_needed()
    assert _within(last_fact.bounding_box(), evidence.evaluate(_INSIDE))
    assert _within(page.get_by_role("button", name="Save corrections").bounding_box(), screen)
