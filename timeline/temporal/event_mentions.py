"""Find the phrases of a text that name a reference event ("the invasion", "9/11").

Aliases come from the knowledge base (``timeline.temporal.knowledge``). A vague alias
("the war") counts only when the text holds one of the event's context words, and
when several events share it, the one with the most context words wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from timeline.temporal.knowledge import ReferenceEvent


@dataclass(frozen=True)
class EventMention:
    """A phrase in a text that names a reference event."""

    start: int
    end: int
    text: str
    event: ReferenceEvent
    generic: bool


def alias_pattern(aliases: Iterable[str]) -> str:
    """A regex alternation of ``aliases``, longest first, with flexible spaces/apostrophes."""
    parts = sorted(set(aliases), key=len, reverse=True)
    escaped = (re.sub(r"\\ |['’]", _flexible, re.escape(a)) for a in parts)
    return r"(?<![\w/])(?:" + "|".join(escaped) + r")(?![\w/])"


_AliasTable = dict[str, list[tuple[ReferenceEvent, bool]]]
_WORD = re.compile(r"\w+")
_NEXT_WORD = re.compile(r"\W{0,5}(\w+)")


@dataclass(frozen=True)
class _AliasIndex:
    """Aliases grouped by their first word (one-word aliases) or first two words.

    Scanning the words of a text and trying only the aliases that start with them is
    fast on long texts; one big alternation tried at every character is not.
    """

    single: dict[str, re.Pattern[str]]
    double: dict[tuple[str, str], re.Pattern[str]]
    table: _AliasTable
    first_words: tuple[str, ...]

    def match(self, text: str, start: int, head: str) -> re.Match[str] | None:
        """The longest alias starting with the word ``head`` at ``start``."""
        second = _NEXT_WORD.match(text, start + len(head))
        if second is not None:
            regex = self.double.get((head, second.group(1).lower()))
            found = regex.match(text, start) if regex is not None else None
            if found is not None:
                return found
        regex = self.single.get(head)
        return regex.match(text, start) if regex is not None else None


@lru_cache(maxsize=16)
def _alias_index(events: tuple[ReferenceEvent, ...]) -> _AliasIndex:
    table: _AliasTable = {}
    for event in events:
        for alias in event.aliases:
            table.setdefault(_key(alias), []).append((event, False))
        for alias in event.generic_aliases:
            table.setdefault(_key(alias), []).append((event, True))
    single: dict[str, list[str]] = {}
    double: dict[tuple[str, str], list[str]] = {}
    for key in table:
        words = _WORD.findall(key)
        if len(words) >= 2:
            double.setdefault((words[0], words[1]), []).append(key)
        elif words:
            single.setdefault(words[0], []).append(key)
    return _AliasIndex(
        {k: re.compile(alias_pattern(v), re.IGNORECASE) for k, v in single.items()},
        {k: re.compile(alias_pattern(v), re.IGNORECASE) for k, v in double.items()},
        table,
        tuple(sorted(set(single) | {pair[0] for pair in double})),
    )


def _flexible(match: re.Match[str]) -> str:
    return r"\s+" if match.group() == "\\ " else "['’]"


def _key(phrase: str) -> str:
    return " ".join(phrase.replace("’", "'").lower().split())


def context_score(event: ReferenceEvent, text: str) -> int:
    """How many of ``event``'s context words occur in ``text`` (whole words, case-sensitive)."""
    return ContextScores(text)(event)


def find_words(text: str, folded: str, word: str, first: bool = False) -> list[int]:
    """Start offsets of ``word`` as a whole word in ``text`` (only the first with
    ``first``).

    ``folded`` is ``text`` lower-cased (same length) for a case-insensitive search,
    or ``text`` itself. ``str.find`` runs in C: far faster than a regex alternation.
    """
    found, size, at, length = [], len(word), folded.find(word), len(text)
    while at != -1:
        end = at + size
        # A word character is alphanumeric or "_"; tested inline: this runs for every
        # occurrence of every word.
        if (at == 0 or not ((before := text[at - 1]).isalnum() or before == "_")) and (
            end == length or not ((after := text[end]).isalnum() or after == "_")
        ):
            found.append(at)
            if first:
                break
        at = folded.find(word, at + 1)
    return found


class ContextScores:
    """Context scores of events in one text, each computed once (the text may be long)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.scores: dict[str, int] = {}

    def __call__(self, event: ReferenceEvent) -> int:
        if event.id not in self.scores:
            # A dateline writes its place in capitals ("ANTAKYA, Feb 6 (Reuters) -").
            self.scores[event.id] = sum(
                1 for word in event.context if any(
                    find_words(self.text, self.text, form, first=True)
                    for form in dict.fromkeys((word, word.upper())))
            )
        return self.scores[event.id]


def resolve_alias(
    phrase: str, text: str, events: Sequence[ReferenceEvent]
) -> tuple[ReferenceEvent, bool] | None:
    """The event ``phrase`` names in ``text`` and whether it was a vague (generic) alias.

    A specific alias wins over vague ones; among vague ones, the event with the most
    context words in ``text`` wins, and none is chosen when no context word occurs.
    """
    candidates = _alias_index(tuple(events)).table.get(_key(phrase), [])
    return _choose(candidates, ContextScores(text))


def _choose(
    candidates: list[tuple[ReferenceEvent, bool]], scores: ContextScores
) -> tuple[ReferenceEvent, bool] | None:
    specific = [event for event, generic in candidates if not generic]
    if specific:
        return specific[0], False
    ranked = sorted(
        ((scores(event), i, event) for i, (event, _) in enumerate(candidates)),
        key=lambda item: (-item[0], item[1]),
    )
    if ranked and ranked[0][0] > 0:
        return ranked[0][2], True
    return None


def find_event_mentions(text: str, events: Sequence[ReferenceEvent]) -> list[EventMention]:
    """Every phrase in ``text`` that names one of ``events`` (leftmost-longest)."""
    if not events:
        return []
    index = _alias_index(tuple(events))
    folded = text.lower()
    if len(folded) != len(text):  # a few characters lower-case to two: keep offsets exact
        folded = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    starts = sorted((at, word) for word in index.first_words for at in find_words(text, folded, word))
    scores = ContextScores(text)
    mentions: list[EventMention] = []
    resume = 0
    for start, head in starts:
        match = index.match(text, start, head) if start >= resume else None
        if match is None:
            continue
        resume = match.end()
        resolved = _choose(index.table.get(_key(match.group()), []), scores)
        if resolved is not None:
            event, generic = resolved
            mentions.append(EventMention(match.start(), match.end(), match.group(), event, generic))
    return mentions
