"""The dashboard's single source of truth: one browser tab's timeline and its filters.

Views never filter on their own: they ask ``DataStore.selection`` for what they draw
and set the filter params, so every view stays linked. In memory the selection is the
``filtered`` frame; over an event store (``from_store``) it is SQL over the store
(``dashboards.store_selection``), ``data`` stays empty and ``filtered`` holds only the
timeline's sample of markers. The store renders its own filter widgets
(``FilterWidgets``, shown by ``pn.panel(store)``). Look-up structures (one row per
actor, per place, lower-cased sentences, hover labels) are built once per timeline so
that a filter change on 100,000 events costs a few vectorised masks, not a Python loop.
Every attribute other views read is a declared param; no Plotly code is imported here.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import panel as pn
import param

from dashboards.backing import (DEFAULT_EDITOR, STORY_ID, edit_event,
                                memory_edit)
from dashboards.aggregate import event_intervals, explode_list, table_frame, top_values
from dashboards.labels import OTHER, hover_labels, type_colors
from dashboards.selection import FrameSelection, Selection
from timeline.schema import EVENT_DTYPES, coerce, empty_frame

if TYPE_CHECKING:
    from dashboards.filter_widgets import FilterWidgets
    from dashboards.sql import StoreIndex

#: At most this many actors or places are offered in a filter widget (most frequent first).
OPTION_LIMIT = 2000
#: Extra column (after the schema's) saying what an analyst changed on a row.
CORRECTION = "correction"
MARKED_WRONG = "marked wrong"


class DataStore(pn.viewable.Viewer):
    """Holds one browser session's timeline frame and the filters applied to it."""

    data = param.DataFrame(doc="The full timeline of this browser session, corrections included.")
    texts = param.Dict(default={}, doc="Article text by doc_id, for sentence context.")
    date_range = param.DateRange(default=None, allow_None=True,
                                 doc="Keep events whose date interval overlaps this range.")
    actors = param.List(default=[], item_type=str, doc="Keep events with any of these actors.")
    places = param.List(default=[], item_type=str, doc="Keep events at any of these places.")
    event_types = param.List(default=[], item_type=str, doc="Keep events of these types.")
    search = param.String(default="", doc="Keep events whose sentence contains this text.")
    min_confidence = param.Number(default=0.0, bounds=(0.0, 1.0), step=0.05,
                                  doc="Keep events at least this confident.")
    show_wrong = param.Boolean(default=False, doc="Also show events marked wrong.")
    stories_view = param.Boolean(default=False,
                                 doc="One row per story (events merged across articles).")
    store_path = param.String(default=None, allow_None=True, constant=True,
                              doc="Event store the session reads and edits (None: memory).")
    editor = param.String(default=DEFAULT_EDITOR, doc="Who the session's edits are by.")
    show_other = param.Boolean(default=False, doc="Also show events of type 'other' "
                               "(always shown when 'other' is a chosen type).")
    selected_event = param.String(default=None, allow_None=True,
                                  doc="event_id shown in the detail view.")
    filtered = param.DataFrame(precedence=-1, doc="``data`` after the filters (read only); "
                               "over a store, the timeline's sample of them.")
    selection = param.ClassSelector(class_=Selection, precedence=-1,
                                    doc="What the filters keep, as the views ask for it.")
    revision = param.Integer(default=0, precedence=-1,
                             doc="Bumped when a store-backed session re-reads its store.")
    labels = param.Series(precedence=-1, doc="Escaped hover label per row of ``data``.")
    table = param.DataFrame(precedence=-1,
                            doc="``data`` as the events table shows it, newest first.")
    colors = param.Dict(default={}, precedence=-1, doc="Colour of each event type.")

    def __init__(self, data: pd.DataFrame | None = None, **params: Any) -> None:
        self._widgets: FilterWidgets | None = None
        self._sql: StoreIndex | None = None
        super().__init__(data=_prepare(data), **params)
        if self.store_path:
            from dashboards.sql import StoreIndex

            self._sql = StoreIndex.of(self.store_path)
        self._index()
        self._apply_filters()

    # ----- derived structures -------------------------------------------------
    @param.depends("data", "revision", watch=True)
    def _on_data(self) -> None:
        # One watcher, so the look-ups are rebuilt before the filters use them.
        self._index()
        self._apply_filters()

    def _index(self) -> None:
        """Rebuild the look-up structures after ``data`` was replaced."""
        if self.store_path:
            self.colors = type_colors(self.type_options)
            return
        data = self.data
        self._actor_rows = explode_list(data, "actors")
        self._place_rows = explode_list(data, "locations")
        self._sentences = data["sentence"].astype("str").fillna("").str.lower()
        self._start, self._end = event_intervals(data)
        # The table lists newest first; sorting once here keeps filter changes cheap.
        stamps = data["date"].to_numpy().astype("int64")
        stamps[data["date"].isna().to_numpy()] = np.iinfo("int64").min + 1  # undated last
        order = np.argsort(-stamps, kind="stable")
        self._table_order = order
        self._wrong = data["wrong"].to_numpy(dtype=bool)
        table = table_frame(data)
        self.param.update(labels=hover_labels(data), table=table.iloc[order],
                          colors=type_colors(data["event_type"].astype("str").unique()))

    @property
    def actor_options(self) -> list[str]:
        """Actors by decreasing event count (capped, to keep the widget light)."""
        if self._sql is not None:
            return self._sql.top_items("actors", OPTION_LIMIT)
        return top_values(self.data, "actors", OPTION_LIMIT).index.tolist()

    @property
    def place_options(self) -> list[str]:
        """Places by decreasing event count (capped, to keep the widget light)."""
        if self._sql is not None:
            return self._sql.top_items("locations", OPTION_LIMIT)
        return top_values(self.data, "locations", OPTION_LIMIT).index.tolist()

    @property
    def type_options(self) -> list[str]:
        """Event types present in the timeline, sorted."""
        if self.store_path:
            from dashboards.sql import StoreIndex

            return (self._sql or StoreIndex.of(self.store_path)).types()
        return sorted(self.data["event_type"].dropna().astype("str").unique().tolist())

    @property
    def date_bounds(self) -> tuple[dt.datetime, dt.datetime] | None:
        """First and last day covered by any event, or None when nothing is dated."""
        if self._sql is not None:
            return self._sql.date_bounds()
        if self._start.notna().sum() == 0:
            return None
        return self._start.min().to_pydatetime(), self._end.max().to_pydatetime()

    @property
    def n_events(self) -> int:
        """Events in the whole timeline (or store)."""
        return len(self.data) if self._sql is None else self._sql.count()

    # ----- filtering ----------------------------------------------------------
    @classmethod
    def from_store(cls, path: str, **params: Any) -> DataStore:
        """A session over the event store at ``path`` as it is now (stories shown first)."""
        return cls(None, store_path=str(path), **{"stories_view": True, **params})

    @property
    def has_stories(self) -> bool:
        """True when the rows carry their story (a store-backed session)."""
        return bool(self.store_path) or STORY_ID in self.data.columns

    @param.depends("date_range", "actors", "places", "event_types", "search",
                   "min_confidence", "show_wrong", "stories_view", "show_other", watch=True)
    def _apply_filters(self) -> None:
        # Every view's update goes to the browser in one message, not one per view.
        with pn.io.hold():
            self._select()

    def _select(self) -> None:
        if self.store_path:
            self._select_in_store()
            return
        mask = self.mask()
        if self.stories_view and self.has_stories:
            mask = _one_per_story(self.data, mask)
        self._mask = mask
        filtered = self.data[mask]
        self.param.update(selection=FrameSelection(self, filtered), filtered=filtered)

    def _select_in_store(self) -> None:
        """A new SQL selection for the filters (the previous one's table dropped)."""
        from dashboards.figures import MAX_POINTS
        from dashboards.sql import Filters, StoreIndex
        from dashboards.store_selection import StoreSelection

        self._sql = self._sql or StoreIndex.of(self.store_path)
        filters = Filters(self.date_range, tuple(self.actors), tuple(self.places),
                          tuple(self.event_types), self.search, self.min_confidence,
                          self.show_wrong, self.show_other)
        new = StoreSelection(self._sql, self.store_path, filters, self.stories_view)
        self.param.update(selection=new, filtered=new.markers(MAX_POINTS).rows)

    def download_rows(self) -> pd.DataFrame:
        """The events a download holds: the filters' events, those marked wrong flagged."""
        if self.store_path:
            return self.selection.download()
        return self.data[self.mask(include_wrong=True)]

    def table_rows(self) -> pd.DataFrame:
        """The filtered events as the table shows them, newest first."""
        return self.table[self._mask[self._table_order]]

    def mask(self, include_wrong: bool = False) -> np.ndarray:
        """Boolean mask over ``data`` for the current filters (events, not stories)."""
        data = self.data
        keep = np.ones(len(data), dtype=bool)
        if self.date_range is not None:
            low, high = (pd.Timestamp(v) for v in self.date_range)
            # An event counts when its interval overlaps the range (inclusive of the
            # range's last day), so a month-level event is not lost at the edges.
            high = high.normalize() + pd.Timedelta(days=1)
            keep &= ((self._start < high) & (self._end > low)).to_numpy()
        if self.actors:
            keep &= data.index.isin(self._actor_rows.index[self._actor_rows.isin(self.actors)])
        if self.places:
            keep &= data.index.isin(self._place_rows.index[self._place_rows.isin(self.places)])
        if self.event_types:
            keep &= data["event_type"].astype("str").isin(self.event_types).to_numpy()
        if self.search.strip():
            needle = self.search.strip().lower()
            keep &= self._sentences.str.contains(needle, regex=False).to_numpy()
        if self.min_confidence > 0:
            keep &= (data["confidence"].fillna(0.0) >= self.min_confidence).to_numpy()
        if not (self.show_wrong or include_wrong):
            keep &= ~self._wrong
        if not self.show_other and OTHER not in self.event_types:
            keep &= (data["event_type"].astype("str") != OTHER).to_numpy()
        return keep

    def reset_filters(self) -> None:
        """Clear every filter at once (one recomputation)."""
        self.param.update(date_range=None, actors=[], places=[], event_types=[],
                          search="", min_confidence=0.0)

    # ----- selection and edits ------------------------------------------------
    def event(self, event_id: str | None) -> pd.Series | None:
        """The row of ``event_id`` in the full timeline, or None."""
        if not event_id:
            return None
        if self.store_path:
            rows = self.selection.events([event_id])
            return None if rows.empty else rows.iloc[0]
        rows = self.data.index[self.data["event_id"] == event_id]
        return None if len(rows) == 0 else self.data.loc[rows[0]]

    def add_events(self, events: pd.DataFrame, texts: dict[str, str] | None = None) -> int:
        """Append newly extracted events (ids already present are skipped); return count."""
        new = _prepare(events)
        new = new[~new["event_id"].isin(self.data["event_id"])]
        merged = pd.concat([self.data, new], ignore_index=True) if len(self.data) else new
        self.param.update(texts={**self.texts, **(texts or {})}, data=_prepare(merged))
        return len(new)

    def reload(self, texts: dict[str, str] | None = None) -> None:
        """Show the store's events anew (as ingested since), keeping the filters."""
        if not self.store_path:
            raise ValueError("only a session over an event store can be reloaded")
        from dashboards.sql import StoreIndex

        self._sql = StoreIndex.of(self.store_path)
        self.param.update(texts={**self.texts, **(texts or {})}, revision=self.revision + 1)

    def correct_date(self, event_id: str, day: dt.date | pd.Timestamp) -> None:
        """Set the event's date to ``day`` (day precision), flagged as corrected."""
        self.edit(event_id, "date", f"{pd.Timestamp(day):%Y-%m-%d}")

    def mark_wrong(self, event_id: str, wrong: bool = True) -> None:
        """Flag the event as wrong: hidden unless ``show_wrong``, exported flagged."""
        self.edit(event_id, "wrong", wrong)

    def edit(self, event_id: str, field: str, value: Any) -> None:
        """Change one field of an event (see ``timeline.store.edits.EDITABLE``).

        Over a store the edit is recorded there, by ``editor``, and the event's row in
        the index is read anew; otherwise it lives in this session only. A bad value
        raises ``StoreError``.
        """
        if self.store_path:
            from dashboards.sql import store_stamp

            if not self._sql.has_event(event_id):
                raise KeyError(event_id)
            before = store_stamp(self._sql.path)
            edit_event(self.store_path, event_id, field, value, self.editor)
            self._sql.refresh_event(event_id, before)
            self.revision += 1
            return
        old = self.event(event_id)
        if old is None:
            raise KeyError(event_id)
        self._set_row(event_id, memory_edit(old, field, value))

    def _set_row(self, event_id: str, values: dict[str, Any]) -> None:
        data = self.data.copy()
        rows = data.index[data["event_id"] == event_id]
        if len(rows) == 0:
            raise KeyError(event_id)
        for column, value in values.items():
            series = data[column]
            if (isinstance(series.dtype, pd.CategoricalDtype) and isinstance(value, str)
                    and value not in series.cat.categories):
                data[column] = series.cat.add_categories([value])
            for row in rows:  # .at: a list value goes into one cell, not spread
                data.at[row, column] = value
        self.data = data

    @property
    def filter_widgets(self) -> FilterWidgets:
        """The store's filter widgets, built on first use (headless stores build none)."""
        from dashboards.filter_widgets import FilterWidgets

        if self._widgets is None:
            self._widgets = FilterWidgets(self)
        return self._widgets

    def __panel__(self) -> pn.viewable.Viewable:
        return self.filter_widgets.panel()


def _prepare(data: pd.DataFrame | None) -> pd.DataFrame:
    """Schema dtypes, a unique RangeIndex, and the ``correction`` column."""
    if data is None:
        frame = empty_frame()
    elif _has_schema(data):
        frame = data.copy()  # already typed (fresh from extract): skip the slow coerce
    else:
        frame = coerce(data)
    frame = frame.reset_index(drop=True)
    if CORRECTION not in frame.columns:
        frame[CORRECTION] = ""
    frame[CORRECTION] = frame[CORRECTION].fillna("").astype("str")
    return frame


def _one_per_story(data: pd.DataFrame, mask: np.ndarray) -> np.ndarray:
    """``mask`` keeping one event per story: its most confident, then earliest, kept event."""
    kept = data.loc[mask, [STORY_ID, "confidence"]]
    best = kept.sort_values("confidence", ascending=False, kind="stable")
    chosen = best.index[~best[STORY_ID].duplicated()]
    out = np.zeros(len(data), dtype=bool)
    out[chosen] = True
    return out


def _has_schema(data: pd.DataFrame) -> bool:
    """True when every schema column is present with its dtype (lists spot-checked)."""
    for name, dtype in EVENT_DTYPES.items():
        if name not in data.columns:
            return False
        column = data[name]
        if dtype == "object":
            if not all(isinstance(v, list) for v in column.head(20)):
                return False
        elif str(column.dtype) != dtype:
            return False
    return True
