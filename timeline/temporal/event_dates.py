"""A month and day with no year inside the name of a known one-off event.

"the Sept. 11 attacks", "the Jan. 6 riot", "since the Oct. 7 attack": the date names the
event, so it is the event's date (2001-09-11), not the nearest Sept. 11 to the
publication date. The names are the aliases of the reference events
(``reference_events.yaml`` or the caller's own); a bare date ("on Sept. 11") stays as
it was, since only an alias that goes beyond the date's own words counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from timeline.model import TimeExpression
from timeline.temporal.knowledge import ReferenceEvent, resolve_events
from timeline.vocab import ABSOLUTE_ANCHOR

#: The reason a month and day without a year was given its year from the context.
_NO_YEAR = "no year given"


def _names(text: str, expression: TimeExpression, event: ReferenceEvent) -> str | None:
    """The alias of ``event`` that the expression and the words around it spell, when
    it reaches beyond the expression's own words; else None."""
    inner = expression.text.lower()
    for alias in event.aliases:
        lowered = alias.lower()
        at = lowered.find(inner)
        if at < 0 or len(lowered) == len(inner):
            continue
        before, after = lowered[:at], lowered[at + len(inner):]
        start, end = expression.start_char - len(before), expression.end_char + len(after)
        if start < 0 or text[start:expression.start_char].lower() != before:
            continue
        if text[expression.end_char:end].lower() != after:
            continue
        if end < len(text) and after and (text[end].isalnum()):
            continue  # "the Sept. 11 attackers" is no alias "the Sept. 11 attack"
        return alias
    return None


def _dated(expression: TimeExpression, event: ReferenceEvent, alias: str) -> TimeExpression:
    day: date = event.date  # type: ignore[assignment]
    start = datetime(day.year, day.month, day.day)
    return replace(expression, value=day.isoformat(), start=start, end=start + timedelta(days=1),
                   anchor=ABSOLUTE_ANCHOR, confidence=max(expression.confidence, 0.9),
                   reason=f"names the event '{alias}' ({event.name}, {day.isoformat()})")


def event_named_dates(text: str, found: Sequence[TimeExpression], events: Any = None) -> list[TimeExpression]:
    """``found`` with each month and day that a known event's name holds dated as that event."""
    candidates = {i for i, e in enumerate(found)
                  if e.type == "DATE" and e.reason.startswith(_NO_YEAR) and len(e.value) == 10}
    if not candidates:
        return list(found)
    dated = [ev for ev in resolve_events(events) if ev.date is not None]
    out = []
    for i, expression in enumerate(found):
        if i in candidates:
            month, day = int(expression.value[5:7]), int(expression.value[8:10])
            for event in dated:
                if (event.date.month, event.date.day) != (month, day):  # type: ignore[union-attr]
                    continue
                if expression.start is None or event.date > expression.start.date():  # type: ignore[operator]
                    continue  # an event still to come when the text was written is another
                alias = _names(text, expression, event)
                if alias is not None:
                    expression = _dated(expression, event, alias)
                    break
        out.append(expression)
    return out
