"""Acronyms an article defines name the same organisation later in that article."""

from __future__ import annotations

from timeline.events.acronyms import defined, expand
from timeline.model import Mention


def _org(text: str, body: str, canonical: str = "") -> Mention:
    start = body.index(text)
    return Mention(text, start, start + len(text), "ORG", canonical)


def test_a_name_then_its_bracketed_acronym_defines_it() -> None:
    body = "the Rapid Support Forces (RSF) attacked El Fasher. The RSF said"
    full = _org("Rapid Support Forces", body)
    start = body.rindex("RSF")
    short = Mention("RSF", start, start + 3, "ORG")
    assert defined(body, [full, short]) == {"RSF": "Rapid Support Forces"}
    assert [m.canonical for m in expand(body, [full, short])] == ["", "Rapid Support Forces"]
    assert expand(body, [full, short])[1].text == "RSF"  # as written


def test_an_acronym_inside_the_name_defines_it() -> None:
    body = "the Intergovernmental Authority on Development (IGAD) met; IGAD said"
    name = _org("Intergovernmental Authority on Development (IGAD)", body)
    assert defined(body, [name]) == {"IGAD": "Intergovernmental Authority on Development"}


def test_a_bracket_whose_letters_start_no_word_defines_nothing() -> None:
    body = "Reuters (LSE) reported"
    assert defined(body, [_org("Reuters", body)]) == {}


def test_only_organisations_define_and_are_expanded() -> None:
    body = "Kenya (KE) and Kenya"
    place = Mention("Kenya", 0, 5, "GPE")
    assert defined(body, [place]) == {}
    assert expand(body, [place]) == [place]


def test_leading_words_the_acronym_does_not_spell_are_no_part_of_the_name() -> None:
    body = "Paramilitary Rapid Support Forces (RSF) attacked El Fasher."
    full = _org("Paramilitary Rapid Support Forces", body)
    assert defined(body, [full]) == {"RSF": "Rapid Support Forces"}
    assert [m.canonical for m in expand(body, [full])] == ["Rapid Support Forces"]


def test_a_defined_acronym_the_recogniser_missed_is_found() -> None:
    body = "the Rapid Support Forces (RSF) attacked El Fasher. Residents said the RSF left."
    full = _org("Rapid Support Forces", body)
    found = expand(body, [full])
    assert [(m.text, m.start_char, m.canonical) for m in found] == [
        ("Rapid Support Forces", 4, ""), ("RSF", body.rindex("RSF"), "Rapid Support Forces")]


def test_a_name_whose_acronym_follows_another_language_stays_whole() -> None:
    body = "the National Union for the Total Independence of Angola (UNITA) said"
    name = _org("National Union for the Total Independence of Angola", body)
    assert defined(body, [name]) == {"UNITA": "National Union for the Total Independence of Angola"}
