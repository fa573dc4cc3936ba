"""Tests for timeline.events.lexicon: the rule files load and are checked."""

from __future__ import annotations

import pytest

from timeline.events import lexicon
from timeline.errors import RuleFileError

ISSUE_TYPES = {"meet", "statement", "visit", "attack", "aid", "offensive", "election",
               "agreement", "protest", "death", "disaster", "legal", "clash", "shelling",
               "airstrike", "explosion", "abduction", "arrest", "looting", "riot",
               "displacement", "territory", "ceasefire", "accident"}


def test_taxonomy_covers_the_issue_types() -> None:
    loaded = lexicon.load_event_lexicon()
    assert {t.id for t in loaded.types} >= ISSUE_TYPES
    assert loaded.cameo("meet") == "040"
    assert loaded.type_of_verb("go on") == "other"  # the particle changes the meaning


def test_location_words_keep_yaml_keywords_as_words() -> None:
    words = lexicon.load_location_words()
    assert "near" in words.static
    assert "on" in words.target  # a quoted "on", not YAML's boolean


def test_a_lemma_in_two_types_is_rejected() -> None:
    types = (lexicon.EventType("a", None, "", frozenset({"meet"}), frozenset()),
             lexicon.EventType("b", None, "", frozenset({"meet"}), frozenset()))
    with pytest.raises(RuleFileError, match="event_types.yaml, entry 'b': verb 'meet' is in both 'a' and 'b'"):
        lexicon._check_unambiguous("event_types.yaml", types)
