"""find_expressions: modes, anchoring on previous expressions, merging anchored ones."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import pytest

from timeline.model import TimeExpression
from timeline.temporal.find import find_expressions, merge_anchored
from timeline.temporal.reference_choice import choose_reference


def _expr(start: int, end: int, rule: str) -> TimeExpression:
    return TimeExpression("x" * (end - start), start, end, "DATE", "2023", datetime(2023, 1, 1),
                          datetime(2024, 1, 1), "year", "published", rule, 0.9)


def test_anchored_wins_when_not_shorter() -> None:
    plain = [_expr(0, 6, "dur.count"), _expr(30, 34, "date.year")]
    merged = merge_anchored(plain, [_expr(0, 25, "anchored")])
    assert [e.rule for e in merged] == ["anchored", "date.year"]
    assert merge_anchored([_expr(0, 30, "long")], [_expr(0, 5, "anchored")])[0].rule == "long"


def test_merge_sweeps_many_anchored_and_plain_spans() -> None:
    plain = [_expr(0, 4, "a"), _expr(10, 14, "b"), _expr(20, 40, "c"), _expr(50, 54, "d")]
    anchored = [_expr(8, 16, "x"), _expr(12, 18, "y"), _expr(22, 30, "z"), _expr(60, 70, "w")]
    merged = merge_anchored(plain, anchored)
    # x covers b and loses to nothing; y overlaps x and is shorter, so x stays;
    # z is shorter than c, so c stays; w overlaps nothing.
    assert [e.rule for e in merged] == ["a", "x", "c", "d", "w"]


def test_event_anchored_phrase_is_merged() -> None:
    text = "Talks on Ukraine come as the war is nearing its 11th month."
    found = find_expressions(text, choose_reference(text, given=pd.Timestamp("2023-01-19")))
    assert [(e.text, e.value) for e in found] == [("the war is nearing its 11th month", "2023-01")]


def test_unknown_mode() -> None:
    with pytest.raises(ValueError, match="unknown mode"):
        find_expressions("Tuesday", None, mode="poetry")


def test_news_mode_without_reference_leaves_relative_values_empty() -> None:
    found = find_expressions("It began on July 16, 1969, and ended on Tuesday.", None)
    assert [(e.text, e.value) for e in found] == [("July 16, 1969", "1969-07-16"), ("Tuesday", "")]


def test_narrative_mode_uses_last_date() -> None:
    found = find_expressions("It began on July 16, 1969, and ended on Tuesday.", None, mode="narrative")
    assert found[1].value == "1969-07-22"
    assert found[1].anchor == "previous expression 'July 16, 1969'"


def test_an_explicit_date_far_from_the_reference_is_no_doubtful_step() -> None:
    """Only a step counted from a previous expression is doubted when it lands far away;
    "in 1957" told after 1940 is an explicit date, with its rule's confidence."""
    text = "The war began in 1940. Six years later, it ended. The treaty came in 1957."
    found = find_expressions(text, choose_reference(text, given=pd.Timestamp("2023-01-19")),
                             mode="narrative")
    by_text = {e.text: e for e in found}
    assert "doubtful" in by_text["Six years later"].reason
    assert "doubtful" not in by_text["1957"].reason
    assert by_text["1957"].confidence == by_text["1940"].confidence


def test_year_ago_follows_the_quarter_reported() -> None:
    text = "Profit rose in the third quarter, up from $5 million a year ago."
    found = find_expressions(text, choose_reference(text, given=pd.Timestamp("1989-11-02")))
    assert [e.value for e in found] == ["1989-Q3", "1988-Q3"]


@pytest.mark.parametrize(("text", "value"), [
    ("They met at 10:30 GMT on January 17, 2023.", "2023-01-17T10:30Z"),
    ("At 9 a.m., Monday, Jan. 16, talks began.", "2023-01-16T09:00"),
    ("Milley flew on Tuesday to Rzeszow and at 18:00 UTC met Zaluzhnyi.", "2023-01-17T18:00Z"),
    ("They met at 18:00 UTC.", "2023-01-19T18:00Z"),
])
def test_a_clock_time_is_on_the_day_named_beside_it(text: str, value: str) -> None:
    found = find_expressions(text, choose_reference(text, given=pd.Timestamp("2023-01-19")))
    clock = [e for e in found if e.granularity == "hour"]
    assert [e.value for e in clock] == [value], found
