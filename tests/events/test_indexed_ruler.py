"""The looked-up attribute ruler sets exactly what spaCy's attribute ruler sets."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from timeline.events.indexed_ruler import IndexedAttributeRuler, use_indexed_ruler
from timeline.events.nlp import load_nlp

#: Patterns of every shape the ruler meets: one word by tag, by lower form, by both,
#: an IN test, a flag, a later pattern overriding an earlier one on the same word, and
#: two-word patterns (with a regular expression, and indexed from the end) that are
#: left to spaCy's Matcher.
PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"TAG": {"IN": ["VBD", "VBN"]}}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"LOWER": "shelled", "TAG": "VBD"}]], "attrs": {"LEMMA": "shell"}},
    {"patterns": [[{"LOWER": "convoy"}]], "attrs": {"LEMMA": "convoy", "POS": "PROPN"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {"patterns": [[{"LOWER": {"REGEX": "^ai$"}}, {"LOWER": "n't"}]],
     "attrs": {"LEMMA": "be"}},
    {"patterns": [[{"TEXT": "Kyiv"}], [{"ORTH": "Kiev"}]], "attrs": {"POS": "PROPN"}},
]
WORDS = ["The", "convoy", "was", "shelled", "  ", "gon", "na", "ai", "n't", "Kyiv", "Kiev"]
TAGS = ["DT", "NN", "VBD", "VBD", "_SP", "VBG", "TO", "VBP", "RB", "NNP", "NNP"]


def _doc(nlp: English) -> Doc:
    return Doc(nlp.vocab, words=WORDS, tags=TAGS)


def test_sets_what_spacys_ruler_sets_on_every_pattern_shape() -> None:
    nlp = English()
    spacy_ruler = AttributeRuler(nlp.vocab)
    spacy_ruler.add_patterns(PATTERNS)
    ours = IndexedAttributeRuler(nlp.vocab)
    ours.add_patterns(PATTERNS)
    expected, got = spacy_ruler(_doc(nlp)), ours(_doc(nlp))
    assert ours.match(_doc(nlp)) == spacy_ruler.match(_doc(nlp))
    assert [(t.tag_, t.pos_, t.lemma_) for t in got] == [
        (t.tag_, t.pos_, t.lemma_) for t in expected]
    # Worked out by hand: "convoy" takes the later pattern's POS over its tag's NOUN,
    # "was" and "shelled" VERB by their tag, "shelled" its lemma, "na" (index -1) and "ai" their two-word lemmas.
    assert [t.pos_ for t in got][1:4] == ["PROPN", "VERB", "VERB"]
    assert (got[1].lemma_, got[3].lemma_, got[6].lemma_, got[7].lemma_) == (
        "convoy", "shell", "to", "be")
    assert got[4].pos_ == "SPACE" and got[9].pos_ == got[10].pos_ == "PROPN"


def test_a_pattern_added_later_is_found() -> None:
    nlp = English()
    ours = IndexedAttributeRuler(nlp.vocab)
    ours.add_patterns(PATTERNS[:1])
    assert ours(_doc(nlp))[1].lemma_ == ""
    ours.add_patterns([{"patterns": [[{"LOWER": "convoy"}]], "attrs": {"LEMMA": "truck"}}])
    assert ours(_doc(nlp))[1].lemma_ == "truck"


@pytest.mark.parametrize("text", [
    "Russian forces shelled Kupiansk on Tuesday; they ain't gonna stop, officials said.",
    "KYIV, Jan 17 (Reuters) -\n\nGen. Milley met   Gen. Zaluzhnyi near Rzeszow. Let's go!",
])
def test_extractions_pipeline_tags_as_the_shipped_ruler_does(text: str) -> None:
    indexed = load_nlp()
    assert type(indexed.get_pipe("attribute_ruler")) is IndexedAttributeRuler
    # The same pipeline with spaCy's own ruler: the patterns moved back unchanged.
    plain = English.from_config(indexed.config)
    plain.from_bytes(indexed.to_bytes())
    patterns = indexed.get_pipe("attribute_ruler").patterns
    plain.replace_pipe("attribute_ruler", "attribute_ruler")
    plain.get_pipe("attribute_ruler").add_patterns(patterns)
    assert type(plain.get_pipe("attribute_ruler")) is AttributeRuler
    assert [(t.tag_, t.pos_, t.lemma_, str(t.morph)) for t in indexed(text)] == [
        (t.tag_, t.pos_, t.lemma_, str(t.morph)) for t in plain(text)]


def test_a_pipeline_without_a_ruler_is_left_alone() -> None:
    nlp = English()
    use_indexed_ruler(nlp)
    assert nlp.pipe_names == []


def test_patterns_loaded_anew_replace_the_old_ones() -> None:
    nlp = English()
    spacy_ruler, ours = AttributeRuler(nlp.vocab), IndexedAttributeRuler(nlp.vocab)
    for ruler in (spacy_ruler, ours):
        ruler.add_patterns(PATTERNS[:1])
        ruler(_doc(nlp))  # the table is built here
        # As many patterns as before, other ones: nothing of the old may match.
        ruler.initialize(lambda: [], patterns=[
            {"patterns": [[{"TAG": "DT"}]], "attrs": {"LEMMA": "determiner"}}])
    assert [t.lemma_ for t in ours(_doc(nlp))] == [t.lemma_ for t in spacy_ruler(_doc(nlp))]
    assert ours(_doc(nlp))[0].lemma_ == "determiner" and ours(_doc(nlp))[1].lemma_ == ""


def test_a_span_two_patterns_of_one_key_match_is_matched_once() -> None:
    nlp = English()
    doubled = [{"patterns": [[{"TAG": "NN"}], [{"LOWER": "convoy"}], [{"LOWER": "convoy"}]],
                "attrs": {"LEMMA": "lorry"}},
               {"patterns": [[{}]], "attrs": {"NORM": "any"}}]
    spacy_ruler, ours = AttributeRuler(nlp.vocab), IndexedAttributeRuler(nlp.vocab)
    spacy_ruler.add_patterns(doubled)
    ours.add_patterns(doubled)
    assert ours.match(_doc(nlp)) == spacy_ruler.match(_doc(nlp))
    # The pattern testing nothing matches every word, as spaCy's does.
    assert [t.norm_ for t in ours(_doc(nlp))] == ["any"] * len(WORDS)
