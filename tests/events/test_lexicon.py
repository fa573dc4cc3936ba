"""Tests for timeline.events.lexicon: the rule files load and are checked."""

from __future__ import annotations

import pytest

from timeline.events import lexicon
from timeline.errors import ResourceError

ISSUE_TYPES = {"meet", "statement", "visit", "attack", "aid", "offensive", "election",
               "agreement", "protest", "death", "disaster", "legal"}


def test_taxonomy_covers_the_issue_types() -> None:
    loaded = lexicon.load_event_lexicon()
    assert {t.id for t in loaded.types} >= ISSUE_TYPES
    assert loaded.cameo("meet") == "04"
    assert loaded.type_of_verb("go on") == "other"  # the particle changes the meaning


def test_all_resources_load() -> None:
    assert lexicon.load_titles()
    assert lexicon.load_gazetteer()
    assert lexicon.load_country_aliases()
    assert lexicon.load_directions()
    assert "near" in lexicon.load_location_words().static
    assert "on" in lexicon.load_location_words().target  # not YAML's boolean


def test_entry_without_examples_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicon, "read_yaml", lambda name: {
        "titles": [{"id": "x", "words": ["Gen."], "title": "General", "examples": []}]})
    with pytest.raises(ResourceError, match="no examples"):
        lexicon._entries("titles.yaml", "titles", ("words", "title"))


def test_duplicate_ids_are_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    entry = {"id": "x", "words": ["Gen."], "title": "General", "examples": ["Gen. X"]}
    monkeypatch.setattr(lexicon, "read_yaml", lambda name: {"titles": [entry, entry]})
    with pytest.raises(ResourceError, match="duplicate id"):
        lexicon._entries("titles.yaml", "titles", ("words", "title"))


def test_a_lemma_in_two_types_is_rejected() -> None:
    types = (lexicon.EventType("a", None, "", frozenset({"meet"}), frozenset()),
             lexicon.EventType("b", None, "", frozenset({"meet"}), frozenset()))
    with pytest.raises(ResourceError, match="'meet' is in both 'a' and 'b'"):
        lexicon._check_unambiguous("event_types.yaml", types)
