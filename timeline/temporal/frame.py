"""Turn resolved time expressions into a pandas DataFrame with proper dtypes."""

from __future__ import annotations

from dataclasses import asdict
from typing import Iterable

import pandas as pd

from timeline.model import TimeExpression

#: Columns of the ``find_times`` frame, in order, with their dtypes.
COLUMNS: dict[str, str] = {
    "text": "object",
    "start_char": "int64",
    "end_char": "int64",
    "type": "category",
    "value": "object",
    "start": "datetime64[us]",
    "end": "datetime64[us]",
    "granularity": "category",
    "anchor": "object",
    "rule": "object",
    "confidence": "float64",
    "reason": "object",
}
TYPES = ("DATE", "TIME", "DURATION", "SET")
GRANULARITIES = ("hour", "day", "week", "month", "quarter", "season", "year", "decade", "none")


def to_frame(expressions: Iterable[TimeExpression]) -> pd.DataFrame:
    """One row per expression; start/end are datetimes (NaT when not on the calendar)."""
    rows = [asdict(e) for e in expressions]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    for name, dtype in COLUMNS.items():
        if dtype == "category":
            cats = TYPES if name == "type" else GRANULARITIES
            frame[name] = pd.Categorical(frame[name], categories=cats)
        elif dtype.startswith("datetime"):
            frame[name] = pd.to_datetime(frame[name]).astype(dtype)
        elif dtype == "object":
            frame[name] = frame[name].astype(object)
        else:
            frame[name] = frame[name].astype(dtype)
    return frame
