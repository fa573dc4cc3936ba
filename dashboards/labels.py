"""What the figures say about an event, computed without Plotly: colours and hover text.

The store computes these once per timeline (they are the costly part of a redraw) and
the figure builders reuse them. Every article-derived string goes through the
dashboard's one escaping edge, ``dashboards.text``.

Colours are fixed per event type, never by the order types happen to appear in a
session: the taxonomy's types (``resources/event_types.yaml``, in file order) take the
first palette colours, ``other`` is grey, and any other type (an imported file's) is
hashed onto the rest of the palette. A type is the same colour in every session,
figure and export.
"""

from __future__ import annotations

import functools
import zlib

import numpy as np
import pandas as pd

from dashboards.text import escape_column
from timeline.vocab import granularity_rank

#: Distinct qualitative colours (D3's "category10" without its grey, three more, part of
#: Plotly's "Dark24", then its "Pastel"); the taxonomy's types take them in order, so
#: theirs are the strongest, and the rest are left for other types.
PALETTE: tuple[str, ...] = (
    "rgb(31, 119, 180)", "rgb(255, 127, 14)", "rgb(44, 160, 44)", "rgb(214, 39, 40)",
    "rgb(148, 103, 189)", "rgb(140, 86, 75)", "rgb(227, 119, 194)", "rgb(188, 189, 34)",
    "rgb(23, 190, 207)", "rgb(57, 59, 121)", "rgb(231, 186, 82)", "rgb(132, 60, 57)",
    "rgb(46, 145, 229)", "rgb(225, 95, 153)", "rgb(28, 167, 28)", "rgb(218, 22, 255)",
    "rgb(182, 129, 0)", "rgb(117, 13, 134)", "rgb(235, 102, 59)", "rgb(81, 28, 251)",
    "rgb(0, 160, 139)", "rgb(178, 130, 141)", "rgb(108, 124, 50)", "rgb(119, 138, 174)",
    "rgb(134, 42, 22)", "rgb(167, 119, 241)", "rgb(98, 0, 66)", "rgb(22, 22, 167)",
    "rgb(102, 197, 204)", "rgb(246, 207, 113)", "rgb(220, 176, 242)", "rgb(135, 197, 95)",
    "rgb(254, 136, 177)", "rgb(201, 219, 116)", "rgb(139, 224, 164)", "rgb(180, 151, 231)",
)
#: The catch-all type: present in every view only when asked for, and drawn grey.
OTHER = "other"
OTHER_COLOR = "rgb(160, 160, 160)"


@functools.cache
def taxonomy_colors() -> dict[str, str]:
    """The fixed colour of each taxonomy type (file order), plus ``other``."""
    from timeline.events.lexicon import load_event_lexicon

    ids = [t.id for t in load_event_lexicon().types]
    table = {type_id: PALETTE[i % len(PALETTE)] for i, type_id in enumerate(ids)}
    table[OTHER] = OTHER_COLOR
    return table


def type_color(name: str) -> str:
    """The colour of one event type: fixed for taxonomy types, a stable hash otherwise."""
    fixed = taxonomy_colors()
    if name in fixed:
        return fixed[name]
    spare = PALETTE[len(fixed) - 1:] or PALETTE
    return spare[zlib.crc32(name.encode("utf-8")) % len(spare)]


def type_colors(types: object) -> dict[str, str]:
    """``{type: colour}`` for the given types (each colour independent of the others)."""
    names = sorted({str(t) for t in types if isinstance(t, str) and t})
    return {name: type_color(name) for name in names}


#: How a date is written at each precision (a ``strftime`` format, or a function of
#: the dates); any other precision is written to the day.
_DATE_FORMATS: dict[str, object] = {
    "hour": "%Y-%m-%d %H:%M",
    "week": "week of %Y-%m-%d",
    "month": "%b %Y", "season": "%b %Y",
    "quarter": lambda d: d.dt.year.astype("str") + " Q" + d.dt.quarter.astype("str"),
    "year": "%Y", "decade": "%Y",
    "published": "%Y-%m-%d (publication date)",
}


def date_text(dates: pd.Series, granularity: pd.Series) -> pd.Series:
    """Each date written at its precision: '2024', 'Jul 2024', 'week of 2024-07-01'...

    Each precision's dates are formatted on their own (one ``strftime`` over the rows
    of that precision, not every format over every row)."""
    grain = granularity.astype("str").fillna("").to_numpy()
    dated = dates.notna().to_numpy()
    text = pd.Series("undated", index=dates.index, dtype="object")
    plain = dated.copy()
    for name in set(grain[dated]) & _DATE_FORMATS.keys():
        rows = dated & (grain == name)
        plain &= ~rows
        form = _DATE_FORMATS[name]
        text[rows] = (dates[rows].dt.strftime(form) if isinstance(form, str)
                      else form(dates[rows])).to_numpy()
    if plain.any():
        text[plain] = dates[plain].dt.strftime("%Y-%m-%d").to_numpy()
    return text.astype("str")


def is_coarse(granularity: pd.Series) -> np.ndarray:
    """True where a date is coarser than a day (or only the publication date)."""
    ranks = granularity.astype("str").fillna("none").map(granularity_rank)
    return (ranks > granularity_rank("day")).to_numpy()


def marker_opacity(confidence: pd.Series) -> np.ndarray:
    """Marker opacity from confidence: 0.3 for a guess, 1.0 for a sure event."""
    return (0.3 + 0.7 * confidence.fillna(0.0).clip(0.0, 1.0)).round(3).to_numpy()


def hover_labels(df: pd.DataFrame) -> pd.Series:
    """Escaped hover text per event: headline, type, date and precision, confidence..."""
    if df.empty:
        return pd.Series([], dtype="str", index=df.index)

    def text(column: str) -> pd.Series:
        return escape_column(df[column])

    date = date_text(df["date"], df["granularity"])
    confidence = df["confidence"].map(lambda c: "?" if pd.isna(c) else f"{c:.2f}")
    return ("<b>" + text("title") + "</b><br>" + text("event_type") + " · " + date
            + " (precision: " + text("granularity") + ")<br>confidence: " + confidence
            + "<br>Actors: " + text("actors") + "<br>Place: " + text("locations")
            + "<br>Time: " + text("time_text") + " → " + text("time_value"))
