"""``Store``: a corpus's articles, events, stories and analyst work in one DuckDB file.

Connections are short-lived: each read or write opens the file, does its work in one
transaction and closes it again. DuckDB lets one process write a file at a time, so
holding a connection open would lock the dashboard out while ``timeline ingest`` runs
(or the other way round); short connections, retried while the other side holds the
lock, let both work on one store. A transaction is all or nothing, so a process killed
mid-write leaves the store as it was before that write.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.errors import StoreError
from timeline.store import tables

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

    from timeline.store.filters import EventFilter

#: How long an operation waits for another process's lock on the file.
LOCK_WAIT_SECONDS = 30.0
_LOCK_WORDS = ("lock", "Conflicting")
# A DuckDB database file carries "DUCK" at bytes 8-11 of its header.
_DUCKDB_MAGIC, _MAGIC_START, _MAGIC_END = b"DUCK", 8, 12


def _unstamped() -> None:
    """The default stamp: none. The store never reads the clock; runs and edits are
    ordered by their numbers."""
    return None


class Store:
    """An event store in the DuckDB file ``path`` (created on first use).

    ``clock``, when given, stamps ingest runs and edits with when they happened; it is
    never used to date an event or resolve a time expression. By default nothing reads
    the clock: the stamps stay empty and the run and edit numbers keep the order, so
    the same input always gives the same store.
    """

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False,
                 clock: Callable[[], datetime | None] = _unstamped) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.clock = clock
        if read_only and not self.path.is_file():
            raise StoreError(f"{self.path}: no such store")
        existed = self.path.exists()
        if existed:
            _check_store_file(self.path)
        if not read_only:
            if existed:  # never add the store's tables to someone else's database
                self.verify()
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.transaction() as con:
                _create_tables(con)

    def verify(self) -> Store:
        """This store, after checking that the file holds the store's tables.

        Opening checks only the file's header (cheap enough for every query of the
        dashboard); commands that open a store the user named call this too.
        """
        with self.connect() as con:
            present = {row[0] for row in con.execute(
                "SELECT table_name FROM information_schema.tables").fetchall()}
        if not {"articles", "events"} <= present:
            raise StoreError(f"{self.path} is not an event store (a DuckDB file without "
                             "the store's tables)")
        return self

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    @contextlib.contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection to the store, waiting while another process holds the file."""
        import duckdb

        con = waiting_for_lock(self.path, lambda: duckdb.connect(str(self.path),
                                                                 read_only=self.read_only))
        try:
            yield con
        finally:
            con.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection inside one transaction: committed on success, else rolled back."""
        with self.connect() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")

    def query(self, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
        """Run a read-only SQL query against the store and return a DataFrame."""
        with self.connect() as con:
            return con.execute(sql, params or []).df()

    # Reading -----------------------------------------------------------------------

    def events(self, where: EventFilter | None = None, *, edits: bool = True) -> pd.DataFrame:
        """Events matching ``where``, as a timeline frame, with the analyst's edits applied."""
        from timeline.store.reading import read_events

        return read_events(self, where, edits=edits)

    def stories(self, where: EventFilter | None = None) -> pd.DataFrame:
        """Stories (events merged across articles) with at least one event matching ``where``."""
        from timeline.store.reading import read_stories

        return read_stories(self, where)

    def articles(self) -> pd.DataFrame:
        """One row per article in the store."""
        return self.query('SELECT * FROM articles ORDER BY doc_id')

    def edits(self) -> pd.DataFrame:
        """Every edit, oldest first: who changed what, from which value to which."""
        return self.query("SELECT * FROM edits ORDER BY edit_id")

    def counts(self) -> dict[str, int]:
        """Numbers of articles, events, stories and edits."""
        with self.connect() as con:
            return {name: con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
                    for name in ("articles", "events", "stories", "edits")}

    # Writing -----------------------------------------------------------------------

    def ingest(self, source: Any, published: Any = None, **options: Any) -> Any:
        """Add articles (paths, texts or ``Article`` objects) incrementally; see ``timeline.store.ingest``."""
        from timeline.store.ingest import ingest

        return ingest(self, source, published, **options)

    def edit(self, target_id: str, field: str, value: Any, *, editor: str,
             kind: str = "event") -> None:
        """Record an analyst's change of ``field`` of an event or story; see ``timeline.store.edits``."""
        from timeline.store.edits import record_edit

        record_edit(self, kind, target_id, field, value, editor)

    def rebuild_stories(self, merge: Callable[..., bool] | None = None) -> int:
        """Group every event into stories with ``merge`` (default: ``stories.same_happening``)."""
        from timeline.store.stories import rebuild_stories

        return rebuild_stories(self, merge)


def _check_store_file(path: Path) -> None:
    """Refuse, before DuckDB opens (and might change) it, a file that is not a store."""
    try:
        with path.open("rb") as stream:
            head = stream.read(_MAGIC_END)
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if head[_MAGIC_START:_MAGIC_END] != _DUCKDB_MAGIC:
        raise StoreError(f"{path} is not an event store (not a DuckDB file)")


def waiting_for_lock(path: Path, opening: Callable[[], Any]) -> Any:
    """``opening()`` (which opens ``path``), retried while another process holds the file."""
    import duckdb

    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    delay = 0.02
    while True:
        try:
            return opening()
        except duckdb.Error as exc:
            if not any(word in str(exc) for word in _LOCK_WORDS):
                raise StoreError(f"{path}: {exc}") from exc
            if time.monotonic() > deadline:
                raise StoreError(f"{path}: another process holds the store") from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def _create_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables, and add schema columns a store made by an older version lacks."""
    con.execute(tables.create_statement("events", {"event_id": "VARCHAR PRIMARY KEY"}))
    for name, columns in tables.TABLES.items():
        con.execute(tables.create_statement(name, columns))
    for name, columns in [("events", tables.event_columns()), *tables.TABLES.items()]:
        present = {row[0] for row in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?",
            [name]).fetchall()}
        for column, kind in columns.items():
            if column not in present:
                plain = kind.replace(" PRIMARY KEY", "").replace(" NOT NULL", "")
                con.execute(f'ALTER TABLE "{name}" ADD COLUMN "{column}" {plain}')
    con.execute('CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id)')
    con.execute('CREATE INDEX IF NOT EXISTS members_story ON story_members(story_id)')
