"""Which characters can begin a match of a regex: a cheap test before trying it.

The tagger tries each rule only at word starts near a trigger word; knowing that a rule
can only start with, say, "t", "l" or a digit lets it skip most attempts. The set is
read off the parsed pattern (Python's own regex parser); anything this module does not
understand gives None, meaning "any character", so the filter is never wrong, only
sometimes useless.
"""

from __future__ import annotations

from functools import cache
from typing import Any

try:  # Python 3.11+ names; the filter is an optimisation, so it may be unavailable
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layouts
    C = None
    sre_parse = None

_DIGITS = frozenset("0123456789")
_MAX_RANGE = 256


def _in_set(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    out: set[str] = set()
    for op, arg in items:
        if op is C.LITERAL:
            out.add(chr(arg).lower())
        elif op is C.RANGE and arg[1] - arg[0] < _MAX_RANGE:
            out.update(chr(c).lower() for c in range(arg[0], arg[1] + 1))
        elif op is C.CATEGORY and arg is C.CATEGORY_DIGIT:
            out.update(_DIGITS)
        else:
            return None  # negated sets, \w, \s: anything may start
    return frozenset(out)


def _first(seq: Any) -> tuple[frozenset[str] | None, bool]:
    """First characters of a sequence of parsed items, and whether it can match empty."""
    out: set[str] = set()
    for op, arg in seq:
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            continue  # zero-width: look further
        if op is C.LITERAL:
            chars, nullable = frozenset({chr(arg).lower()}), False
        elif op is C.IN:
            chars, nullable = _in_set(arg), False
        elif op is C.BRANCH:
            chars, nullable = _branch(arg[1])
        elif op is C.SUBPATTERN:
            chars, nullable = _first(arg[3])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            chars, inner_nullable = _first(arg[2])
            nullable = arg[0] == 0 or inner_nullable
        elif op is getattr(C, "ATOMIC_GROUP", None):
            chars, nullable = _first(arg)
        else:
            return None, False
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return frozenset(out), False
    return frozenset(out), True


def _branch(seqs: list[Any]) -> tuple[frozenset[str] | None, bool]:
    out: set[str] = set()
    nullable = False
    for seq in seqs:
        chars, empty = _first(seq)
        if chars is None:
            return None, False
        out |= chars
        nullable = nullable or empty
    return frozenset(out), nullable


@cache
def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case characters a match of ``pattern`` can start with; None for "any"."""
    if sre_parse is None:
        return None
    chars, nullable = _first(sre_parse.parse(pattern, flags))
    return None if nullable else chars
