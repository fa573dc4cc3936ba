"""Checks on a step counted from a date the text named before ("two years later").

News reports what has happened or is planned: "later" counted from a date that lands
after the report, in a clause not about the future, was counted from the wrong date;
a step that lands a year or more from the reference date is doubtful.
"""

from __future__ import annotations

from dataclasses import replace

from timeline.temporal.partial import Shift
from timeline.temporal.resolution import Anchor, Resolution, unresolved
from timeline.temporal.tense import clause_tense
from timeline.vocab import ABSOLUTE_ANCHOR

#: A chain step landing this many days or more from the reference date is doubtful.
FAR_CHAIN_DAYS = 365


def forward(meaning: object) -> bool:
    """True for a shift forward in time ("two years later", "a day after")."""
    if not isinstance(meaning, Shift):
        return False
    return meaning.amount > 0 if meaning.amount is not None else meaning.sign > 0


def after_report(text: str, start: int, end: int, meaning: object, res: Resolution,
                 anchor: Anchor | None, reference: Anchor | None) -> Resolution:
    """``res``, or no value when ``meaning`` (the expression at ``start:end``) steps
    forward from a date before the ``reference`` date to one after it, in a clause not
    about the future: "nearly a year after the invasion ... 'One year later, Kyiv
    stands'" is the year after the invasion, not a year after that. A step from a date
    ahead of the report ("The summit opens on March 10. Two days later, the leaders
    sign the accord") stays."""
    if reference is None or anchor is None or res.start is None or not forward(meaning) \
            or anchor.day > reference.day or res.start.date() <= reference.day:
        return res
    if clause_tense(text, start, end).tense == "future":
        return res  # "Two days later, the leaders will sign the accord."
    return unresolved("DATE", f"'{text[start:end]}' lands after the {reference.label} date "
                              f"{reference.day.isoformat()} in a clause not about the future: "
                              "counted from the wrong date")


def far_chain(res: Resolution, anchor: Anchor | None, reference: Anchor | None) -> Resolution:
    """A step counted from a previous expression that lands a year or more from the
    reference date loses half its confidence, and says why. An explicit date ("in
    1957") is no step: it keeps its confidence wherever the story is."""
    if (anchor is None or reference is None or anchor is reference or res.start is None
            or res.anchor == ABSOLUTE_ANCHOR or not anchor.label.startswith("previous expression")):
        return res
    # Counted to the nearer end of the period: "the entire year" 2005 told on
    # 2006-01-27 ends 26 days before it.
    end = res.end.date() if res.end is not None else res.start.date()
    days = max((res.start.date() - reference.day).days, (reference.day - end).days, 0)
    if days < FAR_CHAIN_DAYS:
        return res
    return replace(res, confidence=res.confidence * 0.5,
                   reason=f"{res.reason}; lands {days // 365} year(s) from the {reference.label}"
                          f" date {reference.day.isoformat()}: doubtful")
