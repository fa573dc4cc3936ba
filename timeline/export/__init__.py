"""Write timelines to files and read them back: one registry of formats.

:mod:`timeline.export.registry` holds the table of formats (CSV, JSON Lines, JSON,
Parquet, Excel, a terminal table, TimelineJS, Timesketch, ACLED, GeoJSON, GEXF,
GraphML, TimeML) and the functions that write and read through it; one
module per format holds its writer and reader; :mod:`timeline.export.cells` protects
spreadsheet cells; :mod:`timeline.export.dtypes` restores dtypes on reading.
"""

from __future__ import annotations

from timeline.export.cells import LIST_SEPARATOR, escape_cell, unescape_cell
from timeline.export.csv import csv_safe
from timeline.export.dtypes import restore_dtypes
from timeline.export.registry import (
    FORMATS,
    Format,
    format_for,
    read_timeline,
    to_bytes,
    to_csv,
    write_file,
    write_frame,
)

__all__ = [
    "FORMATS",
    "LIST_SEPARATOR",
    "Format",
    "csv_safe",
    "escape_cell",
    "format_for",
    "read_timeline",
    "restore_dtypes",
    "to_bytes",
    "to_csv",
    "unescape_cell",
    "write_file",
    "write_frame",
]
