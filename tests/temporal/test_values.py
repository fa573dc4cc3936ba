"""TIMEX3 values, intervals and durations."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from timeline.temporal.partial import Duration, Partial
from timeline.temporal.values import (TIMEX3_VALUE, easter_sunday, format_duration, orthodox_easter,
                                      place, place_unknown)


@pytest.mark.parametrize(("partial", "value", "start", "end", "granularity"), [
    (Partial(year=2023, month=1, day=17), "2023-01-17", datetime(2023, 1, 17), datetime(2023, 1, 18), "day"),
    (Partial(year=2023, week=3), "2023-W03", datetime(2023, 1, 16), datetime(2023, 1, 23), "week"),
    (Partial(year=1990, week=32, weekend=True), "1990-W32-WE", datetime(1990, 8, 11), datetime(1990, 8, 13), "week"),
    (Partial(year=2023, month=2), "2023-02", datetime(2023, 2, 1), datetime(2023, 3, 1), "month"),
    (Partial(year=2023, quarter=3), "2023-Q3", datetime(2023, 7, 1), datetime(2023, 10, 1), "quarter"),
    (Partial(year=2022, season="SU"), "2022-SU", datetime(2022, 6, 1), datetime(2022, 9, 1), "season"),
    (Partial(year=2022, season="WI"), "2022-WI", datetime(2022, 12, 1), datetime(2023, 3, 1), "season"),
    (Partial(year=1985), "1985", datetime(1985, 1, 1), datetime(1986, 1, 1), "year"),
    (Partial(decade=199), "199", datetime(1990, 1, 1), datetime(2000, 1, 1), "decade"),
    (Partial(year=2019, month=4, day=15, part_of_day="EV"), "2019-04-15TEV",
     datetime(2019, 4, 15, 18), datetime(2019, 4, 16), "hour"),
    (Partial(year=1998, month=1, day=8, hour=10, minute=30), "1998-01-08T10:30",
     datetime(1998, 1, 8, 10, 30), datetime(1998, 1, 8, 10, 31), "hour"),
    (Partial(year=2008, month=9, day=17, hour=16, minute=8, zone="Z"), "2008-09-17T16:08Z",
     datetime(2008, 9, 17, 16, 8), datetime(2008, 9, 17, 16, 9), "hour"),
    (Partial(year=2009, month=12, day=19, hour=17, minute=0, second=5), "2009-12-19T17:00:05",
     datetime(2009, 12, 19, 17, 0, 5), datetime(2009, 12, 19, 17, 0, 6), "hour"),
    # Years BC on proxy years: 480 BC is 8001 - 480 = 7521.
    (Partial(year=7521, bc=True), "BC0480", datetime(7521, 1, 1), datetime(7522, 1, 1), "year"),
    (Partial(year=7521, month=8, bc=True), "BC0480-08", datetime(7521, 8, 1), datetime(7521, 9, 1), "month"),
    # The 470s BC (479..470 BC) are written -48; the 4th century BC (399..300 BC) -4.
    (Partial(decade=-48, bc=True), "BC047", datetime(7522, 1, 1), datetime(7532, 1, 1), "decade"),
    (Partial(century=-4, bc=True), "BC03", datetime(7602, 1, 1), datetime(7702, 1, 1), "decade"),
])
def test_place(partial: Partial, value: str, start: datetime, end: datetime, granularity: str) -> None:
    placed = place(partial)
    assert (placed.value, placed.start, placed.end, placed.granularity) == (value, start, end, granularity)


@pytest.mark.parametrize(("duration", "value"), [
    (Duration(1, "Y"), "P1Y"),
    (Duration(2.5, "Y"), "P2Y6M"),
    (Duration(1.5, "MIN"), "PT1M30S"),
    (Duration(48, "H"), "PT48H"),
    (Duration(None, "Y"), "PXY"),
    (Duration(None, "H"), "PTXH"),
    (Duration(2, "DE"), "P20Y"),
    (Duration(3, "Q"), "P3Q"),
    (Duration(1.5, "Q"), "P4M15D"),
    (Duration(2, "W"), "P2W"),
    (Duration(2, "CE"), "P2CE"),
    (Duration(0.5, "CE"), "P50Y"),
    (Duration(1.5, "CE"), "P150Y"),
])
def test_format_duration(duration: Duration, value: str) -> None:
    assert format_duration(duration) == value


def test_a_proxy_year_outside_the_years_bc_is_off_the_calendar() -> None:
    from timeline.temporal.values import OffCalendar

    with pytest.raises(OffCalendar, match="stands for no year BC"):
        place(Partial(year=2023, bc=True))
    assert place(Partial(year=7521)).value == "7521"  # without the flag, a plain year


@pytest.mark.parametrize(("year", "expected"), [
    (1818, date(1818, 3, 22)),  # the earliest possible Easter
    (1998, date(1998, 4, 12)),
    (2000, date(2000, 4, 23)),
    (2008, date(2008, 3, 23)),
    (2011, date(2011, 4, 24)),
    (2013, date(2013, 3, 31)),
    (2038, date(2038, 4, 25)),  # the latest possible Easter
])
def test_easter_sunday(year: int, expected: date) -> None:
    assert easter_sunday(year) == expected
    assert expected.isoweekday() == 7


@pytest.mark.parametrize(("year", "expected"), [
    (2000, date(2000, 4, 30)),
    (2016, date(2016, 5, 1)),
    (2017, date(2017, 4, 16)),  # the same Sunday as the Western Easter
    (2018, date(2018, 4, 8)),
    (2024, date(2024, 5, 5)),
])
def test_orthodox_easter(year: int, expected: date) -> None:
    assert orthodox_easter(year) == expected
    assert expected.isoweekday() == 7


@pytest.mark.parametrize(("partial", "unit", "value", "start", "end", "granularity"), [
    (Partial(year=1963, month=6), "D", "1963-06-XX", datetime(1963, 6, 1), datetime(1963, 7, 1), "month"),
    (Partial(year=1963, month=6, part_of_day="NI"), "D", "1963-06-XXTNI",
     datetime(1963, 6, 1), datetime(1963, 7, 1), "month"),
    (Partial(year=1863, hour=10, minute=30), "D", "1863-XX-XXT10:30",
     datetime(1863, 1, 1), datetime(1864, 1, 1), "year"),
    (Partial(year=1913), "W", "1913-WXX", datetime(1913, 1, 1), datetime(1914, 1, 1), "year"),
    (Partial(year=1863), "M", "1863-XX", datetime(1863, 1, 1), datetime(1864, 1, 1), "year"),
    (Partial(year=7511, bc=True), "D", "BC0490-XX-XX", datetime(7511, 1, 1), datetime(7512, 1, 1), "year"),
])
def test_place_unknown(partial: Partial, unit: str, value: str, start: datetime, end: datetime,
                       granularity: str) -> None:
    placed = place_unknown(partial, unit)
    assert (placed.value, placed.start, placed.end, placed.granularity) == (value, start, end, granularity)
    assert TIMEX3_VALUE.fullmatch(placed.value)
