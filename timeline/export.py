"""Write timelines to CSV, JSON, JSON Lines and Parquet, and read them back.

CSV is meant to be opened in a spreadsheet safely:

* RFC 4180 quoting (``csv.QUOTE_MINIMAL``), UTF-8 without a byte-order mark, and
  CRLF line endings as RFC 4180 specifies (every CSV reader accepts them; a newline
  *inside* a quoted cell is kept as it is).
* Text cells that start with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
  get a leading ``'``, so a spreadsheet shows them as text instead of running them as
  formulas (CSV injection). A text cell that already starts with ``'`` followed by
  one of those characters (or by another ``'``) gets one too, so that
  :func:`read_timeline` can strip exactly one and round trips stay exact. Numeric,
  boolean and date columns are left alone: ``-3.5`` stays a number.
* List columns (``actors``, ``locations``...) are joined with ``"; "`` and split again
  on reading; an empty cell is an empty list. A list item that itself contains
  ``"; "`` cannot survive the round trip, nor can a list holding one empty string,
  except in the ``actor_*`` columns, which run parallel to ``actors``.
* Missing values are empty cells. On reading, an empty text cell becomes ``""`` and an
  empty category, number or date cell becomes missing (NaN/NaT).

Every file is written atomically: to a temporary file in the same directory, then
renamed over the target with ``os.replace``. A failed write leaves neither a partial
output file nor the temporary file behind.

Reading restores dtypes from :mod:`timeline.schema` for event, actor and place
frames; other columns are typed by looking at them (ISO dates, numbers, booleans).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING

from timeline import schema
from timeline.atomic import atomic_path
from timeline.errors import InputError

if TYPE_CHECKING:  # pandas is imported lazily: ``import timeline`` must stay fast
    import pandas as pd

#: Output formats understood by :func:`write_frame`.
FORMATS: tuple[str, ...] = ("table", "csv", "json", "jsonl", "parquet")
#: File suffixes and the format they imply.
SUFFIX_FORMATS: dict[str, str] = {
    ".csv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".txt": "table",
}
LIST_SEPARATOR = "; "
FORMULA_PREFIX = "'"
#: First characters that make a spreadsheet treat a cell as a formula.
FORMULA_STARTS = frozenset("=+-@\t\r")
#: Widest a text cell gets in the human-readable ``table`` format.
TABLE_MAX_COLWIDTH = 60

# Whole-cell ISO 8601 dates, with optional time; used only for columns the schema
# does not know. One optional group per part keeps the pattern linear.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?")


def format_for(path: str | os.PathLike[str], default: str | None = None) -> str:
    """The format implied by the suffix of ``path``, else ``default``.

    Raises :class:`InputError` when the suffix is unknown and there is no default.
    """
    fmt = SUFFIX_FORMATS.get(Path(path).suffix.lower(), default)
    if fmt is None:
        known = ", ".join(sorted(SUFFIX_FORMATS))
        raise InputError(str(path), f"cannot tell the format from the suffix (known: {known})")
    return fmt


# -- writing ---------------------------------------------------------------------------


def to_csv(df: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write ``df`` to ``path`` as spreadsheet-safe CSV, atomically."""
    write_file(df, path, "csv")


def write_file(df: pd.DataFrame, path: str | os.PathLike[str], fmt: str | None = None) -> None:
    """Write ``df`` to ``path`` atomically, in ``fmt`` or the format its suffix implies."""
    fmt = fmt or format_for(path)
    _check_format(fmt)
    with atomic_path(path) as temp:
        if fmt == "parquet":
            df.to_parquet(temp, index=False)
        else:
            with open(temp, "w", encoding="utf-8", newline="") as stream:
                _TEXT_WRITERS[fmt](df, stream)


def write_frame(df: pd.DataFrame, output: str | None, fmt: str) -> None:
    """Write ``df`` to the file ``output`` (atomically) or, when it is None, to stdout.

    ``fmt`` is one of :data:`FORMATS`. Parquet is binary and is never written to
    standard output: that raises :class:`InputError`.
    """
    _check_format(fmt)
    if output is not None and output != "-":
        write_file(df, output, fmt)
        return
    if fmt == "parquet":
        raise InputError(
            "--format parquet", "cannot be written to standard output; give -o/--output PATH"
        )
    _TEXT_WRITERS[fmt](df, sys.stdout)
    sys.stdout.flush()


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise InputError(f"format {fmt!r}", f"unknown format; choose one of {', '.join(FORMATS)}")


def _write_csv(df: pd.DataFrame, stream: IO[str]) -> None:
    import csv

    csv_safe(df).to_csv(stream, index=False, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)


def _write_jsonl(df: pd.DataFrame, stream: IO[str]) -> None:
    if len(df):
        stream.write(_to_json(df, lines=True).rstrip("\n") + "\n")


def _write_json(df: pd.DataFrame, stream: IO[str]) -> None:
    stream.write(_to_json(df, lines=False) + "\n")


def _to_json(df: pd.DataFrame, *, lines: bool) -> str:
    return df.to_json(
        orient="records", lines=lines, date_format="iso", date_unit="us", force_ascii=False
    )


def _write_table(df: pd.DataFrame, stream: IO[str]) -> None:
    """A fixed-width table for reading in a terminal; long text is cut short."""
    shown = df.copy()
    for name in _list_columns(df):
        shown[name] = shown[name].map(_join_list)
    text = shown.to_string(index=False, na_rep="", max_colwidth=TABLE_MAX_COLWIDTH)
    if shown.empty:
        text = "  ".join(str(name) for name in shown.columns) + "\n(no rows)"
    stream.write(text + "\n")


_TEXT_WRITERS: dict[str, Callable[[pd.DataFrame, IO[str]], None]] = {
    "csv": _write_csv,
    "json": _write_json,
    "jsonl": _write_jsonl,
    "table": _write_table,
}


def csv_safe(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` with lists joined and text cells protected against formulas."""
    out = df.copy()
    for name in out.columns:
        column = out[name]
        if name in _list_columns(df):
            out[name] = column.map(_join_list).map(escape_cell)
        elif _is_text(column):
            out[name] = column.astype("object").map(_escape_value)
    return out


def escape_cell(text: str) -> str:
    """Prefix ``'`` to text a spreadsheet would run as a formula (see module docs)."""
    if not text:
        return text
    if text[0] in FORMULA_STARTS or (
        text[0] == FORMULA_PREFIX and len(text) > 1 and text[1] in FORMULA_STARTS | {"'"}
    ):
        return FORMULA_PREFIX + text
    return text


def unescape_cell(text: str) -> str:
    """Undo :func:`escape_cell`: strip the ``'`` it added, and only that."""
    if len(text) > 1 and text[0] == FORMULA_PREFIX and text[1] in FORMULA_STARTS | {"'"}:
        return text[1:]
    return text


def _escape_value(value: object) -> object:
    return escape_cell(value) if isinstance(value, str) else value


def _join_list(value: object) -> str:
    if _is_list(value):
        return LIST_SEPARATOR.join(str(item) for item in value)  # type: ignore[union-attr]
    return "" if _is_missing(value) else str(value)


def _is_list(value: object) -> bool:
    # Parquet hands list cells back as numpy arrays.
    return isinstance(value, (list, tuple)) or type(value).__name__ == "ndarray"


def _is_missing(value: object) -> bool:
    import pandas as pd

    return value is None or (not _is_list(value) and bool(pd.isna(value)))


def _list_columns(df: pd.DataFrame) -> list[str]:
    """Object columns whose cells are lists (by schema or by looking at them)."""
    known = set(schema.LIST_COLUMNS) | _object_columns(schema.ACTOR_DTYPES, schema.PLACE_DTYPES)
    found = []
    for name in df.columns:
        column = df[name]
        if column.dtype != object:
            continue
        if name in known or any(_is_list(v) for v in column.head(50)):
            found.append(name)
    return found


def _object_columns(*specs: dict[str, str]) -> set[str]:
    return {name for spec in specs for name, dtype in spec.items() if dtype == "object"}


def _is_text(column: pd.Series) -> bool:
    import pandas as pd

    dtype = column.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return True
    return pd.api.types.is_string_dtype(dtype) or dtype == object


# -- reading ---------------------------------------------------------------------------


def read_timeline(
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    dtypes: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Read a frame written by this module, with its dtypes restored.

    ``fmt`` defaults to the format implied by the suffix. ``dtypes`` defaults to the
    event, actor or place schema the columns match (see :mod:`timeline.schema`).
    Raises :class:`InputError` naming the file when it cannot be read.
    """
    fmt = fmt or format_for(path)
    readers = {"csv": _read_csv, "json": _read_json, "jsonl": _read_json, "parquet": _read_parquet}
    if fmt not in readers:
        raise InputError(str(path), f"cannot read {fmt!r}; readable: {', '.join(readers)}")
    try:
        df = readers[fmt](Path(path), fmt)
    except (OSError, ValueError) as exc:
        if isinstance(exc, InputError):
            raise
        raise InputError(str(path), f"cannot read as {fmt}: {exc}") from exc
    spec = dtypes if dtypes is not None else _schema_for(df.columns)
    try:
        return restore_dtypes(df, spec)
    except ValueError as exc:  # a cell that is not of its column's type
        raise InputError(str(path), f"cannot read as {fmt}: {exc}") from exc


def _read_csv(path: Path, fmt: str) -> pd.DataFrame:
    import pandas as pd

    try:
        df = pd.read_csv(
            path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8-sig"
        )
    except pd.errors.EmptyDataError as exc:
        raise InputError(str(path), "empty file") from exc
    for name in df.columns:
        df[name] = df[name].map(unescape_cell)
    return df


def _read_json(path: Path, fmt: str) -> pd.DataFrame:
    import pandas as pd

    text = path.read_text(encoding="utf-8-sig")
    if fmt == "json":
        records = json.loads(text) if text.strip() else []
        if not isinstance(records, list):
            raise InputError(str(path), "expected a JSON array of records")
    else:
        records = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(str(path), f"malformed JSON: {exc.msg}", number) from exc
    return pd.DataFrame.from_records(records) if records else pd.DataFrame()


def _read_parquet(path: Path, fmt: str) -> pd.DataFrame:
    import pandas as pd

    return pd.read_parquet(path)


def _schema_for(columns: pd.Index) -> dict[str, str]:
    """The schema a frame's columns belong to, or ``{}`` for an unknown frame."""
    names = set(columns)
    for spec, key in (
        (schema.EVENT_DTYPES, "event_id"),
        (schema.ACTOR_DTYPES, "actor"),
        (schema.PLACE_DTYPES, "place"),
    ):
        if key in names or not names:
            return spec
    return {}


def restore_dtypes(df: pd.DataFrame, dtypes: dict[str, str]) -> pd.DataFrame:
    """Parse text cells by column kind, then cast to ``dtypes`` with ``schema.coerce``.

    Columns outside ``dtypes`` are typed by looking at them.
    """
    # An empty frame has no values to type: start from object columns, as a frame
    # built empty from a schema does, so categories come out alike.
    out = df.astype(object) if df.empty else df.copy()
    for name in out.columns:
        kind = dtypes.get(name) or _guess_dtype(out[name])
        if kind:
            out[name] = _parse_column(out[name], kind)
    _restore_parallel_lists(out)
    return schema.coerce(out, dtypes) if dtypes else out


def _restore_parallel_lists(df: pd.DataFrame) -> None:
    """Give ``actor_*`` list columns back their one empty item where ``actors`` has one.

    ``[""]`` and ``[]`` are both an empty CSV cell; the ``actor_*`` detail columns run
    parallel to ``actors``, whose length says which one was meant.
    """
    if "actors" not in df.columns:
        return
    lengths = df["actors"].map(lambda value: len(value) if _is_list(value) else 0)
    for name in df.columns:
        if name.startswith("actor_") and df[name].dtype == object:
            df[name] = [
                [""] if _is_list(cell) and not len(cell) and size == 1 else cell
                for cell, size in zip(df[name], lengths)
            ]


def _parse_column(column: pd.Series, dtype: str) -> pd.Series:
    """Turn a column of CSV strings (or JSON values) into values of ``dtype``.

    An empty string in a category, number or date column is a missing value (that is
    how CSV stores one); in a text column it stays ``""``.
    """
    import pandas as pd

    if dtype == "object":
        return column.map(_split_list).astype("object")
    if not _holds_text(column) or dtype == "str":
        return column  # already typed (Parquet; numbers and booleans from JSON) or text
    blank = column.map(lambda value: _is_missing(value) or value == "").astype(bool)
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

    if isinstance(column.dtype, pd.CategoricalDtype) or not _is_text(column):
        return False
    return all(isinstance(value, str) or _is_missing(value) for value in column)


def _split_list(value: object) -> list[str]:
    if _is_list(value):
        return [str(item) for item in value]  # type: ignore[union-attr]
    if _is_missing(value) or value == "":
        return []
    return str(value).split(LIST_SEPARATOR)


def _guess_dtype(column: pd.Series) -> str:
    """A dtype for a column no schema describes: ISO dates, numbers, booleans or none."""
    import pandas as pd

    if not _holds_text(column):
        return "object" if any(_is_list(v) for v in column.head(50)) else ""
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
