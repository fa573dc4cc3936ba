"""Which tokens a character span covers, read from the document's columns.

spaCy's ``Doc.char_span`` builds a Span, and iterating it builds a Token per word; the
rules that index every mention of an article by token only need the indices.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from timeline.events.tokens import column

if TYPE_CHECKING:
    from spacy.tokens import Doc


class TokenOffsets:
    """Where a document's tokens start, read from its columns: the token indices of a
    character span, without building a Span and its Tokens per mention."""

    def __init__(self, doc: Doc) -> None:
        self.starts = column(doc, "idx")
        self.texts = column(doc, "text")
        # Tokens and their trailing spaces cover the text without a gap.
        self.length = len(self.starts) and (
            self.starts[-1] + len(self.texts[-1]) + column(doc, "space")[-1])

    def expanded(self, start_char: int, end_char: int) -> range:
        """The indices of ``doc.char_span(start_char, end_char, alignment_mode="expand")``
        (none where spaCy gives None): every token the span touches, not counting the
        trailing space of the token before it."""
        first, last = self._token_at(start_char), self._token_at(end_char - 1)
        if first < 0 or last < 0:
            return range(0)
        if start_char == self.starts[first] + len(self.texts[first]):
            first += 1  # in the space after a token: the span starts at the next
        return range(first, last + 1)

    def _token_at(self, char: int) -> int:
        """The token whose text or trailing space holds ``char``, else -1."""
        if not 0 <= char < self.length:
            return -1
        return bisect.bisect_right(self.starts, char) - 1
