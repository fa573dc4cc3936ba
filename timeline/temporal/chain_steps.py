"""Checks on a step counted from a date the text named before ("two years later").

News reports what has happened or is planned: "later" counted from a date that lands
after the report, in a clause not about the future, was counted from the wrong date.
"""

from __future__ import annotations

from timeline.temporal.partial import Shift
from timeline.temporal.resolution import Anchor, Resolution, unresolved
from timeline.temporal.tense import clause_tense


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
