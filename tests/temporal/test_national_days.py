"""Whose Independence Day: the country named with it, else the one the text is about."""

import pytest

from timeline import find_times
from timeline.temporal.national_days import text_national_day


@pytest.mark.parametrize(("text", "published", "value"), [
    # A Ukrainian front-line report: 24 August, the day before publication.
    ("JFO: Ukraine reports 1 KIA, 4 WIA in Donbas on Independence Day", "2018-08-25", "2018-08-24"),
    # No country named: the United States' day, as before.
    ("Fireworks lit the sky on Independence Day.", "2023-07-10", "2023-07-04"),
    # Kenya named twice, the United States once: Kenya's Jamhuri Day, 12 December.
    ("Kenyan police and American diplomats said Kenya marked Independence Day calmly.",
     "2023-12-14", "2023-12-12"),
    # Named with its country: that country's day, whatever else the text names.
    ("American envoys attended India's Independence Day parade in Delhi.", "2023-08-20", "2023-08-15"),
    ("Kyiv celebrated Ukrainian Independence Day with a parade of captured tanks.",
     "2022-08-30", "2022-08-24"),
])
def test_independence_day_is_the_countrys(text: str, published: str, value: str) -> None:
    found = find_times(text, published=published)
    row = found[found["text"].str.contains("Independence Day")].iloc[0]
    assert row["value"] == value


def test_most_named_country_wins_and_ties_go_to_the_first() -> None:
    assert text_national_day("Ukraine and Ukrainian troops; Poland") == (8, 24)
    assert text_national_day("Poland, then Ukraine") == (11, 11)
    assert text_national_day("They polish boots in Nigeria's capital") == (10, 1)
    assert text_national_day("Nigerien and Niger officials") == (8, 3)
    assert text_national_day("no country here") is None
