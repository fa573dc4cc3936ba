"""``find_times``: the public entry point of the temporal engine."""

from __future__ import annotations

from typing import Any

import pandas as pd

from timeline.export.timeml import timeml_attrs
from timeline.model import Reference
from timeline.published import parse_published
from timeline.temporal.find import check_mode, find_expressions
from timeline.temporal.frame import to_frame
from timeline.temporal.reference_choice import choose_reference
from timeline.temporal.tag import tag
from timeline.text.boilerplate import split_trailing
from timeline.vocab import Mode


def find_times(text: str, published: Any = None, *, mode: str = Mode.NEWS,
               events: Any = None) -> pd.DataFrame:
    """Find every time expression in ``text`` and resolve it onto the calendar.

    ``published`` (str, date, datetime or Timestamp) is the date relative expressions
    count from; when it is None the publication date is inferred from the text
    (``infer_reference_date``) and the ``anchor`` column says so. A ``Reference``
    already chosen (``choose_reference``) is used as it is. ``mode="narrative"``
    resolves dates without a year against the last date mentioned. ``events`` adds
    reference events for event-anchored expressions. Boilerplate (a trailing list of
    unrelated headlines; table rows, link lists, bylines and photo captions anywhere) is
    not tagged: its dates are not the article's. ``attrs`` holds the text and the
    reference day, for the TimeML writer.

    >>> find_times("They met on Tuesday.", "2023-01-19")[["text", "value"]].iloc[0].tolist()
    ['Tuesday', '2023-01-17']
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    check_mode(mode)
    given = published if isinstance(published, Reference) else parse_published(published)
    if not text.strip():
        return timeml_attrs(to_frame([]), text, given)
    # The body is a prefix of the text, so its offsets are the text's offsets.
    body, trailing = split_trailing(text)
    candidates = tag(body)  # tagged once, for the inference and for the expressions
    reference = given if isinstance(given, Reference) else choose_reference(
        text, given=given, events=events, candidates=candidates, split=(body, trailing))
    frame = to_frame(find_expressions(body, reference, mode=mode, events=events,
                                      candidates=candidates))
    # The text and reference day travel with the frame, for the TimeML writer.
    return timeml_attrs(frame, text, reference)
