"""spaCy's attribute ruler with its one-word patterns looked up instead of matched.

The model's ``attribute_ruler`` maps fine-grained tags to parts of speech and
morphology, and fixes lemmas (the model's 179 patterns and the forms of
``lemmas.yaml``). spaCy runs every pattern through its ``Matcher``, which tries
each pattern at each token: about 8 ms of a seed-sized article, a sixth of the
parse. Nearly all the patterns are one word with equality tests ("TAG is NNS",
"LOWER is 'ai' and TAG is VBP"); those are looked up in a table keyed by the
token's value of one tested attribute, and the rest go through the ``Matcher`` as
before. The matches found, their order (spaCy's: by pattern number, so later
patterns win) and the attributes set are spaCy's own: only the search differs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

#: Token attributes a one-word pattern may test here, most telling first: the
#: first one a pattern tests is its key in the table. ``Doc.to_array`` gives each as
#: the ``Matcher`` compares it (a string's hash, a part of speech's id, a flag's 0/1).
LOOKED_UP = tuple(IDS[name] for name in ("LOWER", "ORTH", "NORM", "LEMMA", "TAG", "DEP",
                                         "POS", "IS_SPACE"))
_ALIASES = {"TEXT": "ORTH"}

#: One pattern's tests: (attribute id, the values it accepts).
Tests = tuple[tuple[int, frozenset[int]], ...]


class IndexedAttributeRuler(AttributeRuler):
    """``AttributeRuler`` finding its one-word equality patterns by table lookup."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._table: _Table | None = None

    def add(self, *args: Any, **kwargs: Any) -> None:
        """spaCy's ``add``; the table is built again on the next match."""
        super().add(*args, **kwargs)
        self._table = None

    def clear(self) -> None:
        """spaCy's ``clear`` (also run by ``initialize`` and loading); the table too."""
        super().clear()
        self._table = None

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """spaCy's matches, (pattern number, match id, start, end), in spaCy's order,
        each once (the ``Matcher`` reports a key's span once, however many of its
        patterns match there)."""
        table = self._table
        if table is None:
            table = self._table = _Table(self)
        strings = self.vocab.strings
        found = {(int(strings[key]), key, start, end) for key, start, end in table.match(doc)}
        found.update(table.lookup(doc))
        return sorted(found)

    def set_annotations(self, doc: Doc, matches: Iterable[tuple[int, int, int, int]]) -> None:
        """Set each match's attributes, as spaCy does; a one-word match is set on its
        word directly rather than through a ``Span``."""
        for match in matches:
            number, _, start, end = match
            if end - start == 1 and self.indices[number] in (0, -1):
                set_token_attrs(doc[start], self.attrs[number])
            else:
                super().set_annotations(doc, [match])


class _Table:
    """The patterns of one ruler: one-word equality patterns by (attribute, value);
    every other pattern in a ``Matcher`` of its own."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.size = len(ruler.attrs)
        self.matcher = Matcher(ruler.vocab, validate=False)
        self.entries: dict[tuple[int, int], list[tuple[int, int, Tests]]] = {}
        self.anywhere: list[tuple[int, int, Tests]] = []  # patterns testing nothing
        strings = ruler.vocab.strings
        for number in range(self.size):
            key = strings.add(str(number))
            rest = []
            for pattern in ruler.matcher.get(key)[1]:
                tests = _tests(pattern, strings)
                if tests is None:
                    rest.append(pattern)
                else:
                    self._enter(number, key, tests)
            if rest:
                self.matcher.add(key, rest)
        self.attrs = sorted({attr for attr, _ in self.entries} | {
            attr for entries in [*self.entries.values(), self.anywhere]
            for _, _, tests in entries for attr, _ in tests}, key=LOOKED_UP.index)
        self.keyed = [self.attrs.index(attr) for attr in LOOKED_UP if attr in self.attrs]

    def _enter(self, number: int, key: int, tests: Tests) -> None:
        if not tests:
            self.anywhere.append((number, key, tests))
            return
        attr, values = min(tests, key=lambda test: LOOKED_UP.index(test[0]))
        for value in values:
            self.entries.setdefault((attr, value), []).append((number, key, tests))

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The ``Matcher``'s matches of the other patterns, (match id, start, end)."""
        return self.matcher(doc, allow_missing=True) if len(self.matcher) else []

    def lookup(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """Matches of the one-word patterns in ``doc``."""
        if not len(doc) or not (self.attrs or self.anywhere):
            return []
        columns = (doc.to_array(self.attrs).reshape(len(doc), -1).tolist() if self.attrs
                   else [[] for _ in range(len(doc))])
        where = {attr: place for place, attr in enumerate(self.attrs)}
        entries, keyed, attrs = self.entries, self.keyed, self.attrs
        found = []
        for i, row in enumerate(columns):
            candidates = list(self.anywhere)
            for place in keyed:
                candidates.extend(entries.get((attrs[place], row[place]), ()))
            for number, key, tests in candidates:
                if all(row[where[attr]] in values for attr, values in tests):
                    found.append((number, key, i, i + 1))
        return found


def _tests(pattern: list[dict[Any, Any]], strings: Any) -> Tests | None:
    """The tests of a one-word pattern made only of equality and ``IN`` tests on
    ``LOOKED_UP`` attributes; None for any other pattern (left to the ``Matcher``)."""
    if len(pattern) != 1:
        return None
    tests = []
    for name, value in pattern[0].items():
        attr = IDS.get(_ALIASES.get(name, name)) if isinstance(name, str) else name
        if attr not in LOOKED_UP:
            return None
        if isinstance(value, dict) and set(value) != {"IN"}:
            return None
        options = value["IN"] if isinstance(value, dict) else [value]
        accepted = [_as_value(option, strings) for option in options]
        if any(option is None for option in accepted):
            return None
        tests.append((attr, frozenset(accepted)))
    return tuple(tests)


def _as_value(value: Any, strings: Any) -> int | None:
    """A pattern value as the ``Matcher`` compares it: a string's id, a flag's 0/1."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return strings.add(value)
    if isinstance(value, int):
        return value
    return None


def use_indexed_ruler(nlp: Language) -> None:
    """Replace ``nlp``'s attribute ruler by an ``IndexedAttributeRuler`` with the same
    patterns (the way spaCy itself saves and loads them)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    patterns = nlp.get_pipe("attribute_ruler").patterns
    if not Language.has_factory("indexed_attribute_ruler"):
        Language.factory("indexed_attribute_ruler", func=_make)
    nlp.replace_pipe("attribute_ruler", "indexed_attribute_ruler")
    nlp.get_pipe("attribute_ruler").add_patterns(patterns)


def _make(nlp: Language, name: str) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name)
