"""Summaries of the dashboard's index, for raw events filtered by kind only.

With raw events and no filter but the event types (and whether events marked wrong or
of type ``other`` are shown), every aggregate the views draw covers up to every event
of the store: at a million events that is a million rows grouped seven ways on each
change. The index therefore keeps, next to its rows, each aggregate's groups counted
per (event type, marked wrong): events per date, per day span, per place (with the
sums of their coordinates), per actor, per pair of actors sharing an event, per story
(with its first event). The filters' own ``WHERE`` clause reads the same two columns,
so such a selection sums a few thousand groups instead. Any other filter (dates,
actors, places, search, confidence) and the stories view read the rows.

The summaries are made with the index and again, the next time they are asked for,
after an edit of this server changed one of its rows.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

#: Summary table -> the query that makes it from the index's rows (``light``).
SUMMARIES: dict[str, str] = {
    "sum_dates": "SELECT event_type, wrong, date, count(*) AS n FROM light GROUP BY ALL",
    "sum_spans": """
SELECT event_type, wrong, date_trunc('day', lo) AS start,
  CASE WHEN hi = date_trunc('day', hi) THEN hi ELSE date_trunc('day', hi) + INTERVAL 1 DAY
  END AS "end", count(*) AS n
FROM light WHERE lo IS NOT NULL GROUP BY ALL""",
    "sum_places": """
SELECT event_type, wrong, map_place, country, place_precision, sum(latitude) AS latitude,
  sum(longitude) AS longitude, count(*) AS n
FROM light WHERE latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY ALL""",
    "sum_actors": """
SELECT event_type, wrong, item, count(*) AS n
FROM (SELECT event_type, wrong, unnest(actors) AS item FROM light)
WHERE item IS NOT NULL GROUP BY ALL""",
    # Every two items of an event's actors, the smaller name first (equal lists once).
    "sum_pairs": """
WITH lists AS (SELECT event_type, wrong, actors AS a, count(*) AS n FROM light
               WHERE len(actors) > 1 GROUP BY ALL),
     pairs AS (SELECT event_type, wrong, source, unnest(a) AS target, n
               FROM (SELECT event_type, wrong, unnest(a) AS source, a, n FROM lists))
SELECT event_type, wrong, source, target, sum(n)::BIGINT AS n FROM pairs
WHERE source < target GROUP BY ALL""",
    "sum_stories": """
SELECT event_type, wrong, sid, min(pos) AS first, count(*) AS n FROM light GROUP BY ALL""",
}

# The selection's queries over the summaries (``{rows}``: one summary's groups the
# filters keep), giving what the same queries over the rows give.
COUNTS = ("SELECT coalesce(sum(n), 0)::BIGINT AS n, coalesce(sum(n) FILTER "
          "(WHERE date IS NOT NULL), 0)::BIGINT AS dated FROM {rows}")
TOP_ACTORS = ("SELECT item AS value, sum(n)::BIGINT AS count FROM {rows} GROUP BY item "
              "ORDER BY count DESC, value LIMIT ?")
EDGES = """
SELECT source, target, sum(n)::BIGINT AS weight FROM {rows}, (SELECT ?::VARCHAR[] AS top)
WHERE list_contains(top, source) AND list_contains(top, target)
GROUP BY ALL ORDER BY weight DESC, source, target
"""
PLACES = """
SELECT map_place AS place, country, place_precision,
  coalesce(event_type, 'unknown') AS event_type, sum(latitude) / sum(n) AS latitude,
  sum(longitude) / sum(n) AS longitude, sum(n)::BIGINT AS count
FROM {rows} GROUP BY ALL ORDER BY count DESC, place, country, place_precision, event_type
"""
SPANS = """
SELECT start, "end", coalesce(event_type, 'unknown') AS event_type, sum(n)::BIGINT AS weight
FROM {rows} GROUP BY ALL
"""
DATES = "SELECT date, sum(n)::BIGINT AS n FROM {rows} WHERE date IS NOT NULL GROUP BY date"
#: The stories told in the narrative of raw events (see ``store_selection``).
TOLD = "SELECT min(first) AS first, sum(n)::BIGINT AS reports FROM {rows} GROUP BY sid"

def make_summaries(con: Any) -> None:
    """(Re)make every summary table from the index's rows."""
    for table, query in SUMMARIES.items():
        con.execute(f"CREATE OR REPLACE TABLE {table} AS {query}")


def date_quantiles(dates: pd.Series, counts: pd.Series) -> pd.Series:
    """``low``/``high`` (the 5% and 95% quantiles, interpolated as ``quantile_cont``
    does), ``first`` and ``last`` of the dates that ``counts`` events each have."""
    order = np.argsort(dates.to_numpy())
    values = dates.to_numpy()[order].astype("datetime64[ns]").astype("int64")
    ends = np.cumsum(counts.to_numpy()[order])
    if len(values) == 0 or ends[-1] == 0:
        return pd.Series({"low": pd.NaT, "high": pd.NaT, "first": pd.NaT, "last": pd.NaT})

    def nth(k: int) -> int:  # the k-th date (from 0) of the events in date order
        return int(values[np.searchsorted(ends, k, side="right")])

    def quantile(q: float) -> pd.Timestamp:
        spot = (ends[-1] - 1) * q
        below = int(np.floor(spot))
        low, high = nth(below), nth(min(below + 1, int(ends[-1]) - 1))
        return pd.Timestamp(low + round((high - low) * (spot - below)))

    return pd.Series({"low": quantile(0.05), "high": quantile(0.95),
                      "first": pd.Timestamp(int(values[0])),
                      "last": pd.Timestamp(int(values[-1]))})
