"""The seed article of issue 2: the values a reader gives, published 2023-01-19.

tests/data/expected/seed_times.csv holds every expression of the seed, checked by hand
against the article (see tests/conftest.py for how to review a change of it).
"""

from __future__ import annotations

import pandas as pd
import pytest

from timeline.temporal.api import find_times
from timeline.text.boilerplate import split_trailing

#: Columns of the expected table: what a reader can check against the article.
EXPECTED_COLUMNS = ["text", "start_char", "end_char", "type", "value", "start", "end",
                    "granularity", "anchor"]


@pytest.fixture(scope="module")
def seed_frame(seed_text: str) -> pd.DataFrame:
    return find_times(seed_text, "2023-01-19")


def _value_at(frame: pd.DataFrame, text: str, phrase: str) -> list[str]:
    start = text.index(phrase)
    end = start + len(phrase)
    rows = frame[(frame["start_char"] < end) & (frame["end_char"] > start)]
    return rows["value"].tolist()


@pytest.mark.parametrize(("phrase", "value"), [
    ("on Tuesday", "2023-01-17"),
    ("On Wednesday", "2023-01-18"),
    ("held a meeting in Poland this week", "2023-W03"),
    ("for about a year now", "P1Y"),
    ("in a matter of months", "FUTURE_REF"),
    ("in the coming months", "FUTURE_REF"),
    ("nearing its 11th month", "2023-01"),
])
def test_seed_values(seed_text: str, seed_frame: pd.DataFrame, phrase: str, value: str) -> None:
    found = _value_at(seed_frame, seed_text, phrase)
    assert found == [value], f"{phrase!r}: expected {value}, got {found}"


@pytest.mark.parametrize("phrase", ["they may be gearing up", "25% Tariffs"])
def test_seed_non_dates(seed_text: str, seed_frame: pd.DataFrame, phrase: str) -> None:
    word = {"they may be gearing up": "may", "25% Tariffs": "25%"}[phrase]
    start = seed_text.index(phrase) + phrase.index(word)
    rows = seed_frame[(seed_frame["start_char"] < start + len(word)) & (seed_frame["end_char"] > start)]
    assert rows.empty, rows[["text", "value"]].to_dict("records")


def test_seed_trailing_headlines_are_not_tagged(seed_text: str) -> None:
    body, trailing = split_trailing(seed_text)
    assert "2026" in trailing
    found = find_times(seed_text, "2023-01-19")
    assert (found["end_char"] <= len(body)).all(), found[found["end_char"] > len(body)]
    assert not found["value"].str.startswith("2026").any()


def test_seed_inferred_reference_stays_in_january(seed_text: str) -> None:
    frame = find_times(seed_text).set_index("text")
    assert frame.loc["Tuesday", "value"] == "2023-01-17"
    assert frame.loc["Wednesday", "value"] == "2023-01-18"


def test_every_row_is_explained(seed_frame: pd.DataFrame) -> None:
    assert len(seed_frame) > 0
    assert seed_frame["rule"].str.len().gt(0).all()
    assert seed_frame["reason"].str.len().gt(0).all()


def test_seed_times_match_the_expected_table(seed_frame: pd.DataFrame, expected_table) -> None:
    actual = seed_frame[EXPECTED_COLUMNS].reset_index(drop=True)
    expected = expected_table("seed_times", actual, "start_char")
    pd.testing.assert_frame_equal(actual, expected)
