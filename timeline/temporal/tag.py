"""Find candidate time expressions in a text: every rule's matches, overlaps resolved.

Each rule is a compiled regex (``timeline.temporal.rules``), tried only at the word
starts just before a trigger word it contains (``timeline.temporal.triggers``); a match
becomes a ``Candidate`` holding its span, the rule and its typed meaning. Where candidates
overlap, a choice function keeps one; the default keeps the longest (then the rule
with the higher priority, then the earlier one), as spaCy's ``filter_spans`` does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from timeline.temporal.build import NotADate, build
from timeline.temporal.game_periods import drop_game_periods
from timeline.temporal.national_days import own_independence_days
from timeline.temporal.partial import Meaning
from timeline.temporal.rules import Rule, load_rules
from timeline.temporal.triggers import attempts, trigger_index


@dataclass(frozen=True)
class Candidate:
    """A tagged span and what it means, not yet resolved against a date."""

    start: int
    end: int
    text: str
    rule: Rule
    meaning: Meaning | None
    groups: tuple[tuple[str, str], ...] = ()


SpanFilter = Callable[[Sequence[Candidate]], list[Candidate]]


def longest_first(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Keep non-overlapping candidates, preferring longer spans, then rule priority."""
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.rule.priority, c.start))
    if not ranked:
        return []
    # One byte per character marks what is taken, so the choice stays linear in the
    # number of candidates (hostile text can have hundreds of thousands).
    taken = bytearray(max(c.end for c in ranked))
    kept: list[Candidate] = []
    for cand in ranked:
        if taken.find(1, cand.start, cand.end) != -1:
            continue
        kept.append(cand)
        taken[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
    return sorted(kept, key=lambda c: c.start)


#: A blank line: no time expression runs across one (nor across blanked boilerplate).
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")


def _candidate(rule: Rule, m: re.Match[str], text: str) -> Candidate | None:
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    start, end = m.span("span") if "span" in groups else m.span()
    if start == end or _PARAGRAPH_BREAK.search(text, start, end):
        return None  # empty, or across a paragraph ("by October.\n\n2. What next?")
    try:
        meaning = None if rule.build == "skip" else build(rule, groups)
    except NotADate:
        return None
    return Candidate(start, end, text[start:end], rule, meaning, tuple(groups.items()))


def _scan(text: str, rules: tuple[Rule, ...]) -> list[Candidate]:
    """Every match of every rule, tried only at word starts near a trigger word."""
    index = trigger_index(rules)
    found = []
    for position, groups in attempts(text, index).items():
        for rule in index.rules_to_try(groups, text, position):
            m = rule.regex.match(text, position)
            if m is not None:
                cand = _candidate(rule, m, text)
                if cand is not None:
                    found.append(cand)
    return found


def tag(text: str, rules: Sequence[Rule] | None = None,
        spans_filter: SpanFilter = longest_first) -> list[Candidate]:
    """All time expressions the rules find in ``text``, in text order, without overlaps.

    Matches of ``skip`` rules (text that looks like a date but is not, such as "the
    Fifth Amendment") take part in the overlap choice and are then dropped, as are the
    halves and quarters of a game ("scored in the second half").
    """
    chosen = spans_filter(_scan(text, tuple(rules or load_rules())))
    kept = drop_game_periods(text, [c for c in chosen if c.meaning is not None])
    return own_independence_days(text, kept)
