"""Pure Plotly figure builders: a timeline frame in, a ``go.Figure`` out.

No Panel here, so tests and notebooks call these directly. Every string that comes
from an article goes through ``dashboards.text`` before it reaches a label, a legend,
an axis tick or a hover, because Plotly renders a subset of HTML in all of those.
Click-to-filter reads ``customdata``, which holds the raw value and is never shown.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import make_colorscale, sequential

from dashboards.aggregate import (
    NO_ACTOR,
    cooccurrence,
    country_areas,
    place_counts,
    spread_counts,
    spread_points,
    top_values,
)
from dashboards.axes import date_ticks, range_buttons
from dashboards.labels import PALETTE, hover_labels, is_coarse, marker_opacity, type_colors
from dashboards.text import escape_column
from dashboards.text import escape_text as _text

#: Above this many markers the timeline switches to WebGL (Scattergl) traces.
WEBGL_THRESHOLD = 1_000
#: At most this many markers are drawn; larger views are sampled, and the title says
#: so (the table and the counts over time have every event). Each marker costs its
#: hover label and its share of the figure's JSON on every filter change.
MAX_POINTS = 2_000
#: What the timeline's title adds under a sample.
SAMPLE_NOTE = "<br><sup>every event is counted in Counts over time and listed in Events</sup>"
#: At most this many actor rows on the timeline's y axis.
MAX_ACTOR_ROWS = 30
_SYMBOLS = {"city": "circle", "region": "square", "country": "diamond-open"}
_GRID = "#e8edf3"
# A small template in the spirit of "plotly_white": the full named template is copied
# and validated on every figure, which costs more than drawing 100,000 events.
_TEMPLATE = dict(layout=dict(
    paper_bgcolor="white", plot_bgcolor="white", colorway=list(PALETTE),
    font=dict(color="#2a3f5f"), hoverlabel=dict(align="left"),
    xaxis=dict(gridcolor=_GRID, linecolor=_GRID, zerolinecolor=_GRID, automargin=True),
    yaxis=dict(gridcolor=_GRID, linecolor=_GRID, zerolinecolor=_GRID, automargin=True),
))
# Legends below the plot leave the full width to the dates.
_BOTTOM_LEGEND = dict(orientation="h", x=0, xanchor="left", y=-0.16, yanchor="top",
                      title=dict(text="Event type"))
_LAYOUT = dict(template=_TEMPLATE, margin=dict(l=10, r=10, t=50, b=10),
               font=dict(family="Inter, Segoe UI, Helvetica, Arial, sans-serif", size=12))


def new_figure(data: list | None = None, layout: dict | None = None) -> go.Figure:
    """A figure built without Plotly's per-property validation, its whole layout given.

    Validating every property of every trace and of the layout costs more than the
    data itself on each filter change (a quarter of a second for the four figures),
    and so do ``update_layout`` and ``add_trace`` afterwards (each property path is
    parsed and validated): the builders here pass every trace and the layout at once,
    with only known properties, which the tests check by rebuilding each figure with
    validation. Traces come from ``trace``; ``layout`` adds to the common one (its
    ``margin`` to the common margin).
    """
    layout = dict(layout or {})
    merged = {**_LAYOUT, **layout, "margin": {**_LAYOUT["margin"], **layout.get("margin", {})}}
    return go.Figure(data=data or [], layout=merged, _validate=False)


def trace(kind: type, **props: object) -> object:
    """A ``kind`` trace (``go.Scatter``...) without validation; pandas values as arrays."""
    return kind(**{k: _plain(v, k) for k, v in props.items()}, _validate=False)


def _plain(value: object, key: str = "") -> object:
    """``value`` with pandas objects as numpy arrays, as Plotly's validation stores them.

    Lists of per-point values become arrays too: Panel sends arrays to the browser as
    columns, while Bokeh walks every item of a list looking for models to send.
    """
    if isinstance(value, (pd.Series, pd.Index)):
        return value.to_numpy()
    if isinstance(value, dict):
        return {k: _plain(v, k) for k, v in value.items()}
    if isinstance(value, list) and key in _POINT_ARRAYS:
        return np.array(value, dtype=object)
    return value


#: Trace properties (and marker/line sub-properties) that hold one value per point.
_POINT_ARRAYS = frozenset({"x", "y", "text", "hovertext", "customdata", "textposition",
                           "size", "color", "symbol", "width", "opacity"})


def _empty(title: str, message: str) -> go.Figure:
    return new_figure(layout=dict(
        title=dict(text=title), xaxis=dict(visible=False), yaxis=dict(visible=False),
        height=300, annotations=[dict(text=message, showarrow=False,
                                      font=dict(size=14, color="#666"))]))


def timeline_rows(df: pd.DataFrame, y: str = "actor",
                  top: list[str] | None = None) -> pd.Series:
    """The y category of each marker, indexed by the event's row label.

    With ``y="event_type"`` there is one marker per event. With ``y="actor"`` an event
    appears once per actor among the ``MAX_ACTOR_ROWS`` most frequent ones; events
    without actors go to a "(no actor)" row. ``top``: those actors (default: the
    frame's most frequent).
    """
    if y not in ("actor", "event_type"):
        raise ValueError(f"y must be 'actor' or 'event_type', not {y!r}")
    dated = df["date"].notna()
    if y == "event_type":
        return df.loc[dated, "event_type"].astype("str").fillna("unknown")
    if top is None:
        top = top_values(df, "actors", MAX_ACTOR_ROWS).index.tolist()
    exploded = df.loc[dated, "actors"].explode()
    keep = exploded.isin(top) | exploded.isna()
    return exploded[keep].fillna(NO_ACTOR).astype("str")


def make_timeline_figure(df: pd.DataFrame, y: str = "actor", *,
                         colors: dict[str, str] | None = None,
                         labels: pd.Series | None = None,
                         max_points: int = MAX_POINTS, top_actors: list[str] | None = None,
                         total: int | None = None) -> go.Figure:
    """Events as markers on a date axis, y by actor or event type.

    Events dated only to a week, a month, or inferred from the publication date also
    get a translucent bar over their interval, so their uncertainty is visible. Each
    marker's ``customdata`` is its event id (used for click-to-select). ``labels`` are
    precomputed ``hover_labels`` (computed here when omitted). When ``df`` is already a
    sample of ``total`` dated events (drawn in SQL), the title says so; ``top_actors``
    are then the actor rows of all of them.
    """
    title = "Timeline" + (f" (top {MAX_ACTOR_ROWS} actors)" if y == "actor" else "")
    ys = timeline_rows(df, y, top_actors)
    if ys.empty:
        message = ((f"{len(df):,} events match, but none has a date" if len(df) > 1
                    else "1 event matches, but it has no date") if len(df)
                   else "No events match the filters")
        return _empty("Timeline", message)
    if len(ys) > max_points:
        title += f" — a sample of {max_points:,} of {len(ys):,} markers{SAMPLE_NOTE}"
        ys = ys.sample(max_points, random_state=0)
    elif total is not None and total > len(df):
        title += f" — a sample of {len(df):,} of {total:,} events{SAMPLE_NOTE}"
    # Axis ticks render markup: the row names (actors, types) are escaped like labels.
    rows = df.loc[ys.index, ["event_id", "date", "start", "end", "event_type"]].assign(
        _y=escape_column(ys), _opacity=marker_opacity(df.loc[ys.index, "confidence"]),
        _coarse=is_coarse(df.loc[ys.index, "granularity"]),
        _hour=(df.loc[ys.index, "granularity"].astype("str") == "hour").to_numpy())
    labels = hover_labels(df.loc[ys.index]) if labels is None else labels.loc[ys.index]
    rows["_label"] = labels.to_numpy()
    colors = colors or type_colors(df["event_type"])
    scatter = go.Scattergl if len(rows) > WEBGL_THRESHOLD else go.Scatter
    traces = [_interval_trace(rows, scatter)]
    for event_type, group in rows.groupby(rows["event_type"].astype("str"), sort=True):
        traces.append(trace(
            scatter, x=group["date"], y=group["_y"], mode="markers", name=_text(event_type),
            marker=_timeline_marker(group, colors.get(event_type, "#888")),
            customdata=group["event_id"].to_numpy(), hovertext=group["_label"].to_numpy(),
            hoverinfo="text",
        ))
    return new_figure(traces, _timeline_layout(rows, title))


def _timeline_marker(group: pd.DataFrame, color: str) -> dict:
    """Opacity says confidence; a dark outline marks a date known to the day or finer."""
    coarse = group["_coarse"].to_numpy()
    return dict(size=11, color=color, opacity=group["_opacity"].to_numpy(),
                line=dict(width=np.where(coarse, 0.0, 1.6),
                          color="rgb(30, 30, 40)"))


def _timeline_layout(rows: pd.DataFrame, title: str) -> dict:
    """Axis order, height, range slider, zoom buttons and date ticks of the timeline."""
    xaxis = dict(type="date", rangeslider=dict(visible=True, thickness=0.06),
                 **date_ticks(rows["date"], bool(rows["_hour"].any())))
    focus = initial_range(rows["date"])
    if focus is not None:
        xaxis["range"] = list(focus)
    order = rows["_y"].value_counts().sort_values(kind="stable").index.tolist()
    return dict(title=dict(text=title, x=0.01, xanchor="left"),
                height=max(420, 24 * len(order) + 240), hovermode="closest",
                margin=dict(t=75 if SAMPLE_NOTE in title else 50),
                clickmode="event", legend=_BOTTOM_LEGEND,
                updatemenus=[range_buttons(rows["date"])],
                yaxis=dict(categoryorder="array", categoryarray=order), xaxis=xaxis)


def initial_range(dates: pd.Series) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """A zoomed x range around the bulk of the dates when a few outliers stretch the axis.

    A background sentence ("since 1997") would otherwise squeeze this week's events
    into one pixel; the range slider still shows everything.
    """
    return focus_range(dates.quantile(0.05), dates.quantile(0.95), dates.min(), dates.max())


def focus_range(low: pd.Timestamp, high: pd.Timestamp, first: pd.Timestamp,
                last: pd.Timestamp) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """``initial_range`` from the dates' 5% and 95% quantiles, first and last."""
    span = last - first
    core = max(high - low, pd.Timedelta(days=14))
    if span <= 3 * core:
        return None
    pad = core * 0.15
    return low - pad, high + pad


def _interval_trace(rows: pd.DataFrame, scatter: type) -> go.Scatter:
    """One line trace holding every uncertain event's interval, separated by gaps."""
    span = rows["end"] - rows["start"]
    wide = rows[rows["start"].notna() & (span > pd.Timedelta(days=1))]
    n = len(wide)
    xs = np.empty(3 * n, dtype="object")
    ys = np.empty(3 * n, dtype="object")
    xs[0::3], xs[1::3], xs[2::3] = wide["start"].to_numpy(), wide["end"].to_numpy(), None
    ys[0::3], ys[1::3], ys[2::3] = wide["_y"].to_numpy(), wide["_y"].to_numpy(), None
    return trace(scatter, x=xs, y=ys, mode="lines", name="date interval (week/month/inferred)",
                   line=dict(width=8, color="rgba(99,110,250,0.25)"), hoverinfo="skip",
                   connectgaps=False)


def make_counts_figure(df: pd.DataFrame, freq: str = "W", *,
                       colors: dict[str, str] | None = None) -> go.Figure:
    """Stacked events per week or month, each event spread over its date interval."""
    return counts_figure(spread_counts(df, freq), freq,
                         colors=colors or type_colors(df["event_type"]),
                         focus=initial_range(df["date"].dropna()))


def counts_figure(counts: pd.DataFrame, freq: str, *, colors: dict[str, str],
                  focus: tuple[pd.Timestamp, pd.Timestamp] | None) -> go.Figure:
    """The counts figure from ``spread_counts`` and the x range to show first."""
    label = {"W": "week", "M": "month"}.get(freq, freq)
    title = f"Events per {label} (uncertain dates spread over their interval)"
    if counts.empty:
        return _empty(title, "No dated events match the filters")
    bars = []
    for event_type in counts.columns:
        # Only periods with events: a corpus spanning decades would otherwise send
        # thousands of empty bars per type, which browsers draw very slowly.
        column = counts[event_type].round(2)
        column = column[column > 0]
        bars.append(trace(
            go.Bar, x=column.index, y=column, name=_text(event_type),
            marker=dict(color=colors.get(event_type, "#888")),
            # The (escaped) trace name, not the type itself: a template would expand a
            # "%{y}" written in the data.
            hovertemplate=f"%{{fullData.name}}: %{{y:.1f}} events<br>"
                          f"{label} of %{{x|%Y-%m-%d}}<extra></extra>",
        ))
    layout = dict(title=dict(text=title), barmode="stack", height=380, bargap=0.1,
                  legend=dict(_BOTTOM_LEGEND, y=-0.15), yaxis=dict(title=dict(text="events")))
    if focus is not None:
        layout["xaxis"] = dict(range=list(focus))
    return new_figure(bars, layout)


def make_network_figure(df: pd.DataFrame, top_n: int = 25) -> go.Figure:
    """Co-occurrence network of the ``top_n`` actors; node size by event count.

    Edge width grows with the number of events two actors share (hover an edge's
    middle for the number); labels sit above or below their node, away from the
    centre. Each node's ``customdata`` is the actor name (used for click-to-filter).
    """
    return network_figure(*cooccurrence(df, top_n), top_n)


def network_figure(nodes: pd.Series, edges: pd.DataFrame, top_n: int) -> go.Figure:
    """The network figure from ``cooccurrence``'s nodes and edges."""
    import networkx as nx  # only needed for the layout; keeps figure imports light

    title = f"Actors: who appears with whom (top {top_n}; line width = shared events)"
    if nodes.empty:
        return _empty(title, "No actors in the filtered events")
    graph = nx.Graph()
    graph.add_nodes_from(nodes.index)
    graph.add_weighted_edges_from(edges.itertuples(index=False, name=None))
    pos = nx.spring_layout(graph, seed=7, weight="weight", k=2.2 / np.sqrt(len(nodes)),
                           iterations=100)
    return new_figure([*_edge_traces(edges, pos), _node_trace(nodes, pos)], dict(
        title=dict(text=title), height=560, showlegend=False, clickmode="event",
        hovermode="closest", margin=dict(l=10, r=10, t=50, b=10),
        xaxis=dict(visible=False, range=_padded([p[0] for p in pos.values()])),
        yaxis=dict(visible=False, range=_padded([p[1] for p in pos.values()]))))


def _padded(values: list[float], share: float = 0.18) -> list[float]:
    """An axis range around ``values`` with room for the labels at the edges."""
    low, high = min(values), max(values)
    pad = max(high - low, 0.5) * share
    return [low - pad, high + pad]


def _node_trace(nodes: pd.Series, pos: dict) -> go.Scatter:
    """Actors as circles sized by event count, each labelled away from the centre."""
    ys = [pos[a][1] for a in nodes.index]
    return trace(
        go.Scatter, x=[pos[a][0] for a in nodes.index], y=ys, mode="markers+text",
        text=[_text(a) for a in nodes.index],
        textposition=["top center" if y >= 0 else "bottom center" for y in ys],
        textfont=dict(size=12, color="#14283c"), customdata=list(nodes.index),
        hovertext=[f"{_text(a)}: {c} events (click to filter)" for a, c in nodes.items()],
        hoverinfo="text", name="actors", showlegend=False,
        marker=dict(size=12 + 30 * np.sqrt(nodes.to_numpy() / nodes.max()),
                    color=nodes.to_numpy(), colorscale=_BLUES, cmin=0,
                    line=dict(width=1.2, color="#234")),
    )


#: Plotly's "Blues" written out, as validation would (the figure is not validated).
_BLUES = make_colorscale(sequential.Blues)
#: Edge widths: an edge's share of the heaviest edge picks one of these.
_EDGE_WIDTHS = (1.0, 2.5, 4.5, 7.0)


def _edge_traces(edges: pd.DataFrame, pos: dict) -> list[go.Scatter]:
    """Edges in a few width classes (one trace each) by shared events, plus their hovers."""
    if edges.empty:
        return []
    share = edges["weight"] / edges["weight"].max()
    level = np.minimum((share * len(_EDGE_WIDTHS)).astype(int), len(_EDGE_WIDTHS) - 1)
    traces = []
    for width_class, group in edges.groupby(level.to_numpy()):
        xs, ys = [], []
        for source, target in zip(group["source"], group["target"]):
            xs += [pos[source][0], pos[target][0], None]
            ys += [pos[source][1], pos[target][1], None]
        traces.append(trace(
            go.Scatter, x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
            line=dict(width=_EDGE_WIDTHS[int(width_class)], color="rgba(70, 85, 110, 0.5)")))
    middles = [((pos[s][0] + pos[t][0]) / 2, (pos[s][1] + pos[t][1]) / 2)
               for s, t in zip(edges["source"], edges["target"])]
    traces.append(trace(
        go.Scatter, x=[m[0] for m in middles], y=[m[1] for m in middles], mode="markers",
        marker=dict(size=10, opacity=0), showlegend=False, hoverinfo="text",
        hovertext=[f"{_text(s)} — {_text(t)}: {w} shared events" for s, t, w
                   in zip(edges["source"], edges["target"], edges["weight"])]))
    return traces


def _geo_view(counts: pd.DataFrame) -> dict:
    """Fit the map to the markers, but never closer than a region of ~1,500 km.

    Fitting one place exactly would zoom to a blank square around it.
    """
    lat, lon = counts["latitude"], counts["longitude"]
    if lat.max() - lat.min() > 12 or lon.max() - lon.min() > 12:
        return {"fitbounds": "locations"}
    return {"center": dict(lat=float(lat.mean()), lon=float(lon.mean())),
            "projection": dict(scale=5)}


def make_map_figure(df: pd.DataFrame, *, colors: dict[str, str] | None = None) -> go.Figure:
    """Places on a world map: size by event count, colour by type, symbol by precision.

    Circles are cities and squares regions ("eastern Ukraine", drawn at the region's
    centroid). An event known only to its country is not a point: its country is
    shaded (a country without a known outline gets an open diamond at its centroid).
    Markers that share a point are spread on a small circle around it.
    """
    return map_figure(place_counts(df), colors=colors or type_colors(df["event_type"]))


def map_figure(counts: pd.DataFrame, *, colors: dict[str, str]) -> go.Figure:
    """The map figure from ``place_counts``."""
    title = "Where: ● city  ■ region (centroid)  shaded = known only to the country"
    if counts.empty:
        return _empty(title, "No geocoded events match the filters")
    areas, unshaded = country_areas(counts)
    points = pd.concat([counts[counts["place_precision"] != "country"], unshaded])
    view = _geo_view(counts)
    extent = max(np.ptp(counts["latitude"]), np.ptp(counts["longitude"]), 20.0)
    points = spread_points(points, radius=0.012 * extent if "fitbounds" in view else 0.35)
    traces = [_country_trace(areas)] if len(areas) else []
    biggest = counts["count"].max()
    for event_type, group in points.groupby("event_type", sort=True):
        traces.append(_place_trace(group, event_type, biggest, colors.get(event_type, "#888")))
    geo = dict(showcountries=True, countrycolor="#bbb", showland=True, landcolor="#f3f3f0",
               showocean=True, oceancolor="#eef4f8", **view)
    geo["projection"] = dict(type="natural earth", **view.get("projection", {}))
    legend_rows = -(-points["event_type"].nunique() // 5)
    return new_figure(traces, dict(
        title=dict(text=title), height=500 + 24 * legend_rows, geo=geo, legend=dict(
            orientation="h", x=0, y=0, yanchor="top", title=dict(text="Event type")),
        margin=dict(l=5, r=5, t=40, b=20 + 26 * legend_rows)))


def _place_trace(group: pd.DataFrame, event_type: str, biggest: int,
                 color: str) -> go.Scattergeo:
    """One event type's places, sized by count; the hover says the precision."""
    precision = group["place_precision"].to_numpy()
    return trace(
        go.Scattergeo, lat=group["latitude"], lon=group["longitude"], name=_text(event_type),
        marker=dict(size=8 + 30 * np.sqrt(group["count"] / biggest), color=color,
                    opacity=0.8, symbol=[_SYMBOLS.get(p, "circle") for p in precision],
                    line=dict(width=1, color="white")),
        text=[f"<b>{_text(p)}</b> ({_text(c)})<br>{_text(event_type)}: {n} events"
              f"<br>{_PRECISION_NOTES.get(g, 'precision: ' + _text(g))}" for p, c, n, g in
              zip(group["place"], group["country"], group["count"], precision)],
        hoverinfo="text", customdata=group["place"],
    )


_PRECISION_NOTES = {
    "city": "precision: city",
    "region": "precision: region — drawn at the region's centroid",
    "country": "precision: country — drawn at the country's centroid, not a place in it",
}


def _country_trace(areas: pd.DataFrame) -> go.Choropleth:
    """Countries shaded by the events known only to the country."""
    hover = [f"<b>{_text(c)}</b>: {n} events known only to the country<br>"
             + "<br>".join(f"{_text(t)}: {k}" for t, k in zip(types, ks))
             for c, n, types, ks in zip(areas["country"], areas["count"], areas["by_type"],
                                        areas["type_counts"])]
    return trace(
        go.Choropleth, locations=areas["iso3"], locationmode="ISO-3", z=areas["count"],
        zmin=0, colorscale=[[0, "rgb(255, 236, 204)"], [1, "rgb(230, 150, 60)"]],
        showscale=False, marker=dict(line=dict(color="rgb(200, 120, 40)", width=1)),
        hovertext=hover, hoverinfo="text", customdata=areas["place"],
        name="country-level (shaded)")
