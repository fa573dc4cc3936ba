"""Candidate spans: overlap choice, triggers and speed on hostile text."""

from __future__ import annotations

from timeline.temporal.rules import load_rules
from timeline.temporal.tag import Candidate, longest_first, tag


def _cand(start: int, end: int, priority: int = 0) -> Candidate:
    rule = load_rules()[0]
    if priority:
        from dataclasses import replace

        rule = replace(rule, priority=priority)
    return Candidate(start, end, "x" * (end - start), rule, None)


def test_longest_first_keeps_longest_non_overlapping() -> None:
    kept = longest_first([_cand(0, 5), _cand(3, 12), _cand(12, 14), _cand(20, 22)])
    assert [(c.start, c.end) for c in kept] == [(3, 12), (12, 14), (20, 22)]


def test_priority_breaks_ties() -> None:
    kept = longest_first([_cand(0, 5), _cand(0, 5, priority=2)])
    assert kept[0].rule.priority == 2


def test_longer_expression_wins() -> None:
    (only,) = tag("It ended on January 17, 2023.")
    assert only.text == "January 17, 2023"
    assert only.rule.id == "date.month_day_year"


def test_no_expression_runs_across_a_blank_line() -> None:
    # "October." ends a paragraph and "2." opens a numbered list: no "October 2"; a date
    # wrapped over one line break stays whole.
    assert [c.text for c in tag("He will step down by October.\n\n2. What happens next?")] == [
        "October"]
    assert [c.text for c in tag("in March\n \n15 people died")] == ["March"]
    assert [c.text for c in tag("on March\n15, 2023")] == ["March\n15, 2023"]


def test_skip_rules_block_and_vanish() -> None:
    assert tag("a 45-year-old man") == []


def test_verb_may_and_percent_are_not_dates() -> None:
    assert tag("They may rise 25% in 2023.")[0].text == "2023"
    assert len(tag("They may rise 25% in 2023.")) == 1


def test_custom_spans_filter_is_used() -> None:
    assert tag("on Tuesday and Wednesday", spans_filter=lambda cands: []) == []
