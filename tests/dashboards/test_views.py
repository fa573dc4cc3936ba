"""Views react to the store and write back to it (clicks, corrections), no browser."""

from __future__ import annotations

import asyncio
import datetime as dt
from types import SimpleNamespace

import pandas as pd
import pytest

pn = pytest.importorskip("panel")

from dashboards.config import DashboardConfig  # noqa: E402
from dashboards.layout import Dashboard  # noqa: E402
from dashboards.store import DataStore  # noqa: E402
from dashboards.views.base import View  # noqa: E402
from dashboards.views.counts import CountsView  # noqa: E402
from dashboards.views.detail import EventDetail  # noqa: E402
from dashboards.views.downloads import DownloadPanel  # noqa: E402
from dashboards.views.input import InputPanel  # noqa: E402
from dashboards.views.map import MapView  # noqa: E402
from dashboards.views.narrative import NarrativeView  # noqa: E402
from dashboards.views.network import NetworkView  # noqa: E402
from dashboards.views.table import EventsTable  # noqa: E402
from dashboards.views.timeline import TimelineView  # noqa: E402

HOSTILE = "<img src=x onerror=alert('ACT')>"


class Views(SimpleNamespace):
    """The dashboard and its views by short name, for readable tests."""


@pytest.fixture
def dash(tiny):
    dashboard = Dashboard(DataStore(tiny, show_other=True))
    kinds = dict(timeline=TimelineView, table=EventsTable, detail=EventDetail,
                 network=NetworkView, map=MapView, counts=CountsView, input=InputPanel,
                 downloads=DownloadPanel)
    return Views(store=dashboard.store, dashboard=dashboard,
                 **{name: dashboard.view(kind) for name, kind in kinds.items()})


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
    # Every text cell escapes HTML and wraps; the sentence is read beside the date.
    assert {name: f["type"] for name, f in table.formatters.items()} == {
        name: "textarea" for name in table.value.columns if name != "confidence"}
    assert list(table.value.columns[:3]) == ["event_id", "date", "sentence"]
    dash.store.actors = ["Mark Milley"]
    assert list(table.value["event_id"]) == ["e1", "e4"]  # newest first
    dash.table._clicked(SimpleNamespace(row=1))
    assert dash.store.selected_event == "e4"


def test_correction_controls(dash):
    dash.store.selected_event = "e2"
    dash.detail.new_date.value = "2023-01-21"
    dash.detail._correct(None)
    assert dash.store.event("e2")["corrected"]
    assert "2023-01-21" in dash.detail.body.object
    dash.detail._mark_wrong(None)
    assert "e2" not in set(dash.store.filtered["event_id"])


def test_filter_panel_follows_the_store(dash):
    filters = dash.store.filter_widgets
    assert list(filters.actors.options)[0] == "Andrzej Duda"
    dash.store.actors = ["Joe Biden"]
    assert filters.actors.value == ["Joe Biden"]
    assert "**1** of 5 events shown" in filters.summary.object


def test_download_is_the_filtered_view(dash):
    dash.store.event_types = ["meet"]
    data = dash.downloads._export("csv").getvalue().decode("utf-8")
    assert data.count("\r\n") == 3  # header and two events


def test_download_offers_every_registered_format(dash):
    from timeline.export import registry

    downloads = dash.downloads
    assert list(downloads.format.options.values()) == [f.name for f in registry.downloads()]
    assert (downloads.button.filename, downloads.button.label) == ("timeline.csv", "Download CSV")
    dash.store.event_types = ["meet"]
    downloads.format.value = "jsonl"
    assert downloads.button.filename == "timeline.jsonl"
    assert downloads.button.label == "Download JSON Lines"
    lines = downloads.button.callback().getvalue().decode("utf-8").splitlines()
    assert len(lines) == 2  # the two filtered events, one per line


def test_oversized_upload_reported_without_extracting(tiny):
    # The page refuses it first; a client that skips the page meets the same check here.
    dashboard = Dashboard(tiny, config=DashboardConfig(max_upload_mb=0.001))
    panel = dashboard.view(InputPanel)
    assert panel.files.max_bytes == 1048 and panel.files.limit_label == "0.001 MB"
    panel.files.param.update(filename=["big.txt"], value=[b"x" * 5000])
    asyncio.run(panel._run(None))
    assert panel.status.visible
    assert "big.txt: refused" in panel.status.object
    assert len(dashboard.store.data) == 5


def test_upload_messages_from_the_page(dash):
    files = dash.input.files
    files._handle_msg({"kind": "start", "refused": [["huge <b>.txt", 25 * 1048576]]})
    files._handle_msg({"kind": "file", "name": "a.txt", "data": "TGVhZGVycyBtZXQu"})
    assert files.filename == ["a.txt"] and files.value == [b"Leaders met."]
    assert files.refused == ["huge <b>.txt: refused in the browser, 25 MB is over the "
                             "20 MB upload limit"]
    report = dash.input._gather()
    assert [a.body for a in report.articles] == ["Leaders met."]
    assert report.problems == files.refused
    files._handle_msg({"kind": "start", "refused": []})  # a new choice replaces the old
    assert files.filename == [] and files.refused == []


def test_dashboard_renders_without_a_template(dash):
    from bokeh.document import Document

    root = dash.dashboard.__panel__().get_root(Document())
    assert root is not None


def test_filter_options_are_text(tiny):
    tiny.loc[tiny["event_id"] == "e5", "actors"] = pd.Series([[HOSTILE]], index=[4])
    tiny["event_type"] = tiny["event_type"].cat.add_categories([HOSTILE])
    tiny.loc[tiny["event_id"] == "e2", "event_type"] = HOSTILE
    dashboard = Dashboard(DataStore(tiny, show_other=True))
    filters = dashboard.store.filter_widgets
    escaped = "&lt;img src=x onerror=alert(&#39;ACT&#39;)&gt;"
    assert filters.actors.options[escaped] == HOSTILE
    assert filters.types.options[escaped] == HOSTILE
    assert not any("<" in label for w in (filters.actors, filters.places, filters.types)
                   for label in w.options)
    filters.actors.value = [HOSTILE]  # the widget's value is the raw name the store filters
    assert list(dashboard.store.filtered["event_id"]) == ["e5"]


def test_default_views_and_layout(dash):
    kinds = [type(v) for v in dash.dashboard.views]
    assert kinds == [TimelineView, EventsTable, EventDetail, NarrativeView, NetworkView,
                     MapView, CountsView, InputPanel, DownloadPanel]
    main = dash.dashboard.main()
    titles = [[c.title for c in (item.objects if isinstance(item, pn.Row) else [item])]
              for item in main]
    assert titles == [["Timeline"], ["Events", "Event detail"], ["Narrative"], ["Actors", "Map"],
                      ["Counts over time"]]


class CountView(View):
    """A one-line view, as a new view would be written."""

    title = "How many"
    follows = ("filtered",)

    def setup(self) -> None:
        self.pane = pn.pane.Str()

    def redraw(self) -> None:
        self.pane.object = f"{len(self.store.filtered)} events"

    def __panel__(self):
        return self.pane


def test_a_new_view_is_passed_in_and_redraws_on_store_changes(tiny):
    dashboard = Dashboard(DataStore(tiny, show_other=True), views=[CountView, TimelineView])
    view = dashboard.view(CountView)
    assert view.pane.object == "5 events"
    dashboard.store.actors = ["Joe Biden"]
    assert view.pane.object == "1 events"
    assert [c.title for c in dashboard.main()] == ["How many", "Timeline"]
    with pytest.raises(KeyError):
        dashboard.view(MapView)


def test_own_params_redraw(dash):
    dash.timeline.y = "event_type"
    ticks = {y for trace in dash.timeline.pane.object.data if trace.mode == "markers"
             for y in trace.y}
    assert ticks == {"meet", "other", "statement", "visit"}


def test_app_config_from_arguments_and_environment():
    env = {"TIMELINE_PATHS": "", "TIMELINE_FILE": "saved.csv", "TIMELINE_MAX_UPLOAD_MB": "5"}
    config = DashboardConfig.from_environment(["a.txt", "corpus/"], env)
    assert config == DashboardConfig(("a.txt", "corpus/"), "saved.csv", 0, 5.0)
    assert DashboardConfig.from_environment(["--timeline", "t.jsonl"], {}) == \
        DashboardConfig(timeline_file="t.jsonl")
    with pytest.raises(ValueError, match="TIMELINE_SYNTHETIC='lots' is not a number"):
        DashboardConfig.from_environment([], {"TIMELINE_SYNTHETIC": "lots"})


def test_detail_says_how_the_date_was_chosen():
    import pandas as pd

    from dashboards.views.detail import resolution_facts

    row = pd.Series({"time_text": "on Tuesday", "time_value": "2023-01-17", "anchor": "published",
                     "time_source": "clause", "time_rule": "weekday.bare",
                     "time_reason": "Tuesday: the latest one on or before published 2023-01-19",
                     "actors": [], "locations": []})
    facts = dict(resolution_facts(row))
    assert facts["Chosen from"] == "clause"
    assert facts["Rule"] == "weekday.bare"
    assert facts["Reason"] == "Tuesday: the latest one on or before published 2023-01-19"


def test_undated_article_is_reported_beside_the_success_message(dash):
    from timeline.dating import DatingWarning

    dash.input.text.value = "Ukrainian troops attacked a village on Tuesday, officials said."
    with pytest.warns(DatingWarning, match="no publication date"):
        asyncio.run(dash.input._run(None))
    assert dash.input.status.visible and dash.input.status.alert_type == "warning"
    assert "1 article without a date" in dash.input.status.object
    assert "no publication date" in dash.input.status.object
