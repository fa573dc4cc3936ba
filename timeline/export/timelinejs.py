"""TimelineJS JSON: the narrative timelines newsrooms publish (Knight Lab's TimelineJS 3).

The file is TimelineJS's documented JSON object: ``{"title", "events", "eras",
"scale"}``. Each event is a slide:

* ``start_date`` holds the parts the event's date is known to (year; month; day;
  hour and minute), never finer than its ``granularity``; an interval wider than
  those parts (a week, a quarter, a season, a decade) gets an ``end_date`` at the
  same precision, and a ``display_date`` saying what is known ("week of 2023-01-16");
* ``text.headline`` is the event type and its actors, ``text.text`` the sentence,
  then a link to the article (``http``/``https`` URLs only);
* ``group`` is the event type; ``unique_id`` the event id.

TimelineJS shows ``headline`` and ``text`` as HTML, so every string from an article is
HTML-escaped here, and ``autolink`` is off. Events without a date cannot be placed on
a TimelineJS timeline: they are left out, and the title slide says how many.
Reference events given in ``df.attrs["reference_events"]`` (reference events or
mappings, as ``find_times(events=...)`` takes) become ``eras``.
"""

from __future__ import annotations

import html
import json
from typing import IO, TYPE_CHECKING, Any

from timeline.export.cells import is_missing, join_list
from timeline.export.dates import date_at_precision, date_parts, spans_several_units

if TYPE_CHECKING:
    import pandas as pd

#: The ``df.attrs`` key holding reference events to show as eras.
ERAS_ATTR = "reference_events"
#: Title of the timeline when ``df.attrs`` gives none.
DEFAULT_TITLE = "Event timeline"


def write_timelinejs(df: pd.DataFrame, stream: IO[str]) -> None:
    """Write ``df`` as one TimelineJS JSON object."""
    json.dump(to_timelinejs(df), stream, ensure_ascii=False, indent=1)
    stream.write("\n")


def to_timelinejs(df: pd.DataFrame, reference_events: Any = None) -> dict[str, Any]:
    """The TimelineJS object for ``df`` (events in date order, eras from reference events)."""
    dated = df[df["start"].notna()].sort_values("start", kind="stable")
    left_out = len(df) - len(dated)
    note = f"{len(dated)} events" + (f"; {left_out} without a date left out" if left_out else "")
    title = str(df.attrs.get("title", DEFAULT_TITLE))
    document: dict[str, Any] = {
        "title": {"text": {"headline": html.escape(title), "text": html.escape(note)}},
        "events": [_slide(row) for row in dated.to_dict("records")],
        "scale": "human",
    }
    eras = _eras(reference_events if reference_events is not None else df.attrs.get(ERAS_ATTR))
    if eras:
        document["eras"] = eras
    return document


def _slide(row: dict[str, Any]) -> dict[str, Any]:
    granularity = row.get("granularity")
    slide: dict[str, Any] = {
        "start_date": date_parts(row["start"], granularity),
        "text": {"headline": html.escape(_headline(row)), "text": _text(row)},
        "group": str(row.get("event_type") or "other"),
        "unique_id": str(row.get("event_id") or row.get("story_id") or ""),
        "autolink": False,
    }
    if spans_several_units(granularity) and not is_missing(row.get("end")):
        import pandas as pd

        last = row["end"] - pd.Timedelta(microseconds=1)  # ``end`` is exclusive
        slide["end_date"] = date_parts(last, granularity)
        slide["display_date"] = date_at_precision(row["start"], row["end"], granularity)
    return slide


def _headline(row: dict[str, Any]) -> str:
    actors = join_list(row.get("actors"))
    kind = str(row.get("event_type") or "other")
    return f"{kind}: {actors}" if actors else kind


def _text(row: dict[str, Any]) -> str:
    # A story (``timeline export --stories``) has a headline where an event has a sentence.
    sentence = html.escape(str(row.get("sentence") or row.get("headline") or ""))
    url = str(row.get("url") or "")
    if not url.lower().startswith(("http://", "https://")):
        return sentence
    label = html.escape(str(row.get("title") or "") or url)
    return f'{sentence}<br><a href="{html.escape(url, quote=True)}">{label}</a>'


def _eras(events: Any) -> list[dict[str, Any]]:
    """One era per dated reference event given (per occurrence of a recurring one)."""
    eras = []
    for event in _given(events):
        spans = event.occurrences or (((event.date, event.date),) if event.date else ())
        for first, last in spans:
            eras.append({
                "start_date": {"year": first.year, "month": first.month, "day": first.day},
                "end_date": {"year": last.year, "month": last.month, "day": last.day},
                "text": {"headline": html.escape(event.name),
                         "text": html.escape(event.description)},
            })
    return eras


def _given(events: Any) -> tuple[Any, ...]:
    """The reference events given (a file, mappings or ``ReferenceEvent``), and no others."""
    from pathlib import Path

    from timeline.temporal.knowledge import ReferenceEvent, event_from_mapping, load_event_file

    if not events:
        return ()
    if isinstance(events, (str, Path)):
        return load_event_file(events)
    return tuple(item if isinstance(item, ReferenceEvent)
                 else event_from_mapping(item, ERAS_ATTR, index)
                 for index, item in enumerate(events))
