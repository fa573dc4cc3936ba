"""Find candidate time expressions in a text: every rule's matches, overlaps resolved.

Each rule is a compiled regex (``timeline.temporal.rules``); a match becomes a
``Candidate`` holding its span, the rule and its typed meaning. Where candidates
overlap, a choice function keeps one; the default keeps the longest (then the rule
with the higher priority, then the earlier one), as spaCy's ``filter_spans`` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from timeline.temporal.build import NotADate, build
from timeline.temporal.partial import Meaning
from timeline.temporal.rules import Rule, load_rules


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


def _matches(rule: Rule, text: str) -> Iterable[Candidate]:
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
    chosen = spans_filter([c for rule in (rules or load_rules()) for c in _matches(rule, text)])
    return [c for c in chosen if c.meaning is not None]
