"""Guess whether the clause around a time expression speaks of the past or the future.

The nearest tense cue before the expression, within its clause, decides; when there is
none, the nearest cue after it. Cues come from ``temporal_words.yaml``: future markers
("will", "is due to", "plans to", "next"), past forms ("met", "said", any "-ed" verb
not on the exception list) and present forms. A base verb after "will" is not a cue,
so "Milley will meet Zaluzhnyi on Tuesday" reads as future.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from timeline.temporal.rules import load_words

#: How far around an expression the clause is searched, in characters.
WINDOW = 160
_CLAUSE_END = re.compile(r"[.!?;:]\s|\n|[“”\"]")


@dataclass(frozen=True)
class Tense:
    """The tense found around an expression and the word that showed it."""

    tense: str | None
    cue: str = ""


def _phrase(words: list[str]) -> str:
    parts = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts)


@cache
def _cue_regex() -> re.Pattern[str]:
    words = load_words()
    not_past = "|".join(re.escape(w) for w in words["not_past_ed"])
    return re.compile(
        r"(?<![\w'’])(?:(?P<future>" + _phrase(words["tense_future"]) + r")"
        r"|(?P<past>" + _phrase(words["tense_past"]) + r"|(?!(?:" + not_past + r")\b)[a-z]{2,}ed)"
        r"|(?P<present>" + _phrase(words["tense_present"]) + r"))(?![\w'’])",
        re.IGNORECASE,
    )


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the clause before and after the span, cut at sentence punctuation."""
    left = text[max(0, start - WINDOW):start]
    cuts = list(_CLAUSE_END.finditer(left))
    if cuts:
        left = left[cuts[-1].end():]
    right = text[end:end + WINDOW]
    cut = _CLAUSE_END.search(right)
    if cut:
        right = right[:cut.start()]
    return left, right


_PASSIVE = re.compile(r"(?:\b(?:be|been|being|is|are|am|get|gets|getting)\s+)$", re.IGNORECASE)


_PAST_AUX = re.compile(r"\b(?:was|were|had)\s+(?:been\s+)?(?:\w+\s+)?$", re.IGNORECASE)


def _participle(m: re.Match[str], clause: str) -> bool:
    """True for an "-ed" form after "be" or "is": a passive participle, not a past verb."""
    word = m.group().lower()
    return word.endswith("ed") and bool(_PASSIVE.search(clause[: m.start()]))


def _kind(m: re.Match[str]) -> str:
    return next(name for name in ("future", "past", "present") if m.group(name))


def clause_tense(text: str, start: int, end: int) -> Tense:
    """The tense of the clause around ``text[start:end]``; ``Tense(None)`` if unknown.

    A present cue does not settle the question (a present clause can talk of either
    side), so a past or future cue further away still wins over it.
    """
    left, right = _clause(text, start, end)
    regex = _cue_regex()
    before = list(regex.finditer(left))
    after = list(regex.finditer(right))
    ordered = list(reversed(before)) + after
    for m in ordered:
        kind = _kind(m)
        clause = left if m in before else right
        if kind == "past" and _participle(m, clause):
            continue
        if kind == "future" and _PAST_AUX.search(clause[: m.start()]):
            return Tense("past", m.group())  # "had been due to expire", "was set to"
        if kind != "present":
            return Tense(kind, m.group())
    if ordered:
        return Tense("present", ordered[0].group())
    return Tense(None)
