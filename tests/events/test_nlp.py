"""Tests for timeline.events.nlp: the model loads once, lean, with the gazetteer ruler."""

from __future__ import annotations

import pytest

from timeline.errors import ResourceError
from timeline.events.nlp import NEEDED, gazetteer_patterns, load_nlp, parse
from timeline.events.tokens import TEXT_KEY, doc_text


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


def test_split_text_cuts_at_paragraphs_first() -> None:
    from timeline.events.nlp import split_text

    text = "One line.\nTwo line.\n\nNew paragraph here.\nAnd more text follows it."
    pieces = split_text(text, 40)
    assert "".join(pieces) == text
    assert pieces[0] == "One line.\nTwo line.\n\n"
    assert all(len(piece) <= 40 for piece in pieces)


@pytest.mark.parametrize(("text", "first"), [
    ("Alpha beta. Gamma delta epsilon zeta eta theta", "Alpha beta. "),  # sentence end
    ("alpha beta gamma delta epsilon zeta eta theta", "alpha beta gamma "),  # a space
    ("x" * 50, "x" * 20),  # nothing to cut at: a hard cut
])
def test_split_text_falls_back_to_sentences_spaces_then_characters(text: str, first: str) -> None:
    from timeline.events.nlp import split_text

    pieces = split_text(text, 20)
    assert pieces[0] == first
    assert "".join(pieces) == text and all(len(p) <= 20 for p in pieces)


def test_split_text_keeps_a_short_or_empty_text_whole() -> None:
    from timeline.events.nlp import split_text

    assert split_text("", 10) == [""]
    assert split_text("short", 10) == ["short"]


def test_long_text_is_parsed_in_pieces_with_offsets_into_the_whole() -> None:
    paragraph = "General Mark Milley met Valerii Zaluzhnyi in Poland on Tuesday.\n\n"
    text = "Opening line.\n\n" + paragraph * 40
    doc = next(parse([text, "Short one."], piece_chars=300))
    assert doc.text == text
    names = [ent for ent in doc.ents if ent.text == "Mark Milley"]
    assert len(names) == 40
    assert all(text[ent.start_char:ent.end_char] == "Mark Milley" for ent in names)
    assert len(list(doc.sents)) == 41


def test_a_parsed_doc_keeps_the_text_it_was_parsed_from() -> None:
    """``doc_text`` gives the recorded text, equal to spaCy's ``doc.text``, whether the
    text was parsed whole or in pieces cut after blanked text or at paragraphs."""
    blanked = "KYIV, Jan 19" + " " * 8 + "Russian strikes hit Kyiv.  Two died.\n"
    long = "Opening line.\n\n" + "Milley met Zaluzhnyi in Poland on Tuesday.\n\n" * 10
    texts = ["Short one.", blanked, long, ""]
    for text, doc in zip(texts, parse(texts, piece_chars=200)):
        assert doc.user_data[TEXT_KEY] == text
        assert doc_text(doc) == doc.text == text


def test_text_longer_than_spacy_max_length_is_parsed() -> None:
    """spaCy refuses texts over ``max_length`` (E088); they are parsed in pieces."""
    nlp = load_nlp()
    saved = nlp.max_length
    nlp.max_length = 500
    try:
        text = "Kyiv was quiet on Monday. " * 100
        doc = next(parse([text], nlp=nlp))
    finally:
        nlp.max_length = saved
    assert doc.text == text and len(list(doc.sents)) == 100


def test_parse_each_gives_the_error_of_a_failing_text_and_parses_the_rest() -> None:
    from timeline.events.nlp import parse_each

    nlp = load_nlp()

    def refuse(doc):
        if "refuse" in doc.text:
            raise ValueError("cannot take this one")
        return doc

    from spacy.language import Language

    if not Language.has_factory("refuse_marked"):
        Language.component("refuse_marked", func=refuse)
    nlp.add_pipe("refuse_marked", first=True)
    try:
        out = list(parse_each(["Fine text.", "Please refuse this.", "Also fine."], nlp=nlp))
    finally:
        nlp.remove_pipe("refuse_marked")
    assert [getattr(d, "text", None) for d in out] == ["Fine text.", None, "Also fine."]
    assert isinstance(out[1], ValueError) and "cannot take this one" in str(out[1])
