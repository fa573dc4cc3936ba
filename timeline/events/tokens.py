"""Syntactic children of a token, built once per document.

spaCy's ``Token.children`` walks the parse and builds a new Token object for every
child on every call; the clause, role and coding rules ask for the children of the
same verbs and nouns many times per clause. ``children_of`` keeps each token's
children for the document being read (the last one asked about), so each list is
built once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: (document, children by token index): one document at a time, replaced whole when
#: another is asked about, so the cache never outlives the next document.
_cache: tuple[Doc | None, dict[int, tuple[Token, ...]]] = (None, {})


def children_of(token: Token) -> tuple[Token, ...]:
    """``tuple(token.children)``, from the cache of ``token``'s document."""
    global _cache
    doc, known = _cache
    if doc is not token.doc:
        doc, known = token.doc, {}
        _cache = (doc, known)
    found = known.get(token.i)
    if found is None:
        found = known[token.i] = tuple(token.children)
    return found
