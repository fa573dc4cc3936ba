"""A fixed-width table for reading in a terminal; long text is cut short."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from timeline.export.cells import join_list, list_columns

if TYPE_CHECKING:
    import pandas as pd

#: Widest a text cell gets in the table.
TABLE_MAX_COLWIDTH = 60


def write_table(df: pd.DataFrame, stream: IO[str]) -> None:
    """Write ``df`` as aligned columns, lists joined, missing values blank."""
    shown = df.copy()
    for name in list_columns(df):
        shown[name] = shown[name].map(join_list)
    text = shown.to_string(index=False, na_rep="", max_colwidth=TABLE_MAX_COLWIDTH)
    if shown.empty:
        text = "  ".join(str(name) for name in shown.columns) + "\n(no rows)"
    stream.write(text + "\n")
