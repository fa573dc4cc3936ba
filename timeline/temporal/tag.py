"""Find candidate time expressions in a text: every rule's matches, overlaps resolved.

Each rule is a compiled regex (``timeline.temporal.rules``); a match becomes a
``Candidate`` holding its span, the rule and its typed meaning. Where candidates
overlap, a choice function keeps one; the default keeps the longest (then the rule
with the higher priority, then the earlier one), as spaCy's ``filter_spans`` does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Callable, Iterable, Sequence

from timeline.errors import ResourceError
from timeline.temporal.build import NotADate, build
from timeline.temporal.partial import Meaning
from timeline.temporal.rules import Rule, load_rules, load_words

#: Word lists whose words trigger a search, with ``trigger_words`` and digits.
TRIGGER_LISTS = ("month", "weekday", "weekday_plural", "unit", "period", "season", "part",
                 "set_adverb", "decade_word")
#: How many words before a trigger an expression may start ("at least several years").
WORDS_BEFORE = 4
#: The same for a number: "the late 1970s", "on the 17th".
WORDS_BEFORE_DIGIT = 2
_TOKEN = re.compile(r"(?:['’](?=[0-9]))?\w+")
_DIGIT_CLASS = ("[0-9]", "\\d")


@dataclass(frozen=True)
class Candidate:
    """A tagged span and what it means, not yet resolved against a date."""

    start: int
    end: int
    text: str
    rule: Rule
    meaning: Meaning | None
    groups: tuple[tuple[str, str], ...] = ()

    def group(self, name: str) -> str | None:
        """The text a named group captured, or None."""
        return dict(self.groups).get(name)


SpanFilter = Callable[[Sequence[Candidate]], list[Candidate]]


def longest_first(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Keep non-overlapping candidates, preferring longer spans, then rule priority."""
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.rule.priority, c.start))
    taken: list[Candidate] = []
    occupied: list[tuple[int, int]] = []
    for cand in ranked:
        if any(cand.start < end and start < cand.end for start, end in occupied):
            continue
        taken.append(cand)
        occupied.append((cand.start, cand.end))
    return sorted(taken, key=lambda c: c.start)


@dataclass(frozen=True)
class _Index:
    """Which rules to try around which trigger word (lower case) or number."""

    by_word: dict[str, tuple[Rule, ...]]
    by_digit: tuple[Rule, ...]


def _trigger_words() -> list[str]:
    words = load_words()
    found = set(words["trigger_words"])
    for name in TRIGGER_LISTS:
        for entry in words[name]:
            found.update(w for w in re.split(r"[\s'’.-]+", entry) if len(w) > 2)
    return sorted(found)


@cache
def _index(rules: tuple[Rule, ...]) -> _Index:
    """Map each trigger word to the rules whose pattern contains it; checked once."""
    vocabulary = _trigger_words()
    by_word: dict[str, list[Rule]] = {w: [] for w in vocabulary}
    by_digit: list[Rule] = []
    for rule in rules:
        source = rule.regex.pattern.lower()
        hits = [w for w in vocabulary if re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", source)]
        has_digit = any(d in source for d in _DIGIT_CLASS)
        if not hits and not has_digit:
            raise ResourceError(f"temporal_rules.yaml: rule {rule.id!r} contains no trigger word")
        for w in hits:
            by_word[w].append(rule)
        if has_digit:
            by_digit.append(rule)
    return _Index({w: tuple(r) for w, r in by_word.items() if r}, tuple(by_digit))


def _attempts(text: str, index: _Index) -> dict[int, list[tuple[Rule, ...]]]:
    """Start positions worth trying, each with the groups of rules triggered near it.

    One pass of a simple word regex; a word is looked up in a dict, so the cost does
    not grow with the size of the vocabulary.
    """
    starts: list[int] = []
    todo: dict[int, list[tuple[Rule, ...]]] = {}
    for token in _TOKEN.finditer(text):
        starts.append(token.start())
        word = token.group().lower()
        if word[0] in "'’" or word[0].isdigit():
            rules, back = index.by_digit, WORDS_BEFORE_DIGIT
        else:
            rules, back = index.by_word.get(word, ()), WORDS_BEFORE
        if not rules:
            continue
        for position in starts[-back - 1:]:
            groups = todo.setdefault(position, [])
            if rules not in groups:
                groups.append(rules)
    return todo


def _candidate(rule: Rule, m: re.Match[str], text: str) -> Candidate | None:
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    start, end = m.span("span") if "span" in groups else m.span()
    if start == end:
        return None
    try:
        meaning = None if rule.build == "skip" else build(rule, groups)
    except NotADate:
        return None
    return Candidate(start, end, text[start:end], rule, meaning, tuple(groups.items()))


def _scan(text: str, rules: tuple[Rule, ...]) -> list[Candidate]:
    """Every match of every rule, tried only at word starts near a trigger word."""
    found = []
    for position, groups in _attempts(text, _index(rules)).items():
        todo = groups[0] if len(groups) == 1 else {r for group in groups for r in group}
        for rule in todo:
            m = rule.regex.match(text, position)
            if m is not None:
                cand = _candidate(rule, m, text)
                if cand is not None:
                    found.append(cand)
    return found


def _matches(rule: Rule, text: str) -> Iterable[Candidate]:
    """Every match of one rule over the whole text (used to test a rule on its own)."""
    for m in rule.regex.finditer(text):
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        start, end = m.span("span") if "span" in groups else m.span()
        if start == end:
            continue
        try:
            meaning = None if rule.build == "skip" else build(rule, groups)
        except NotADate:
            continue
        yield Candidate(start, end, text[start:end], rule, meaning, tuple(groups.items()))


def tag(text: str, rules: Sequence[Rule] | None = None,
        spans_filter: SpanFilter = longest_first) -> list[Candidate]:
    """All time expressions the rules find in ``text``, in text order, without overlaps.

    Matches of ``skip`` rules (text that looks like a date but is not, such as "the
    Fifth Amendment") take part in the overlap choice and are then dropped.
    """
    chosen = spans_filter(_scan(text, tuple(rules or load_rules())))
    return [c for c in chosen if c.meaning is not None]
