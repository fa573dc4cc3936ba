"""Tests for timeline.export.dtypes: frames come back with the dtypes they had."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from timeline import schema
from timeline.export import read_timeline, registry, to_csv, write_file
from timeline.temporal.api import find_times
from timeline.temporal.frame import DTYPES, to_frame

# Readable formats that hold find_times frames.
READABLE = [name for name, fmt in registry.FORMATS.items()
            if fmt.read is not None and "times" in fmt.frames]
TEXT = (
    "The ministers met at 10:30 GMT on Tuesday. Talks resume next month, "
    "every Friday, for two weeks, in the spring of 2024 and in the 1990s."
)


@pytest.mark.parametrize("name", READABLE)
def test_find_times_frame_keeps_its_categories(tmp_path: Path, name: str) -> None:
    # The repro: type and granularity came back as plain text from CSV and JSON.
    times = find_times(TEXT, "2023-01-19")
    assert len(times) >= 5 and times["type"].nunique() > 1
    path = tmp_path / f"times{registry.FORMATS[name].suffix}"
    write_file(times, path)
    back = read_timeline(path)
    pd.testing.assert_frame_equal(back, times)
    assert back["type"].dtype == times["type"].dtype  # the same categories, in order
    assert list(back["granularity"].cat.categories) == list(times["granularity"].cat.categories)


@pytest.mark.parametrize("name", READABLE)
def test_empty_find_times_frame_round_trips(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"times{registry.FORMATS[name].suffix}"
    write_file(to_frame([]), path)
    # An empty JSON array or JSON Lines file names no columns: the caller says which.
    nameless = name in ("json", "jsonl")
    back = read_timeline(path, dtypes=DTYPES if nameless else None)
    pd.testing.assert_frame_equal(back, to_frame([]), check_index_type=False)


def test_unknown_frame_gets_types_guessed(tmp_path: Path) -> None:
    df = pd.DataFrame(
        {
            "text": ["on Tuesday", "-1"],
            "start": pd.to_datetime(["2023-01-17", "2023-01-18 10:30"], format="ISO8601").astype(
                "datetime64[us]"
            ),
            "offset": [3, 40],
            "confidence": [0.9, np.nan],
            "flag": [True, False],
        }
    )
    path = tmp_path / "unknown.csv"
    to_csv(df, path)
    back = read_timeline(path)
    pd.testing.assert_frame_equal(back, df, check_dtype=False)
    assert str(back["start"].dtype) == schema.DATETIME
    assert back["offset"].dtype == "int64" and back["flag"].dtype == "bool"
    assert back.loc[1, "text"] == "-1"  # text, not a number: it was escaped and restored
