"""Give a frame read back from a file the dtypes it was written with.

Event, actor and place frames get theirs from :mod:`timeline.schema`, stories (of
``timeline export --stories``) from :mod:`timeline.store.tables`, ``find_times``
frames from :mod:`timeline.temporal.frame` (categories included); columns no schema
describes are typed by looking at them (ISO dates, numbers, booleans).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from timeline import schema
from timeline.export.cells import is_list, is_missing, is_text, split_list

if TYPE_CHECKING:
    import pandas as pd

#: Column name -> dtype: a dtype name, or a dtype object (a CategoricalDtype with
#: fixed categories).
DtypeSpec = Mapping[str, Any]

# Whole-cell ISO 8601 dates, with optional time; used only for columns the schema
# does not know. One optional group per part keeps the pattern linear.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?")


def schema_for(columns: pd.Index) -> DtypeSpec:
    """The schema a frame's columns belong to, or ``{}`` for an unknown frame.

    Each kind of frame is told by a column only it has.
    """
    names = set(columns)
    if not names:
        return schema.EVENT_DTYPES
    if "story_id" in names and "event_id" not in names:
        from timeline.store.tables import STORY_DTYPES  # stories of an event store

        return STORY_DTYPES
    for key, spec in (
        ("event_id", schema.EVENT_DTYPES),
        ("actor", schema.ACTOR_DTYPES),
        ("place", schema.PLACE_DTYPES),
    ):
        if key in names:
            return spec
    if "start_char" in names:
        from timeline.temporal.frame import DTYPES  # imports pandas: only when read

        return DTYPES
    return {}


def restore_dtypes(df: pd.DataFrame, dtypes: DtypeSpec) -> pd.DataFrame:
    """Parse text cells by column kind, then cast to ``dtypes`` with ``schema.coerce``.

    Columns outside ``dtypes`` are typed by looking at them.
    """
    # An empty frame has no values to type: start from object columns, as a frame
    # built empty from a schema does, so categories come out alike.
    out = df.astype(object) if df.empty else df.copy()
    for name in out.columns:
        kind = str(dtypes[name]) if name in dtypes else _guess_dtype(out[name])
        if kind:
            out[name] = _parse_column(out[name], kind)
    _restore_parallel_lists(out)
    return schema.coerce(out, dict(dtypes)) if dtypes else out


def _restore_parallel_lists(df: pd.DataFrame) -> None:
    """Give ``actor_*`` list columns back their one empty item where ``actors`` has one.

    ``[""]`` and ``[]`` are both an empty CSV cell; the ``actor_*`` detail columns run
    parallel to ``actors``, whose length says which one was meant.
    """
    if "actors" not in df.columns:
        return
    lengths = df["actors"].map(lambda value: len(value) if is_list(value) else 0)
    for name in df.columns:
        if name.startswith("actor_") and df[name].dtype == object:
            df[name] = [
                [""] if is_list(cell) and not len(cell) and size == 1 else cell
                for cell, size in zip(df[name], lengths)
            ]


def _parse_column(column: pd.Series, dtype: str) -> pd.Series:
    """Turn a column of CSV strings (or JSON values) into values of ``dtype``.

    An empty string in a category, number or date column is a missing value (that is
    how CSV stores one); in a text column it stays ``""``.
    """
    import pandas as pd

    if dtype == "object":
        return column.map(split_list).astype("object")
    if not _holds_text(column) or dtype == "str":
        return column  # already typed (Parquet; numbers and booleans from JSON) or text
    blank = column.map(lambda value: is_missing(value) or value == "").astype(bool)
    if dtype == schema.DATETIME or dtype.startswith("datetime64"):
        return schema.parse_dates(column.where(~blank), strict=True).astype(dtype)
    if dtype == "bool":
        return column.map({"True": True, "False": False})
    if dtype in ("float64", "int64"):
        return pd.to_numeric(column.where(~blank))
    return column.where(~blank)


def _holds_text(column: pd.Series) -> bool:
    """True for a column of strings and missing values, as CSV and JSON give back."""
    import pandas as pd

    if isinstance(column.dtype, pd.CategoricalDtype) or not is_text(column):
        return False
    return all(isinstance(value, str) or is_missing(value) for value in column)


def _guess_dtype(column: pd.Series) -> str:
    """A dtype for a column no schema describes: ISO dates, numbers, booleans or none."""
    import pandas as pd

    if not _holds_text(column):
        return "object" if any(is_list(v) for v in column.head(50)) else ""
    values = [v for v in column if isinstance(v, str) and v != ""]
    if not values:
        return ""
    if all(_ISO_DATE.fullmatch(v) for v in values):
        return schema.DATETIME
    if all(v in ("True", "False") for v in values) and len(values) == len(column):
        return "bool"
    numbers = pd.to_numeric(pd.Series(values), errors="coerce")
    if numbers.isna().any():
        return ""
    whole = len(values) == len(column) and all(v.lstrip("-").isdigit() for v in values)
    return "int64" if whole else "float64"
