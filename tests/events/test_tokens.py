"""Tests for timeline.events.tokens: the per-document answers equal spaCy's own."""

from __future__ import annotations

from timeline.events.nlp import load_nlp
from timeline.events.tokens import children_of, conjuncts_of, doc_text

#: Coordination of verbs, nouns and adjectives, nested and across clauses.
TEXT = ("Taliban fighters beat, detained and questioned several women and two men in "
        "Kabul and Herat on Saturday, and police fired tear gas at protesters, students "
        "and journalists.\nUS and Ukrainian officers met in Poland.")


def test_children_are_spacys() -> None:
    doc = load_nlp()(TEXT)
    for token in doc:
        assert children_of(token) == tuple(token.children), token.text


def test_conjuncts_are_spacys() -> None:
    doc = load_nlp()(TEXT)
    # Asked in reverse order too: a later conjunct first, then its first one.
    for token in [*doc, *reversed(doc)]:
        assert conjuncts_of(token) == token.conjuncts, token.text
    # "questioned" hangs on "detained", "fired" on "beat": the first conjunct's own
    # conjuncts come before theirs.
    assert [t.text for t in conjuncts_of(doc[6])] == ["beat", "detained", "fired"]


def test_answers_follow_the_document_asked_about() -> None:
    nlp = load_nlp()
    first, second = nlp("Milley met Zaluzhnyi and Austin."), nlp("Protesters and police clashed.")
    assert [t.text for t in conjuncts_of(first[2])] == ["Austin"]
    assert [t.text for t in conjuncts_of(second[0])] == ["police"]
    assert [t.text for t in children_of(first[1])] == ["Milley", "Zaluzhnyi", "."]


def test_doc_text_of_a_doc_parsed_elsewhere_is_joined_from_its_tokens() -> None:
    """A Doc not made by ``parse`` carries no recorded text: its tokens give it."""
    doc = load_nlp()(TEXT)
    assert doc_text(doc) == doc.text == TEXT
