"""The dashboard over an event store: per-session reads, edits saved with their editor,
stories first with a switch to raw events, wrong rows kept flagged in downloads."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("panel")

from dashboards.backing import N_SOURCES, STORY_ID  # noqa: E402
from dashboards.config import DashboardConfig  # noqa: E402
from dashboards.layout import Dashboard  # noqa: E402
from dashboards.store import CORRECTION, MARKED_WRONG, DataStore  # noqa: E402
from dashboards.views.detail import EventDetail  # noqa: E402
from dashboards.views.downloads import DownloadPanel  # noqa: E402
from timeline.errors import StoreError  # noqa: E402
from timeline.store import Store  # noqa: E402


def _event(path: Path, doc_id: str) -> str:
    data = Store(path).events()
    return str(data.loc[data["doc_id"] == doc_id, "event_id"].iloc[0])


def _shown(store: DataStore) -> pd.DataFrame:
    """Every row the session shows (its store's rows, read by id from the table's pages)."""
    ids = store.selection.table_page(0, 100_000)["event_id"].tolist()
    return store.selection.events(ids)


def test_config_takes_the_store_from_arguments_or_environment() -> None:
    assert DashboardConfig.from_environment(["--store", "c.duckdb"], {}).store == "c.duckdb"
    assert DashboardConfig.from_environment([], {"TIMELINE_STORE": "d.duckdb"}).store == \
        "d.duckdb"
    with pytest.raises(ValueError, match="opens the store alone"):
        DashboardConfig(store="c.duckdb", paths=("a.txt",))


def test_a_session_reads_what_was_ingested_since_the_last(store_file: Path,
                                                          tmp_path: Path) -> None:
    first = DataStore.from_store(str(store_file))
    extra = tmp_path / "late.jsonl"
    extra.write_text('{"id": "m-late", "published": "2024-07-02", "title": "Late", '
                     '"text": "Emmanuel Macron met Olaf Scholz in Berlin on Monday."}\n',
                     encoding="utf-8")
    before = first.n_events
    first.stories_view = False
    assert "m-late" not in set(_shown(first)["doc_id"])
    Store(store_file).ingest(str(extra))
    second = DataStore.from_store(str(store_file), stories_view=False)
    assert "m-late" in set(_shown(second)["doc_id"])
    assert second.n_events > before
    first.reload()  # what a browser refresh does
    assert "m-late" in set(_shown(first)["doc_id"]) and first.n_events == second.n_events


def test_detail_corrections_land_in_the_store_with_the_editor(store_file: Path) -> None:
    dash = Dashboard(DataStore.from_store(str(store_file), editor="ana"))
    detail = dash.view(EventDetail)
    event = _event(store_file, "l-talks")
    dash.store.selected_event = event
    assert detail.fields["date"].value == "2023-01-17"
    detail.fields["date"].value = "2023-W03"
    detail.fields["actors"].value = "Mark Milley; Valerii Zaluzhnyi; NATO"
    detail.fields["place"].value = "Rzeszow"
    detail.fields["event_type"].value = "talks"
    detail.fields["note"].value = "Readout says Monday"
    detail.fields["tags"].value = "verified; Poland"
    detail._correct(None)
    assert detail.status.alert_type == "success", detail.status.object
    row = Store(store_file).events().set_index("event_id").loc[event]
    assert (row["granularity"], row["time_value"]) == ("week", "2023-W03")
    assert (str(row["start"].date()), str(row["end"].date())) == ("2023-01-16", "2023-01-23")
    assert row["actors"] == ["Mark Milley", "Valerii Zaluzhnyi", "NATO"]
    assert (row["place"], row["event_type"], row["note"]) == ("Rzeszow", "talks",
                                                               "Readout says Monday")
    assert row["tags"] == ["verified", "Poland"] and bool(row["corrected"])
    history = Store(store_file).edits()
    assert set(history["field"]) == {"date", "actors", "place", "event_type", "note", "tags"}
    assert set(history["editor"]) == {"ana"}
    # The session shows the store's row: the new precision and the last change.
    shown = dash.store.event(event)
    assert shown["granularity"] == "week" and shown[CORRECTION].startswith("note ")


def test_a_bad_date_is_refused_and_nothing_is_saved(store_file: Path) -> None:
    dash = Dashboard(DataStore.from_store(str(store_file)))
    detail = dash.view(EventDetail)
    dash.store.selected_event = _event(store_file, "k-aid")
    detail.fields["date"].value = "17 January"
    detail._correct(None)
    assert detail.status.alert_type == "danger" and "is not a date" in detail.status.object
    assert len(Store(store_file).edits()) == 0
    with pytest.raises(StoreError):
        dash.store.edit(dash.store.selected_event, "confidence", "1")


def test_two_sessions_see_each_others_edits_after_a_reload(store_file: Path) -> None:
    ana = DataStore.from_store(str(store_file), editor="ana")
    ben = DataStore.from_store(str(store_file), editor="ben")
    quake, vote = _event(store_file, "g-quake"), _event(store_file, "j-vote")
    ana.edit(quake, "date", "2023-02")
    ben.edit(vote, "note", "check the turnout")
    # Over a store a session reads an event's row when it shows it: the store's row.
    assert ben.event(quake)["granularity"] == "month"
    for session in (DataStore.from_store(str(store_file)), DataStore.from_store(str(store_file))):
        assert session.event(quake)["granularity"] == "month"
        assert session.event(vote)["note"] == "check the turnout"
    history = Store(store_file).edits()
    assert history[["editor", "field"]].values.tolist() == [["ana", "date"], ["ben", "note"]]


def test_wrong_rows_stay_in_downloads_flagged(store_file: Path) -> None:
    dash = Dashboard(DataStore.from_store(str(store_file), show_other=True))
    dash.store.stories_view = False
    quake = _event(store_file, "g-quake")
    assert quake in set(_shown(dash.store)["event_id"])
    dash.store.mark_wrong(quake)
    assert quake not in set(_shown(dash.store)["event_id"])
    table = pd.read_csv(io.BytesIO(dash.view(DownloadPanel)._export("csv").getvalue()))
    assert len(table) == dash.store.n_events
    flagged = table.set_index("event_id").loc[quake]
    assert bool(flagged["wrong"]) and flagged[CORRECTION] == MARKED_WRONG
    assert not table.drop(index=table.index[table["event_id"] == quake])["wrong"].any()
    assert bool(Store(store_file).events().set_index("event_id").loc[quake, "wrong"])


def test_without_a_store_wrong_rows_stay_in_downloads_too(tiny) -> None:
    dash = Dashboard(tiny)
    dash.store.mark_wrong("e2")
    dash.store.event_types = ["statement", "meet"]
    table = pd.read_csv(io.BytesIO(dash.view(DownloadPanel)._export("csv").getvalue()))
    assert sorted(table["event_id"]) == ["e1", "e2", "e4"]
    assert table.set_index("event_id")["wrong"].to_dict() == {"e1": False, "e2": True,
                                                              "e4": False}
    assert sorted(dash.store.filtered["event_id"]) == ["e1", "e4"]


def test_memory_edits_take_a_date_with_its_precision(tiny) -> None:
    store = DataStore(tiny)
    store.edit("e1", "date", "2023-01")
    store.edit("e1", "tags", "checked; Poland")
    row = store.event("e1")
    assert (row["granularity"], row["start"], row["end"]) == (
        "month", pd.Timestamp("2023-01-01"), pd.Timestamp("2023-02-01"))
    assert row["tags"] == ["checked", "Poland"] and row[CORRECTION] == "tags  -> checked; Poland"


def test_stories_by_default_and_a_switch_to_raw_events(store_file: Path) -> None:
    store = DataStore.from_store(str(store_file), show_other=True)
    stories = Store(store_file).stories()
    assert store.stories_view
    shown = _shown(store)
    assert store.selection.count() == len(shown) == len(stories) < store.n_events
    assert set(shown[STORY_ID]) == set(stories["story_id"])
    rows = store.selection.table_page(0, 100_000)
    assert len(rows) == len(stories)
    assert list(rows.columns[:5]) == ["event_id", "date", "sentence", "type", "sources"]
    by_story = stories.set_index("story_id")["n_sources"]
    assert (shown[N_SOURCES].to_numpy() == by_story.loc[shown[STORY_ID]].to_numpy()).all()
    assert (rows["sources"].to_numpy() == shown[N_SOURCES].to_numpy()).all()
    assert by_story.max() >= 2
    store.stories_view = False
    assert store.selection.count() == store.n_events == len(_shown(store))


def test_pasted_articles_are_ingested_into_the_store(store_file: Path) -> None:
    import asyncio

    from dashboards.views.input import InputPanel

    dash = Dashboard(DataStore.from_store(str(store_file)))
    before = dash.store.n_events
    panel = dash.view(InputPanel)
    panel.text.value = "Emmanuel Macron met Olaf Scholz in Berlin on 3 July 2024."
    asyncio.run(panel._run(None))
    assert "Added to the event store" in panel.status.object, panel.status.object
    assert dash.store.n_events > before
    assert DataStore.from_store(str(store_file)).n_events == dash.store.n_events


def test_the_detail_shows_the_note_tags_and_last_change_as_text(tiny) -> None:
    dash = Dashboard(tiny)
    dash.store.edit("e1", "note", "<b>call back</b>")
    dash.store.edit("e1", "place", "Rzeszow")
    dash.store.selected_event = "e1"
    html = dash.view(EventDetail).body.object
    assert "&lt;b&gt;call back&lt;/b&gt;" in html and "<b>call" not in html
    assert "Rzeszow" in html and "place  -&gt; Rzeszow" in html


def test_an_open_session_keeps_showing_true_rows_after_another_rebuilds_the_index(
        store_file: Path, tmp_path: Path) -> None:
    first = DataStore.from_store(str(store_file), show_other=True)
    before = first.selection.table_page(0, 100_000)
    extra = tmp_path / "late.jsonl"
    extra.write_text('{"id": "a-early", "published": "2020-01-02", "title": "Early", '
                     '"text": "Emmanuel Macron met Olaf Scholz in Berlin on Monday."}\n',
                     encoding="utf-8")
    Store(store_file).ingest(str(extra))
    second = DataStore.from_store(str(store_file), show_other=True)  # rebuilds the index
    rows = first.selection.table_page(0, 100_000)
    assert rows.values.tolist() == second.selection.table_page(0, 100_000).values.tolist()
    assert len(rows) > len(before)
