"""A fixed-width table for reading in a terminal; long text is cut short.

An event timeline is shown as its key columns (date at its precision, type, actors,
place, confidence and the sentence shortened); any other frame (``find_times``) as
it is.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from timeline.export.cells import join_list, list_columns
from timeline.export.dates import date_at_precision

if TYPE_CHECKING:
    import pandas as pd

#: Widest a text cell gets in the table.
TABLE_MAX_COLWIDTH = 60
#: The sentence is cut to this many characters (with "…") in the event table.
SENTENCE_WIDTH = TABLE_MAX_COLWIDTH
#: Event columns the event table is made from; a frame without them is shown as it is.
EVENT_TABLE_SOURCES = ("start", "end", "granularity", "event_type", "actors", "place",
                       "confidence", "sentence")
#: Column headings of the event table, in order.
EVENT_TABLE_COLUMNS = ("date", "type", "actors", "place", "confidence", "sentence")


def write_table(df: pd.DataFrame, stream: IO[str]) -> None:
    """Write ``df`` as aligned columns, lists joined, missing values blank."""
    shown = event_table(df) if set(EVENT_TABLE_SOURCES) <= set(df.columns) else df.copy()
    for name in list_columns(shown):
        shown[name] = shown[name].map(join_list)
    text = shown.to_string(index=False, na_rep="", max_colwidth=TABLE_MAX_COLWIDTH)
    if shown.empty:
        text = "  ".join(str(name) for name in shown.columns) + "\n(no rows)"
    stream.write(text + "\n")


def event_table(df: pd.DataFrame) -> pd.DataFrame:
    """The key columns of an event frame, as text, in date order."""
    import pandas as pd

    ordered = df.sort_values("date", kind="stable", na_position="last") if len(df) else df
    return pd.DataFrame(
        {
            "date": [date_at_precision(s, e, g) for s, e, g in
                     zip(ordered["start"], ordered["end"], ordered["granularity"])],
            "type": ordered["event_type"].astype("object").fillna("").to_numpy(),
            "actors": ordered["actors"].map(join_list).to_numpy(),
            "place": ordered["place"].fillna("").to_numpy(),
            "confidence": ordered["confidence"].map(_confidence).to_numpy(),
            "sentence": ordered["sentence"].fillna("").map(shorten).to_numpy(),
        },
        columns=list(EVENT_TABLE_COLUMNS),
    )


def shorten(text: str, width: int = SENTENCE_WIDTH) -> str:
    """``text`` on one line, cut at a word boundary to at most ``width`` characters."""
    flat = " ".join(str(text).split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > width // 2 else cut).rstrip() + "…"


def _confidence(value: object) -> str:
    return "" if value is None or value != value else f"{float(value):.2f}"  # type: ignore[arg-type]
