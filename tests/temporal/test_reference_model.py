"""The day-weighing model of publication-date inference, on values worked out by hand."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from timeline.temporal import reference_model as model
from timeline.temporal.reference_cues import Cue


def _cal(*days: str) -> model.Calendar:
    return model.Calendar.of(np.array([date.fromisoformat(d).toordinal() for d in days]))


def test_calendar_fields() -> None:
    cal = _cal("2023-01-19", "2024-02-29", "0001-01-01")
    assert cal.years.tolist() == [2023, 2024, 1]
    assert cal.months.tolist() == [0, 1, 0]
    assert cal.weekdays.tolist() == [4, 4, 1]  # Thursday, Thursday, Monday


def test_nearest_instance_crosses_the_new_year() -> None:
    # From 2023-01-03 the nearest Dec 30 is 2022-12-30, 4 days back.
    cal = _cal("2023-01-03", "2023-07-01")
    got = [date.fromordinal(int(o)) for o in model.nearest_instance(cal, 12, 30)]
    assert got == [date(2022, 12, 30), date(2023, 12, 30)]


@pytest.mark.parametrize(
    ("cue", "offset"),
    [
        (Cue("full", "past", "", 2023, 1, 17), 2),  # written 2 days after the date
        (Cue("month", "past", "", 2022, 11), 2),  # two months after November 2022
        (Cue("year", "past", "", 2020), 3),
        (Cue("month_day", "past", "", None, 1, 17), 2),
        (Cue("month_only", "past", "", None, 11), 2),
        (Cue("weekday", "past", "", weekday=2), 2),  # Tuesday, read on Thursday
        (Cue("weekday", "future", "", weekday=5), 6),  # Friday ahead: 6 days back mod 7
    ],
)
def test_offsets_from_thursday_19_january_2023(cue: Cue, offset: int) -> None:
    assert int(model.offsets(cue, _cal("2023-01-19"))[0]) == offset


def test_bins_cover_each_range_once() -> None:
    for unit, (low, high) in model.RANGES.items():
        covered = [o for a, b in model.bins(unit) for o in range(a, b + 1)]
        assert covered == list(range(low, high + 1)), unit


def test_shortest_interval_by_hand() -> None:
    ords = np.arange(10, 16)
    probs = np.array([0.05, 0.1, 0.5, 0.3, 0.05, 0.0])
    # 0.9 needs days 11..13 (0.9) or 10..13 (0.95); the shortest is 11..13.
    assert model.shortest_interval(ords, probs, 0.9) == (11, 13)
    assert model.shortest_interval(ords, probs, 0.5) == (12, 12)
    # A block standing for 5 days widens the interval's end.
    widths = np.array([1, 1, 1, 5, 1, 1])
    assert model.shortest_interval(ords, probs, 0.8, widths) == (12, 17)


def test_single_dateline_is_taken_at_its_word() -> None:
    est = model.estimate([Cue("dateline", "none", "", 2023, 1, 19)])
    assert est is not None
    assert date.fromordinal(est.most_likely) == date(2023, 1, 19)
    assert est.interval(0.9) == (date(2023, 1, 19).toordinal(),) * 2


def test_no_dated_cue_gives_no_estimate() -> None:
    assert model.estimate([Cue("weekday", "past", "", weekday=2)]) is None


def test_fixed_cue_allows_its_span() -> None:
    span = ((date(2023, 1, 8), date(2023, 1, 24)),)
    est = model.estimate([Cue("now", "none", "", spans=span)])
    assert est is not None
    first, last = est.interval(0.9)
    assert date(2023, 1, 8).toordinal() <= first <= last <= date(2023, 1, 23).toordinal()


def test_a_body_month_day_is_a_candidate_day_by_day_in_every_year() -> None:
    # "June 15" (no year) and a year 2011: the days around June 15 of 2009 and 2010,
    # where June 18, 2009 and June 17, 2010 are the Thursdays after it (checked), are
    # candidates one day each, not days inside a coarse block.
    prior = model.load_prior()
    cues = [Cue("month_day", "past", "", None, 6, 15), Cue("year", "future", "", 2011)]
    ords, widths = model.candidates(cues, prior)
    single = set(ords[widths == 1].tolist())
    for day in ("2009-06-18", "2010-06-17", "2010-06-15", "2011-06-08", "2011-06-22"):
        assert date.fromisoformat(day).toordinal() in single, day
