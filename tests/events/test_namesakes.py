"""Tests for timeline.events.namesakes: which of several places of one name is meant."""

from __future__ import annotations

from timeline.events import namesakes
from timeline.events.gazetteer import Entry

#: Hand-made namesakes: a big Russian town, a small Ukrainian village in Luhansk
#: oblast and a bigger Ukrainian one elsewhere.
RUSSIAN = Entry("Aleksandrovka", "RU", "Rostov", "", 47.0, 39.0, 60_000)
LUHANSK = Entry("Oleksandrivka", "UA", "Luhansk", "", 48.6, 39.2, 900, alternate=True)
ODESA = Entry("Oleksandrivka", "UA", "Odessa", "", 46.3, 30.1, 7_600, alternate=True)
ALL = [RUSSIAN, LUHANSK, ODESA]


def test_most_populous_without_context() -> None:
    assert namesakes.choose(ALL, (), frozenset(), ()) is RUSSIAN


def test_country_then_admin_area_then_hint() -> None:
    # A country the article names: its biggest namesake of 5,000 people or more.
    assert namesakes.choose(ALL, (), frozenset({"Ukraine"}), ()) is ODESA
    # An admin-1 area the article names (as its canonical name: "Lugansk" is read as
    # Luhansk) wins over the country's bigger namesake (the big namesake elsewhere has
    # fewer than 100,000 people).
    assert namesakes.choose(ALL, (), frozenset({"Ukraine"}), ("Luhansk",)) is LUHANSK
    # An admin area written beside the name wins over everything.
    assert namesakes.choose(ALL, ("Odessa",), frozenset(), ("Luhansk",)) is ODESA


def test_a_city_of_100000_is_not_displaced_by_a_small_local_namesake() -> None:
    city = Entry("Aleksandrovka", "RU", "Rostov", "", 47.0, 39.0, 150_000)
    assert namesakes.choose([city, LUHANSK], (), frozenset({"Ukraine"}), ()) is city


def test_romanisation_variants_and_area_stems() -> None:
    assert "aleksandrovka" in namesakes.variants("alexandrovka")
    assert namesakes.stem("Kharkivs’ka Oblast’") == "kharkivska"
    assert namesakes.any_in(ALL, frozenset({"Ukraine"}))
    assert not namesakes.any_in([RUSSIAN], frozenset({"Ukraine"}))
