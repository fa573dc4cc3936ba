"""Timesketch CSV and JSON Lines, read back as Timesketch's importer reads them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest

from timeline.export import read_timeline, registry, write_file

REQUIRED = ("message", "datetime", "timestamp_desc")


def timesketch_rows(path: Path) -> list[dict[str, str]]:
    """Rows as Timesketch's importer takes them: CSV with a header, or one JSON per line."""
    with open(path, encoding="utf-8", newline="") as stream:
        if path.suffix == ".csv":
            return list(csv.DictReader(stream))
        return [json.loads(line) for line in stream if line.strip()]


@pytest.mark.parametrize("name", ["timesketch", "timesketch-jsonl"])
def test_rows_have_timesketchs_fields_and_our_columns_as_attributes(
    tmp_path: Path, timeline_frame: pd.DataFrame, name: str,
) -> None:
    path = tmp_path / f"out{registry.FORMATS[name].suffix}"
    write_file(timeline_frame, path)
    [row] = timesketch_rows(path)  # the undated event has no place on a Timesketch timeline
    assert row["datetime"] == "2023-01-17T00:00:00+00:00"
    assert pd.Timestamp(row["datetime"]).tzinfo is not None
    assert int(row["timestamp"]) == 1673913600 * 10**6
    assert row["timestamp_desc"] == "Event time (day)"
    assert row["message"] == ("meet: Mark Milley; Valerii Zaluzhnyi - "
                              "US General Mark Milley met with his Ukrainian counterpart.")
    assert row["event_id"] == "e1" and row["place"] == "southwestern Poland"


@pytest.mark.parametrize("name", ["timesketch", "timesketch-jsonl"])
def test_reading_back_gives_the_dated_events(
    tmp_path: Path, timeline_frame: pd.DataFrame, name: str,
) -> None:
    path = tmp_path / f"out{registry.FORMATS[name].suffix}"
    write_file(timeline_frame, path)
    back = read_timeline(path)
    expected = timeline_frame[timeline_frame["start"].notna()]
    pd.testing.assert_frame_equal(_plain(back), _plain(expected.reset_index(drop=True)))


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Categories as text: a frame with fewer rows has fewer categories."""
    cats = [name for name in df.columns if isinstance(df[name].dtype, pd.CategoricalDtype)]
    return df.astype({name: "str" for name in cats})


def test_csv_cells_are_spreadsheet_safe(tmp_path: Path, one_event) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "out.timesketch.csv"
    write_file(one_event(sentence="=HYPERLINK(\"http://x\")", event_type="statement"), path)
    [row] = timesketch_rows(path)
    assert row["sentence"].startswith("'=") and not row["message"].startswith("=")
    assert read_timeline(path)["sentence"][0] == "=HYPERLINK(\"http://x\")"


def test_a_file_without_timesketchs_fields_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.timesketch.csv"
    path.write_text("event_id,date\ne1,2023-01-17\n", encoding="utf-8")
    with pytest.raises(ValueError, match="message, datetime, timestamp_desc"):
        read_timeline(path)
