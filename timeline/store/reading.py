"""Reading events and stories out of a store as timeline frames."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline import schema

if TYPE_CHECKING:
    import pandas as pd

    from timeline.store.db import Store
    from timeline.store.filters import EventFilter


def read_events(store: Store, where: EventFilter | None = None, *,
                edits: bool = True) -> pd.DataFrame:
    """Events matching ``where`` as a timeline frame, in date order.

    With ``edits=False``, events marked wrong by an analyst are left out.
    """
    from timeline.store.filters import EventFilter

    clause, params = (where or EventFilter()).sql("e")
    if not edits:
        clause += " AND NOT coalesce(e.wrong, FALSE)"
    columns = ", ".join(f'e."{name}"' for name in schema.EVENT_COLUMNS)
    frame = store.query(
        f"SELECT {columns} FROM events e WHERE {clause} "
        "ORDER BY e.date NULLS LAST, e.doc_id, e.trigger_start", params)
    return schema.coerce(frame)


def read_stories(store: Store, where: EventFilter | None = None) -> pd.DataFrame:
    """Stories with at least one event matching ``where``, most sources first."""
    from timeline.store.filters import EventFilter
    from timeline.store.tables import STORY_DTYPES

    clause, params = (where or EventFilter()).sql("e")
    frame = store.query(
        "SELECT s.* FROM stories s WHERE s.story_id IN ("
        "  SELECT m.story_id FROM story_members m JOIN events e USING (event_id)"
        f"  WHERE {clause}) "
        "ORDER BY s.date NULLS LAST, s.n_sources DESC, s.story_id", params)
    return schema.coerce(frame, STORY_DTYPES) if len(frame) else schema.empty_frame(STORY_DTYPES)
