"""The selection over an event store: every answer is SQL over the store's index.

In the stories view the shown rows are one event per story, its most confident kept
event (``pos``: the event's rank in its story), materialised once per filter change
as an Arrow table the index scans (cheaper to make than a temporary table); with raw
events they are the index's rows that pass the filters. Only what is drawn is read
into pandas: a sample of markers, aggregates of a few hundred rows, one page of the
table or narrative (whose full rows come from the store by id).
"""

from __future__ import annotations

import weakref
from typing import Any

import pandas as pd

from dashboards import summaries
from dashboards.figures import MAX_ACTOR_ROWS
from dashboards.selection import Markers, Selection
from dashboards.sql import SHOWN_COLUMNS, TABLE_ORDER, Filters, StoreIndex

_TOP_ITEMS = """
SELECT item AS value, count(*) AS count FROM (SELECT unnest({column}) AS item FROM {rows})
WHERE item IS NOT NULL GROUP BY item ORDER BY count DESC, value LIMIT ?
"""
# Co-occurring top actors: equal lists are counted once, each keeps only the top
# actors (equal kept lists summed), and each gives its pairs (as a self-join on the
# event would: every two items, the smaller name first).
_EDGES = """
WITH shown AS (SELECT actors, count(*) AS n FROM {rows} WHERE len(actors) > 1 GROUP BY actors),
     kept AS (SELECT [x FOR x IN actors IF list_contains(top, x)] AS a, sum(n) AS n
              FROM shown, (SELECT ?::VARCHAR[] AS top) GROUP BY a HAVING len(a) > 1),
     pairs AS (SELECT source, unnest(a) AS target, n FROM (SELECT unnest(a) AS source, a, n
                                                          FROM kept))
SELECT source, target, sum(n)::BIGINT AS weight FROM pairs WHERE source < target
GROUP BY ALL ORDER BY weight DESC, source, target
"""
_PLACES = """
SELECT map_place AS place, country, place_precision,
  coalesce(event_type, 'unknown') AS event_type, avg(latitude) AS latitude,
  avg(longitude) AS longitude, count(*) AS count
FROM {rows} WHERE latitude IS NOT NULL AND longitude IS NOT NULL
GROUP BY ALL ORDER BY count DESC, place, country, place_precision, event_type
"""
# Events per (first day, day after the last, type): spread over days in pandas.
_SPANS = """
SELECT date_trunc('day', lo) AS start,
  CASE WHEN hi = date_trunc('day', hi) THEN hi ELSE date_trunc('day', hi) + INTERVAL 1 DAY
  END AS "end", coalesce(event_type, 'unknown') AS event_type, count(*) AS weight
FROM {rows} WHERE lo IS NOT NULL GROUP BY ALL
"""
_NARRATIVE_ORDER = "date NULLS LAST, confidence DESC NULLS LAST, ord"
# The positions of one narrative page (its full rows are then read by position). With
# raw events each story told is its first shown event, with the number of them; the
# number of stories rides along.
_TOLD = "SELECT min(pos) AS first, count(*) AS reports FROM {rows} GROUP BY sid"
_NARRATIVE = f"""
WITH told AS ({{told}})
SELECT l.pos, told.reports AS _reports, (SELECT count(*) FROM told) AS _total
FROM told JOIN (SELECT pos, date, confidence, ord FROM light) l ON l.pos = told.first
ORDER BY {_NARRATIVE_ORDER} LIMIT ? OFFSET ?
"""
# In the stories view each shown row is its story's one entry.
_STORY_NARRATIVE = (f"SELECT pos, 1 AS _reports FROM {{rows}} ORDER BY {_NARRATIVE_ORDER} "
                    "LIMIT ? OFFSET ?")
# A stable sample of the dated rows (every one when few): the first in ``h`` order (a
# hash of the id), which is also the index's storage order. Only the columns the
# timeline draws and its hover labels show: a sample of a small selection is spread
# over the whole index, and every column read is decompressed around each row.
_MARKERS = """
SELECT event_id, date, start, "end", event_type, actors, locations, confidence, granularity,
  title, time_text, time_value, sid, pos, h
FROM light WHERE h IN (SELECT h FROM {rows} WHERE date IS NOT NULL ORDER BY h LIMIT ?)
ORDER BY h
"""
#: Items counted at once for the actor axis and the network (their slider's maximum).
_TOP_LIMIT = 100
# The positions of one page of the table, newest first (the index holds every column
# the table shows; its rows are then read by position).
_PAGE = f"SELECT pos FROM {{rows}} ORDER BY {TABLE_ORDER} LIMIT ? OFFSET ?"
# Index rows by position: a look-up in the index's ART index on ``pos``, not a scan.
_AT = "SELECT * FROM light WHERE pos IN (SELECT unnest(?::BIGINT[])) ORDER BY {order}"


class StoreSelection(Selection):
    """What the filters keep of the store at ``path`` (one per filter change)."""

    paged = True

    def __init__(self, index: StoreIndex, path: str, filters: Filters, stories: bool) -> None:
        self.index, self.path, self.filters = index, path, filters
        self.stories = stories
        self._select()

    def _select(self) -> None:
        """Take the answers kept for these filters (again, when the index changed since)."""
        self.version = self.index.version
        self._cached = self.index.answers((self.filters, self.stories))
        self._rows: str | None = None

    @property
    def rows(self) -> str:
        """The shown rows, as a table or subquery of the index (made on first use: a
        setting answered before needs none)."""
        if self._rows is not None:
            return self._rows
        where, self.params = self.filters.sql()
        if not self.stories:
            self._rows = f"(SELECT {SHOWN_COLUMNS} FROM light WHERE {where})"
            return self._rows
        name = self.index.new_name()
        # Dropped by the index once this selection is gone (replaced, or its session
        # closed), never from the garbage collector's thread itself.
        weakref.finalize(self, self.index.unused.append, name)
        self.index.hold(name, f"SELECT {SHOWN_COLUMNS} FROM light WHERE pos IN "
                        f"(SELECT min(pos) FROM light WHERE {where} GROUP BY sid)", self.params)
        self.params, self._rows = [], name
        return name

    def _current(self) -> None:
        # Positions change when the index is rebuilt, and an edit changes an event's
        # row: answers and rows of an older index would show other events.
        if self.version != self.index.version:
            self._select()

    def _query(self, sql: str, extra: list[Any] | None = None,
               over: str | None = None) -> pd.DataFrame:
        """A query over the shown rows (or over the groups of the summary table ``over``
        the filters keep), answered once for these filters (a copy)."""
        self._current()
        cached, key = self._cached, ("query", sql, repr(extra))
        if key not in cached:
            if over is None:
                cached[key] = self.index.query(sql.format(rows=self.rows),
                                               [*self.params, *(extra or [])])
            else:
                where, params = self.filters.sql()
                cached[key] = self.index.query_summary(
                    sql.format(rows=f"(SELECT * FROM {over} WHERE {where})"),
                    [*params, *(extra or [])])
        return cached[key].copy()

    def _ask(self, plain: str, summed: str, table: str,
             extra: list[Any] | None = None) -> pd.DataFrame:
        """``plain`` over the shown rows, or the same answer as ``summed`` over the summary
        ``table`` when the filters allow it (``dashboards.summaries``)."""
        if self.summarised:
            return self._query(summed, extra, over=table)
        return self._query(plain, extra)

    @property
    def summarised(self) -> bool:
        """True when the summaries answer: raw events filtered by kind only."""
        return not self.stories and self.filters.by_kind_only

    def _once(self, key: Any, compute: Any) -> Any:
        """``compute()``, run once for these filters (several views and sessions ask).
        Kept with the answers current when asked: if the index changes meanwhile, what
        ``compute`` read first may be older than what it reads last."""
        self._current()
        cached = self._cached
        if key not in cached:
            cached[key] = compute()
        return cached[key]

    def count(self) -> int:
        return self._counts()[0]

    def _counts(self) -> tuple[int, int]:
        """Rows shown, and those of them that are dated."""
        return self._once("counts", lambda: tuple(int(n) for n in self._ask(
            "SELECT count(*) AS n, count(date) AS dated FROM {rows}", summaries.COUNTS,
            "sum_dates").iloc[0]))

    def markers(self, limit: int) -> Markers:
        return self._once(("markers", limit), lambda: self._markers(limit))

    def _markers(self, limit: int) -> Markers:
        """The sample with its hover labels, kept with the answers: a setting asked for
        again, or the other y axis, does not write 5,000 labels anew."""
        from dashboards.labels import hover_labels

        rows = _typed(self._query(_MARKERS, [limit]))
        return Markers(rows, hover_labels(rows), self._counts()[1],
                       self.top_items("actors", MAX_ACTOR_ROWS).index.tolist())

    def top_items(self, column: str, n: int) -> pd.Series:
        """Counts of the ``n`` most frequent items of a list column (ties by name)."""
        def top(limit: int) -> pd.DataFrame:
            plain = _TOP_ITEMS.replace("{column}", column)
            if column == "actors":
                return self._ask(plain, summaries.TOP_ACTORS, "sum_actors", [limit])
            return self._query(plain, [limit])

        most = self._once(("top", column), lambda: top(_TOP_LIMIT))
        frame = most.head(n) if n <= _TOP_LIMIT else top(n)
        return pd.Series(frame["count"].to_numpy(), index=frame["value"].to_numpy(),
                         name="count")

    def spread_counts(self, freq: str) -> pd.DataFrame:
        from dashboards.aggregate import spread_counts

        spans = self._ask(_SPANS, summaries.SPANS, "sum_spans")
        return spread_counts(spans.assign(date=spans["start"]), freq, weight="weight")

    def date_focus(self) -> tuple[pd.Timestamp, pd.Timestamp] | None:
        from dashboards.figures import focus_range

        if self.summarised:
            dates = self._query(summaries.DATES, over="sum_dates")
            values = summaries.date_quantiles(dates["date"], dates["n"])
        else:
            values = self._query(
                "SELECT quantile_cont(date, 0.05) AS low, quantile_cont(date, 0.95) AS high,"
                " min(date) AS first, max(date) AS last FROM {rows}").iloc[0]
        if pd.isna(values["first"]):
            return None
        return focus_range(*(pd.Timestamp(values[k]) for k in ("low", "high", "first", "last")))

    def cooccurrence(self, top_n: int) -> tuple[pd.Series, pd.DataFrame]:
        nodes = self.top_items("actors", top_n)
        if nodes.empty:
            return nodes, pd.DataFrame({"source": [], "target": [], "weight": []})
        edges = self._ask(_EDGES, summaries.EDGES, "sum_pairs", [list(nodes.index)])
        return nodes, edges.astype({"weight": "int64"})

    def place_counts(self) -> pd.DataFrame:
        return self._ask(_PLACES, summaries.PLACES, "sum_places").astype({"count": "int64"})

    def table_page(self, offset: int, limit: int) -> pd.DataFrame:
        from dashboards.aggregate import table_frame

        rows = self._at(_PAGE, [limit, offset], TABLE_ORDER)
        return table_frame(rows).reset_index(drop=True)

    def narrative(self, offset: int, limit: int) -> tuple[pd.DataFrame, int]:
        if self.stories:
            keys, over = _STORY_NARRATIVE, None
        elif self.summarised:
            keys, over = _NARRATIVE.replace("{told}", summaries.TOLD), "sum_stories"
        else:
            keys, over = _NARRATIVE.replace("{told}", _TOLD), None
        told = self._at(keys, [limit, offset], _NARRATIVE_ORDER, over)
        if self.stories:
            return told, self.count()
        if len(told):
            return told, int(told["_total"].iloc[0])
        return told, self._once("stories", lambda: int(self.index.scalar(
            f"SELECT count(DISTINCT sid) FROM {self.rows}", self.params)))

    def _at(self, keys: str, extra: list[Any], order: str,
            over: str | None = None) -> pd.DataFrame:
        """The index's rows at the positions ``keys`` gives (with its other columns),
        in ``order``: the positions are chosen over the narrow shown rows, and only
        those rows are read whole (kept together: rows read at positions chosen before
        an edit are not kept after it)."""
        def read() -> pd.DataFrame:
            chosen = self._query(keys, extra, over)
            rows = self.index.query(_AT.format(order=order), [chosen["pos"].tolist()])
            extras = chosen.set_index("pos")
            return rows.join(extras, on="pos") if len(extras.columns) else rows

        return _typed(self._once(("at", keys, repr(extra)), read).copy())

    def download(self) -> pd.DataFrame:
        from dataclasses import replace

        where, params = replace(self.filters, show_wrong=True).sql()
        ids = self.index.query(f"SELECT event_id FROM light WHERE {where} ORDER BY ord", params)
        return self.events(ids["event_id"].tolist())

    def events(self, ids: list[str]) -> pd.DataFrame:
        """The store's rows of ``ids``, in that order (session columns, see ``backing``)."""
        from dashboards.backing import store_events

        if not ids:
            return store_events(self.path, "FALSE")
        rows = store_events(self.path, "e.event_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
        order = pd.Series(range(len(ids)), index=ids)
        return rows.iloc[order.loc[rows["event_id"]].argsort()].reset_index(drop=True)


def _typed(rows: pd.DataFrame) -> pd.DataFrame:
    """Index rows with the list columns as lists (DuckDB gives numpy arrays)."""
    for column in ("actors", "locations"):
        rows[column] = [list(v) if v is not None else [] for v in rows[column]]
    return rows
