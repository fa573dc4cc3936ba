"""The dashboard over an event store, in DuckDB: filters and aggregates never reach pandas.

A served store is not read into the server's memory. Its events are copied once into
a small *index* (one DuckDB file in the temporary folder, per server process) holding
what filters and figures need (dates and intervals, type, actors, places,
coordinates, confidence, story, the lower-cased sentence) plus each event's rank in
its story and in the table's order. Every filter change is then SQL over the index:
counts per period, type, actor and place are ``GROUP BY``s, the timeline's markers a
hash-ordered sample, the table and the narrative one ``LIMIT``/``OFFSET`` page whose
full rows are read from the store by id.

The index is rebuilt when the store file changed since it was made (``timeline
ingest`` wrote to it, or another server saved an edit), so a browser refresh shows new
events; an edit made by this server updates its event's index row in place. What
the index answers is kept until either happens (``StoreIndex.version``): the filter
options and date bounds, and the answers of the last ``ANSWERED_SELECTIONS`` filter
settings, shared by every session, so going back to a setting (resetting the filters,
switching between stories and raw events, a new browser session's first page) runs
no query again. The store itself is only opened for a moment at a time, read-only, so ``ingest`` can
write while the dashboard is open. DuckDB's memory and threads are capped
(``MEMORY_LIMIT``, ``THREADS``) so a million events stay within a server's budget.
"""

from __future__ import annotations

import atexit
import itertools
import os
from collections import OrderedDict
from collections.abc import Callable
import re
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from dashboards.summaries import make_summaries

#: DuckDB's memory cap and worker threads for the dashboard's queries.
MEMORY_LIMIT = "512MB"
THREADS = 2
#: Filter settings whose answers the index keeps (the least recently used are dropped).
ANSWERED_SELECTIONS = 16
#: Name of a server process's index folder in the temporary folder (its pid follows).
INDEX_FOLDER = "timeline-dashboard-index-"
#: The table's order (newest first, undated last); ``ord`` is the store's reading order.
TABLE_ORDER = "date DESC NULLS LAST, ord"

# Each event's story (``sid``), rank in its story (``pos``: most confident first, then
# the store's reading order), place in that reading order (``ord``) and in the
# timeline's sample order (``h``: a hash of its id). Computed on a narrow projection:
# sorting a million wide rows would spill.
_RANKS = """
CREATE OR REPLACE TEMP TABLE ranks AS
WITH keys AS (
  SELECT e.event_id, coalesce(m.story_id, e.event_id) AS story, e.confidence, e.date,
    e.doc_id, e.trigger_start
  FROM src.events e LEFT JOIN src.story_members m USING (event_id))
SELECT event_id, dense_rank() OVER (ORDER BY story) AS sid,
  row_number() OVER (ORDER BY story, confidence DESC NULLS LAST, date NULLS LAST, doc_id,
                     trigger_start) AS pos,
  row_number() OVER (ORDER BY date NULLS LAST, doc_id, trigger_start) AS ord,
  row_number() OVER (ORDER BY hash(event_id), event_id) AS h FROM keys
"""
# One row per event: what the filters, figures and pages read. ``lo``/``hi`` are the
# event's interval as ``dashboards.aggregate.event_intervals`` computes it;
# ``correction`` is what ``dashboards.backing.store_events`` says.
_INDEX_ROWS = """
WITH edited AS ({last_edit})
SELECT e.event_id, e.date, e.start, e."end", lo, CASE WHEN coalesce(e."end", lo + INTERVAL 1 DAY)
    > lo THEN coalesce(e."end", lo + INTERVAL 1 DAY) ELSE lo + INTERVAL 1 DAY END AS hi,
  e.event_type, e.actors, e.locations,
  coalesce(nullif(e.place, ''), e.locations[1], '(no place)') AS map_place,
  coalesce(e.country, '') AS country, coalesce(e.place_precision, 'unknown')
    AS place_precision, e.latitude, e.longitude, e.confidence,
  coalesce(e.wrong, FALSE) AS wrong, e.granularity, e.title, e.url, e.time_text,
  e.time_value, e.sentence, lower(e.sentence) AS lsentence,
  coalesce(s.n_sources, 1) AS n_sources, CASE WHEN coalesce(e.wrong, FALSE)
    THEN '{wrong}' ELSE coalesce(edited.last_edit, '') END AS correction, r.sid, r.pos, r.ord,
  r.h
FROM (SELECT *, coalesce(start, date) AS lo FROM src.events) e JOIN {ranks} r USING (event_id)
LEFT JOIN src.story_members m USING (event_id)
LEFT JOIN src.stories s ON s.story_id = m.story_id LEFT JOIN edited USING (event_id)
"""
_ONE_RANK = ("(SELECT ? AS event_id, ?::BIGINT AS sid, ?::BIGINT AS pos, ?::BIGINT AS ord, "
             "?::BIGINT AS h)")


def _index_rows(ranks: str) -> str:
    from dashboards.backing import LAST_EDIT
    from dashboards.store import MARKED_WRONG

    last_edit = re.sub(r"\b(edits|story_members)\b", r"src.\1", LAST_EDIT)
    return _INDEX_ROWS.format(last_edit=last_edit, wrong=MARKED_WRONG, ranks=ranks)


#: Columns a selection copies from the index: what filters and aggregates read (the
#: markers and pages read their rows from the index by ``pos``).
SHOWN_COLUMNS = ("date, lo, hi, event_type, actors, map_place, country, "
                 "place_precision, latitude, longitude, confidence, sid, pos, ord, h")


def sweep_index_folders(root: Path) -> list[Path]:
    """Remove the index folders of server processes that are gone (killed before their
    exit handler ran); return them."""
    gone = []
    for folder in root.glob(f"{INDEX_FOLDER}*"):
        pid = folder.name[len(INDEX_FOLDER):]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
            gone.append(folder)
    return gone


def _running(pid: int) -> bool:
    """True when a process ``pid`` exists (signal 0 only checks; it sends nothing)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def store_stamp(path: Path) -> tuple[int, ...]:
    """What changes when a store is written: its file's and its WAL's time and size."""
    parts: list[int] = []
    for file in (path, path.with_name(path.name + ".wal")):
        if file.exists():
            info = file.stat()
            parts += [info.st_mtime_ns, info.st_size]
    return tuple(parts)


class StoreIndex:
    """The index of one store in this server process (see the module's docstring)."""

    _open: dict[str, StoreIndex] = {}
    _folder: str | None = None
    _guard = threading.Lock()

    def __init__(self, path: Path) -> None:
        import duckdb

        self.path = path
        self.lock = threading.RLock()
        self.file = Path(self._index_folder()) / f"index-{len(self._open)}.duckdb"
        self.con = duckdb.connect(str(self.file))
        self.con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'; SET threads = {THREADS};"
                         "SET preserve_insertion_order = false")
        self.stamp: tuple[int, ...] = ()
        #: How many times the index was built (a selection of an older one is redone).
        self.built = 0
        #: Bumped when the index's rows change (rebuilt, or one event re-read): what
        #: was answered before is forgotten.
        self.version = 0
        self._answers: OrderedDict[Any, dict[Any, Any]] = OrderedDict()
        self.build_seconds = 0.0
        #: True when an edit changed a row since the summaries were made.
        self.summaries_stale = True
        self._names = itertools.count()
        #: Temporary tables of selections that are gone, dropped before the next is made.
        self.unused: list[str] = []

    @classmethod
    def of(cls, path: str | os.PathLike[str]) -> StoreIndex:
        """The up-to-date index of the store at ``path`` (rebuilt when the store changed)."""
        from timeline.errors import StoreError

        store = Path(path).resolve()
        if not store.is_file():
            raise StoreError(f"{store}: no such store")
        with cls._guard:
            index = cls._open.get(str(store)) or cls._open.setdefault(str(store), cls(store))
        with index.lock:
            if store_stamp(store) != index.stamp:
                index.rebuild()
        return index

    @classmethod
    def _index_folder(cls) -> str:
        if cls._folder is None:
            root = Path(tempfile.gettempdir())
            sweep_index_folders(root)
            folder = root / f"{INDEX_FOLDER}{os.getpid()}"
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            cls._folder = str(folder)
            atexit.register(shutil.rmtree, cls._folder, True)
        return cls._folder

    def rebuild(self) -> None:
        """Copy the store's events into the index anew."""
        started = time.perf_counter()
        stamp = store_stamp(self.path)
        with self._attached():
            self.con.execute(_RANKS)
            # Stored in sample order: the timeline's markers of a large selection are
            # then the table's first row groups, not rows scattered over all of them.
            self.con.execute(f"CREATE OR REPLACE TABLE light AS {_index_rows('ranks')} "
                             "ORDER BY h")
            self.con.execute("DROP TABLE ranks")
            # Pages and narrative entries read a few rows by position: a look-up.
            self.con.execute("CREATE INDEX light_pos ON light (pos)")
            make_summaries(self.con)
        self.summaries_stale = False
        self.stamp = stamp
        self.built += 1
        self._changed()
        self.build_seconds = time.perf_counter() - started

    def refresh_event(self, event_id: str, before: tuple[int, ...]) -> None:
        """Re-read one event after this server edited it (``before``: the store's stamp
        before the edit; the index counts as current only if nothing else changed)."""
        with self.lock, self._attached():
            kept = self.con.execute("SELECT sid, pos, ord, h FROM light WHERE event_id = ?",
                                    [event_id]).fetchone()
            if kept is None:
                return
            self.con.execute("DELETE FROM light WHERE event_id = ?", [event_id])
            self.con.execute(f"INSERT INTO light BY NAME {_index_rows(_ONE_RANK)}",
                             [event_id, *kept])
            self.summaries_stale = True
            self._changed()
            if before == self.stamp:
                self.stamp = store_stamp(self.path)

    def query_summary(self, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
        """A query over the summary tables, made again first when an edit changed a row
        since. One hold of the lock: an edit landing between the two would leave the
        answer older than the ``version`` it is kept under."""
        with self.lock:
            if self.summaries_stale:
                make_summaries(self.con)
                self.summaries_stale = False
            return self.query(sql, params)

    def forget(self) -> None:
        """Forget every answer (as when the index changes)."""
        with self.lock:
            self._changed()

    def _changed(self) -> None:
        self.version += 1
        self._answers.clear()

    def answers(self, key: Any) -> dict[Any, Any]:
        """The answers kept for ``key`` (a selection's filters) at this ``version``."""
        with self.lock:
            kept = self._answers.pop(key, None)
            self._answers[key] = {} if kept is None else kept
            while len(self._answers) > ANSWERED_SELECTIONS:
                self._answers.popitem(last=False)
            return self._answers[key]

    def _memo(self, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per ``version`` (the filter options, bounds, count)."""
        kept = self.answers("index")
        if key not in kept:
            kept[key] = compute()
        return kept[key]

    def _attached(self) -> Any:
        """The store attached read-only as ``src`` for one statement batch."""
        import contextlib

        @contextlib.contextmanager
        def attached() -> Any:
            _attach(self.con, self.path)
            try:
                yield
            finally:
                self.con.execute("DETACH src")
        return attached()

    def query(self, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
        """A query over the index, as a frame."""
        with self.lock:
            return self.con.execute(sql, params or []).df()

    def scalar(self, sql: str, params: list[Any] | None = None) -> Any:
        """The first value of a query over the index."""
        with self.lock:
            row = self.con.execute(sql, params or []).fetchone()
        return None if row is None else row[0]

    def execute(self, sql: str, params: list[Any] | None = None) -> None:
        with self.lock:
            self.con.execute(sql, params or [])

    def top_items(self, column: str, n: int) -> list[str]:
        """The ``n`` most frequent items of a list column over every event (ties by name)."""
        return self._memo(("top", column, n), lambda: self.query(
            f"SELECT item FROM (SELECT unnest({column}) AS item FROM light) WHERE item IS NOT "
            "NULL GROUP BY item ORDER BY count(*) DESC, item LIMIT ?", [n])["item"].tolist())

    def types(self) -> list[str]:
        """The event types present, sorted."""
        return self._memo("types", lambda: self.query(
            "SELECT DISTINCT event_type FROM light WHERE event_type IS NOT NULL "
            "ORDER BY event_type")["event_type"].tolist())

    def date_bounds(self) -> tuple[Any, Any] | None:
        """First and last day covered by any event, or None when nothing is dated."""
        low, high = self._memo("bounds", lambda: self.con.execute(
            "SELECT min(lo), max(hi) FROM light WHERE lo IS NOT NULL").fetchone())
        return None if low is None else (low, high)

    def has_event(self, event_id: str) -> bool:
        """True when the index holds the event."""
        return self.scalar("SELECT count(*) FROM light WHERE event_id = ?", [event_id]) > 0

    def count(self) -> int:
        """Events in the store."""
        return self._memo("count", lambda: int(self.scalar("SELECT count(*) FROM light")))

    def new_name(self) -> str:
        """A fresh name for a selection's shown rows (those no longer used dropped)."""
        with self.lock:
            while self.unused:
                self._settled().unregister(self.unused.pop())
        return f"shown_{next(self._names)}"

    def hold(self, name: str, sql: str, params: list[Any]) -> None:
        """Keep the rows of ``sql`` as the table ``name`` for later queries: an Arrow
        table in this process's memory that DuckDB scans, a quarter cheaper to make
        than a temporary table (nothing compressed or written)."""
        with self.lock:
            rows = self._settled().sql(sql, params=params).to_arrow_table()
            self.con.register(name, rows)

    def _settled(self) -> Any:
        """The connection with no result left unread (``fetchone`` leaves one, and
        DuckDB then refuses relations and registrations on it)."""
        self.con.execute("SELECT 1").fetchall()
        return self.con


def _attach(con: Any, path: Path) -> None:
    """ATTACH the store read-only, waiting while another process holds it for writing."""
    from timeline.store.db import waiting_for_lock

    quoted = str(path).replace("'", "''")
    waiting_for_lock(path, lambda: con.execute(f"ATTACH '{quoted}' AS src (READ_ONLY)"))


@dataclass(frozen=True)
class Filters:
    """The dashboard's filters (``DataStore``'s params), as SQL over the index.

    The same rules as ``DataStore.mask``: an event counts when its interval overlaps
    the date range (its last day included), has any chosen actor or place, one of the
    types, the search text in its sentence, at least the confidence; events marked
    wrong and of type ``other`` are left out unless asked for.
    """

    date_range: tuple[Any, Any] | None = None
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    search: str = ""
    min_confidence: float = 0.0
    show_wrong: bool = False
    show_other: bool = False

    @property
    def by_kind_only(self) -> bool:
        """True when only the event types, ``show_wrong`` and ``show_other`` filter: the
        clause then reads ``event_type`` and ``wrong`` only (see ``dashboards.summaries``)."""
        return (self.date_range is None and not self.actors and not self.places
                and not self.search.strip() and self.min_confidence <= 0)

    def sql(self) -> tuple[str, list[Any]]:
        """A ``WHERE`` clause over the index and its parameters."""
        from dashboards.labels import OTHER

        clauses: list[str] = []
        params: list[Any] = []
        if self.date_range is not None:
            low, high = (pd.Timestamp(v) for v in self.date_range)
            clauses.append("lo < ? AND hi > ?")
            params += [(high.normalize() + pd.Timedelta(days=1)).to_pydatetime(),
                       low.to_pydatetime()]
        for column, values in (("actors", self.actors), ("locations", self.places)):
            if values:
                # One list_contains per value: several times faster than list_has_any.
                anyof = " OR ".join(f"list_contains({column}, ?)" for _ in values)
                clauses.append(f"({anyof})")
                params += list(values)
        if self.event_types:
            clauses.append(f"event_type IN ({', '.join('?' * len(self.event_types))})")
            params += list(self.event_types)
        if self.search.strip():
            clauses.append("contains(lsentence, ?)")
            params.append(self.search.strip().lower())
        if self.min_confidence > 0:
            clauses.append("coalesce(confidence, 0.0) >= ?")
            params.append(float(self.min_confidence))
        if not self.show_wrong:
            clauses.append("NOT wrong")
        if not self.show_other and OTHER not in self.event_types:
            clauses.append("coalesce(event_type, '') <> ?")
            params.append(OTHER)
        return " AND ".join(clauses) or "TRUE", params
