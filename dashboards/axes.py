"""The timeline's date axis: zoom buttons and tick labels at the data's own precision.

Plain dicts of Plotly layout options, so tests check them without drawing anything.
"""

from __future__ import annotations

import pandas as pd

#: Zoom buttons: label and how far back from the data's last date they reach.
_RANGES = (("1w", pd.Timedelta(days=7)), ("1m", pd.DateOffset(months=1)),
           ("1y", pd.DateOffset(years=1)))


def range_buttons(dates: pd.Series) -> dict:
    """Zoom buttons ending at the data's own last date (not at today, not after it).

    Plotly's range selector counts back from the current axis end, which the range
    slider's padding pushes past the data; these set explicit ranges instead.
    """
    last = dates.max()
    pad = pd.Timedelta(days=1)
    buttons = [dict(label=label, method="relayout",
                    args=[{"xaxis.range": [_iso(last - back), _iso(last + pad)]}])
               for label, back in _RANGES]
    buttons.append(dict(label="all", method="relayout",
                        args=[{"xaxis.range": [_iso(dates.min() - pad), _iso(last + pad)]}]))
    return dict(type="buttons", direction="right", showactive=False, x=1, xanchor="right",
                y=1.02, yanchor="bottom", pad=dict(r=0, t=0), buttons=buttons,
                font=dict(size=11))


def _iso(stamp: pd.Timestamp) -> str:
    return f"{stamp:%Y-%m-%d %H:%M}"


#: Tick labels by zoom level (the first, below a day, is set by ``date_ticks``).
_DAY_TICKS = [dict(dtickrange=[86_400_000, 604_800_000], value="%e %b"),
              dict(dtickrange=[604_800_000, "M1"], value="%e %b\n%Y"),
              dict(dtickrange=["M1", "M12"], value="%b %Y"),
              dict(dtickrange=["M12", None], value="%Y")]


def date_ticks(dates: pd.Series, has_hours: bool = False) -> dict:
    """Axis options that never tick 00:00 / 06:00 on data known to the day.

    Clock times are labelled only when some event has one; otherwise ticks below a day
    show the date, and a short span is ticked once a day.
    """
    finest = "%H:%M\n%e %b %Y" if has_hours else "%e %b %Y"
    options: dict = dict(tickformatstops=[dict(dtickrange=[None, 86_400_000], value=finest),
                                          *_DAY_TICKS])
    span = dates.max() - dates.min() if len(dates) else pd.Timedelta(0)
    if not has_hours and span <= pd.Timedelta(days=10):
        options["dtick"] = 86_400_000  # a short span would otherwise get hourly ticks
    return options
