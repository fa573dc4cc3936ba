"""What the rules ask of a document's tokens over and over, worked out once per document.

spaCy's ``Token.children`` walks the parse and builds a new Token object for every
child on every call; ``Token.sent`` walks the document to the sentence's ends; and
``Doc.text`` and ``Span.text`` join the tokens' text on every call. The clause, role
and coding rules ask these of the same tokens many times per clause. The answers are
kept for the document being read (the last one asked about), so each is worked out
once: the same values spaCy gives.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


class _Known:
    """What is known so far of one document."""

    __slots__ = ("doc", "children", "conjuncts", "starts", "text", "columns", "heads",
                 "conj", "conj_heads", "tokens", "span_starts")

    def __init__(self, doc: Doc | None) -> None:
        self.doc = doc
        #: Every token's children (by token index), once a child is asked for.
        self.children: list[tuple[Token, ...]] = []
        self.conjuncts: dict[int, tuple[Token, ...]] = {}
        #: Every token's Token object and its head's index, and which tokens are "conj"
        #: (listed with the children).
        self.tokens: list[Token] = []
        self.heads: list[int] = []
        self.conj: list[bool] = []
        #: Indices of the tokens that have a "conj" child.
        self.conj_heads: set[int] = set()
        #: ``doc.char_span(start, end).start`` by (start, end), once asked.
        self.span_starts: dict[tuple[int, int], int | None] = {}
        #: Token indices at which a sentence starts (after the first), once asked.
        self.starts: list[int] | None = None
        self.text: str | None = None
        self.columns: dict[str, list] = {}


#: One document at a time, replaced whole when another is asked about, so the cache
#: never outlives the next document.
_known = _Known(None)


def _of(doc: Doc) -> _Known:
    global _known
    if _known.doc is not doc:
        _known = _Known(doc)
    return _known


def children_of(token: Token) -> tuple[Token, ...]:
    """``tuple(token.children)``, from the cache of ``token``'s document."""
    known = _known if _known.doc is token.doc else _of(token.doc)
    if not known.children:
        _list_children(known)
    return known.children[token.i]


def _list_children(known: _Known) -> None:
    """Every token, its head and its children (in text order, as ``Token.children``
    gives them), read from the heads and dependencies columns: one Token object per
    token, one tuple of children per token, built in one pass."""
    import numpy
    from spacy.attrs import DEP, HEAD
    from spacy.symbols import conj

    doc = known.doc
    tokens = known.tokens = list(doc)
    kids: list[list[Token]] = [[] for _ in tokens]
    # spaCy stores each head as an offset from its token, unsigned; added in one
    # array operation rather than token by token.
    heads = known.heads = (doc.to_array(HEAD).astype("int64")
                           + numpy.arange(len(tokens), dtype="int64")).tolist()
    for i, head in enumerate(heads):
        if head != i:
            kids[head].append(tokens[i])
    known.children = [tuple(k) for k in kids]
    known.conj = (doc.to_array(DEP) == conj).tolist()
    known.conj_heads = {head for head, is_conj in zip(heads, known.conj) if is_conj}


def of_object(token: Token) -> Token | None:
    """The object of ``token``'s "of" phrase ("hundreds of farmers", "units of the
    National Guard"), or None."""
    return next((g for c in children_of(token) if c.dep_ == "prep" and c.lower_ == "of"
                 for g in children_of(c) if g.dep_ == "pobj"), None)


def conjuncts_of(token: Token) -> tuple[Token, ...]:
    """``token.conjuncts``, from the cache of ``token``'s document: spaCy walks the
    coordination from its first conjunct on every call, and the role, place and coding
    rules ask it of the same nouns."""
    known = _known if _known.doc is token.doc else _of(token.doc)
    found = known.conjuncts.get(token.i)
    if found is None:
        found = known.conjuncts[token.i] = _conjuncts(known, token.i)
    return found


def _conjuncts(known: _Known, i: int) -> tuple[Token, ...]:
    """spaCy's ``Token.conjuncts`` walk, on the listed heads and children: up to the
    first conjunct, then down its "conj" children to the right, breadth first."""
    if not known.children:
        _list_children(known)
    heads, conj, tokens = known.heads, known.conj, known.tokens
    if not conj[i] and i not in known.conj_heads:
        return ()  # most words: in no coordination
    start = i
    while heads[start] != start and conj[start]:
        start = heads[start]
    queue = [start]
    for word in queue:  # grows while read
        queue.extend(c.i for c in known.children[word] if c.i > word and conj[c.i])
    return tuple([tokens[w] for w in queue if w != i])


def span_start(doc: Doc, start_char: int, end_char: int) -> int | None:
    """``doc.char_span(start_char, end_char).start`` (None where there is no such span),
    from the cache of ``doc``: the article steps look up the same triggers."""
    known = _known if _known.doc is doc else _of(doc)
    key = (start_char, end_char)
    if key not in known.span_starts:
        span = doc.char_span(start_char, end_char)
        known.span_starts[key] = None if span is None else span.start
    return known.span_starts[key]


def sentence_bounds(token: Token) -> tuple[int, int]:
    """(start, end) token indices of ``token.sent``, read from the document's sentence
    starts listed once."""
    doc = token.doc
    known = _of(doc)
    if known.starts is None:
        if not doc.has_annotation("SENT_START"):
            sent = token.sent  # spaCy's own answer (and its error) where none are set
            return sent.start, sent.end
        from spacy.attrs import SENT_START

        known.starts = [i for i, value in enumerate(doc.to_array(SENT_START).tolist())
                        if value == 1 and i > 0]
    at = bisect.bisect_right(known.starts, token.i)
    start = known.starts[at - 1] if at else 0
    end = known.starts[at] if at < len(known.starts) else len(doc)
    return start, end


#: Key of ``Doc.user_data`` under which ``record_text`` keeps the text a Doc was parsed
#: from.
TEXT_KEY = "timeline.text"


def record_text(doc: Doc, text: str) -> None:
    """Keep ``text``, which ``doc`` was parsed from, as its ``doc_text``.

    spaCy's tokenisation is lossless (``doc.text`` is the text it was given, and pieces
    joined without added whitespace keep that), so the text need not be joined again
    from the tokens.
    """
    doc.user_data[TEXT_KEY] = text


def doc_text(doc: Doc) -> str:
    """``doc.text``: the text recorded by ``record_text``, else each token's text and
    trailing space joined once from the columns."""
    known = _of(doc)
    if known.text is None:
        known.text = doc.user_data.get(TEXT_KEY) or "".join([
            text + " " if space else text
            for text, space in zip(column(doc, "text"), column(doc, "space"))])
    return known.text


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` (token indices within the document), sliced from the
    document's text instead of joined from the tokens."""
    if end <= start:
        return ""
    idx = column(doc, "idx")
    return doc_text(doc)[idx[start]:idx[end - 1] + len(column(doc, "text")[end - 1])]


def column(doc: Doc, name: str) -> list:
    """One attribute of every token of ``doc``, read from one array: "text", "idx",
    "pos" (``pos_``), "space" (``bool(whitespace_)``) or "sent_start" (1 where a
    sentence starts, as ``Token.sent_start`` gives it). No Token object is built per
    token."""
    known = _of(doc)
    found = known.columns.get(name)
    if found is None:
        found = known.columns[name] = _read_column(doc, name)
    return found


def _read_column(doc: Doc, name: str) -> list:
    from spacy.attrs import IDX, ORTH, POS, SENT_START, SPACY

    values = doc.to_array({"text": ORTH, "idx": IDX, "pos": POS, "space": SPACY,
                           "sent_start": SENT_START}[name]).tolist()
    if name in {"text", "pos"}:
        # Looked up one by one: the string store answers faster than a table of the
        # distinct values is built.
        strings = doc.vocab.strings
        return [strings[value] for value in values]
    if name == "space":
        return list(map(bool, values))
    return values


def is_sent_end(doc: Doc, i: int) -> bool:
    """``bool(doc[i].is_sent_end)``, without building the tokens."""
    return i + 1 == len(doc) or column(doc, "sent_start")[i + 1] == 1


#: Dashes that set a source apart from what it reports ("... in Energodar - Rogov").
ATTRIBUTION_DASHES = frozenset({"-", "\u2013", "\u2014"})


def spaced_dash(doc: Doc, start: int, end: int) -> int:
    """Index of the first spaced dash among tokens ``start + 1`` to ``end - 1``, else -1."""
    for i in range(start + 1, end):
        word = doc[i]
        if word.text in ATTRIBUTION_DASHES and word.whitespace_ and doc[i - 1].whitespace_:
            return i
    return -1


def has_object(verb: Token) -> bool:
    """True when ``verb`` has a direct object before any spaced dash (after one, the
    parser's object is the source: "Eight civilians killed ... - ombudsperson's office")."""
    return any(c.dep_ == "dobj" and spaced_dash(verb.doc, verb.i, c.i) < 0
               for c in children_of(verb))


def before_dash(start: int, obj: Token) -> Token:
    """The noun right before the first spaced dash between token ``start`` and ``obj``,
    where the parser ran a phrase on into the source named after the dash ("shelling by
    Ukrainian troops - LPR defense ministry" parses with "ministry" as the object);
    else ``obj``."""
    i = spaced_dash(obj.doc, start, obj.i)
    if i < 0:
        return obj
    before = obj.doc[i - 1]
    return before if i - 1 > start and before.pos_ in {"NOUN", "PROPN"} else obj
