"""Tests for timeline.store.edits: corrections, wrong flags, notes and tags persist."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from timeline.errors import StoreError
from timeline.export import read_timeline, to_csv
from timeline.store import Store

WIRE = Path(__file__).parent / "data" / "wire.jsonl"


@pytest.fixture(scope="module")
def store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "s.duckdb"
    Store(path).ingest(str(WIRE))
    return path


def _meeting(store: Store) -> str:
    events = store.events()
    return events.loc[(events["doc_id"] == "l-talks") & (events["trigger"] == "meet"),
                      "event_id"].iloc[0]


def test_two_sessions_see_each_others_edits(store_file: Path) -> None:
    first = Store(store_file, clock=lambda: datetime(2024, 7, 1, 9, 0))
    second = Store(store_file, clock=lambda: datetime(2024, 7, 1, 9, 5))
    event = _meeting(first)
    first.edit(event, "date", "2023-01-16", editor="ana")
    second.edit(event, "note", "Pentagon readout says Monday", editor="ben")
    second.edit(event, "tags", ["verified", "Poland"], editor="ben")
    row = Store(store_file).events().set_index("event_id").loc[event]
    assert str(row["date"].date()) == "2023-01-16" and row["granularity"] == "day"
    assert row["time_value"] == "2023-01-16"
    assert row["note"] == "Pentagon readout says Monday"
    assert row["tags"] == ["verified", "Poland"] and bool(row["corrected"])
    history = Store(store_file).edits()
    mine = history[history["target_id"] == event]
    assert mine["editor"].tolist() == ["ana", "ben", "ben"]
    assert mine["old_value"].iloc[0] == "2023-01-17" and mine["new_value"].iloc[0] == "2023-01-16"
    assert str(mine["edited_at"].iloc[1]) == "2024-07-01 09:05:00"


def test_wrong_events_stay_in_exports_flagged(store_file: Path, tmp_path: Path) -> None:
    store = Store(store_file)
    events = store.events()
    target = events.loc[events["doc_id"] == "g-quake", "event_id"].iloc[0]
    store.edit(target, "wrong", True, editor="ana")
    out = tmp_path / "t.csv"
    to_csv(store.events(), out)
    back = read_timeline(out).set_index("event_id")
    assert bool(back.loc[target, "wrong"]) and bool(back.loc[target, "corrected"])
    assert target not in set(store.events(edits=False)["event_id"])


def test_a_correction_can_change_precision_type_actors_and_place(store_file: Path) -> None:
    store = Store(store_file)
    event = store.events().query("doc_id == 'k-aid'")["event_id"].iloc[0]
    store.edit(event, "date", "2023-W04", editor="ana")
    store.edit(event, "event_type", "aid", editor="ana")
    store.edit(event, "actors", "Germany; Ukraine", editor="ana")
    store.edit(event, "place", "Berlin", editor="ana")
    row = store.events().set_index("event_id").loc[event]
    assert (row["granularity"], str(row["start"].date()), str(row["end"].date())) == (
        "week", "2023-01-23", "2023-01-30")
    assert row["event_type"] == "aid" and row["actors"] == ["Germany", "Ukraine"]
    assert row["place"] == "Berlin"


def test_a_story_edit_reaches_every_event_of_the_story(store_file: Path) -> None:
    store = Store(store_file)
    story = store.stories().sort_values("n_sources").iloc[-1]
    store.edit(story["story_id"], "tags", ["duplicate-checked"], kind="story", editor="ana")
    events = store.events().set_index("event_id")
    members = store.query("SELECT event_id FROM story_members WHERE story_id = ?",
                          [story["story_id"]])["event_id"]
    assert len(members) >= 2
    assert all(events.loc[e, "tags"] == ["duplicate-checked"] for e in members)


@pytest.mark.parametrize(("field", "value", "words"), [
    ("date", "17 January", "is not a date"),
    ("date", "2023-02-30", "is not a date"),
    ("confidence", "1", "cannot be edited"),
    ("wrong", "perhaps", "is not true or false"),
])
def test_bad_edits_are_refused_and_change_nothing(store_file: Path, field: str, value: str,
                                                 words: str) -> None:
    store = Store(store_file)
    before = store.counts()["edits"]
    with pytest.raises(StoreError, match=words):
        store.edit(_meeting(store), field, value, editor="ana")
    assert store.counts()["edits"] == before


def test_unknown_event_and_missing_editor_are_refused(store_file: Path) -> None:
    store = Store(store_file)
    with pytest.raises(StoreError, match="no event with id"):
        store.edit("nope", "note", "x", editor="ana")
    with pytest.raises(StoreError, match="who made it"):
        store.edit(_meeting(store), "note", "x", editor=" ")


def test_opening_a_missing_store_read_only_names_it(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_without_a_clock_nothing_is_stamped_and_numbers_keep_the_order(
        tmp_path: Path) -> None:
    store = Store(tmp_path / "plain.duckdb")
    store.ingest(str(WIRE))
    event = _meeting(store)
    store.edit(event, "note", "first", editor="ana")
    store.edit(event, "note", "second", editor="ana")
    history = store.edits()
    assert history["edited_at"].isna().all()
    assert history.sort_values("edit_id")["new_value"].tolist() == ["first", "second"]
    runs = store.query("SELECT started_at FROM runs")
    articles = store.query("SELECT ingested_at FROM articles")
    assert runs["started_at"].isna().all() and articles["ingested_at"].isna().all()
