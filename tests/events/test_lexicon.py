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


def test_object_rules_are_found_by_verb_and_noun_in_file_order() -> None:
    loaded = lexicon.load_event_lexicon()
    # "breach" opens two rules: a ceasefire breached (a clash), a dam breached (damage).
    assert [r.type_id for r in loaded.object_rules_of("breach")] == ["clash", "damage"]
    assert [r.type_id for r in loaded.object_rules_of_noun("violation")] == ["clash"]
    assert loaded.object_rules_of("meet") == ()
    for rule in loaded.object_rules:
        for verb in rule.verbs:
            assert loaded.object_rules_of(verb) == tuple(
                r for r in loaded.object_rules if verb in r.verbs)


def test_sub_type_id_is_the_coded_sub_types() -> None:
    clash = lexicon.load_event_lexicon().get("clash")
    assert clash.sub_type_id(frozenset({"violate", "troops"})) == "ceasefire violation"
    assert clash.sub_type_id(frozenset({"troops"})) == "armed clash"
    for entry in lexicon.load_event_lexicon().types:
        for lemmas in (frozenset(), *(sub.cues for sub in entry.sub_types)):
            assert entry.sub_type_id(lemmas) == entry.sub_type(lemmas).id


def test_phrasal_verbs_are_the_typed_phrases() -> None:
    loaded = lexicon.load_event_lexicon()
    assert "go on" in loaded.phrasal_verbs
    assert loaded.phrasal_verbs == frozenset(dict(loaded.phrasal_types))
