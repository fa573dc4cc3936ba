"""What the filters keep, as the views ask for it: one interface, two sources.

A view never reads a whole timeline: it asks ``DataStore.selection`` for what it draws
(the timeline's markers, counts per period, the actor network, places, one page of the
table or the narrative, the rows of a download). ``FrameSelection`` answers from a
pandas frame held in memory (a CSV, the sample, a notebook's timeline);
``dashboards.store_selection.StoreSelection`` answers in SQL over an event store, so
a million events never reach the server's Python. Both give the same numbers on the
same events.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from dashboards.aggregate import cooccurrence, place_counts, spread_counts

if TYPE_CHECKING:
    from dashboards.store import DataStore


@dataclass(frozen=True)
class Markers:
    """The timeline's input: ``rows`` to draw (all, or a sample of ``total`` events),
    their hover ``labels`` (None: computed from the rows) and the ``top_actors`` rows
    of the actor axis (None: the rows' most frequent)."""

    rows: pd.DataFrame
    labels: pd.Series | None = None
    total: int | None = None
    top_actors: list[str] | None = None


class Selection:
    """The events (or stories) the filters keep; see the module's docstring."""

    #: True when the table is paged here (LIMIT/OFFSET) rather than by the widget.
    paged = False

    def count(self) -> int:
        """Number of rows shown (events, or stories in the stories view)."""
        raise NotImplementedError

    def markers(self, limit: int) -> Markers:
        """The timeline's rows: every row, or (over a store) a sample of ``limit``."""
        raise NotImplementedError

    def spread_counts(self, freq: str) -> pd.DataFrame:
        """``dashboards.aggregate.spread_counts`` of the shown rows."""
        raise NotImplementedError

    def date_focus(self) -> tuple[pd.Timestamp, pd.Timestamp] | None:
        """``dashboards.figures.initial_range`` of the shown rows' dates."""
        raise NotImplementedError

    def cooccurrence(self, top_n: int) -> tuple[pd.Series, pd.DataFrame]:
        """``dashboards.aggregate.cooccurrence`` of the shown rows."""
        raise NotImplementedError

    def place_counts(self) -> pd.DataFrame:
        """``dashboards.aggregate.place_counts`` of the shown rows."""
        raise NotImplementedError

    def table_rows(self) -> pd.DataFrame:
        """Every shown row as the table shows it (when not ``paged``)."""
        raise NotImplementedError

    def table_page(self, offset: int, limit: int) -> pd.DataFrame:
        """``limit`` shown rows from ``offset`` as the table shows them, newest first."""
        return self.table_rows().iloc[offset:offset + limit]

    def narrative(self, offset: int, limit: int) -> tuple[pd.DataFrame, int]:
        """One page of narrative entries (with ``_reports``) and the number of entries."""
        raise NotImplementedError

    def download(self) -> pd.DataFrame:
        """The filters' events, those marked wrong included (flagged)."""
        raise NotImplementedError


class FrameSelection(Selection):
    """The selection of an in-memory ``DataStore``: its ``filtered`` frame."""

    def __init__(self, store: DataStore, filtered: pd.DataFrame) -> None:
        self.store = store
        self.rows = filtered

    def count(self) -> int:
        return len(self.rows)

    def markers(self, limit: int) -> Markers:
        return Markers(self.rows, self.store.labels)

    def spread_counts(self, freq: str) -> pd.DataFrame:
        return spread_counts(self.rows, freq)

    def date_focus(self) -> tuple[pd.Timestamp, pd.Timestamp] | None:
        from dashboards.figures import initial_range

        return initial_range(self.rows["date"].dropna())

    def cooccurrence(self, top_n: int) -> tuple[pd.Series, pd.DataFrame]:
        return cooccurrence(self.rows, top_n)

    def place_counts(self) -> pd.DataFrame:
        return place_counts(self.rows)

    def table_rows(self) -> pd.DataFrame:
        return self.store.table_rows()

    def narrative(self, offset: int, limit: int) -> tuple[pd.DataFrame, int]:
        from dashboards.views.narrative import narrative_entries

        rows = narrative_entries(self.rows)
        return rows.iloc[offset:offset + limit], len(rows)

    def download(self) -> pd.DataFrame:
        return self.store.download_rows()
