"""What the figures say about an event, computed without Plotly: colours and hover text.

The store computes these once per timeline (they are the costly part of a redraw) and
the figure builders reuse them. Every article-derived string goes through the
dashboard's one escaping edge, ``dashboards.text``.
"""

from __future__ import annotations

import pandas as pd

from dashboards.text import escape_column

#: Plotly's "Safe" then "Pastel" qualitative palettes, one colour per event type.
PALETTE: tuple[str, ...] = (
    "rgb(136, 204, 238)", "rgb(204, 102, 119)", "rgb(221, 204, 119)", "rgb(17, 119, 51)",
    "rgb(51, 34, 136)", "rgb(170, 68, 153)", "rgb(68, 170, 153)", "rgb(153, 153, 51)",
    "rgb(136, 34, 85)", "rgb(102, 17, 0)", "rgb(136, 136, 136)", "rgb(102, 197, 204)",
    "rgb(246, 207, 113)", "rgb(248, 156, 116)", "rgb(220, 176, 242)", "rgb(135, 197, 95)",
    "rgb(158, 185, 243)", "rgb(254, 136, 177)", "rgb(201, 219, 116)", "rgb(139, 224, 164)",
    "rgb(180, 151, 231)", "rgb(179, 179, 179)",
)


def type_colors(types: object) -> dict[str, str]:
    """A stable colour per event type: sorted types take palette colours in order."""
    names = sorted({str(t) for t in types if isinstance(t, str) and t})
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}


def hover_labels(df: pd.DataFrame) -> pd.Series:
    """Escaped hover text per event: headline, type, date, actors, place, time expression."""
    if df.empty:
        return pd.Series([], dtype="str", index=df.index)

    def text(column: str) -> pd.Series:
        return escape_column(df[column])

    date = df["date"].dt.strftime("%Y-%m-%d").fillna("undated")
    return ("<b>" + text("title") + "</b><br>" + text("event_type") + " · " + date
            + " (" + text("granularity") + ")<br>Actors: " + text("actors")
            + "<br>Place: " + text("locations")
            + "<br>Time: " + text("time_text") + " → " + text("time_value"))
