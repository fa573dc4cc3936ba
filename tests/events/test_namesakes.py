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


def test_one_spelling_apart() -> None:
    assert namesakes.similar("Galgaduud", "Galguduud")  # a letter changed
    assert namesakes.similar("Dhuusa Mareeb", "Dhuusamarreeb")  # space, doubled letter
    assert namesakes.similar("Kharkov", "Kharkiv")
    assert namesakes.similar("Gedo", "Gedu") is False  # too short to risk it
    assert namesakes.similar("Zaporozhye", "Zaporizhzhia") is False  # two letters apart
    assert namesakes.stem("Donetsk Obl.") == namesakes.stem("Luhansk Oblt").replace(
        "luhansk", "donetsk") == "donetsk"


def test_alternate_name_of_a_much_bigger_place_ranks_first() -> None:
    village = Entry("Artemovsk", "RU", "Krasnoyarsk Krai", "", 54.3, 93.4, 1_800)
    town = Entry("Bakhmut", "UA", "Donetsk", "", 48.6, 38.0, 72_000, alternate=True)
    assert namesakes.choose([village, town], (), frozenset(), ()) is town
    # Three times bigger is not enough: the main name stands.
    pokrovsk = Entry("Pokrovsk", "UA", "Donetsk", "", 48.3, 37.2, 60_000)
    engels = Entry("Engels", "RU", "Saratov Oblast", "", 51.5, 46.1, 196_000, alternate=True)
    assert namesakes.choose([pokrovsk, engels], (), frozenset(), ()) is pokrovsk


def test_country_named_only_by_a_nationality_word_is_weaker() -> None:
    big = Entry("Donetsk", "UA", "Donetsk", "", 48.0, 37.8, 900_000)
    small = Entry("Donetsk", "RU", "Rostov", "", 48.3, 39.9, 50_000)
    # "Russian troops ...": Russia preferred, but not over a namesake 18 times bigger.
    assert namesakes.choose([big, small], (), frozenset({"Russia"}), (),
                            frozenset()) is big
    # "... in Russia's Rostov region": a place names the country.
    assert namesakes.choose([big, small], (), frozenset({"Russia"}), (),
                            frozenset({"Russia"})) is small
