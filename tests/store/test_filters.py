"""Tests for timeline.store.filters: EventFilter's matching rules, run in DuckDB."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.store import EventFilter, Store

WIRE = Path(__file__).parent / "data" / "wire.jsonl"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    db = Store(tmp_path_factory.mktemp("filters") / "s.duckdb")
    db.ingest(str(WIRE))
    return db


def _kept(store: Store, **fields) -> set[tuple[str, ...]]:
    events = store.events(EventFilter(**fields))
    return {(row.event_type, row.place, *row.actors) for row in events.itertuples()}


@pytest.mark.parametrize("place", ["Kyiv", "kyiv", "KYIV"])
def test_place_ignores_case(store: Store, place: str) -> None:
    assert _kept(store, places=(place,)) == {("visit", "Kyiv", "Joe Biden")}


@pytest.mark.parametrize("country", ["Germany", "germany", "DE", "de"])
def test_country_by_name_or_iso_code_in_any_case(store: Store, country: str) -> None:
    assert _kept(store, countries=(country,)) == {
        ("meet", "Munich", "Volodymyr Zelenskyy", "Kamala Harris"),
        ("meet", "Munich", "Kamala Harris", "Volodymyr Zelenskyy")}


@pytest.mark.parametrize("actor", ["Biden", "joe biden", "JOE", "Joe Biden"])
def test_actor_by_whole_name_or_whole_words(store: Store, actor: str) -> None:
    assert _kept(store, actors=(actor,)) == {("visit", "Kyiv", "Joe Biden")}


@pytest.mark.parametrize("actor", ["Bide", "oe Biden", "Biden Joe", "%", "_"])
def test_actor_parts_of_words_and_wildcards_match_nothing(store: Store, actor: str) -> None:
    assert _kept(store, actors=(actor,)) == set()


@pytest.mark.parametrize("actor", ["Protesters (Kenya)", "protesters", "Government of Ukraine"])
def test_actor_by_the_coded_name_too(store: Store, actor: str) -> None:
    # The coded names ("Protesters (Kenya)", "Government of Ukraine") are found though
    # the events' ``actors`` lists, as mentioned, are empty.
    events = store.events(EventFilter(actors=(actor,)))
    assert len(events) == 1
    assert events["actor1"].iloc[0].lower().startswith(actor.lower().split(" (")[0])


def test_type_ignores_case(store: Store) -> None:
    assert _kept(store, types=("PROTEST",)) == {("protest", "Nairobi")}


def test_values_are_parameters_not_sql(store: Store) -> None:
    assert _kept(store, places=("Kyiv') OR TRUE OR ('",)) == set()
    assert "Kyiv" not in EventFilter(places=("Kyiv",), actors=("Biden",)).sql()[0]
