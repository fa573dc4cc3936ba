"""Which characters can begin a match of a regex: a cheap test before trying it.

The tagger tries each rule only at word starts near a trigger word; knowing that a rule
can only start with, say, "t", "l" or a digit lets it skip most attempts. The set is
read off the parsed pattern (Python's own regex parser); anything this module does not
understand gives None, meaning "any character", so the filter is never wrong, only
sometimes useless.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
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


@lru_cache(maxsize=1)  # read by first_chars then prefixes; parse trees are big
def _parsed(pattern: str, flags: int) -> Any:
    return sre_parse.parse(pattern, flags)


@cache
def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case characters a match of ``pattern`` can start with; None for "any"."""
    if sre_parse is None:
        return None
    chars, nullable = _first(_parsed(pattern, flags))
    return None if nullable else chars


#: How many characters ``prefixes`` looks at, and the most prefixes kept per pattern.
PREFIX_CHARS = 3
MAX_PREFIXES = 512

#: A possible start of a match: for each character, the lower-case characters it may
#: be (None: any character).
Prefix = tuple[frozenset[str] | None, ...]


def _join(left: set[Prefix], right: set[Prefix]) -> set[Prefix] | None:
    """Each prefix of ``left`` followed by each of ``right``, cut at ``PREFIX_CHARS``."""
    out = {a if len(a) >= PREFIX_CHARS else (a + b)[:PREFIX_CHARS]
           for a in left for b in (right if len(a) < PREFIX_CHARS else [()])}
    return out if len(out) <= MAX_PREFIXES else None


def _seq_prefixes(seq: Any) -> set[Prefix] | None:
    found: set[Prefix] | None = {()}
    for op, arg in seq:
        if all(len(prefix) >= PREFIX_CHARS for prefix in found):
            break  # what follows cannot change the first characters
        item = _item_prefixes(op, arg)
        found = None if item is None or found is None else _join(found, item)
        if found is None:
            return None
    return found


def _ascii_chars(chars: frozenset[str] | None) -> frozenset[str] | None:
    """``chars``, or None (any) when they hold a character outside ASCII: case-blind
    matching pairs some of those with ASCII letters ("ſ" with "s")."""
    return chars if chars is not None and all(c.isascii() for c in chars) else None


def _item_prefixes(op: Any, arg: Any) -> set[Prefix] | None:
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
        return {()}  # zero-width
    if op is C.LITERAL:
        return {(_ascii_chars(frozenset({chr(arg).lower()})),)}
    if op in (C.NOT_LITERAL, C.ANY):
        return {(None,)}
    if op is C.IN:
        return {(_ascii_chars(_in_set(arg)),)}
    if op is C.BRANCH:
        branches = [_seq_prefixes(seq) for seq in arg[1]]
        return None if None in branches else set().union(*branches)
    if op is C.SUBPATTERN:
        return _seq_prefixes(arg[3])
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _seq_prefixes(arg)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        return _repeat_prefixes(arg[0], arg[1], _seq_prefixes(arg[2]))
    return None


def _repeat_prefixes(low: int, high: int, once: set[Prefix] | None) -> set[Prefix] | None:
    """Prefixes of ``low`` to ``high`` repeats: beyond ``PREFIX_CHARS`` repeats (or
    ``low``) no new prefix appears."""
    if once is None:
        return None
    found: set[Prefix] = set()
    current: set[Prefix] | None = {()}
    for count in range(min(high, max(low, PREFIX_CHARS)) + 1):
        if count >= low:
            found |= current
        current = _join(current, once)
        if current is None or len(found) > MAX_PREFIXES:
            return None
    return found


@cache
def prefixes(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    """How a match of ``pattern`` can begin, over its first ``PREFIX_CHARS`` characters
    (lower case; fewer where a match can end sooner), as a regex matching those
    beginnings; None when unknown. A regex, not a set of tuples: one object per rule,
    nothing for the cycle collector to walk again and again."""
    if sre_parse is None:
        return None
    found = _seq_prefixes(_parsed(pattern, flags))
    if found is None:
        return None
    return re.compile("|".join(sorted("".join(_char_class(chars) for chars in prefix)
                                      for prefix in found)), re.DOTALL)


def _char_class(chars: frozenset[str] | None) -> str:
    return "." if chars is None else "[" + "".join(map(re.escape, sorted(chars))) + "]"


def may_begin(found: re.Pattern[str] | None, start: str) -> bool:
    """Whether a match with these ``prefixes`` can begin ``start`` (the text's next
    ``PREFIX_CHARS`` characters, lower case, ASCII; fewer at the end of the text)."""
    return found is None or found.match(start) is not None
