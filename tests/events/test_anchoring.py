"""Tests for timeline.events.anchoring: which time expression dates a clause."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from timeline.events.anchoring import choose_time, index_times, published_time
from timeline.events.lexicon import load_event_lexicon
from timeline.model import TimeExpression
from timeline.events.nlp import load_nlp
from timeline.vocab import Granularity, TimeSource


def _expression(text: str, phrase: str, start: datetime, days: int, granularity: str,
                value: str) -> TimeExpression:
    at = text.index(phrase)
    return TimeExpression(phrase, at, at + len(phrase), "DATE", value, start,
                          start + timedelta(days=days), granularity, "published", "test", 1.0)


def _choose(text: str, times: list[TimeExpression], trigger: str) -> tuple[str, str]:
    doc = load_nlp()(text)
    sents = tuple(doc.sents)
    index = index_times(doc, times, load_event_lexicon().time_bounds, sents)
    token = next(t for t in doc if t.text == trigger)
    number = next(i for i, s in enumerate(sents) if s.start <= token.i < s.end)
    from timeline.events.clauses import clause_tokens

    time, source = choose_time(index, token, clause_tokens(token), number)
    return (time.value if time else ""), source or ""


def test_a_bound_does_not_date_the_event() -> None:
    text = "GM posted its first annual loss since 1992."
    since = _expression(text, "1992", datetime(1992, 1, 1), 366, "year", "1992")
    assert _choose(text, [since], "posted") == ("", "")


def test_a_bound_with_a_determiner_does_not_date_the_event() -> None:
    text = "Thousands marched in the largest protest since the 1997 handover."
    since = _expression(text, "1997", datetime(1997, 1, 1), 365, "year", "1997")
    assert _choose(text, [since], "marched") == ("", "")


def test_the_finest_expression_in_the_clause_wins() -> None:
    text = "This week the ministers met on Tuesday."
    week = _expression(text, "This week", datetime(2023, 1, 16), 7, "week", "2023-W03")
    day = _expression(text, "Tuesday", datetime(2023, 1, 17), 1, "day", "2023-01-17")
    assert _choose(text, [week, day], "met") == ("2023-01-17", TimeSource.CLAUSE)


def test_an_expression_in_a_side_clause_does_not_date_the_main_one() -> None:
    text = "The project, begun two years ago, was cancelled."
    ago = _expression(text, "two years ago", datetime(2021, 1, 1), 365, "year", "2021")
    assert _choose(text, [ago], "cancelled") == ("", "")


def test_a_main_clause_expression_carries_to_the_next_sentence() -> None:
    text = "The ministers met on Tuesday. They agreed on a plan."
    day = _expression(text, "Tuesday", datetime(2023, 1, 17), 1, "day", "2023-01-17")
    assert _choose(text, [day], "agreed") == ("2023-01-17", "paragraph")


def test_no_carry_over_across_a_line_break() -> None:
    text = "The ministers met on Tuesday.\nThey agreed on a plan."
    day = _expression(text, "Tuesday", datetime(2023, 1, 17), 1, "day", "2023-01-17")
    assert _choose(text, [day], "agreed") == ("", "")


def test_published_time_is_the_whole_day() -> None:
    time = published_time(datetime(2023, 1, 19, 15, 30))
    assert (time.value, time.start, time.end, time.granularity) == (
        "2023-01-19", datetime(2023, 1, 19), datetime(2023, 1, 20), "published")


def test_a_clock_time_is_finer_than_a_year_in_the_same_clause() -> None:
    text = "The ministers met at 10:30 GMT on Tuesday in 2023 in Brussels."
    clock = _expression(text, "10:30 GMT on Tuesday", datetime(2023, 1, 17, 10, 30), 1,
                        Granularity.HOUR, "2023-01-17T10:30Z")
    year = _expression(text, "2023", datetime(2023, 1, 1), 365, Granularity.YEAR, "2023")
    assert _choose(text, [year, clock], "met") == ("2023-01-17T10:30Z", TimeSource.CLAUSE)


def _recent(text: str, reference: date, week: bool = False):
    from timeline.events.recent_periods import recent_period, recent_time

    lexicon = load_event_lexicon()
    periods, first, last = ((lexicon.recent_week_periods, -6, 0) if week
                            else (lexicon.recent_day_periods, -1, -1))
    period = recent_period(lexicon.recent_prepositions, periods, first, last)
    return recent_time(text, 0, len(text), reference, period)


def test_daily_period_is_the_day_before_publication() -> None:
    found = _recent("Two KIA, two WIA in Donbas in past 24 hours - JFO HQ", date(2024, 5, 8))
    assert found is not None and found.text == "in past 24 hours"
    assert (found.value, found.start, found.end) == (
        "2024-05-07", datetime(2024, 5, 7), datetime(2024, 5, 8))
    assert found.granularity == Granularity.DAY and found.rule == "recent-period"


def test_weekly_period_is_the_seven_days_up_to_publication() -> None:
    found = _recent("Nine killed in shellings over the past week", date(2016, 4, 1), week=True)
    assert found is not None
    assert (found.start, found.end) == (datetime(2016, 3, 26), datetime(2016, 4, 2))
    assert found.value == "P7D" and found.granularity == Granularity.WEEK


def test_no_period_without_its_preposition_or_inside_a_compound() -> None:
    assert _recent("The day-to-day shelling killed two", date(2024, 5, 8)) is None
    assert _recent("Past day events were quiet", date(2024, 5, 8)) is None
    # The calendar's first day has no day before.
    assert _recent("killed in past 24 hours", date(1, 1, 1)) is None
