"""The examples written beside each rule in timeline/resources run as tests."""

from __future__ import annotations

import pytest

from timeline.events.entities import find_mentions
from timeline.events.clause_events import event_type
from timeline.events.lexicon import load_event_lexicon, read_yaml
from timeline.events.nlp import load_nlp

TITLE_EXAMPLES = [(e["id"], e["title"], ex) for e in read_yaml("titles.yaml")["titles"]
                  for ex in e["examples"]]
TYPE_EXAMPLES = [(e["id"], ex) for e in read_yaml("event_types.yaml")["types"]
                 for ex in e["examples"]]
PLACE_EXAMPLES = [(e["id"], e["name"], ex) for e in read_yaml("gazetteer_places.yaml")["places"]
                  for ex in e["examples"]]


@pytest.mark.parametrize(("rule", "title", "text"), TITLE_EXAMPLES,
                         ids=[f"{r}:{t}" for r, _, t in TITLE_EXAMPLES])
def test_title_examples(rule: str, title: str, text: str) -> None:
    people = [m for m in find_mentions(load_nlp()(text)) if m.label == "PERSON"]
    assert any(m.title == title for m in people), (
        f"rule {rule}: {text!r} expected a PERSON titled {title!r}, "
        f"got {[(m.text, m.title) for m in people]}")


@pytest.mark.parametrize(("type_id", "text"), TYPE_EXAMPLES,
                         ids=[f"{r}:{t}" for r, t in TYPE_EXAMPLES])
def test_event_type_examples(type_id: str, text: str) -> None:
    lexicon = load_event_lexicon()
    typed = [event_type(t, lexicon) for t in load_nlp()(text) if t.pos_ == "VERB"]
    assert any(found and found[1] == type_id for found in typed), (
        f"{text!r}: expected an event of type {type_id!r}, got {typed}")


@pytest.mark.parametrize(("place_id", "name", "text"), PLACE_EXAMPLES,
                         ids=[f"{r}:{t}" for r, _, t in PLACE_EXAMPLES])
def test_gazetteer_place_examples(place_id: str, name: str, text: str) -> None:
    mentions = find_mentions(load_nlp()(text))
    assert any(m.label == "GPE" and m.canonical == name for m in mentions), (
        f"{place_id}: {text!r} expected place {name!r}, "
        f"got {[(m.text, m.label, m.canonical) for m in mentions]}")
