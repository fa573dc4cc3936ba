"""Halves and quarters of a game are no halves and quarters of a year.

Sports copy times a goal by the period of play: "Mueller scored twice in the second
half", "the Heat scored 20 points in the fourth quarter". Said without a year, such a
half or quarter is read by the rules as one of the calendar year (``half.ordinal``,
``quarter.ordinal``); in a sentence with a word of play from the word list
``game_period_cues`` (``temporal_words.yaml``) it is dropped instead. A half or
quarter with its year ("the second half of 2014") or a direction ("last quarter")
always stays.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Sequence

from timeline.temporal.partial import Partial
from timeline.temporal.rules import load_words

if TYPE_CHECKING:
    from timeline.temporal.tag import Candidate

#: How far around an expression its sentence is looked for, in characters.
SENTENCE_REACH = 300
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s|\n\s*\n")
_WORD = re.compile(r"[a-z][a-z'’-]*")


@cache
def _cues() -> frozenset[str]:
    return frozenset(load_words()["game_period_cues"])


def _is_bare_period(c: Candidate) -> bool:
    m = c.meaning
    return (isinstance(m, Partial) and (m.half is not None or m.quarter is not None)
            and m.year is None and m.direction is None)


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``, within ``SENTENCE_REACH`` characters."""
    low = max(0, start - SENTENCE_REACH)
    begin = low
    for m in _SENTENCE_END.finditer(text, low, start):
        begin = m.end()
    stop = _SENTENCE_END.search(text, end, min(len(text), end + SENTENCE_REACH))
    return text[begin:stop.start() if stop else min(len(text), end + SENTENCE_REACH)]


def in_play(text: str, c: Candidate) -> bool:
    """Whether ``c`` is a bare half or quarter in a sentence about a game."""
    if not _is_bare_period(c):
        return False
    cues = _cues()
    return any(w in cues for w in _WORD.findall(_sentence(text, c.start, c.end).lower()))


def drop_game_periods(text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """``candidates`` without the halves and quarters of a game."""
    return [c for c in candidates if not in_play(text, c)]
