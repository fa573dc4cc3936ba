"""Tests for timeline.export: spreadsheet-safe CSV, JSON Lines, Parquet, atomic writes."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow
import pytest

from timeline import export, schema
from timeline.errors import InputError
from timeline.export import read_timeline, to_csv, write_file, write_frame

FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"]


def event(**overrides: object) -> dict[str, object]:
    """One event row with every schema column; ``overrides`` replace values."""
    row: dict[str, object] = {
        "event_id": "e1",
        "doc_id": "seed",
        "date": "2023-01-17",
        "start": "2023-01-17",
        "end": "2023-01-18",
        "granularity": "day",
        "time_text": "on Tuesday",
        "time_value": "2023-01-17",
        "anchor": "published",
        "event_type": "meet",
        "trigger": "meet",
        "actors": ["Mark Milley", "Valerii Zaluzhnyi"],
        "locations": ["southwestern Poland"],
        "place": "southwestern Poland",
        "latitude": 50.06,
        "longitude": 19.94,
        "country": "Poland",
        "geo_precision": "region",
        "sentence": "US General Mark Milley met with his Ukrainian counterpart.",
        "sentence_start": 175,
        "sentence_end": 233,
        "confidence": 0.9,
        "reference_date": "2023-01-19",
        "reference_source": "given",
        "title": "",
        "url": "",
        "actor_types": ["PERSON", "PERSON"],
        "actor_titles": ["General", "General"],
        "actor_roles": ["Chairman of the Joint Chiefs of Staff", ""],
        "actor_aliases": ["Milley | Gen. Milley", "Zaluznyi"],
        "trigger_start": 198,
        "trigger_end": 201,
        "corrected": False,
    }
    row.update(overrides)
    return row


def frame(*rows: dict[str, object]) -> pd.DataFrame:
    """Rows as a schema-typed frame; text columns the rows lack are empty strings."""
    text = {name: "" for name, dtype in schema.EVENT_DTYPES.items() if dtype == "str"}
    return schema.coerce(pd.DataFrame([{**text, **row} for row in rows]))


@pytest.fixture
def timeline_frame() -> pd.DataFrame:
    """Two events: one fully dated and placed, one with nothing but a trigger."""
    return frame(
        event(),
        event(
            event_id="e2",
            date=None,
            start=None,
            end=None,
            granularity="published",
            time_text="",
            time_value="",
            anchor="",
            event_type="statement",
            trigger="say",
            actors=["Dave Butler"],
            locations=[],
            place="",
            latitude=np.nan,
            longitude=np.nan,
            country="",
            geo_precision=None,
            sentence='Butler said: "These guys, they talk."\nOften.',
            confidence=0.4,
            actor_types=["PERSON"],
            actor_titles=["Colonel"],
            actor_roles=[""],  # one empty role: must come back as [""], not []
            actor_aliases=[""],
            corrected=True,
        ),
    )


def raw_cells(path: Path) -> list[dict[str, str]]:
    """The CSV file as the csv module sees it: no type restoration, no unescaping."""
    with open(path, newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


# -- CSV round trip --------------------------------------------------------------------


def test_csv_round_trip_restores_lists_dates_categories(
    tmp_path: Path, timeline_frame: pd.DataFrame
) -> None:
    path = tmp_path / "timeline.csv"
    to_csv(timeline_frame, path)
    back = read_timeline(path)
    pd.testing.assert_frame_equal(back, timeline_frame)
    assert back.loc[0, "actors"] == ["Mark Milley", "Valerii Zaluzhnyi"]
    assert back.loc[1, "locations"] == []
    assert back.loc[1, "actor_roles"] == [""]
    assert pd.isna(back.loc[1, "date"])
    assert str(back["date"].dtype) == schema.DATETIME
    assert isinstance(back["event_type"].dtype, pd.CategoricalDtype)


def test_csv_cells_as_a_spreadsheet_sees_them(tmp_path: Path, timeline_frame: pd.DataFrame) -> None:
    path = tmp_path / "timeline.csv"
    to_csv(timeline_frame, path)
    first, second = raw_cells(path)
    assert first["actors"] == "Mark Milley; Valerii Zaluzhnyi"
    assert first["date"] == "2023-01-17"
    assert first["corrected"] == "False"
    assert second["date"] == "" and second["latitude"] == "" and second["locations"] == ""


def test_csv_follows_rfc_4180(tmp_path: Path, timeline_frame: pd.DataFrame) -> None:
    path = tmp_path / "timeline.csv"
    to_csv(timeline_frame, path)
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")  # no byte-order mark
    assert data.count(b"\r\n") == 3  # header and two records end with CRLF
    # Quotes are doubled, and the newline inside the quoted cell is kept as it is.
    assert b'"Butler said: ""These guys, they talk.""\nOften."' in data


def test_empty_frame_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    to_csv(schema.empty_frame(), path)
    pd.testing.assert_frame_equal(read_timeline(path), schema.empty_frame())


# -- formula safety --------------------------------------------------------------------


@pytest.mark.parametrize("start", FORMULA_STARTS, ids=repr)
def test_text_starting_like_a_formula_is_prefixed(tmp_path: Path, start: str) -> None:
    dangerous = f"{start}HYPERLINK(\"http://evil.example\",\"click\")"
    df = frame(event(sentence=dangerous, trigger=f"{start}x", actors=[f"{start}cmd", "Duda"]))
    path = tmp_path / "t.csv"
    to_csv(df, path)
    [cells] = raw_cells(path)
    assert cells["sentence"] == "'" + dangerous
    assert cells["trigger"] == f"'{start}x"
    assert cells["actors"] == f"'{start}cmd; Duda"
    pd.testing.assert_frame_equal(read_timeline(path), df)


def test_category_cells_are_protected_too(tmp_path: Path) -> None:
    df = frame(event(event_type="=1+1"))
    path = tmp_path / "t.csv"
    to_csv(df, path)
    assert raw_cells(path)[0]["event_type"] == "'=1+1"
    pd.testing.assert_frame_equal(read_timeline(path), df)


def test_negative_numbers_are_left_alone(tmp_path: Path) -> None:
    df = frame(event(latitude=-33.87, longitude=-151.21, confidence=-0.5))
    path = tmp_path / "t.csv"
    to_csv(df, path)
    [cells] = raw_cells(path)
    assert (cells["latitude"], cells["longitude"], cells["confidence"]) == (
        "-33.87",
        "-151.21",
        "-0.5",
    )
    pd.testing.assert_frame_equal(read_timeline(path), df)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("'=already quoted", "''=already quoted"),  # keep the user's apostrophe
        ("''", "'''"),
        ("'plain", "'plain"),  # harmless: left as it is
        ("'", "'"),
        ("x=1", "x=1"),
        ("", ""),
    ],
)
def test_apostrophes_round_trip_exactly(tmp_path: Path, text: str, written: str) -> None:
    df = frame(event(title=text))
    path = tmp_path / "t.csv"
    to_csv(df, path)
    assert raw_cells(path)[0]["title"] == written
    assert read_timeline(path).loc[0, "title"] == text


# -- other formats ---------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".jsonl", ".json", ".parquet"])
def test_other_formats_round_trip(
    tmp_path: Path, timeline_frame: pd.DataFrame, suffix: str
) -> None:
    path = tmp_path / f"timeline{suffix}"
    write_file(timeline_frame, path)
    pd.testing.assert_frame_equal(read_timeline(path), timeline_frame)


def test_jsonl_is_one_object_per_line(tmp_path: Path, timeline_frame: pd.DataFrame) -> None:
    path = tmp_path / "timeline.jsonl"
    write_file(timeline_frame, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert '"actors":["Mark Milley","Valerii Zaluzhnyi"]' in lines[0]
    assert '"date":null' in lines[1]


def test_unknown_frame_gets_types_guessed(tmp_path: Path) -> None:
    df = pd.DataFrame(
        {
            "text": ["on Tuesday", "-1"],
            "start": pd.to_datetime(["2023-01-17", "2023-01-18 10:30"], format="ISO8601").astype(
                "datetime64[us]"
            ),
            "start_char": [3, 40],
            "confidence": [0.9, np.nan],
        }
    )
    path = tmp_path / "times.csv"
    to_csv(df, path)
    back = read_timeline(path)
    pd.testing.assert_frame_equal(back, df, check_dtype=False)
    assert str(back["start"].dtype) == schema.DATETIME
    assert back["start_char"].dtype == "int64"
    assert back.loc[1, "text"] == "-1"  # text, not a number: it was escaped and restored


# -- write_frame and formats -----------------------------------------------------------


def test_write_frame_to_stdout(
    capsys: pytest.CaptureFixture[str], timeline_frame: pd.DataFrame
) -> None:
    write_frame(timeline_frame, None, "csv")
    out = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert [row["event_id"] for row in rows] == ["e1", "e2"]


def test_write_frame_table(
    capsys: pytest.CaptureFixture[str], timeline_frame: pd.DataFrame
) -> None:
    write_frame(timeline_frame[["event_id", "actors", "date"]], None, "table")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["event_id", "actors", "date"]
    assert "Mark Milley; Valerii Zaluzhnyi" in lines[1]
    assert lines[2].split() == ["e2", "Dave", "Butler"]  # missing date shown blank


def test_parquet_to_stdout_is_refused(timeline_frame: pd.DataFrame) -> None:
    with pytest.raises(InputError, match="-o/--output"):
        write_frame(timeline_frame, None, "parquet")


def test_unknown_format_is_refused(tmp_path: Path, timeline_frame: pd.DataFrame) -> None:
    with pytest.raises(InputError, match="xlsx"):
        write_frame(timeline_frame, str(tmp_path / "t.xlsx"), "xlsx")
    with pytest.raises(InputError, match="suffix"):
        read_timeline(tmp_path / "t.xlsx")


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("t.csv", "csv"), ("t.JSONL", "jsonl"), ("t.ndjson", "jsonl"), ("t.json", "json"),
     ("t.parquet", "parquet"), ("t.txt", "table")],
)
def test_format_from_suffix(name: str, fmt: str) -> None:
    assert export.format_for(name) == fmt


def test_reading_a_broken_file_names_it(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text('{"event_id": "e1"}\n{oops\n')
    with pytest.raises(InputError) as raised:
        read_timeline(path)
    assert (raised.value.source, raised.value.line) == (str(path), 2)


# -- atomic writes ---------------------------------------------------------------------


def failing_writer(df: pd.DataFrame, stream: io.TextIOBase) -> None:
    stream.write("event_id,doc_id\r\ne1,")  # a partial file...
    raise RuntimeError("disk on fire")  # ...then the failure


@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
def test_failed_write_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, timeline_frame: pd.DataFrame, error: type
) -> None:
    def writer(df: pd.DataFrame, stream: io.TextIOBase) -> None:
        stream.write("event_id,doc_id\r\ne1,")
        raise error("interrupted")

    monkeypatch.setitem(export._TEXT_WRITERS, "csv", writer)
    with pytest.raises(error):
        to_csv(timeline_frame, tmp_path / "timeline.csv")
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, timeline_frame: pd.DataFrame
) -> None:
    path = tmp_path / "timeline.csv"
    path.write_text("old contents")
    monkeypatch.setitem(export._TEXT_WRITERS, "csv", failing_writer)
    with pytest.raises(RuntimeError):
        to_csv(timeline_frame, path)
    assert path.read_text() == "old contents"
    assert list(tmp_path.iterdir()) == [path]


def test_failed_parquet_write_leaves_no_file(tmp_path: Path) -> None:
    unstorable = pd.DataFrame({"x": [object()]})  # pyarrow cannot store a bare object
    with pytest.raises(pyarrow.ArrowException):
        write_file(unstorable, tmp_path / "t.parquet")
    assert list(tmp_path.iterdir()) == []


def test_write_replaces_the_file_with_normal_permissions(
    tmp_path: Path, timeline_frame: pd.DataFrame
) -> None:
    path = tmp_path / "timeline.csv"
    path.write_text("old contents")
    to_csv(timeline_frame, path)
    assert path.read_text(encoding="utf-8").startswith("event_id,")
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask  # as for any new file, not 0600
    assert list(tmp_path.iterdir()) == [path]


# -- the real pipeline -----------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_timeline(seed_text: str) -> pd.DataFrame:
    from timeline.pipeline import extract

    return extract(seed_text, published="2023-01-19")


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_extracted_timeline_round_trips(
    tmp_path: Path, seed_timeline: pd.DataFrame, suffix: str
) -> None:
    assert len(seed_timeline) > 0
    path = tmp_path / f"seed{suffix}"
    write_file(seed_timeline, path)
    pd.testing.assert_frame_equal(read_timeline(path), seed_timeline)


@pytest.mark.parametrize("word", ["now", "today"])
def test_a_clock_word_in_a_date_cell_is_an_error_not_the_current_time(
    tmp_path: Path, timeline_frame: pd.DataFrame, word: str
) -> None:
    path = tmp_path / "timeline.csv"
    to_csv(timeline_frame.assign(date=pd.NaT), path)
    data = path.read_bytes()
    assert b"\r\ne1,seed,," in data  # the first record's date cell is empty
    path.write_bytes(data.replace(b"\r\ne1,seed,,", f"\r\ne1,seed,{word},".encode(), 1))
    with pytest.raises(InputError, match=f"timeline.csv.*'{word}' is not a date"):
        read_timeline(path)
