"""Tests for timeline.events.entities: title cues, name propagation and normalisation."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from timeline.events.entities import (
    FUZZY_THRESHOLD,
    find_mentions,
    merge_names,
    profiles,
    same_person,
    similar_names,
)
from timeline.events.nlp import load_nlp
from timeline.text.boilerplate import split_trailing

PAIRS = yaml.safe_load((Path(__file__).parent / "data" / "name_pairs.yaml").read_text())["pairs"]


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{p['a']}-{p['b']}" for p in PAIRS])
def test_fuzzy_threshold(pair: dict) -> None:
    from rapidfuzz import fuzz

    score = fuzz.ratio(pair["a"].lower(), pair["b"].lower())
    assert similar_names(pair["a"], pair["b"]) is pair["same"], (
        f"{pair['a']!r} vs {pair['b']!r}: ratio {score:.1f}, threshold {FUZZY_THRESHOLD}, "
        f"expected same={pair['same']} ({pair['why']})")


@pytest.fixture(scope="module")
def seed_mentions(seed_text: str) -> list:
    body, _ = split_trailing(seed_text)
    return find_mentions(load_nlp()(body))


def _by_text(mentions: list, text: str) -> list:
    return [m for m in mentions if m.text == text]


def test_seed_misspelling_merges_into_the_full_name(seed_mentions: list) -> None:
    (mention,) = _by_text(seed_mentions, "Zaluznyi")
    assert (mention.label, mention.canonical) == ("PERSON", "Valerii Zaluzhnyi")


def test_seed_butler_is_a_person(seed_mentions: list) -> None:
    butlers = _by_text(seed_mentions, "Butler")
    assert butlers and all(m.label == "PERSON" for m in butlers)
    assert {m.canonical for m in butlers} == {"Dave Butler"}


def test_seed_kyiv_is_a_place(seed_mentions: list) -> None:
    assert [m.label for m in _by_text(seed_mentions, "Kyiv")] == ["GPE"]


def test_seed_milley_title_and_role_kept_apart(seed_mentions: list) -> None:
    people = profiles(seed_mentions)
    milley = people["Mark Milley"]
    assert milley.title == "General"
    assert milley.role == "Chairman of the Joint Chiefs of Staff"
    assert {m.canonical for m in _by_text(seed_mentions, "Milley")} == {"Mark Milley"}


def test_seed_nationality_words_become_countries(seed_mentions: list) -> None:
    assert {m.canonical for m in _by_text(seed_mentions, "Ukrainian")} == {"Ukraine"}
    assert {m.canonical for m in _by_text(seed_mentions, "Polish")} == {"Poland"}


def test_title_cue_makes_an_unknown_name_a_person_without_gazetteer() -> None:
    nlp = load_nlp(gazetteer=False)
    doc = nlp("Gen. Ostap Kravchenkiv inspected the troops. Later Kravchenkiv spoke to reporters.")
    mentions = [m for m in find_mentions(doc) if "Kravchenkiv" in m.text]
    assert [m.label for m in mentions] == ["PERSON", "PERSON"]
    assert {m.canonical for m in mentions} == {"Ostap Kravchenkiv"}
    assert mentions[0].title == "General"


def test_title_inside_an_organisation_name_is_no_cue() -> None:
    doc = load_nlp()("General Motors cut jobs. The UN General Assembly voted.")
    assert not [m for m in find_mentions(doc) if m.label == "PERSON"]


def test_same_person_needs_matching_given_names() -> None:
    assert same_person("Valery Zaluzhny", "Valerii Zaluzhnyi")
    assert same_person("V. Zaluzhnyi", "Valerii Zaluzhnyi")
    assert not same_person("John Miller", "Mark Milley")
    assert not same_person("Anna Duda", "Andrzej Duda")


def test_merge_names_across_a_corpus() -> None:
    mapping = merge_names({"Valerii Zaluzhnyi": 3, "Valery Zaluzhny": 1, "Milley": 2,
                           "Mark Milley": 1, "Smith": 1, "Ann Smith": 1, "Bob Smith": 1})
    assert mapping["Valery Zaluzhny"] == "Valerii Zaluzhnyi"
    assert mapping["Milley"] == "Mark Milley"
    assert mapping["Smith"] == "Smith"  # two Smiths: a bare surname stays ambiguous


@pytest.mark.parametrize("text", [
    '<a href="http://x/phish">Click here</a> Joe Biden met Olaf Scholz in Berlin on Monday.',
    'Read more: <a href="x">phish">Click here</a> Joe Biden visited Kyiv.',
])
def test_names_never_carry_markup_from_html_fragments(text: str) -> None:
    mentions = find_mentions(load_nlp()(text))
    for mention in mentions:
        assert not set('<>"=') & set(mention.text + mention.canonical), mention
        assert text[mention.start_char:mention.end_char] == mention.text
    assert "Joe Biden" in {m.canonical for m in mentions}


def test_names_with_ampersand_and_apostrophe_are_kept() -> None:
    mentions = find_mentions(load_nlp()("AT&T and O'Hare Holdings met Verizon on Monday."))
    assert {"AT&T"} <= {m.text for m in mentions}
