"""Narrative view: entries in date order, at their precision, escaped, linked to the detail."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

pn = pytest.importorskip("panel")

from dashboards.store import DataStore  # noqa: E402
from dashboards.views.narrative import (  # noqa: E402
    NarrativeView,
    entry_html,
    narrative_entries,
    source_html,
)


@pytest.fixture
def view(tiny) -> NarrativeView:
    return NarrativeView(DataStore(tiny, show_other=True))


def texts(view: NarrativeView) -> list[str]:
    return view.entries.value["entry"].tolist()


def test_entries_in_date_order_at_their_precision(view):
    shown = texts(view)
    # e4 (week of the 16th), e1 (17th), e2 (18th), e5 (19th, publication date), e3 (Feb).
    order = ["this week", "on Tuesday", "On Wednesday", "happened", "in February"]
    assert [next(o for o in order if o in html) for html in shown] == order
    assert "week of 2023-01-16" in shown[0]
    assert "Feb 2023" in shown[4] and "2023-02-01" not in shown[4]
    assert "2023-01-19 (publication date)" in shown[3]


def test_time_expression_highlighted_and_text_escaped(view):
    first, _, _, hostile, _ = texts(view)
    assert '<mark class="tl-time" title="time">this week</mark>' in first
    assert "Mark Milley" in first and "no place named" in first
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile
    assert "<script" not in hostile and "<img" not in hostile


def test_entries_follow_the_filters_and_select_the_event(view):
    view.store.actors = ["Joe Biden"]
    assert len(texts(view)) == 1
    assert "Biden visited Kyiv" in texts(view)[0]
    view._clicked(SimpleNamespace(row=0))  # what Tabulator's on_click passes
    assert view.store.selected_event == "e3"
    assert 'class="tl-entry tl-selected"' in texts(view)[0]


def test_source_is_a_link_only_for_web_urls():
    assert source_html("Kyiv <b>news</b>", "https://example.org/a?b=1&c=\"x\"") == (
        '<a href="https://example.org/a?b=1&amp;c=&#34;x&#34;" target="_blank" '
        'rel="noopener noreferrer nofollow">Kyiv &lt;b&gt;news&lt;/b&gt;</a>')
    assert "<a" not in source_html("T", "javascript:alert(1)")
    assert source_html("T", "javascript:alert(1)") == "T (javascript:alert(1))"
    assert source_html("", "") == "unknown source"


def test_stories_are_told_once_by_their_most_confident_event(tiny):
    frame = tiny.assign(story_id=["s1", "s2", "s3", "s1", None])
    entries = narrative_entries(frame)
    assert list(entries["event_id"]) == ["e1", "e2", "e5", "e3"]
    assert list(entries["_reports"]) == [2, 1, 1, 1]
    html = entry_html(entries.iloc[0], "2023-01-17", int(entries.iloc[0]["_reports"]))
    assert "2 reports" in html


def test_pages_turn_and_reset_on_a_new_filter(tiny):
    many = pd.concat([tiny.iloc[:1]] * 23, ignore_index=True)
    many["event_id"] = [f"x{i}" for i in range(23)]
    view = NarrativeView(DataStore(many))
    assert len(texts(view)) == 10 and view.earlier.disabled
    view.later.clicks += 1
    view.later.clicks += 1
    assert len(texts(view)) == 3 and view.later.disabled
    assert "Entries 21–23 of 23" in view.position.object
    view.store.search = "milley"
    assert view.page == 0 and len(texts(view)) == 10
