"""The store's tables, as data: names, columns and their DuckDB types.

The ``events`` table follows the timeline schema (``timeline.schema.EVENT_DTYPES``)
column for column, so a column added to the schema is added to every store the next
time it is opened. Articles, stories and the analyst's edits have tables of their own.
"""

from __future__ import annotations

from timeline import schema

#: DuckDB type of each pandas dtype used by the timeline schema.
DUCKDB_TYPES: dict[str, str] = {
    "str": "VARCHAR",
    "category": "VARCHAR",
    "object": "VARCHAR[]",
    "float64": "DOUBLE",
    "int64": "BIGINT",
    "Int64": "BIGINT",
    "bool": "BOOLEAN",
    schema.DATETIME: "TIMESTAMP",
}

#: One row per article ingested. ``status`` is ok, undated or failed.
ARTICLE_COLUMNS: dict[str, str] = {
    "doc_id": "VARCHAR PRIMARY KEY",
    "content_hash": "VARCHAR NOT NULL",
    "title": "VARCHAR",
    "url": "VARCHAR",
    "source_path": "VARCHAR",
    "published": "TIMESTAMP",
    "reference_date": "TIMESTAMP",
    "reference_source": "VARCHAR",
    "status": "VARCHAR NOT NULL",
    "error": "VARCHAR",
    "n_events": "BIGINT NOT NULL",
    "ingest_run": "BIGINT NOT NULL",
    "ingested_at": "TIMESTAMP",
}

#: One row per story: events from several articles that report one happening.
STORY_COLUMNS: dict[str, str] = {
    "story_id": "VARCHAR PRIMARY KEY",
    "event_type": "VARCHAR",
    "date": "TIMESTAMP",
    "start": "TIMESTAMP",
    "end": "TIMESTAMP",
    "granularity": "VARCHAR",
    "place": "VARCHAR",
    "country": "VARCHAR",
    "latitude": "DOUBLE",
    "longitude": "DOUBLE",
    "place_precision": "VARCHAR",
    "actors": "VARCHAR[]",
    "n_events": "BIGINT",
    "n_sources": "BIGINT",
    "doc_ids": "VARCHAR[]",
    "first_report": "VARCHAR",
    "first_reported": "TIMESTAMP",
    "headline": "VARCHAR",
    "confidence": "DOUBLE",
    "disagreements": "VARCHAR[]",
}

#: Which story each event belongs to (every event is in exactly one story).
STORY_MEMBER_COLUMNS: dict[str, str] = {
    "event_id": "VARCHAR PRIMARY KEY",
    "story_id": "VARCHAR NOT NULL",
}

#: The analyst's work: one row per change, never updated, so history is kept.
EDIT_COLUMNS: dict[str, str] = {
    "edit_id": "BIGINT PRIMARY KEY",
    "target_kind": "VARCHAR NOT NULL",
    "target_id": "VARCHAR NOT NULL",
    "field": "VARCHAR NOT NULL",
    "old_value": "VARCHAR",
    "new_value": "VARCHAR",
    "editor": "VARCHAR NOT NULL",
    "edited_at": "TIMESTAMP",
}

#: Runs of ``ingest``, numbered; the number is what orders them (no clock needed).
RUN_COLUMNS: dict[str, str] = {
    "ingest_run": "BIGINT PRIMARY KEY",
    "started_at": "TIMESTAMP",
    "finished": "BOOLEAN NOT NULL",
}

TABLES: dict[str, dict[str, str]] = {
    "articles": ARTICLE_COLUMNS,
    "stories": STORY_COLUMNS,
    "story_members": STORY_MEMBER_COLUMNS,
    "edits": EDIT_COLUMNS,
    "runs": RUN_COLUMNS,
}


def event_columns() -> dict[str, str]:
    """The events table: the timeline schema's columns with their DuckDB types."""
    return {name: DUCKDB_TYPES[dtype] for name, dtype in schema.EVENT_DTYPES.items()}


def create_statement(table: str, columns: dict[str, str]) -> str:
    """``CREATE TABLE IF NOT EXISTS`` for ``columns``."""
    body = ", ".join(f'"{name}" {kind}' for name, kind in columns.items())
    return f'CREATE TABLE IF NOT EXISTS "{table}" ({body})'


def pandas_dtypes(columns: dict[str, str]) -> dict[str, str]:
    """pandas dtypes of a table's columns, the inverse of ``DUCKDB_TYPES``."""
    kinds = {"VARCHAR": "str", "TIMESTAMP": schema.DATETIME, "DOUBLE": "float64",
             "BIGINT": "int64", "BOOLEAN": "bool", "VARCHAR[]": "object"}
    return {name: kinds[kind.split(" ")[0]] for name, kind in columns.items()}


#: pandas dtypes of the stories frame.
STORY_DTYPES: dict[str, str] = pandas_dtypes(STORY_COLUMNS)
