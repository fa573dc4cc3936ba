"""Dates with no place on the calendar become rows with an empty value and a reason.

Feb 29 in a common year, year 0 or 10000, and date arithmetic past 9999-12-31 used to
raise out of ``find_times`` and ``infer_reference_date`` and stop a whole corpus.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from timeline.temporal.api import find_times
from timeline.temporal.partial import Partial
from timeline.temporal.reference import infer_reference_date
from timeline.temporal.values import OffCalendar, place


def _row(frame, text: str) -> dict[str, object]:
    rows = frame[frame["text"] == text]
    assert len(rows) >= 1, frame[["text", "value"]].to_string()
    return rows.iloc[0].to_dict()


@pytest.mark.parametrize(("text", "published", "expression", "why"), [
    ("On Feb 29, 2023.", "2023-01-19", "Feb 29, 2023", "no such day 2023-02-29"),
    ("1900-02-29 ", "2023-01-19", "1900-02-29", "no such day 1900-02-29"),
    ("1900-02-29 ", None, "1900-02-29", "no such day 1900-02-29"),
])
def test_impossible_day_is_an_empty_value_with_a_reason(text, published, expression, why):
    row = _row(find_times(text, published), expression)
    assert row["value"] == ""
    assert why in row["reason"]
    assert row["start"] != row["start"]  # NaT


def test_a_month_near_the_calendar_end_picks_the_one_that_exists():
    row = _row(find_times("January", "9999-12-31"), "January")
    assert row["value"] == "9999-01"  # January 10000 is off the calendar


def test_counting_past_year_9999_stops_with_a_reason():
    # A story told as a narrative: in news, "later" past the report date gives no value.
    frame = find_times("It began in 2000. " + "800 years later, " * 10, "2023-01-19",
                       mode="narrative")
    values = frame["value"].tolist()
    assert values[:10] == ["2000", "2800", "3600", "4400", "5200", "6000", "6800", "7600",
                           "8400", "9200"]
    assert values[10] == ""
    assert "year 10000 is out of range" in frame["reason"].iloc[10]


def test_reference_on_the_first_day_of_the_calendar():
    frame = find_times("On Tuesday, last year, 3 days ago, in January, next week.", date(1, 1, 1))
    by_text = dict(zip(frame["text"], frame["value"]))
    assert by_text["January"] == "0001-01"
    assert by_text["next week"] == "0001-W02"
    for before in ("Tuesday", "last year", "3 days ago"):  # all in year 0
        assert by_text[before] == ""
        assert "not on the calendar" in _row(frame, before)["reason"]


def test_inference_at_the_calendar_end_gives_no_date_and_says_why():
    ref = infer_reference_date("KYIV, Dec 31 9999 (Reuters) -")
    assert ref.value == "" and ref.start is None
    assert ref.evidence  # the reason is kept


def test_inference_near_the_calendar_end_stays_on_it():
    # A date alone is weighed (issue 8): written on or after it, and the interval,
    # end exclusive, ends on the calendar.
    ref = infer_reference_date("1/1/9999 ")
    assert ref.most_likely == datetime(9999, 1, 1)
    assert ref.start is not None and ref.end is not None
    assert ref.start <= ref.most_likely < ref.end <= datetime(9999, 12, 31)


def test_dateline_on_the_last_day_is_named_in_the_evidence():
    ref = infer_reference_date("KYIV, Dec 31 9999 (Reuters) -")
    assert any("no day on the calendar" in line and "9999-12-31" in line for line in ref.evidence)


@pytest.mark.parametrize("partial", [
    Partial(year=2023, month=2, day=29), Partial(year=0), Partial(year=10000, month=1),
    Partial(year=9999), Partial(year=10000, week=1), Partial(decade=-3),
])
def test_place_raises_only_off_calendar(partial):
    with pytest.raises(OffCalendar):
        place(partial)
