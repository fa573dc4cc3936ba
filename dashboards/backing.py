"""The dashboard over an event store: rows read from the store, edits written back to it.

Filters and figures run in SQL over the server's index of the store
(``dashboards.sql``), rebuilt when a session opens after the store changed, so events
that ``timeline ingest`` added meanwhile appear after a refresh. Full rows (the event
detail, downloads) are read here, by id. An analyst's change is written by
``Store.edit`` (with who made it), so every other session sees it on its next
refresh. Each event carries its story (``story_id``) and the story's number of
sources (``n_sources``), so the dashboard can show one row per story.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from timeline import schema

#: Extra columns of a store-backed session frame (after the schema's).
STORY_ID = "story_id"
N_SOURCES = "n_sources"
#: Name recorded with an edit when the analyst neither logged in nor typed a name.
DEFAULT_EDITOR = "analyst"

#: The last edit of each event (its own, or its story's), as "field old -> new".
LAST_EDIT = """
SELECT event_id, arg_max(field || ' ' || coalesce(old_value, '') || ' -> '
                         || coalesce(new_value, ''), edit_id) AS last_edit FROM (
  SELECT target_id AS event_id, field, old_value, new_value, edit_id FROM edits
  WHERE target_kind = 'event'
  UNION ALL
  SELECT m.event_id, d.field, d.old_value, d.new_value, d.edit_id
  FROM edits d JOIN story_members m ON m.story_id = d.target_id
  WHERE d.target_kind = 'story') GROUP BY event_id
"""


def _select(where: str) -> str:
    columns = ", ".join(f'e."{name}"' for name in schema.EVENT_COLUMNS)
    return (f"WITH edited AS ({LAST_EDIT}) "
            f"SELECT {columns}, m.story_id, s.n_sources, edited.last_edit "
            "FROM events e LEFT JOIN story_members m USING (event_id) "
            "LEFT JOIN stories s ON s.story_id = m.story_id "
            "LEFT JOIN edited USING (event_id) "
            f"WHERE {where} ORDER BY e.date NULLS LAST, e.doc_id, e.trigger_start")


def store_events(path: str | Path, where: str = "TRUE",
                 params: list[Any] | None = None) -> pd.DataFrame:
    """The store's events as a session frame: schema columns, story, what was edited.

    ``correction`` says ``marked wrong`` or the last edit (``date 2023-01-17 ->
    2023-01-16``). An event
    not yet merged into a story is a story of its own (one source).
    """
    from dashboards.store import CORRECTION, MARKED_WRONG
    from timeline.store import Store

    raw = Store(path, read_only=True).query(_select(where), params)
    frame = schema.coerce(raw[list(schema.EVENT_COLUMNS)].copy())
    frame[STORY_ID] = raw[STORY_ID].fillna(raw["event_id"]).astype("str").to_numpy()
    frame[N_SOURCES] = raw[N_SOURCES].fillna(1).astype("int64").to_numpy()
    correction = pd.Series(raw["last_edit"].fillna("").astype("str").to_numpy(),
                           index=frame.index)
    correction[frame["wrong"].to_numpy(dtype=bool)] = MARKED_WRONG
    frame[CORRECTION] = correction.astype("str")
    return frame


def edit_event(path: str | Path, event_id: str, field: str, value: Any, editor: str) -> None:
    """Record the edit in the store, by ``editor`` (``DEFAULT_EDITOR`` when blank)."""
    from timeline.store import Store

    Store(path).edit(event_id, field, value, editor=editor.strip() or DEFAULT_EDITOR)


def memory_edit(row: pd.Series, field: str, value: Any) -> dict[str, Any]:
    """Column values of ``row`` after an edit kept in memory only (no store).

    The same rules as the store's (``timeline.store.edits.field_updates``): a date is
    a TIMEX3 value with its precision, lists are split on ``;``.
    """
    from dashboards.store import CORRECTION, MARKED_WRONG
    from timeline.store.edits import EDITABLE, field_updates

    if field not in EDITABLE:
        raise ValueError(f"{field!r} cannot be edited; editable fields: {', '.join(EDITABLE)}")
    values = field_updates(field, value)
    for column in ("date", "start", "end"):
        if column in values:
            values[column] = pd.Timestamp(values[column])
    if "place" in values:
        values["locations"] = [values["place"]] if values["place"] else []
    if bool(values.get("wrong", row.get("wrong", False))):
        values[CORRECTION] = MARKED_WRONG
    else:
        values[CORRECTION] = f"{field} {_shown(row, field)} -> {_shown(values, field)}"
    values["corrected"] = True
    return values


def _shown(values: Any, field: str) -> str:
    """A field's value as the ``correction`` column describes it."""
    from dashboards.text import display_text

    if field == "date":
        date = values.get("date")
        return "undated" if date is None or pd.isna(date) else f"{date:%Y-%m-%d}"
    return display_text(values.get(field))


def ingest_articles(path: str | Path, articles: list[Any], published: pd.Timestamp | None,
                    progress: Any = None, problems: list[str] | None = None) -> str:
    """Add pasted or uploaded articles to the store, as ``timeline ingest`` does.

    ``progress(done, total)`` follows the articles; problems are appended to
    ``problems``. Returns the ingest's summary line.
    """
    from dashboards.loading import progress_counter
    from timeline.store import Store

    report = problems if problems is not None else []
    return Store(path).ingest(articles, published, on_error=report.append,
                              progress=progress_counter(progress, len(articles))).line()
