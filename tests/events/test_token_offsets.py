"""Tests for timeline.events.token_offsets: the tokens of a character span are spaCy's."""

from __future__ import annotations

from timeline.events.nlp import load_nlp
from timeline.events.token_offsets import TokenOffsets

#: Double spaces, a line break, punctuation glued to words, a trailing space.
TEXT = "KYIV  (Reuters) - Russian forces shelled Kharkiv's centre,\nkilling 3. "


def test_expanded_spans_are_spacys() -> None:
    doc = load_nlp()(TEXT)
    offsets = TokenOffsets(doc)
    for start in range(len(TEXT) + 2):
        for end in range(start + 1, len(TEXT) + 3):
            span = doc.char_span(start, end, alignment_mode="expand")
            expected = [t.i for t in span] if span is not None else []
            assert list(offsets.expanded(start, end)) == expected, (start, end)


def test_a_span_starting_in_a_space_starts_at_the_next_word() -> None:
    doc = load_nlp()("Russian forces shelled Kharkiv.")
    # Character 7 is the space after "Russian": the span is "forces", not both words.
    assert [doc[i].text for i in TokenOffsets(doc).expanded(7, 14)] == ["forces"]
