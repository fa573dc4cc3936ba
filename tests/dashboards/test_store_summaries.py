"""Raw events filtered by kind only are answered from the index's summaries.

The summaries count each aggregate's groups per (event type, marked wrong); the
answers must be the ones the rows give (and the in-memory dashboard gives), before and
after an edit of this server changes a row.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("panel")

from dashboards.backing import store_events  # noqa: E402
from dashboards.store import DataStore  # noqa: E402
from dashboards.summaries import date_quantiles  # noqa: E402
from dashboards.synthetic import make_synthetic_store  # noqa: E402


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return make_synthetic_store(tmp_path / "s.duckdb", 1200)


def _answers(store: DataStore) -> tuple:
    selection = store.selection
    nodes, edges = selection.cooccurrence(10)
    told, total = selection.narrative(0, 10)
    return (selection.count(), selection.spread_counts("M").round(6).values.tolist(),
            nodes.to_dict(), edges.values.tolist(),
            selection.place_counts().drop(columns=["latitude", "longitude"]).values.tolist(),
            told[["event_id", "_reports"]].values.tolist(), total, selection.date_focus())


@pytest.mark.parametrize("filters", [{}, {"event_types": ["attack", "protest"]},
                                     {"show_other": True, "show_wrong": True}])
def test_kind_filters_are_summed_and_agree_with_the_rows(corpus: Path, filters: dict) -> None:
    served = DataStore.from_store(str(corpus), stories_view=False, **filters)
    memory = DataStore(store_events(corpus), stories_view=False, **filters)
    assert served.selection.summarised
    assert _answers(served) == _answers(memory)


@pytest.mark.parametrize("filters", [{"actors": ["Actor 000"]}, {"search": "kyiv"},
                                     {"min_confidence": 0.5}, {"stories_view": True}])
def test_other_filters_read_the_rows(corpus: Path, filters: dict) -> None:
    served = DataStore.from_store(str(corpus), **{"stories_view": False, **filters})
    assert not served.selection.summarised


def test_an_edit_is_summed_the_next_time(corpus: Path) -> None:
    served = DataStore.from_store(str(corpus), stories_view=False)
    before = served.selection.count()
    victim = str(served.selection.table_page(0, 1)["event_id"].iloc[0])
    served.mark_wrong(victim)
    served.edit(str(served.selection.table_page(0, 1)["event_id"].iloc[0]),
                "event_type", "protest")
    assert served.selection.summarised and served.selection.count() == before - 1
    memory = DataStore(store_events(corpus), stories_view=False)
    assert _answers(served) == _answers(memory)


def test_a_narrative_page_past_the_end_still_counts_the_stories(corpus: Path) -> None:
    for filters in ({}, {"search": "kyiv"}):
        served = DataStore.from_store(str(corpus), stories_view=False, **filters)
        memory = DataStore(store_events(corpus), stories_view=False, **filters)
        told, total = served.selection.narrative(10_000, 10)
        assert told.empty and total == memory.selection.narrative(0, 10)[1] > 0


def test_date_quantiles_interpolate_between_the_counted_dates() -> None:
    # Worked by hand: four events, three on Jan 1 and one on Jan 11. The 5% quantile
    # sits at 0.15 of the way between the 1st and 2nd (both Jan 1); the 95% one at
    # 2.85, between the 3rd (Jan 1) and the 4th (Jan 11): Jan 1 + 0.85 x 10 days.
    dates = pd.Series(pd.to_datetime(["2024-01-11", "2024-01-01"]))
    values = date_quantiles(dates, pd.Series([1, 3]))
    assert values["low"] == pd.Timestamp("2024-01-01")
    assert values["high"] == pd.Timestamp("2024-01-09 12:00")
    assert (values["first"], values["last"]) == (pd.Timestamp("2024-01-01"),
                                                 pd.Timestamp("2024-01-11"))
    expanded = pd.Series(pd.to_datetime(["2024-01-01"] * 3 + ["2024-01-11"]))
    assert values["high"] == expanded.quantile(0.95)
    assert date_quantiles(dates.iloc[:0], pd.Series([], dtype="int64")).isna().all()


@pytest.fixture
def edit_next(monkeypatch: pytest.MonkeyPatch):
    """``edit_next(at, edit)``: run ``edit`` when a selection next checks, for the
    ``at``-th time from now, that its answers are the index's current ones (as an edit
    of another session would land just before)."""
    from dashboards.store_selection import StoreSelection

    original = StoreSelection._current
    armed: list = []

    def current(self: StoreSelection) -> None:
        if armed:
            armed[0] -= 1
            if armed[0] == 0:
                armed.pop(1)()
                armed.clear()
        original(self)

    monkeypatch.setattr(StoreSelection, "_current", current)
    return lambda at, edit: armed.extend([at, edit])


@pytest.mark.parametrize("ask", [lambda s: s.spread_counts("M").round(6).values.tolist(),
                                 lambda s: s.place_counts().drop(
                                     columns=["latitude", "longitude"]).values.tolist()])
def test_an_edit_landing_before_a_summed_query_is_answered(corpus: Path, edit_next,
                                                           ask) -> None:
    served = DataStore.from_store(str(corpus), stories_view=False)
    victim = str(served.selection.table_page(0, 1)["event_id"].iloc[0])
    # Another session's edit lands after the summaries were checked, before the query.
    # (Its own view, of stories, reads the rows: it does not make the summaries anew.)
    editor = DataStore.from_store(str(corpus))
    edit_next(1, lambda: editor.mark_wrong(victim))
    first = ask(served.selection)
    expected = ask(DataStore(store_events(corpus), stories_view=False).selection)
    assert first == ask(served.selection) == expected


def test_an_answer_begun_before_an_edit_is_not_kept_after_it(corpus: Path, edit_next) -> None:
    served = DataStore.from_store(str(corpus), stories_view=False)
    victim = str(served.selection.table_page(0, 1)["event_id"].iloc[0])
    # The markers' rows are read, then another session's edit lands before their count is.
    editor = DataStore.from_store(str(corpus))
    edit_next(3, lambda: editor.mark_wrong(victim))
    assert victim in served.selection.markers(5000).rows["event_id"].tolist()
    assert victim not in served.selection.markers(5000).rows["event_id"].tolist()


def test_a_page_is_read_at_the_positions_chosen_after_an_edit(corpus: Path, edit_next) -> None:
    served = DataStore.from_store(str(corpus), stories_view=False)
    victim = str(served.selection.table_page(0, 3)["event_id"].iloc[0])
    edited: list[str] = []
    editor = DataStore.from_store(str(corpus))
    # A page's positions are chosen, then another session's edit lands before its
    # rows are read (or, where they are read together, before the next asking).
    edit_next(2, lambda: edited.append(editor.mark_wrong(victim)))
    for _ in range(3):
        page = served.selection.table_page(0, 3)
    assert edited and victim not in page["event_id"].tolist()
