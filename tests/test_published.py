from datetime import date, datetime, timedelta, timezone

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


# Words that dateparser or pandas resolve against the machine's clock, and dates with a
# part missing that would be filled in from it (or from year 1).
CLOCK_WORDS = ["yesterday", "today", "now", "tomorrow", "Today", "2 days ago", "in 3 days",
               "last week", "next Monday", "this morning", "Thursday", "10:30",
               "Jan 19", "19 January", "January 2023"]


@pytest.mark.parametrize("value", CLOCK_WORDS)
def test_relative_words_are_refused_asking_for_a_date(value: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_published(value)
    assert repr(value) in str(caught.value)
    assert "give a date" in str(caught.value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("20230119", pd.Timestamp("2023-01-19")),
        ("1/19/2023", pd.Timestamp("2023-01-19")),
        ("Thu, 19 Jan 2023 10:00:00 GMT", pd.Timestamp("2023-01-19 10:00")),
        ("2023-01-19T08:30:00+02:00", pd.Timestamp("2023-01-19 08:30")),
    ],
)
def test_absolute_dates_in_other_forms_still_parse(value: str, expected: pd.Timestamp) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # A US evening story: the 14th where it was written, the 15th in UTC.
        ("2024-03-14T23:30:00-05:00", pd.Timestamp("2024-03-14 23:30")),
        # Kyiv just after midnight: the 15th there, the 14th in UTC.
        ("2024-03-15T00:30:00+02:00", pd.Timestamp("2024-03-15 00:30")),
        (datetime(2024, 3, 15, 0, 30, tzinfo=timezone(timedelta(hours=2))),
         pd.Timestamp("2024-03-15 00:30")),
        (pd.Timestamp("2024-03-14 23:30", tz="America/New_York"),
         pd.Timestamp("2024-03-14 23:30")),
    ],
)
def test_a_utc_offset_keeps_the_writers_day(value: object, expected: pd.Timestamp) -> None:
    assert parse_published(value) == expected


def test_relative_words_count_from_the_writers_day() -> None:
    import timeline

    times = timeline.find_times("The minister spoke today.", published="2024-03-14T23:30:00-05:00")
    assert times["value"].tolist() == ["2024-03-14"]


@pytest.mark.parametrize("call", ["find_times", "extract"])
def test_the_api_refuses_relative_published_values(call: str) -> None:
    import timeline

    with pytest.raises(ValueError, match="'yesterday'.*give a date"):
        getattr(timeline, call)("They met on Tuesday.", published="yesterday")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("24.02.2024", pd.Timestamp("2024-02-24")),  # dotted: day first wherever written so
        ("3.4.2023", pd.Timestamp("2023-04-03")),
        ("25/12/2023", pd.Timestamp("2023-12-25")),  # 25 can only be the day
        ("12/25/2023", pd.Timestamp("2023-12-25")),
        ("4/4/2023", pd.Timestamp("2023-04-04")),  # the same either way
        ("3.4.2023 10:00", pd.Timestamp("2023-04-03 10:00")),  # with a time after it
        ("25/12/23 18:45", pd.Timestamp("2023-12-25 18:45")),  # a two-digit year
    ],
)
def test_numeric_dates_are_read_when_only_one_reading_fits(value: str,
                                                           expected: pd.Timestamp) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["03/04/2023", "03/04/2023 10:00", "03/04/23"])
def test_a_numeric_date_of_two_readings_is_refused_with_both(value: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_published(value)
    message = str(caught.value)
    assert repr(value) in message and "3 April or 4 March" in message
    assert "2023-04-03 or 2023-03-04" in message


@pytest.mark.parametrize("value", ["0/5/2023", "13/13/2023", "31/02/2023"])
def test_a_numeric_date_that_is_no_day_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match=repr(value)):
        parse_published(value)
