"""The examples written beside each entry of the event-side rule files run as tests.

One test per example; a failure prints the text, what the entry expects and what was
found. (The temporal files' examples run in tests/temporal: test_rule_examples.py,
test_anchored.py, test_knowledge.py and test_reference.py.)
"""

from __future__ import annotations

import pytest

from timeline.events import places
from timeline.events.entities import KEEP_LABELS, find_mentions
from timeline.events.known_names import (
    load_country_aliases, load_directions, load_gazetteer, load_titles, organisation_countries,
)
from timeline.events.lexicon import load_event_lexicon
from timeline.events.taxonomy import classify
from timeline.events.namesakes import country_set
from timeline.events.nlp import load_nlp
from timeline.model import Mention


def _mentions(text: str) -> list[Mention]:
    return find_mentions(load_nlp()(text))


def _seen(mentions: list[Mention]) -> list[tuple[str, str, str]]:
    return [(m.text, m.label, m.canonical) for m in mentions]


TITLE_EXAMPLES = [(t.id, t.title, ex) for t in load_titles() for ex in t.examples]
TYPE_EXAMPLES = [(t.id, ex) for t in load_event_lexicon().types for ex in t.examples]
NAME_EXAMPLES = [(e.id, e.label, e.name, ex) for e in load_gazetteer() for ex in e.examples]
COUNTRY_EXAMPLES = [(c.id, c.country, ex) for c in load_country_aliases() for ex in c.examples]
DIRECTION_EXAMPLES = [(d.id, d.north, d.east, ex) for d in load_directions() for ex in d.examples]


@pytest.mark.parametrize(("rule", "title", "text"), TITLE_EXAMPLES,
                         ids=[f"{r}:{t}" for r, _, t in TITLE_EXAMPLES])
def test_title_examples(rule: str, title: str, text: str) -> None:
    people = [m for m in _mentions(text) if m.label == "PERSON"]
    assert any(m.title == title for m in people), (
        f"rule {rule}: {text!r} expected a PERSON titled {title!r}, "
        f"got {[(m.text, m.title) for m in people]}")


@pytest.mark.parametrize(("type_id", "text"), TYPE_EXAMPLES,
                         ids=[f"{r}:{t}" for r, t in TYPE_EXAMPLES])
def test_event_type_examples(type_id: str, text: str) -> None:
    lexicon = load_event_lexicon()
    typed = [classify(t, lexicon) for t in load_nlp()(text) if t.pos_ == "VERB"]
    assert any(found and found.event_type == type_id for found in typed), (
        f"{text!r}: expected an event of type {type_id!r}, got {typed}")


@pytest.mark.parametrize(("entry", "label", "name", "text"), NAME_EXAMPLES,
                         ids=[f"{r}:{t}" for r, _, _, t in NAME_EXAMPLES])
def test_gazetteer_examples(entry: str, label: str, name: str, text: str) -> None:
    """People, places, organisations and weapons: the ruler tags the example with the
    entry's label; a kept mention carries the canonical name, and no other is a person."""
    doc = load_nlp()(text)
    tagged = [(e.text, e.label_) for e in doc.ents if e.ent_id_ == entry]
    found = find_mentions(doc)
    message = f"{entry}: {text!r} expected {label} {name!r}, got {tagged} and {_seen(found)}"
    assert tagged and all(found_label == label for _, found_label in tagged), message
    if label in KEEP_LABELS:
        assert any(m.label == label and m.canonical == name for m in found), message
    else:
        assert not any(m.label == "PERSON" for m in found), message


@pytest.mark.parametrize(("name", "countries"), sorted(organisation_countries().items()))
def test_organisation_countries_are_countries(name: str, countries: tuple[str, ...]) -> None:
    """An armed group's countries are spelt as the places' countries are."""
    assert set(countries) <= country_set(), f"{name}: {set(countries) - country_set()}"


def _country_of(mention: Mention) -> str | None:
    place = places.country_table().get(places.normalise(mention.text))
    return place.country if place else places.country_of_demonym(mention.text)


@pytest.mark.parametrize(("entry", "country", "text"), COUNTRY_EXAMPLES,
                         ids=[f"{r}:{t}" for r, _, t in COUNTRY_EXAMPLES])
def test_country_examples(entry: str, country: str, text: str) -> None:
    """A name or nationality word in the example points at the entry's country."""
    found = _mentions(text)
    countries = [_country_of(m) for m in found]
    assert country in countries, (
        f"{entry}: {text!r} expected a mention of {country!r}, got {list(zip(_seen(found), countries))}")


def _sign(value: float) -> int:
    return (value > 1e-3) - (value < -1e-3)  # coordinates are rounded to 4 places


@pytest.mark.parametrize(("entry", "north", "east", "text"), DIRECTION_EXAMPLES,
                         ids=[f"{r}:{t}" for r, _, _, t in DIRECTION_EXAMPLES])
def test_direction_examples(entry: str, north: float, east: float, text: str) -> None:
    """ "northern Ukraine": a region of the country, off the centre of its outline the
    way the entry says (north of it for a positive ``north``, and so on)."""
    word, _, country_name = text.partition(" ")
    country = places.geocode(country_name)
    assert places.is_direction(word) and country is not None, f"{entry}: {text!r} is not read"
    region = places.directional(word, country)
    box = places.bounding_box(country.country)
    assert box is not None, f"{entry}: no outline for {country.country}"
    south, west, top, right = box
    expected = ("region", _sign(north), _sign(east))
    actual = (region.precision, _sign(region.latitude - (south + top) / 2),
              _sign(region.longitude - (west + right) / 2))
    assert actual == expected, (
        f"{entry}: {text!r} expected (precision, north, east) {expected}, got {actual} at "
        f"{region.latitude}, {region.longitude}")
