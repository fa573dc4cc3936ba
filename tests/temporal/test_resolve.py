"""Resolution of partial dates and shifts against an anchor."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal.partial import Duration, FuzzyRef, Partial, Recurrence, Shift
from timeline.temporal.resolution import Anchor
from timeline.temporal.resolve import resolve
from timeline.temporal.tense import SINCE, Tense
from timeline.temporal.values import place

PUBLISHED = Anchor(date(2023, 1, 19), "published")  # a Thursday


@pytest.mark.parametrize(("meaning", "tense", "value"), [
    (Partial(weekday=2), Tense("past", "met"), "2023-01-17"),
    (Partial(weekday=2), Tense("future", "will"), "2023-01-24"),
    (Partial(weekday=4), Tense("past", "met"), "2023-01-19"),
    (Partial(weekday=4), Tense("future", "will"), "2023-01-19"),
    (Partial(weekday=4, direction=-1), Tense(None), "2023-01-12"),
    (Partial(weekday=5, direction=1), Tense(None), "2023-01-20"),
    (Partial(month=12), Tense(None), "2022-12"),
    # A future month is the next one not yet over: "will resume in December" in January.
    (Partial(month=12), Tense("future", "will"), "2023-12"),
    (Partial(month=1), Tense("future", "will"), "2023-01"),
    (Partial(month=1, day=10), Tense("future", "will"), "2023-01-10"),
    (Partial(season="FA"), Tense("future", "will"), "2023-FA"),
    (Partial(month=6), Tense("future", "will"), "2023-06"),
    (Partial(month=3, day=15), Tense(None), "2023-03-15"),
    (Partial(month=4, direction=-1), Tense(None), "2022-04"),
    (Partial(quarter=3), Tense("past", "rose"), "2022-Q3"),
    (Partial(quarter=1), Tense("past", "rose"), "2023-Q1"),
    (Partial(season="SU", direction=-1), Tense(None), "2022-SU"),
    (Partial(weekend=True), Tense("past", "met"), "2023-W02-WE"),
    # After "since" the period has begun by the anchor: June is last year's, January this one.
    (Partial(month=6), SINCE, "2022-06"),
    (Partial(month=1), SINCE, "2023-01"),
    (Partial(weekday=5), SINCE, "2023-01-13"),
    (Partial(quarter=2), SINCE, "2022-Q2"),
    (Partial(hour=10, minute=30), Tense(None), "2023-01-19T10:30"),
    (Shift("D", -1), Tense(None), "2023-01-18"),
    (Shift("W", 0), Tense(None), "2023-W03"),
    (Shift("M", -1), Tense(None), "2022-12"),
    (Shift("Q", -1), Tense(None), "2022-Q4"),
    (Shift("Y", None, sign=-1), Tense(None), "PAST_REF"),
    (Shift("D", 0, fill=Partial(part_of_day="NI")), Tense(None), "2023-01-19TNI"),
    (Duration(1, "Y", approx=True), Tense(None), "P1Y"),
    (FuzzyRef("FUTURE_REF"), Tense(None), "FUTURE_REF"),
    (Recurrence("XXXX-WXX-1"), Tense(None), "XXXX-WXX-1"),
])
def test_resolve(meaning: object, tense: Tense, value: str) -> None:
    assert resolve(meaning, PUBLISHED, tense).value == value  # type: ignore[arg-type]


def test_previous_expression_keeps_its_granularity() -> None:
    quarter = Anchor(date(1989, 7, 1), "previous expression", Partial(year=1989, quarter=3))
    assert resolve(Shift("Y", -1, keep=True), quarter, Tense(None)).value == "1988-Q3"
    day = Anchor(date(1969, 7, 16), "previous expression", Partial(year=1969, month=7, day=16))
    assert resolve(Shift("D", 4, keep=True), day, Tense(None)).value == "1969-07-20"
    assert resolve(Shift("Y", 1), day, Tense(None)).value == "1970"


def test_reason_names_the_anchor_and_tense() -> None:
    res = resolve(Partial(weekday=2), PUBLISHED, Tense("past", "met"))
    assert "published 2023-01-19" in res.reason and "met" in res.reason
    assert res.anchor == "published"


def test_no_anchor_gives_empty_value_with_reason() -> None:
    res = resolve(Partial(month=12), None, Tense(None))
    assert res.value == "" and res.reason


def test_explicit_date_needs_no_anchor() -> None:
    res = resolve(Partial(year=2023, month=1, day=17), None, Tense(None))
    assert (res.value, res.anchor) == ("2023-01-17", "absolute")


@pytest.mark.parametrize(("partial", "shift", "value"), [
    # Some day of June 1963: the day is unknown, the month is not.
    (Partial(year=1963, month=6), Shift("D", 1), "1963-06-XX"),
    (Partial(year=1963, month=6), Shift("D", 0, fill=Partial(part_of_day="NI")), "1963-06-XXTNI"),
    # June's middle (16 June) moved 20 days is 6 July: July, day unknown.
    (Partial(year=1963, month=6), Shift("D", 20), "1963-07-XX"),
    (Partial(year=1863), Shift("D", 1), "1863-XX-XX"),
    (Partial(year=1863), Shift("H", 2), "1863-XX-XX"),
    (Partial(year=1913), Shift("W", 1), "1913-WXX"),
    (Partial(year=1863), Shift("M", 0), "1863-XX"),
    # 15 months before the middle of 1972 (2 July) is April 1971: some month of 1971.
    (Partial(year=1972), Shift("M", -15), "1971-XX"),
    (Partial(year=7511, bc=True), Shift("D", 0), "BC0490-XX-XX"),
    # A month, quarter or season names the month a week or year is counted in.
    (Partial(year=1989, quarter=3), Shift("M", 1), "1989-08"),
    (Partial(year=1989, quarter=3), Shift("Y", -1, keep=True), "1988-Q3"),
])
def test_a_finer_unit_than_the_anchor_names_is_unknown(partial: Partial, shift: Shift, value: str) -> None:
    start = place(partial).start.date()  # as an anchor is made from a resolved expression
    res = resolve(shift, Anchor(start, "previous expression", partial), Tense(None))
    assert res.value == value
    if "X" in value:
        assert "unknown" in res.reason
        assert res.partial is not None and res.partial.day is None
