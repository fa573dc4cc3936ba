"""The store's index keeps what it answered until the index changes.

A filter setting asked for again (by this session or another) runs no query; the
filter options, date bounds and count are kept too. An ingest or an edit changes the
index, and what was kept is then answered anew.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("panel")

from dashboards import sql  # noqa: E402
from dashboards.layout import Dashboard  # noqa: E402
from dashboards.store import DataStore  # noqa: E402
from timeline.store import Store  # noqa: E402

LATE = ('{"id": "z-late", "published": "2031-07-02", "title": "Late", '
        '"text": "Zebulon Quartermaine met Olaf Scholz in Berlin on Monday."}\n')


@pytest.fixture
def queries(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every statement run on an index from now on."""
    ran: list[str] = []
    for name in ("query", "scalar", "execute"):
        original = getattr(sql.StoreIndex, name)

        def counted(self: sql.StoreIndex, text: str, params: list | None = None,
                    _original=original) -> object:
            ran.append(text)
            return _original(self, text, params)
        monkeypatch.setattr(sql.StoreIndex, name, counted)
    return ran


def _answers(store: DataStore) -> tuple:
    selection = store.selection
    return (selection.count(), selection.table_page(0, 50).values.tolist(),
            selection.narrative(0, 10)[0]["event_id"].tolist(),
            selection.place_counts().values.tolist(), selection.cooccurrence(5)[1].values.tolist())


def test_a_setting_asked_for_before_runs_no_query(store_file: Path,
                                                  queries: list[str]) -> None:
    first = Dashboard(DataStore.from_store(str(store_file))).store
    first.event_types = ["meeting"]
    expected = _answers(first)
    first.event_types = []
    queries.clear()
    first.event_types = ["meeting"]  # back to a setting this session saw
    other = DataStore.from_store(str(store_file), event_types=["meeting"])  # another session
    assert _answers(first) == _answers(other) == expected
    assert queries == []
    first.stories_view = False  # a new setting is asked of the index
    assert queries


def test_an_ingest_renews_the_options_bounds_and_answers(store_file: Path,
                                                         tmp_path: Path) -> None:
    session = DataStore.from_store(str(store_file), stories_view=False)
    options, bounds, count = session.actor_options, session.date_bounds, session.n_events
    shown = session.selection.count()
    late = tmp_path / "late.jsonl"
    late.write_text(LATE, encoding="utf-8")
    Store(store_file).ingest(str(late))
    session.reload()  # what a browser refresh does
    assert session.n_events > count and session.selection.count() > shown
    assert "Zebulon Quartermaine" in set(session.actor_options) - set(options)
    assert session.date_bounds[1] > bounds[1]
    assert pd.Timestamp(session.date_bounds[1]).year == 2031


def test_an_edit_renews_what_every_session_is_answered(store_file: Path) -> None:
    editing = DataStore.from_store(str(store_file), stories_view=False)
    watching = DataStore.from_store(str(store_file), stories_view=False)
    shown = watching.selection.count()
    event = editing.selection.table_page(0, 1)["event_id"].iloc[0]
    editing.mark_wrong(event)
    assert editing.selection.count() == shown - 1
    # The other session's selection was answered before the edit: asked again, it
    # answers from the index as it is now (as a browser refresh would show).
    assert watching.selection.count() == shown - 1
    assert event not in set(DataStore.from_store(str(store_file), stories_view=False)
                            .selection.table_page(0, 10_000)["event_id"])


def test_the_index_keeps_the_answers_of_a_bounded_number_of_settings(
        store_file: Path) -> None:
    session = DataStore.from_store(str(store_file))
    index = sql.StoreIndex.of(str(store_file))
    for step in range(sql.ANSWERED_SELECTIONS + 5):
        session.min_confidence = step / 100
        session.selection.count()
    kept = [index.answers(("probe", n)) for n in range(3)]
    assert all(answers == {} for answers in kept)
    assert len(index._answers) == sql.ANSWERED_SELECTIONS
