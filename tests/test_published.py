from datetime import date, datetime

import pandas as pd
import pytest

from timeline.published import parse_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-01-19", pd.Timestamp("2023-01-19")),
        ("2023-01-19T08:30:00Z", pd.Timestamp("2023-01-19 08:30")),
        ("January 19, 2023", pd.Timestamp("2023-01-19")),
        ("19 January 2023", pd.Timestamp("2023-01-19")),
        (date(2023, 1, 19), pd.Timestamp("2023-01-19")),
        (datetime(2023, 1, 19, 14, 5), pd.Timestamp("2023-01-19 14:05")),
        (pd.Timestamp("2023-01-19"), pd.Timestamp("2023-01-19")),
        (None, None),
    ],
)
def test_parse_published_accepts_common_forms(value: object, expected: pd.Timestamp | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["not a date", "", "   ", "2023-13-45", 20230119, ["2023"]])
def test_parse_published_rejects_bad_values_naming_them(value: object) -> None:
    with pytest.raises(ValueError) as caught:
        parse_published(value)
    assert repr(value) in str(caught.value)
