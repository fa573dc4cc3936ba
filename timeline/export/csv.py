"""CSV meant to be opened in a spreadsheet safely.

* RFC 4180 quoting (``csv.QUOTE_MINIMAL``), UTF-8 without a byte-order mark, and
  CRLF line endings as RFC 4180 specifies (every CSV reader accepts them; a newline
  *inside* a quoted cell is kept as it is).
* Text cells and header names a spreadsheet would run as formulas get a leading
  ``'`` (:func:`timeline.export.cells.escape_cell`), which reading strips again.
  Numeric, boolean and date columns are left alone: ``-3.5`` stays a number.
* List columns (``actors``, ``locations``...) are joined with ``"; "`` and split again
  on reading; an empty cell is an empty list. A list item that itself contains
  ``"; "`` cannot survive the round trip, nor can a list holding one empty string,
  except in the ``actor_*`` columns, which run parallel to ``actors``.
* Missing values are empty cells. On reading, an empty text cell becomes ``""`` and an
  empty category, number or date cell becomes missing (NaN/NaT).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import IO, TYPE_CHECKING

from timeline.errors import InputError
from timeline.export.cells import escape_cell, escape_value, is_text, join_list, list_columns
from timeline.export.cells import unescape_cell

if TYPE_CHECKING:
    import pandas as pd


def write_csv(df: pd.DataFrame, stream: IO[str]) -> None:
    """Write ``df`` to the text stream as spreadsheet-safe CSV."""
    csv_safe(df).to_csv(stream, index=False, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)


def read_csv(path: Path) -> pd.DataFrame:
    """Every cell as the text that was escaped, before dtypes are restored."""
    import pandas as pd

    try:
        df = pd.read_csv(
            path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8-sig"
        )
    except pd.errors.EmptyDataError as exc:
        raise InputError(str(path), "empty file") from exc
    df.columns = [unescape_cell(str(name)) for name in df.columns]
    for position in range(df.shape[1]):
        df.isetitem(position, df.iloc[:, position].map(unescape_cell))
    return df


def csv_safe(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` with lists joined and text cells protected against formulas."""
    out = df.copy()
    lists = set(list_columns(df))
    for position, name in enumerate(df.columns):
        column = out.iloc[:, position]
        if name in lists:
            out.isetitem(position, column.map(join_list).map(escape_cell))
        elif is_text(column):
            out.isetitem(position, column.astype("object").map(escape_value))
    out.columns = [escape_cell(name) if isinstance(name, str) else name for name in df.columns]
    return out
