"""Tests for timeline.summaries: per-actor and per-place tables of a timeline."""

from __future__ import annotations

import pandas as pd

from timeline import schema
from timeline.summaries import actor_table, place_table


def _timeline() -> pd.DataFrame:
    rows = pd.DataFrame({
        "event_id": ["e1", "e2", "e3"],
        "doc_id": ["a", "a", "b"],
        "date": pd.to_datetime(["2023-01-17", "2023-01-18", "2023-01-20"]),
        "actors": [["Mark Milley", "Valerii Zaluzhnyi"], ["Mark Milley"], ["Ukraine"]],
        "actor_types": [["PERSON", "PERSON"], ["PERSON"], ["GPE"]],
        "actor_titles": [["General", "General"], [""], [""]],
        "actor_roles": [["Chairman", ""], [""], [""]],
        "actor_aliases": [["Mark Milley | Milley", "Zaluzhnyi"], ["Gen. Milley"], ["Ukrainian"]],
        "place": ["southwestern Poland", "", "Kyiv"],
        "country": ["Poland", "", "Ukraine"],
        "latitude": [50.77, None, 50.45],
        "longitude": [17.06, None, 30.52],
        "place_precision": ["region", None, "city"],
    })
    return schema.coerce(rows)


def test_actor_table_counts_and_details() -> None:
    table = actor_table(_timeline()).set_index("actor")
    milley = table.loc["Mark Milley"]
    assert (milley["events"], milley["documents"]) == (2, 1)
    assert milley["titles"] == ["General"] and milley["roles"] == ["Chairman"]
    assert milley["aliases"] == ["Mark Milley", "Milley", "Gen. Milley"]
    assert milley["first_date"] == pd.Timestamp("2023-01-17")
    assert table.loc["Ukraine", "type"] == "GPE"


def test_actor_table_without_detail_columns() -> None:
    bare = _timeline()[["event_id", "doc_id", "date", "actors"]]
    table = actor_table(bare)
    assert set(table["actor"]) == {"Mark Milley", "Valerii Zaluzhnyi", "Ukraine"}


def test_place_table_skips_events_without_coordinates() -> None:
    table = place_table(_timeline())
    assert table["place"].tolist() == ["Kyiv", "southwestern Poland"]
    assert tuple(table.columns) == tuple(schema.PLACE_DTYPES)
