"""Two narrow hints about a clause's tense that its cue words alone do not give.

A verb that moves or holds something to a later date ("was remanded in custody until
Thursday", "was delayed to Oct. 31") names a date ahead after its "until" or "to",
past auxiliary or not; a present "is" or "are" right before an expression ("Kickoff is
at 8 p.m. on Sunday", "Markets are closed Monday") tells what is ahead.
"""

from __future__ import annotations

import re
from functools import cache

from timeline.temporal.rules import load_words

#: How many words before the "until" or "to" the moving verb may be.
DEFERRAL_WORDS = 6
#: "until", "till" or "to" ending the text before an expression.
_DEFERRED_TO = re.compile(r"\b(?:until|till|to)\s+$", re.IGNORECASE)


def deferral_before(left: str, before: list[str]) -> str | None:
    """The verb of ``tense_deferral`` that the "until", "till" or "to" ending ``left``
    (whose lower-case words are ``before``) follows, or None."""
    return _deferral(before) if _DEFERRED_TO.search(left[-12:]) else None


@cache
def _deferral_phrases() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in load_words()["tense_deferral"])


def _deferral(before: list[str]) -> str | None:
    """The verb of ``tense_deferral`` among the ``DEFERRAL_WORDS`` words before the "until"
    or "to" that ends ``before``, or None; "had" keeps the clause in the past ("had been
    postponed until May 3" was told of a date gone by)."""
    if "had" in before:
        return None
    near = before[-DEFERRAL_WORDS - 1:-1]
    for i in range(len(near)):
        for phrase in _deferral_phrases():
            if tuple(near[i:i + len(phrase)]) == phrase:
                return " ".join(phrase)
    return None


#: How many words a present "is" or "are" may stand before the expression it governs.
NEAR_COPULA = 3
#: Words that may stand between such an "is" and its expression.
_COPULA_GAP = frozenset({"on", "at", "for", "until", "till", "by", "set", "due", "scheduled"})


def copula_near(before: list[str]) -> bool:
    """Whether "is" or "are" stands just before the expression with only a
    preposition or a participle between: "Kickoff is at 8 p.m. on Sunday", "Markets
    are closed Monday" tell what is ahead; "Police are investigating a shooting on
    Sunday" and "the square is quiet on Sunday" report."""
    near = before[-NEAR_COPULA:]
    for i in range(len(near) - 1, -1, -1):
        if near[i] in ("is", "are"):
            return all(w in _COPULA_GAP or (w.endswith("ed") and len(w) > 4) for w in near[i + 1:])
    return False
