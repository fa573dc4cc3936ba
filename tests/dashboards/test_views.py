"""Views react to the store and write back to it (clicks, corrections), no browser."""

from __future__ import annotations

import asyncio
import datetime as dt
from types import SimpleNamespace

import pytest

pytest.importorskip("panel")

from dashboards.layout import Dashboard  # noqa: E402


@pytest.fixture
def dash(tiny):
    return Dashboard(tiny, texts={})


def click(customdata):
    return {"points": [{"customdata": customdata, "curveNumber": 0, "pointNumber": 0}]}


def test_timeline_click_selects_and_detail_shows_escaped_sentence(dash):
    dash.timeline.pane.click_data = click("e5")
    assert dash.store.selected_event == "e5"
    html = dash.detail.body.object
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>" not in html and "<img" not in html


def test_detail_highlights_time_and_entities(dash):
    dash.store.selected_event = "e1"
    html = dash.detail.body.object
    assert '<mark class="tl-time" title="time">on Tuesday</mark>' in html
    assert '<mark class="tl-actor" title="actor">Milley</mark>' in html
    assert '<mark class="tl-place" title="place">Poland</mark>' in html
    assert "Anchor" in html and "Confidence" in html and "0.80" in html


def test_network_and_map_clicks_filter(dash):
    dash.network.pane.click_data = click("Joe Biden")
    assert dash.store.actors == ["Joe Biden"]
    assert list(dash.table.table.value["event_id"]) == ["e3"]
    dash.store.reset_filters()
    dash.map.pane.click_data = click("Davos")
    assert list(dash.store.filtered["event_id"]) == ["e2"]


def test_table_is_paginated_remotely_and_row_click_selects(dash):
    table = dash.table.table
    assert table.pagination == "remote"
    assert set(table.header_filters) == {"type", "actors", "places"}
    assert table.formatters["sentence"] == {"type": "textarea"}
    assert table.formatters["actors"] == {"type": "plaintext"}
    dash.store.actors = ["Mark Milley"]
    assert list(table.value["event_id"]) == ["e1", "e4"]  # newest first
    dash.table._clicked(SimpleNamespace(row=1))
    assert dash.store.selected_event == "e4"


def test_correction_controls(dash):
    dash.store.selected_event = "e2"
    dash.detail.new_date.value = dt.date(2023, 1, 21)
    dash.detail._correct(None)
    assert dash.store.event("e2")["corrected"]
    assert "2023-01-21" in dash.detail.body.object
    dash.detail._mark_wrong(None)
    assert "e2" not in set(dash.store.filtered["event_id"])


def test_filter_panel_follows_the_store(dash):
    filters = dash.store.__panel__()
    assert filters.actors.options[0] == "Andrzej Duda"
    dash.store.actors = ["Joe Biden"]
    assert filters.actors.value == ["Joe Biden"]
    assert "**1** of 5 events shown" in filters.summary.object


def test_download_is_the_filtered_view(dash):
    dash.store.event_types = ["meet"]
    data = dash.downloads._export("csv").getvalue().decode("utf-8")
    assert data.count("\r\n") == 3  # header and two events


def test_oversized_upload_reported_without_extracting(dash):
    dash.input.limit_mb = 0.001
    dash.input.files.param.update(filename=["big.txt"], value=[b"x" * 5000])
    asyncio.run(dash.input._run(None))
    assert dash.input.status.visible
    assert "big.txt: refused" in dash.input.status.object
    assert len(dash.store.data) == 5


def test_dashboard_renders_without_a_template(dash):
    from bokeh.document import Document

    root = dash.__panel__().get_root(Document())
    assert root is not None


def test_app_arguments(monkeypatch):
    from dashboards.app import parse_args

    monkeypatch.setenv("TIMELINE_PATHS", "")
    monkeypatch.setenv("TIMELINE_FILE", "saved.csv")
    assert parse_args(["a.txt", "corpus/"]) == (("a.txt", "corpus/"), "saved.csv", 0)
    assert parse_args(["--timeline", "t.jsonl"]) == ((), "t.jsonl", 0)


def test_undated_article_is_reported_beside_the_success_message(dash):
    from timeline.dating import DatingWarning

    dash.input.text.value = "Ukrainian troops attacked a village on Tuesday, officials said."
    with pytest.warns(DatingWarning, match="no publication date"):
        asyncio.run(dash.input._run(None))
    assert dash.input.status.visible and dash.input.status.alert_type == "warning"
    assert "1 article without a date" in dash.input.status.object
    assert "no publication date" in dash.input.status.object
