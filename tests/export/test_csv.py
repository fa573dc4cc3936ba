"""Tests for timeline.export.csv and .cells: spreadsheet-safe CSV that round-trips."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import schema
from timeline.errors import InputError
from timeline.export import read_timeline, to_csv
from timeline.export.cells import escape_cell, runs_as_formula, unescape_cell

OneEvent = Callable[..., pd.DataFrame]
RawCells = Callable[[Path], list[dict[str, str]]]

#: Characters a spreadsheet runs a formula for, ASCII and fullwidth.
FORMULA_CHARACTERS = ["=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20"]
#: What may come before them and still leave the cell a formula.
BLANKS = [" ", "  \t", "\n", "\r\n", "\u00a0", "\u2007", "\u3000", "\u2028", "\u200b", " \n\u00a0"]


# -- round trip ------------------------------------------------------------------------


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


def test_csv_cells_as_a_spreadsheet_sees_them(
    tmp_path: Path, timeline_frame: pd.DataFrame, raw_cells: RawCells
) -> None:
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


@pytest.mark.parametrize("start", [*FORMULA_CHARACTERS, "\t", "\r"], ids=repr)
def test_text_starting_like_a_formula_is_prefixed(
    tmp_path: Path, start: str, one_event: OneEvent, raw_cells: RawCells
) -> None:
    dangerous = f"{start}HYPERLINK(\"http://evil.example\",\"click\")"
    df = one_event(sentence=dangerous, trigger=f"{start}x", actors=[f"{start}cmd", "Duda"])
    path = tmp_path / "t.csv"
    to_csv(df, path)
    [cells] = raw_cells(path)
    assert cells["sentence"] == "'" + dangerous
    assert cells["trigger"] == f"'{start}x"
    assert cells["actors"] == f"'{start}cmd; Duda"
    pd.testing.assert_frame_equal(read_timeline(path), df)


def test_formula_after_blanks_is_prefixed(tmp_path: Path, raw_cells: RawCells) -> None:
    # The repro: " =1+1", "\n=1", a no-break space before "=", a fullwidth "＝"; one row
    # per blank and formula character, in a text and in a category column.
    texts = [f"{blank}{char}1+1" for blank in ["", *BLANKS] for char in FORMULA_CHARACTERS]
    df = pd.DataFrame({"text": texts, "kind": pd.Categorical(texts), "n": range(len(texts))})
    path = tmp_path / "t.csv"
    to_csv(df, path)
    for text, cells in zip(texts, raw_cells(path)):
        assert (cells["text"], cells["kind"]) == ("'" + text, "'" + text)
    back = read_timeline(path, dtypes={"text": "str", "kind": "category", "n": "int64"})
    pd.testing.assert_frame_equal(back, df, check_dtype=False, check_categorical=False)
    assert back["text"].tolist() == texts


@pytest.mark.parametrize(
    "text", ["x=1", " x=1", "1-2", "\u00a0a@b", "\uff21=", "", "   "], ids=repr
)
def test_harmless_text_is_left_as_it_is(text: str) -> None:
    assert not runs_as_formula(text)
    assert escape_cell(text) == text


def test_negative_numbers_are_left_alone(
    tmp_path: Path, one_event: OneEvent, raw_cells: RawCells
) -> None:
    df = one_event(latitude=-33.87, longitude=-151.21, confidence=-0.5, sentence_start=-1)
    path = tmp_path / "t.csv"
    to_csv(df, path)
    [cells] = raw_cells(path)
    assert (cells["latitude"], cells["longitude"], cells["confidence"]) == (
        "-33.87",
        "-151.21",
        "-0.5",
    )
    assert cells["sentence_start"] == "-1"
    pd.testing.assert_frame_equal(read_timeline(path), df)


def test_header_names_are_protected_and_restored(tmp_path: Path) -> None:
    df = pd.DataFrame({"=cmd": ["a"], "name": [" @x"]})
    path = tmp_path / "t.csv"
    to_csv(df, path)
    assert path.read_text(encoding="utf-8").splitlines()[0] == "'=cmd,name"
    pd.testing.assert_frame_equal(read_timeline(path), df)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("'=already quoted", "''=already quoted"),  # keep the user's apostrophe
        ("' =spaced", "'' =spaced"),
        ("''", "'''"),
        ("'plain", "'plain"),  # harmless: left as it is
        ("'", "'"),
        ("x=1", "x=1"),
        ("", ""),
    ],
)
def test_apostrophes_round_trip_exactly(
    tmp_path: Path, text: str, written: str, one_event: OneEvent, raw_cells: RawCells
) -> None:
    df = one_event(title=text)
    path = tmp_path / "t.csv"
    to_csv(df, path)
    assert raw_cells(path)[0]["title"] == written
    assert read_timeline(path).loc[0, "title"] == text


# -- properties ------------------------------------------------------------------------

# Text biased towards what matters here: blanks, formula characters and apostrophes
# at the start, then anything.
_TRICKY = st.sampled_from([*FORMULA_CHARACTERS, *BLANKS, "'", "\t", "\r", "a", "1", ";"])
cell_text = st.builds(
    lambda head, tail: "".join(head) + tail,
    st.lists(_TRICKY, max_size=5),
    st.text(max_size=20),
)


def first_visible(text: str) -> str:
    """The first character that is neither Unicode whitespace nor zero-width."""
    invisible = "\u200b\u200c\u200d\u2060\ufeff"
    return next((c for c in text if not (c.isspace() or c in invisible)), "")


@given(cell_text)
def test_formula_means_first_visible_character_is_a_formula_character(text: str) -> None:
    expected = text[:1] in ("\t", "\r") or first_visible(text) in FORMULA_CHARACTERS
    assert runs_as_formula(text) == expected


@given(cell_text)
def test_escaping_is_undone_exactly(text: str) -> None:
    assert unescape_cell(escape_cell(text)) == text


@given(cell_text)
def test_no_escaped_cell_runs_as_a_formula(text: str) -> None:
    escaped = escape_cell(text)
    assert not runs_as_formula(escaped)
    assert escaped == text or escaped == "'" + text


@given(cell_text)
def test_reading_strips_only_what_writing_added(text: str) -> None:
    # Every string is a possible cell: unescape must never change one escape left alone.
    if escape_cell(text) == text:
        assert unescape_cell(text) == text


actor_text = cell_text.filter(lambda s: "; " not in s)  # the list separator cannot survive


@settings(deadline=None, max_examples=30)
@given(st.lists(st.tuples(cell_text, cell_text, actor_text), min_size=1, max_size=10))
def test_any_text_round_trips_through_a_csv_file(rows: list[tuple[str, str, str]]) -> None:
    df = schema.coerce(pd.DataFrame(
        [{"event_id": f"e{i}", "title": title, "trigger": trigger, "actors": [actor, "Duda"],
          "granularity": "day", "event_type": "meet", "place_precision": "city",
          "reference_source": "given"}
         for i, (title, trigger, actor) in enumerate(rows)]
    ))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.csv"
        to_csv(df, path)
        pd.testing.assert_frame_equal(read_timeline(path), df)


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
