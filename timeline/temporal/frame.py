"""Turn resolved time expressions into a pandas DataFrame with proper dtypes."""

from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd

from timeline.model import TimeExpression
from timeline.vocab import EXPRESSION_GRANULARITIES

#: Columns of the ``find_times`` frame, in order, with their dtypes.
COLUMNS: dict[str, str] = {
    "text": "str",
    "start_char": "int64",
    "end_char": "int64",
    "type": "category",
    "value": "str",
    "start": "datetime64[us]",
    "end": "datetime64[us]",
    "granularity": "category",
    "anchor": "str",
    "rule": "str",
    "confidence": "float64",
    "reason": "str",
}
TYPES = ("DATE", "TIME", "DURATION", "SET")


_TYPE_DTYPE = pd.CategoricalDtype(TYPES)
#: Ordered finest first, as ``timeline.vocab.Granularity``: ``df.granularity <= "day"`` works.
_GRANULARITY_DTYPE = pd.CategoricalDtype(EXPRESSION_GRANULARITIES, ordered=True)
_CODES = {"type": ({t: i for i, t in enumerate(TYPES)}, _TYPE_DTYPE),
          "granularity": ({g: i for i, g in enumerate(EXPRESSION_GRANULARITIES)}, _GRANULARITY_DTYPE)}
#: ``COLUMNS`` with the categories spelt out: what a frame read back from a file is cast to.
DTYPES: dict[str, object] = {**COLUMNS, "type": _TYPE_DTYPE, "granularity": _GRANULARITY_DTYPE}


def _datetimes(values: list[object]) -> np.ndarray:
    return np.array([np.datetime64("NaT") if v is None else np.datetime64(v, "us") for v in values],
                    dtype="datetime64[us]")


def _column(name: str, dtype: str, values: list[object]) -> object:
    if dtype == "category":
        codes, cat_dtype = _CODES[name]
        return pd.Categorical.from_codes([codes[v] for v in values], dtype=cat_dtype)
    if dtype.startswith("datetime"):
        return _datetimes(values)
    if dtype == "str":
        # Object arrays of str become pandas' str dtype on construction, the fast way;
        # an empty one would stay object, so it is typed explicitly.
        return np.array(values, dtype=object) if values else pd.Series([], dtype="str")
    return np.array(values, dtype=dtype)


def to_frame(expressions: Iterable[TimeExpression]) -> pd.DataFrame:
    """One row per expression; start/end are datetimes (NaT when not on the calendar)."""
    rows = list(expressions)
    data = {name: _column(name, dtype, [getattr(e, name) for e in rows]) for name, dtype in COLUMNS.items()}
    frame = pd.DataFrame(data, columns=list(COLUMNS))
    if not rows:
        frame = frame.astype({n: d for n, d in COLUMNS.items() if d == "str"})
    return frame
