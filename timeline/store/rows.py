"""Rows for the store's tables, typed as Arrow tables so DuckDB gets exact column types."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from timeline import schema

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from timeline.model import Article


def _arrow_type(dtype: str) -> pa.DataType:
    import pyarrow as pa

    return {
        "str": pa.string(), "category": pa.string(), "object": pa.list_(pa.string()),
        "float64": pa.float64(), "int64": pa.int64(), "Int64": pa.int64(),
        "bool": pa.bool_(), schema.DATETIME: pa.timestamp("us"),
    }[dtype]


def arrow_table(rows: Sequence[dict[str, Any]], dtypes: dict[str, str]) -> pa.Table:
    """``rows`` (dicts) as an Arrow table with one typed column per ``dtypes`` entry."""
    import pyarrow as pa

    columns = {name: pa.array([_plain(row.get(name), dtype) for row in rows],
                              type=_arrow_type(dtype))
               for name, dtype in dtypes.items()}
    return pa.table(columns)


def event_table(frame: pd.DataFrame) -> pa.Table:
    """A timeline frame as an Arrow table typed like the ``events`` table."""
    frame = schema.coerce(frame)
    return arrow_table(frame[list(schema.EVENT_COLUMNS)].to_dict("records"), schema.EVENT_DTYPES)


def _plain(value: Any, dtype: str) -> Any:
    """A pandas cell as a plain Python value Arrow accepts (NaN/NaT/NA become None)."""
    import pandas as pd

    if dtype == "object":
        return [str(item) for item in value] if value is not None and not isinstance(
            value, (str, float)) else []
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return None
    if dtype == schema.DATETIME:
        return pd.Timestamp(value).to_pydatetime()
    if dtype in ("str", "category"):
        return str(value)
    return value


def article_rows(batch: Sequence[Article], frame: pd.DataFrame, errors: dict[str, str],
                 published: Any, run: int, now: datetime, options: dict[str, Any],
                 notes: list[Any] | None = None) -> list[dict[str, Any]]:
    """One ``articles`` row per article of the batch, with its status and event count;
    ``notes`` (when given) gets the ``DatingNote``s of each article not or vaguely dated,
    or not in English."""
    from timeline.dating import article_notes
    from timeline.published import parse_published
    from timeline.temporal.reference_choice import choose_reference
    from timeline.store.identity import stored_source
    from timeline.store.ingest import STATUS_FAILED, STATUS_OK, STATUS_UNDATED, content_hash

    stamp = parse_published(published)
    given = None if stamp is None else stamp.date()
    counts = frame["doc_id"].value_counts().to_dict() if len(frame) else {}
    rows = []
    for article in batch:
        reference = choose_reference(article.body, article.published, given,
                                     options.get("events"), trailing=article.trailing)
        day, source = reference.day, reference.source
        status = (STATUS_FAILED if article.id in errors
                  else STATUS_UNDATED if day is None else STATUS_OK)
        if notes is not None and status != STATUS_FAILED:
            notes.extend(article_notes(article.id, reference, article.body))
        rows.append({
            "doc_id": article.id, "content_hash": content_hash(article, stamp),
            "title": article.title, "url": article.url, "source_path": stored_source(article),
            "published": article.published, "reference_date": day,
            "reference_source": source, "status": status,
            "error": errors.get(article.id), "n_events": int(counts.get(article.id, 0)),
            "ingest_run": run, "ingested_at": now,
        })
    return rows
