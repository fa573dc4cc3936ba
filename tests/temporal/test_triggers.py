"""Trigger words decide where rules are tried; that must not lose matches."""

from __future__ import annotations

from timeline.temporal.rules import load_rules
from timeline.temporal.triggers import attempts, trigger_index, trigger_words


def test_trigger_words_cover_the_calendar_words() -> None:
    words = set(trigger_words())
    assert {"tuesday", "january", "weeks", "today", "summer", "morning"} <= words


def test_every_rule_is_reachable() -> None:
    index = trigger_index(load_rules())
    reachable = {r for rules in index.by_word.values() for r in rules} | set(index.by_digit)
    assert reachable == set(load_rules())


def test_positions_stop_at_words_no_rule_contains() -> None:
    index = trigger_index(load_rules())
    text = "Milley will meet Zaluzhnyi on Tuesday."
    positions = sorted(attempts(text, index))
    assert positions == [text.index("on Tuesday"), text.index("Tuesday")]


def test_positions_reach_back_over_modifiers() -> None:
    index = trigger_index(load_rules())
    text = "It fell over the past few weeks."
    assert text.index("the past") in attempts(text, index)


def test_apostrophe_decade_starts_at_the_quote() -> None:
    index = trigger_index(load_rules())
    text = "the '80s"
    assert text.index("'") in attempts(text, index)


def test_no_trigger_inside_a_word_or_number() -> None:
    index = trigger_index(load_rules())
    text = "A summary_may 2023x"  # "may" after "_", "023" inside a number
    assert sorted(attempts(text, index)) == [text.index("2023")]
