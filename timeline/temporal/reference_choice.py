"""Choose the one day a text's relative expressions count from.

A publication date in the article's own metadata wins over one given by the caller
(``published=``, ``--published``), which wins over one inferred from the text. This is
the only place that order is written; ``find_times``, ``extract`` and ``timeline
times`` all call ``choose_reference``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from timeline.dating import inferred_note, readable_value
from timeline.model import Reference, ReferenceDate
from timeline.temporal.reference import infer_reference_date, reference_day
from timeline.vocab import INFERRED_ANCHOR, PUBLISHED_ANCHOR, ReferenceSource


def as_day(value: date | None) -> date | None:
    """The calendar day of a date, datetime or Timestamp (its own, local day).

    None for None and for missing values (``NaT``, ``NaN``), which are not equal to
    themselves.
    """
    if value is None or value != value:  # noqa: PLR0124 - NaT and NaN
        return None
    return date(value.year, value.month, value.day)


def choose_reference(text: str, article_published: date | None = None,
                     given: date | None = None, events: Any = None, *,
                     candidates: Sequence[Any] | None = None, trailing: str = "",
                     split: tuple[str, str] | None = None) -> Reference:
    """The reference for ``text``: the article's date, else ``given``, else inferred.

    ``events`` are extra reference events for the inference
    (``timeline.temporal.knowledge.resolve_events``); ``candidates`` is ``tag()`` of
    the text's body when the caller has it, so the text is tagged once; ``trailing`` is
    the boilerplate cut from it (``Article.trailing``: its copyright notices are
    evidence); ``split`` is ``split_trailing(text)`` when the caller has it. Inference runs
    only when neither date is known, and at most once. An inferred reference that is
    missing or vague carries a ``note`` saying so.
    """
    day = as_day(article_published)
    if day is not None:
        return Reference(day, ReferenceSource.ARTICLE, PUBLISHED_ANCHOR,
                         (f"the article's own publication date, {day}",))
    day = as_day(given)
    if day is not None:
        return Reference(day, ReferenceSource.GIVEN, PUBLISHED_ANCHOR,
                         (f"the publication date given, {day}",))
    return inferred_reference(infer_reference_date(text, events=events, candidates=candidates,
                                                   trailing=trailing, split=split))


def inferred_reference(inferred: ReferenceDate) -> Reference:
    """The reference for an inferred date: its most likely day, or none."""
    day = as_day(reference_day(inferred))
    note = inferred_note(inferred)
    if day is None:
        return Reference(None, ReferenceSource.NONE, PUBLISHED_ANCHOR,
                         ("no publication date given or found in the text", *inferred.evidence),
                         note)
    span = f"{inferred.start:%Y-%m-%d}..{inferred.end:%Y-%m-%d} (end exclusive)"
    summary = (f"{INFERRED_ANCHOR} {readable_value(inferred)}, {span}" if inferred.value
               else f"{INFERRED_ANCHOR} within {span}") + f"; relative dates count from {day}"
    return Reference(day, ReferenceSource.INFERRED, INFERRED_ANCHOR,
                     (summary, *inferred.evidence), note)

