"""Halves and quarters of a game (``timeline.temporal.game_periods``)."""

from __future__ import annotations

import pytest

from timeline.temporal.tag import tag


@pytest.mark.parametrize("text, period, kept", [
    ("The Heat scored 20 points in the fourth quarter.", "the fourth quarter", False),
    ("Ronaldo struck in the second half; the referee waved play on.", "the second half", False),
    # The word of play is in another sentence.
    ("It was 1-1 at half-time. Ronaldo struck in the second half.", "the second half", True),
    ("Sales rose in the second half. The team scored.", "the second half", True),
    # With its year the period is the calendar's.
    ("Mueller scored in the second half of 2014.", "the second half of 2014", True),
])
def test_game_periods(text: str, period: str, kept: bool) -> None:
    assert (period in [c.text for c in tag(text)]) is kept, text
