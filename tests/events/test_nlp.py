"""Tests for timeline.events.nlp: the model loads once, lean, with the gazetteer ruler."""

from __future__ import annotations

import pytest

from timeline.errors import ResourceError
from timeline.events.nlp import NEEDED, gazetteer_patterns, load_nlp, parse


def test_loaded_once_and_lean() -> None:
    nlp = load_nlp()
    assert load_nlp() is nlp
    assert set(nlp.pipe_names) <= set(NEEDED) | {"gazetteer", "line_breaks"}
    assert nlp.pipe_names.index("gazetteer") < nlp.pipe_names.index("ner")


def test_gazetteer_fixes_the_model_on_domain_names() -> None:
    doc = load_nlp()("Allies sent Patriot systems to Kyiv, Zaluzhnyi said.")
    labels = {ent.text: ent.label_ for ent in doc.ents}
    assert labels["Kyiv"] == "GPE"
    assert labels["Patriot"] == "PRODUCT"
    assert labels["Zaluzhnyi"] == "PERSON"


def test_every_pattern_has_an_id_and_label() -> None:
    patterns = gazetteer_patterns()
    assert patterns and all(p["id"] and p["label"] and p["pattern"] for p in patterns)


def test_parse_keeps_order() -> None:
    texts = ["First text.", "Second one here.", "Third."]
    assert [doc.text for doc in parse(texts, batch_size=2)] == texts


def test_missing_model_is_a_resource_error() -> None:
    with pytest.raises(ResourceError, match="not installed"):
        load_nlp("no_such_model_package_xyz")


def test_a_line_break_ends_a_sentence() -> None:
    doc = load_nlp()("Boeing delivers final jet to AirTran\nBoeing on Tuesday delivered the jet.")
    assert [sent.text.strip() for sent in doc.sents] == [
        "Boeing delivers final jet to AirTran", "Boeing on Tuesday delivered the jet."]
