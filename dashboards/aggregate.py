"""Pure pandas aggregations behind the dashboard figures.

Kept apart from the Plotly code so that tests can check the numbers directly, and so
that a 100,000-event timeline is reduced to a few hundred rows before anything is
drawn or sent to a browser.
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from dashboards.backing import N_SOURCES
from timeline.vocab import LIST_SEPARATOR

NO_ACTOR = "(no actor)"
NO_PLACE = "(no place)"


def explode_list(df: pd.DataFrame, column: str) -> pd.Series:
    """One row per list item of ``column``, indexed like ``df`` (empty lists dropped)."""
    if df.empty:
        return pd.Series([], dtype="str", name=column)
    exploded = df[column].explode()
    return exploded.dropna().astype("str")


def top_values(df: pd.DataFrame, column: str, n: int) -> pd.Series:
    """Counts of the ``n`` most frequent list items of ``column`` (ties broken by name)."""
    return top_items(explode_list(df, column), n)


def top_items(items: pd.Series, n: int) -> pd.Series:
    """Counts of the ``n`` most frequent values of ``items`` (ties broken by name)."""
    counts = items.value_counts()
    if counts.empty:
        return counts
    frame = counts.rename_axis("value").reset_index(name="count")
    frame = frame.sort_values(["count", "value"], ascending=[False, True]).head(n)
    return pd.Series(frame["count"].to_numpy(), index=frame["value"].to_numpy(), name="count")


def event_intervals(df: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Start and end (exclusive) of each event, falling back to its point date."""
    start = df["start"].fillna(df["date"])
    end = df["end"].fillna(start + pd.Timedelta(days=1))
    # A degenerate interval (end <= start) still covers its own day.
    end = end.where(end > start, start + pd.Timedelta(days=1))
    return start, end


def spread_counts(df: pd.DataFrame, freq: str = "W", by: str = "event_type",
                  weight: str | None = None) -> pd.DataFrame:
    """Events per week (``"W"``) or month (``"M"``), spread over each event's interval.

    An event dated only to a month counts 1/30 on each day of that month instead of
    being piled onto the 1st, so the totals per period stay honest about precision.
    Returns a frame indexed by period start, one column per value of ``by``. With
    ``weight``, a row stands for that many events (rows already grouped, e.g. in SQL).
    """
    if freq not in ("W", "M"):
        raise ValueError(f"freq must be 'W' or 'M', not {freq!r}")
    start, end = event_intervals(df)
    valid = start.notna()
    if not valid.any():
        return pd.DataFrame(index=pd.DatetimeIndex([], name="period"))
    start, end = start[valid].dt.floor("D"), end[valid].dt.ceil("D")
    # factorize is hash-based: far cheaper than sorting 100k strings with np.unique.
    codes, labels = pd.factorize(df.loc[valid, by].astype("str").fillna("unknown"), sort=True)
    counts = None if weight is None else df.loc[valid, weight].to_numpy(dtype="float64")
    daily = _daily_density(start, end, codes, np.asarray(labels), counts)
    periods = daily.index.to_period(freq).start_time
    counts = daily.groupby(periods).sum()
    counts.index.name = "period"
    return counts


def _daily_density(start: pd.Series, end: pd.Series, codes: np.ndarray,
                   labels: np.ndarray, counts: np.ndarray | None = None) -> pd.DataFrame:
    """Per-day event weight per group, via a difference array (linear in events + days)."""
    origin = start.min()
    first = ((start - origin) / pd.Timedelta(days=1)).to_numpy().astype("int64")
    last = ((end - origin) / pd.Timedelta(days=1)).to_numpy().astype("int64")
    last = np.maximum(last, first + 1)
    weight = (1.0 if counts is None else counts) / (last - first)
    diff = np.zeros((len(labels), int(last.max()) + 1))
    np.add.at(diff, (codes, first), weight)
    np.add.at(diff, (codes, last), -weight)
    # Rounding removes the float drift of the running sum (e.g. -1e-13 after an end).
    density = np.clip(np.round(np.cumsum(diff, axis=1)[:, :-1], 9), 0.0, None)
    index = pd.date_range(origin, periods=density.shape[1], freq="D")
    return pd.DataFrame(density.T, index=index, columns=labels)


def cooccurrence(df: pd.DataFrame, top_n: int = 25) -> tuple[pd.Series, pd.DataFrame]:
    """Event counts of the ``top_n`` actors and how often each pair shares an event.

    Returns ``(nodes, edges)``: ``nodes`` maps actor to event count; ``edges`` has
    columns source, target, weight with source < target.
    """
    exploded = explode_list(df, "actors")
    nodes = top_items(exploded, top_n)
    empty = pd.DataFrame({"source": [], "target": [], "weight": []})
    if nodes.empty:
        return nodes, empty
    pairs = exploded[exploded.isin(nodes.index)].rename("actor").reset_index()
    pairs.columns = ["row", "actor"]
    joined = pairs.merge(pairs, on="row")
    joined = joined[joined["actor_x"] < joined["actor_y"]]
    if joined.empty:
        return nodes, empty
    edges = joined.groupby(["actor_x", "actor_y"]).size().reset_index(name="weight")
    edges.columns = ["source", "target", "weight"]
    return nodes, edges.sort_values("weight", ascending=False, kind="stable")


def place_counts(df: pd.DataFrame) -> pd.DataFrame:
    """Events per geocoded place and event type, with the place's precision.

    One row per (place, country, place_precision, event_type) with the mean coordinates
    and a ``count`` column. The place is the geocoded ``place`` column when present,
    else the event's first location. Events without coordinates are left out.
    """
    located = df[df["latitude"].notna() & df["longitude"].notna()]
    keys = ["place", "country", "place_precision", "event_type"]
    if located.empty:
        return pd.DataFrame({c: [] for c in [*keys, "latitude", "longitude", "count"]})
    first = [items[0] if len(items) else NO_PLACE for items in located["locations"].tolist()]
    names = pd.Series(first, index=located.index, dtype="str")
    if "place" in located.columns:  # the location the coordinates belong to
        given = located["place"].astype("str").fillna("")
        names = given.where(given != "", names)
    table = pd.DataFrame({
        "place": names,
        "country": located["country"].astype("str").fillna(""),
        "place_precision": located["place_precision"].astype("str").fillna("unknown"),
        "event_type": located["event_type"].astype("str").fillna("unknown"),
        "latitude": located["latitude"],
        "longitude": located["longitude"],
    })
    grouped = table.groupby(keys, dropna=False).agg(
        latitude=("latitude", "mean"), longitude=("longitude", "mean"),
        count=("latitude", "size"),
    )
    return grouped.reset_index().sort_values("count", ascending=False, kind="stable")


def spread_points(points: pd.DataFrame, radius: float) -> pd.DataFrame:
    """Rows sharing a coordinate moved onto a small circle (``radius`` degrees) around it.

    Several event types at one city would otherwise draw one marker over another.
    """
    if points.empty:
        return points
    key = (points["latitude"].round(3).astype("str") + ","
           + points["longitude"].round(3).astype("str"))
    rank = points.groupby(key).cumcount().to_numpy()
    size = key.map(key.value_counts()).to_numpy()
    angle = 2 * np.pi * rank / size
    shared = size > 1
    lat = points["latitude"].to_numpy()
    squeeze = np.cos(np.radians(np.clip(lat, -80, 80)))  # a degree of longitude shrinks
    return points.assign(
        latitude=np.where(shared, lat + radius * np.sin(angle), lat),
        longitude=np.where(shared, points["longitude"] + radius * np.cos(angle) / squeeze,
                           points["longitude"]))


def country_areas(counts: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Country-precision rows of ``place_counts`` as areas to shade, and those that cannot be.

    Returns ``(areas, rest)``: ``areas`` has one row per country with its ISO-3 code,
    a ``place`` to filter on, the ``count`` and a ``by_type`` breakdown; ``rest`` holds
    the country-level rows without a known ISO code (drawn as a symbol instead).
    """
    country = counts[counts["place_precision"] == "country"]
    iso = country["country"].map(country_iso3)
    known = country[iso != ""].assign(iso3=iso[iso != ""])
    areas = known.groupby("iso3", sort=True).agg(
        country=("country", "first"), place=("place", "first"), count=("count", "sum"),
        by_type=("event_type", lambda types: list(types)),
        type_counts=("count", lambda n: list(n)))
    return areas.reset_index(), country[iso == ""]


@functools.cache
def country_iso3(name: str) -> str:
    """The ISO 3166 alpha-3 code of a country name ('' when unknown), via countryinfo."""
    from countryinfo import CountryInfo

    try:
        return str(CountryInfo(name).iso(3) or "") if name else ""
    except LookupError:  # a name countryinfo does not know
        return ""


#: Columns of the events table, in order, with their source column. The sentence comes
#: right after the date so that it is in view however narrow the table is.
TABLE_COLUMNS: dict[str, str] = {
    "event_id": "event_id", "date": "date", "sentence": "sentence", "type": "event_type",
    "actors": "actors", "places": "locations", "precision": "granularity",
    "time expression": "time_text", "confidence": "confidence", "headline": "title",
    "correction": "correction",
}


def table_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The events as the table shows them: plain strings, lists joined with '; '.

    Story rows (with an ``n_sources`` column) also get the number of their sources.

    Built once per timeline (joining lists is the slow part) and then sliced by the
    filtered index. Plain object columns: slicing them is cheaper than Arrow strings.
    """
    out = pd.DataFrame(index=df.index)
    for label, column in TABLE_COLUMNS.items():
        values = df[column] if column in df.columns else pd.Series("", index=df.index)
        if column in ("actors", "locations"):
            values = values.map(LIST_SEPARATOR.join)
        elif column == "date":
            values = values.dt.strftime("%Y-%m-%d")
        elif column == "confidence":
            out[label] = values.round(2)
            continue
        out[label] = values.astype("str").fillna("").astype("object")
    if N_SOURCES in df.columns:  # story rows: their number of sources, after the type
        out.insert(out.columns.get_loc("type") + 1, "sources", df[N_SOURCES].to_numpy())
    return out
