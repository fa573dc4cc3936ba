"""Excel workbooks (``.xlsx``, through openpyxl): one sheet, one row per event.

Cells get the same care as our CSV (:mod:`timeline.export.csv`): lists are joined with
``"; "`` and text a spreadsheet would run as a formula gets a leading ``'``, which
reading strips again. Dates are Excel dates, numbers numbers. Characters XML 1.0 cannot
hold (control characters other than tab, newline and carriage return) are written as
U+FFFD: an ``.xlsx`` file cannot carry them.

The clock is never read into the file: the workbook's created and modified dates and
the zip entries' times are fixed (:data:`FIXED_TIME`), so the same frame always gives
the same bytes.
"""

from __future__ import annotations

import datetime
import re
import zipfile
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from timeline.errors import InputError
from timeline.export.cells import is_missing, unescape_cell
from timeline.export.csv import csv_safe

if TYPE_CHECKING:
    import pandas as pd

#: Name of the one sheet.
SHEET = "timeline"
#: The date written wherever a workbook would record the time it was made.
FIXED_TIME = datetime.datetime(1980, 1, 1)
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def write_xlsx(df: pd.DataFrame, stream: IO[bytes]) -> None:
    """Write ``df`` to the binary stream as a one-sheet workbook."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET)
    safe = csv_safe(df)
    sheet.append([_cell(name) for name in safe.columns])
    for row in safe.itertuples(index=False, name=None):
        sheet.append([_cell(value) for value in row])
    _save(workbook, stream)


def _save(workbook: Any, stream: IO[bytes]) -> None:
    """``workbook.save``, with the times it would take from the clock fixed."""
    from openpyxl.writer.excel import ExcelWriter

    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    with _FixedTimeZip(stream, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).save()


class _FixedTimeZip(zipfile.ZipFile):
    """A zip file whose entries all carry :data:`FIXED_TIME`, not the clock's time."""

    def writestr(self, zinfo_or_arcname: Any, data: Any, *args: Any, **kwargs: Any) -> None:
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, FIXED_TIME.timetuple()[:6])
            zinfo_or_arcname.compress_type = zipfile.ZIP_DEFLATED
        super().writestr(zinfo_or_arcname, data, *args, **kwargs)

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        self.writestr(str(arcname or filename), Path(filename).read_bytes())


def _cell(value: Any) -> Any:
    if is_missing(value):
        return None
    if isinstance(value, str):
        return _NOT_XML.sub("\ufffd", value)
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def read_xlsx(path: Path) -> pd.DataFrame:
    """The first sheet as text cells (dates in ISO 8601), before dtypes are restored."""
    import pandas as pd
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (OSError, KeyError, ValueError) as exc:
        raise InputError(str(path), f"not an Excel workbook: {exc}") from exc
    try:
        rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()
    if not rows:
        return pd.DataFrame()
    header = [unescape_cell(str(name)) for name in rows[0]]
    body = [[_text(value) for value in row] for row in rows[1:]]
    return pd.DataFrame(body, columns=header, dtype=object)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return unescape_cell(value)
    if isinstance(value, bool):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return repr(value) if isinstance(value, float) else str(value)
