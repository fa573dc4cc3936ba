"""Whose Independence Day: the country named with it, else the one the text is about."""

import pytest

from timeline import find_times
from timeline.temporal.national_days import text_national_day


@pytest.mark.parametrize(("text", "published", "value"), [
    # A Ukrainian front-line report: 24 August, the day before publication.
    ("JFO: Ukraine reports 1 KIA, 4 WIA in Donbas on Independence Day", "2018-08-25", "2018-08-24"),
    # Kenya named twice by name, the United States once: Kenya's day, 12 December.
    ("Police said Kenya marked Independence Day calmly, and Kenya's president spoke; "
     "American diplomats attended.", "2023-12-14", "2023-12-12"),
    # A capital names its country: Kyiv is Ukraine's, Washington the United States'.
    ("Kyiv residents marked Independence Day quietly, officials said.", "2023-08-26", "2023-08-24"),
    ("Crowds in Nairobi marked Independence Day.", "2023-12-14", "2023-12-12"),
    ("Envoys from Kyiv watched fireworks in Washington on Independence Day.",
     "2023-07-06", "2023-07-04"),
    # Named with its country: that country's day, whatever else the text names.
    ("American envoys attended India's Independence Day parade in Delhi.", "2023-08-20", "2023-08-15"),
    ("Kyiv celebrated Ukrainian Independence Day with a parade of captured tanks.",
     "2022-08-30", "2022-08-24"),
    # United States copy keeps 4 July: no other country named, only adjectives, a
    # namesake state, or the United States named as often or more.
    ("Fireworks lit the sky on Independence Day.", "2023-07-10", "2023-07-04"),
    ("Fireworks lit up Atlanta, Georgia on Independence Day, police said.", "2023-07-06", "2023-07-04"),
    ("The Indian-American community in New Jersey held a parade on Independence Day.",
     "2023-07-06", "2023-07-04"),
    ("Polish sausages sold out on Independence Day in Chicago.", "2023-07-06", "2023-07-04"),
    ("Mexican restaurants in Texas were packed on Independence Day.", "2023-07-06", "2023-07-04"),
    ("Storms in the Indian Ocean. Americans celebrated Independence Day at home.",
     "2023-07-06", "2023-07-04"),
    ("A chef born in Ukraine cooked in the United States on Independence Day.",
     "2023-07-06", "2023-07-04"),
])
def test_independence_day_is_the_countrys(text: str, published: str, value: str) -> None:
    found = find_times(text, published=published)
    row = found[found["text"].str.contains("Independence Day")].iloc[0]
    assert row["value"] == value


def test_most_named_country_wins_over_the_united_states_only_when_named_more() -> None:
    assert text_national_day("Ukraine, Ukraine and Poland; the US") == (8, 24)
    assert text_national_day("Poland, then Ukraine") == (11, 11)  # a tie: the first named
    assert text_national_day("They polish boots in Nigeria's capital") == (10, 1)
    assert text_national_day("Niger and the Nigerien army") == (8, 3)
    assert text_national_day("Ukraine and the U.S.") is None
    assert text_national_day("Ukrainian troops, us and them") is None
    assert text_national_day("no country here") is None
