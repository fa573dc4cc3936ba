"""The dashboard over a store answers in SQL with the numbers the in-memory one gives.

The same synthetic store is shown twice: read whole into memory (``store_events``,
the frame path, stories included) and served from the store (``from_store``, the SQL
path). Counts, aggregates, table and narrative pages, downloads and filter options
must agree for every filter; and a filter change over a store must not read the
events into pandas (only a page, a sample of markers and aggregates).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("panel")

from dashboards import sql  # noqa: E402
from dashboards.backing import store_events  # noqa: E402
from dashboards.figures import MAX_POINTS  # noqa: E402
from dashboards.layout import Dashboard  # noqa: E402
from dashboards.store import DataStore  # noqa: E402
from dashboards.synthetic import make_synthetic_store  # noqa: E402
from dashboards.views.table import PAGE_SIZE, EventsTable  # noqa: E402

#: (label, filter params) checked on both paths.
FILTERS = [
    ("nothing", {}),
    ("busy actor", {"actors": ["Actor 000"]}),
    ("rare actor and place", {"actors": ["Actor 030", "Actor 031"], "places": ["Kyiv"]}),
    ("types", {"event_types": ["attack", "protest"]}),
    ("search", {"search": "WARSAW"}),
    ("confidence", {"min_confidence": 0.8}),
    ("one month", {"date_range": (pd.Timestamp("2023-03-01"), pd.Timestamp("2023-03-31"))}),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = make_synthetic_store(tmp_path_factory.mktemp("sql") / "s.duckdb", 1500)
    from timeline.store import Store

    events = Store(path).events()
    # Wrong and edited rows, so both paths hide and flag them alike.
    Store(path).edit(str(events["event_id"].iloc[3]), "wrong", True, editor="t")
    Store(path).edit(str(events["event_id"].iloc[5]), "note", "check", editor="t")
    return path


def _pair(path: Path, stories: bool, **filters: object) -> tuple[DataStore, DataStore]:
    memory = DataStore(store_events(path), stories_view=stories)
    served = DataStore.from_store(str(path), stories_view=stories)
    for store in (memory, served):
        store.param.update(**filters)
    return memory, served


@pytest.mark.parametrize("stories", [True, False], ids=["stories", "events"])
@pytest.mark.parametrize("label,filters", FILTERS, ids=[f[0] for f in FILTERS])
def test_sql_and_memory_give_the_same_numbers(corpus: Path, stories: bool, label: str,
                                              filters: dict) -> None:
    memory, served = _pair(corpus, stories, **filters)
    mine, theirs = memory.selection, served.selection
    assert 0 < theirs.count() == mine.count(), label
    pd.testing.assert_frame_equal(theirs.spread_counts("W"), mine.spread_counts("W"),
                                  check_freq=False, atol=1e-6)
    nodes, edges = theirs.cooccurrence(10)
    pd.testing.assert_series_equal(nodes, mine.cooccurrence(10)[0], check_names=False)
    assert edges.values.tolist() == mine.cooccurrence(10)[1].values.tolist()
    places = theirs.place_counts().drop(columns=["latitude", "longitude"])
    expected = mine.place_counts().drop(columns=["latitude", "longitude"])
    assert places.values.tolist() == expected.values.tolist()
    for offset in (0, 24):
        page = theirs.table_page(offset, PAGE_SIZE)
        assert page.values.tolist() == mine.table_page(offset, PAGE_SIZE).values.tolist()
        told, total = theirs.narrative(offset, 10)
        shown, expected_total = mine.narrative(offset, 10)
        assert total == expected_total
        assert told[["event_id", "_reports"]].values.tolist() == \
            shown[["event_id", "_reports"]].values.tolist()
    assert sorted(theirs.download()["event_id"]) == sorted(mine.download()["event_id"])


def test_the_filter_options_and_date_bounds_agree(corpus: Path) -> None:
    memory, served = _pair(corpus, True)
    assert served.n_events == len(memory.data) == 1500
    assert served.actor_options == memory.actor_options
    assert served.place_options == memory.place_options
    assert served.type_options == memory.type_options
    assert served.date_bounds == memory.date_bounds
    assert served.colors == memory.colors


def test_markers_are_a_stable_sample_of_the_shown_events(corpus: Path) -> None:
    served = DataStore.from_store(str(corpus), stories_view=False)
    everything = served.selection.markers(MAX_POINTS)
    assert everything.total == len(everything.rows) == served.selection.count()
    small = served.selection.markers(40)
    assert len(small.rows) == 40 and small.total == served.selection.count()
    again = DataStore.from_store(str(corpus), stories_view=False).selection.markers(40)
    assert small.rows["event_id"].tolist() == again.rows["event_id"].tolist()


def test_the_timeline_of_a_sample_says_so(corpus: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from dashboards.figures import SAMPLE_NOTE
    from dashboards.views.timeline import TimelineView

    monkeypatch.setattr("dashboards.views.timeline.MAX_POINTS", 40)
    served = DataStore.from_store(str(corpus), stories_view=False)
    view = TimelineView(served, y="event_type")
    figure = view.pane.object
    drawn = sum(len(t.x) for t in figure.data if t.mode == "markers")
    dated = served.selection.markers(40).total
    assert drawn == 40 < dated
    assert f"a sample of 40 of {dated:,} events{SAMPLE_NOTE}" in figure.layout.title.text


@pytest.fixture(scope="module")
def bigger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_synthetic_store(tmp_path_factory.mktemp("sql20k") / "s.duckdb", 20_000)


def test_a_filter_change_reads_pages_and_aggregates_not_the_events(
        bigger: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dash = Dashboard(DataStore.from_store(str(bigger), stories_view=False))
    store = dash.store
    events = store.selection.count()
    assert events > 18_000 and store.data.empty
    pulled: list[int] = []
    query = sql.StoreIndex.query

    def counted(self: sql.StoreIndex, text: str, params: list | None = None) -> pd.DataFrame:
        frame = query(self, text, params)
        pulled.append(len(frame))
        return frame

    monkeypatch.setattr(sql.StoreIndex, "query", counted)
    monkeypatch.setattr("dashboards.backing.store_events", _refuse)
    small = 300  # a sample of markers this size: every figure must come from aggregates
    monkeypatch.setattr("dashboards.views.timeline.MAX_POINTS", small)
    monkeypatch.setattr("dashboards.figures.MAX_POINTS", small)
    for change in ({"actors": ["Actor 000"]}, {"search": "kyiv"}, {"stories_view": True},
                   {"min_confidence": 0.5}):
        pulled.clear()
        store.param.update(**change)
        # The largest pull is the counts' (first day, last day, type) groups: bounded by
        # the calendar and the types, not by the events.
        assert pulled and sum(pulled) < 0.4 * events, (change, pulled)
        assert len(dash.view(EventsTable).table.value) == PAGE_SIZE


def test_the_table_turns_its_pages_in_sql(bigger: Path) -> None:
    dash = Dashboard(DataStore.from_store(str(bigger)))
    table = dash.view(EventsTable)
    first = table.table.value["event_id"].tolist()
    table._turn(1)
    second = table.table.value["event_id"].tolist()
    assert len(second) == PAGE_SIZE and not set(first) & set(second)
    assert second == dash.store.selection.table_page(PAGE_SIZE, PAGE_SIZE)["event_id"].tolist()
    assert "Rows 13–24 of" in table.position.object
    dash.store.actors = ["Actor 001"]
    assert table.page == 0


def _refuse(*_args: object, **_kwargs: object) -> pd.DataFrame:
    raise AssertionError("a filter change read events from the store")


def test_replaced_selections_leave_no_tables_behind(corpus: Path) -> None:
    import gc

    store = DataStore.from_store(str(corpus))
    index = sql.StoreIndex.of(str(corpus))

    def tables() -> int:
        return int(index.scalar("SELECT (SELECT count(*) FROM duckdb_tables() WHERE temporary)"
                                " + (SELECT count(*) FROM duckdb_views() WHERE temporary"
                                " AND view_name LIKE 'shown_%')"))

    before = tables()
    for value in (0.2, 0.4, 0.6, 0.8):
        store.min_confidence = value
        gc.collect()
    assert tables() <= before + 1
    del store
    gc.collect()
    DataStore.from_store(str(corpus))  # the next session drops what the last one left
    assert tables() <= before + 1


def test_index_folders_of_gone_servers_are_swept(tmp_path: Path) -> None:
    import os

    gone = tmp_path / f"{sql.INDEX_FOLDER}{2 ** 22 + 7}"  # above Linux's largest pid
    alive = tmp_path / f"{sql.INDEX_FOLDER}{os.getpid()}"
    other = tmp_path / "timeline-dashboard-speed-1000.duckdb"
    for folder in (gone, alive):
        folder.mkdir()
        (folder / "index-0.duckdb").write_bytes(b"")
    other.write_bytes(b"")
    assert sql.sweep_index_folders(tmp_path) == [gone]
    assert not gone.exists() and alive.exists() and other.exists()
