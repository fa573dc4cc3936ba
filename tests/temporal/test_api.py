"""The public ``find_times``: schema, dtypes, bad input and the inferred anchor."""

from __future__ import annotations

import pandas as pd
import pytest

from timeline.temporal.api import find_times
from timeline.vocab import INFERRED_ANCHOR
from timeline.temporal.frame import COLUMNS


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_text_gives_full_schema(text: str) -> None:
    frame = find_times(text, "2023-01-19")
    assert frame.empty
    assert list(frame.columns) == list(COLUMNS)
    assert frame.dtypes.to_dict() == find_times("They met on Tuesday.", "2023-01-19").dtypes.to_dict()


def test_dtypes() -> None:
    frame = find_times("They met on Tuesday for about a year now.", "2023-01-19")
    assert str(frame["start"].dtype) == "datetime64[us]"
    assert str(frame["end"].dtype) == "datetime64[us]"
    assert isinstance(frame["type"].dtype, pd.CategoricalDtype)
    assert isinstance(frame["granularity"].dtype, pd.CategoricalDtype)
    assert frame["confidence"].between(0, 1).all()


def test_interval_is_end_exclusive_and_nat_for_durations() -> None:
    frame = find_times("They met on Tuesday for about a year now.", "2023-01-19").set_index("text")
    assert frame.loc["Tuesday", "start"] == pd.Timestamp("2023-01-17")
    assert frame.loc["Tuesday", "end"] == pd.Timestamp("2023-01-18")
    assert frame.loc["Tuesday", "granularity"] == "day"
    assert pd.isna(frame.loc["about a year now", "start"])
    assert frame.loc["about a year now", "granularity"] == "none"


def test_offsets_point_into_the_text() -> None:
    text = "Talks resumed on Jan. 17 and ended this week."
    rows = list(find_times(text, "2023-01-19").itertuples())
    assert [row.text for row in rows] == ["Jan. 17", "this week"]
    for row in rows:
        assert text[row.start_char:row.end_char] == row.text


@pytest.mark.parametrize("bad", [None, 42, b"Tuesday", ["Tuesday"]])
def test_non_str_text_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        find_times(bad)  # type: ignore[arg-type]


def test_bad_published_names_the_value() -> None:
    with pytest.raises(ValueError, match="not-a-date"):
        find_times("They met on Tuesday.", "not-a-date")


def test_bad_mode() -> None:
    with pytest.raises(ValueError, match="story"):
        find_times("They met on Tuesday.", "2023-01-19", mode="story")


@pytest.mark.parametrize("published", ["2023-01-19", pd.Timestamp("2023-01-19"),
                                       pd.Timestamp("2023-01-19").date(),
                                       pd.Timestamp("2023-01-19 15:30").to_pydatetime()])
def test_published_types(published: object) -> None:
    frame = find_times("They met on Tuesday.", published)
    assert frame["value"].tolist() == ["2023-01-17"]
    assert frame["anchor"].tolist() == ["published"]


def test_inferred_reference_marks_the_anchor() -> None:
    text = "WARSAW, Jan. 19, 2023 - The two generals met on Tuesday in Poland."
    frame = find_times(text)
    row = frame[frame["text"] == "Tuesday"].iloc[0]
    assert row["value"] == "2023-01-17"
    assert row["anchor"] == INFERRED_ANCHOR


def test_unresolvable_row_has_empty_value_and_reason() -> None:
    from timeline.temporal.find import find_expressions

    (expr,) = find_expressions("They met on Tuesday.", None)
    assert expr.value == ""
    assert "reference date" in expr.reason
