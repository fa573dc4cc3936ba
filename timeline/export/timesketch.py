"""Timesketch CSV and JSON Lines: collaborative timeline analysis.

Timesketch's importer needs three fields in every row, and keeps any others as
attributes of the event:

* ``message``: what happened, here ``<event type>: <actors> - <sentence>``;
* ``datetime``: ISO 8601 with a time zone (``2023-01-17T00:00:00+00:00``), the start of
  the event's interval in UTC (dates in a timeline carry no zone: they are the days
  the article names);
* ``timestamp_desc``: what the time is, here ``Event time (<granularity>)``, so a
  month-precision event is not mistaken for midnight on the 1st;

plus ``timestamp`` (microseconds since 1970, as Timesketch writes it) and every column
of the timeline as an attribute. Events without a date have no place on a Timesketch
timeline and are left out. The CSV is spreadsheet-safe like our own CSV
(:mod:`timeline.export.csv`); reading either file back drops Timesketch's four fields
and gives the timeline's columns.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, TYPE_CHECKING

from timeline.errors import InputError
from timeline.export.cells import join_list
from timeline.export.csv import read_csv, write_csv
from timeline.export.jsonl import read_jsonl, write_jsonl

if TYPE_CHECKING:
    import pandas as pd

#: The fields Timesketch's importer requires, and the one it adds.
REQUIRED = ("message", "datetime", "timestamp_desc")
TIMESKETCH_FIELDS = (*REQUIRED, "timestamp")


def timesketch_frame(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` (dated events only) with Timesketch's fields in front."""
    import pandas as pd

    dated = df[df["start"].notna()]
    clash = [name for name in TIMESKETCH_FIELDS if name in dated.columns]
    if clash:
        raise ValueError(f"columns {clash} would be overwritten by Timesketch's fields")
    start = pd.to_datetime(dated["start"]).dt.tz_localize("UTC")
    # A story (``timeline export --stories``) has a headline where an event has a sentence.
    text = dated["sentence"] if "sentence" in dated.columns else dated["headline"]
    fields = pd.DataFrame({
        "message": [_message(*row) for row in zip(dated["event_type"], dated["actors"], text)],
        "datetime": start.map(lambda t: t.isoformat()).to_numpy(),
        "timestamp_desc": [f"Event time ({g})" for g in dated["granularity"].astype(str)],
        "timestamp": ((start - pd.Timestamp(0, tz="UTC")) // pd.Timedelta(microseconds=1))
        .to_numpy(),
    }, index=dated.index)
    return pd.concat([fields, dated], axis=1)


def _message(event_type: object, actors: object, sentence: object) -> str:
    names = join_list(actors)
    head = f"{event_type}: {names}" if names else str(event_type)
    return f"{head} - {sentence}" if sentence else head


def write_timesketch_csv(df: pd.DataFrame, stream: IO[str]) -> None:
    """Write ``df`` as a Timesketch CSV."""
    write_csv(timesketch_frame(df), stream)


def write_timesketch_jsonl(df: pd.DataFrame, stream: IO[str]) -> None:
    """Write ``df`` as Timesketch JSON Lines."""
    write_jsonl(timesketch_frame(df), stream)


def read_timesketch_csv(path: Path) -> pd.DataFrame:
    """The timeline columns of a Timesketch CSV, checking its required fields."""
    return _attributes(read_csv(path), path)


def read_timesketch_jsonl(path: Path) -> pd.DataFrame:
    """The timeline columns of Timesketch JSON Lines, checking its required fields."""
    return _attributes(read_jsonl(path), path)


def _attributes(df: pd.DataFrame, path: Path) -> pd.DataFrame:
    missing = [name for name in REQUIRED if name not in df.columns]
    if len(df.columns) and missing:
        raise InputError(str(path), f"not a Timesketch file: no {', '.join(missing)} column")
    return df.drop(columns=[name for name in TIMESKETCH_FIELDS if name in df.columns])
