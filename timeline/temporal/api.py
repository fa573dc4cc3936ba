"""``find_times``: the public entry point of the temporal engine."""

from __future__ import annotations

from typing import Any

import pandas as pd

from timeline.published import parse_published
from timeline.temporal.find import MODES, find_expressions
from timeline.temporal.frame import to_frame
from timeline.temporal.tag import tag
from timeline.text.boilerplate import split_trailing

def find_times(text: str, published: Any = None, *, mode: str = "news", events: Any = None) -> pd.DataFrame:
    """Find every time expression in ``text`` and resolve it onto the calendar.

    ``published`` (str, date, datetime or Timestamp) is the date relative expressions
    count from; when it is None the publication date is inferred from the text
    (``infer_reference_date``) and the ``anchor`` column says so. ``mode="narrative"``
    resolves dates without a year against the last date mentioned. ``events`` adds
    reference events for event-anchored expressions. Boilerplate (a trailing list of
    unrelated headlines; table rows, link lists, bylines and photo captions anywhere) is
    not tagged: its dates are not the article's.

    >>> find_times("They met on Tuesday.", "2023-01-19")[["text", "value"]].iloc[0].tolist()
    ['Tuesday', '2023-01-17']
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}: expected one of {', '.join(MODES)}")
    reference = parse_published(published)
    if not text.strip():
        return to_frame([])
    label = "published"
    # The body is a prefix of the text, so its offsets are the text's offsets.
    body, _trailing = split_trailing(text)
    candidates = tag(body)
    if reference is None:
        from timeline.temporal.reference import INFERRED_LABEL, infer_from_body, reference_day

        day = reference_day(infer_from_body(body, events=events, candidates=candidates))
        reference = None if day is None else pd.Timestamp(day)
        label = INFERRED_LABEL
    return to_frame(find_expressions(body, reference, mode=mode, events=events, anchor_label=label,
                                     candidates=candidates))
