"""Tests for timeline.schema: the empty frame and coercion of read-back frames."""

from __future__ import annotations

import numpy as np
import pandas as pd

from timeline import schema


def test_empty_frame_has_every_column_typed() -> None:
    df = schema.empty_frame()
    assert tuple(df.columns) == schema.EVENT_COLUMNS
    assert {name: str(df[name].dtype) for name in df} == schema.EVENT_DTYPES


def test_coerce_restores_dtypes_and_lists() -> None:
    raw = pd.DataFrame({"event_id": ["e1"], "date": ["2023-01-17"], "actors": [np.array(["A"])],
                        "locations": [None], "sentence_start": [np.nan], "extra": [1]})
    df = schema.coerce(raw)
    assert tuple(df.columns) == (*schema.EVENT_COLUMNS, "extra")
    assert df.loc[0, "date"] == pd.Timestamp("2023-01-17")
    assert df.loc[0, "actors"] == ["A"] and df.loc[0, "locations"] == []
    assert df.loc[0, "sentence_start"] == -1 and not df.loc[0, "corrected"]


def test_every_column_is_documented() -> None:
    assert tuple(schema.EVENT_COLUMN_DOCS) == schema.EVENT_COLUMNS


def test_coerce_keeps_dates_and_date_times_mixed_in_one_column() -> None:
    raw = pd.DataFrame({"date": ["2023-01-19", "2023-01-19 10:30:00", ""]})
    dates = schema.coerce(raw)["date"]
    assert dates.tolist()[:2] == [pd.Timestamp("2023-01-19"), pd.Timestamp("2023-01-19 10:30")]
    assert pd.isna(dates.iloc[2])


def test_clock_words_in_a_date_column_are_not_dates() -> None:
    # pandas' ISO 8601 parser reads "now" and "today" as the current time.
    dates = schema.coerce(pd.DataFrame({"date": ["now", "today", "2023-01-19"]}))["date"]
    assert dates.isna().tolist() == [True, True, False]


def test_from_rows_equals_coercing_a_frame_of_the_rows() -> None:
    from datetime import date, datetime

    rows = [
        {"event_id": "e1", "date": datetime(2023, 1, 17), "granularity": "day", "place": None,
         "actors": ["Mark Milley", "Ukraine"], "tags": [], "fatalities": 2, "latitude": 50.4,
         "reference_date": date(2023, 1, 19), "trigger_start": 10, "corrected": False},
        {"event_id": "e2", "date": None, "granularity": None, "place": "Kyiv",
         "actors": ("Kyiv",), "tags": None, "fatalities": None, "latitude": None,
         "reference_date": date(2023, 1, 19), "trigger_start": 42, "corrected": True},
    ]
    full = [{name: row.get(name) for name in schema.EVENT_COLUMNS} for row in rows]
    for given in (full, rows):  # every key, and rows lacking some
        expected = schema.coerce(pd.DataFrame(given, columns=list(schema.EVENT_COLUMNS)))
        pd.testing.assert_frame_equal(schema.from_rows(given), expected, check_exact=True)
    assert schema.from_rows(full).loc[1, "actors"] == ["Kyiv"]


def test_from_rows_reads_enum_categories_and_plain_cells_as_coercing_does() -> None:
    """Category cells given as str enums, and int, flag and date cells given as such
    (the types extraction gives), come out as ``coerce`` makes them."""
    from datetime import date, datetime

    from timeline.vocab import Granularity

    rows = [{"event_id": f"e{i}", "granularity": granularity, "trigger_start": i,
             "corrected": i == 1, "date": day, "reference_date": date(2023, 1, 19)}
            for i, (granularity, day) in enumerate([
                (Granularity.DAY, datetime(2023, 1, 17)), ("month", None),
                (None, date(2023, 1, 2)), (Granularity.HOUR, datetime(2023, 1, 17, 10, 30))])]
    full = [{name: row.get(name) for name in schema.EVENT_COLUMNS} for row in rows]
    expected = schema.coerce(pd.DataFrame(full, columns=list(schema.EVENT_COLUMNS)))
    got = schema.from_rows(full)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    # In text order, as coerce gives, though an hour ranks before a day.
    assert got["granularity"].cat.categories.tolist() == ["day", "hour", "month"]
    assert got["trigger_start"].tolist() == [0, 1, 2, 3]
