"""The terminal table and dates written at their precision."""

from __future__ import annotations

import io
from collections.abc import Callable

import pandas as pd
import pytest

from timeline.export.dates import date_at_precision
from timeline.export.table import shorten, write_table


@pytest.mark.parametrize(("start", "end", "granularity", "shown"), [
    ("2023-01-17 10:30", "2023-01-17 11:30", "hour", "2023-01-17 10:30"),
    ("2023-01-17", "2023-01-18", "day", "2023-01-17"),
    ("2023-01-16", "2023-01-23", "week", "week of 2023-01-16"),
    ("2023-01-01", "2023-02-01", "month", "2023-01"),
    ("2023-01-01", "2023-04-01", "quarter", "2023-01 to 2023-03"),
    ("2023-01-01", "2024-01-01", "year", "2023"),
    ("2020-01-01", "2030-01-01", "decade", "2020s"),
    ("2023-01-19", "2023-01-20", "published", "2023-01-19 (published)"),
    (None, None, "none", "undated"),
])
def test_dates_are_shown_at_their_precision(start: str | None, end: str | None,
                                            granularity: str, shown: str) -> None:
    assert date_at_precision(pd.Timestamp(start), pd.Timestamp(end), granularity) == shown


def test_shorten_cuts_at_a_word_and_flattens_lines() -> None:
    assert shorten("a b\nc") == "a b c"
    assert shorten("alpha beta gamma delta", 14) == "alpha beta…"


def test_events_are_shown_by_their_key_columns_in_date_order(
    timeline_frame: pd.DataFrame,
) -> None:
    stream = io.StringIO()
    write_table(timeline_frame.iloc[::-1], stream)
    header, first, second = stream.getvalue().splitlines()
    assert header.split() == ["date", "type", "actors", "place", "confidence", "sentence"]
    assert first.split()[:4] == ["2023-01-17", "meet", "Mark", "Milley;"]
    assert "0.90" in first and second.split()[:2] == ["undated", "statement"]
    assert '"These guys, they talk." Often.' in second  # one line per event


def test_other_frames_are_shown_as_they_are(one_event: Callable[..., pd.DataFrame]) -> None:
    stream = io.StringIO()
    write_table(one_event()[["event_id", "actors"]], stream)
    assert stream.getvalue().split() == ["event_id", "actors", "e1", "Mark", "Milley;",
                                         "Valerii", "Zaluzhnyi"]
