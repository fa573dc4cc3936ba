"""Per-actor and per-place summaries of an event timeline frame.

Both work from the timeline alone, so they also work on a timeline read back from
CSV; detail columns missing from an older file are treated as empty.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import zip_longest
from typing import TYPE_CHECKING, Any

from timeline import schema
from timeline.vocab import ALIAS_SEPARATOR

if TYPE_CHECKING:
    import pandas as pd


def _unique(values: Iterator[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _actor_records(df: pd.DataFrame) -> Iterator[dict[str, Any]]:
    """One record per (event, actor), with that actor's details from the event."""
    detail = ("actor_types", "actor_titles", "actor_roles", "actor_aliases")
    columns = {name: df[name] if name in df else [[]] * len(df) for name in detail}
    for position, (event_id, doc_id, date, names) in enumerate(
            zip(df["event_id"], df["doc_id"], df["date"], df["actors"])):
        if not isinstance(names, (list, tuple)):
            continue
        parts = [columns[name].iloc[position] if hasattr(columns[name], "iloc")
                 else columns[name][position] for name in detail]
        parts = [p if isinstance(p, (list, tuple)) else [] for p in parts]
        for name, kind, title, role, aliases in zip_longest(names, *parts, fillvalue=""):
            if name:
                yield {"actor": name, "type": kind or "", "title": title, "role": role,
                       "aliases": aliases, "event_id": event_id, "doc_id": doc_id,
                       "date": date}


def actor_table(df: pd.DataFrame) -> pd.DataFrame:
    """One row per actor: type, titles, roles, aliases, events, documents, date range."""
    import pandas as pd

    records = pd.DataFrame(list(_actor_records(df)))
    if records.empty:
        return schema.empty_frame(schema.ACTOR_DTYPES)
    rows = []
    for name, group in records.groupby("actor", sort=False):
        kinds = group["type"][group["type"] != ""]
        aliases = (a.strip() for cell in group["aliases"]
                   for a in str(cell).split(ALIAS_SEPARATOR.strip()))
        rows.append({
            "actor": name,
            "type": kinds.mode().iloc[0] if not kinds.empty else None,
            "titles": _unique(iter(group["title"])),
            "roles": _unique(iter(group["role"])),
            "aliases": _unique(aliases),
            "events": group["event_id"].nunique(),
            "documents": group["doc_id"].nunique(),
            "first_date": group["date"].min(),
            "last_date": group["date"].max(),
        })
    table = schema.coerce(pd.DataFrame(rows), schema.ACTOR_DTYPES)
    return table.sort_values(["events", "actor"], ascending=[False, True], ignore_index=True)


def place_table(df: pd.DataFrame) -> pd.DataFrame:
    """One row per geocoded place: country, coordinates, precision, events, documents."""
    import pandas as pd

    if "place" not in df or df.empty:
        return schema.empty_frame(schema.PLACE_DTYPES)
    located = df[(df["place"].fillna("") != "") & df["latitude"].notna()]
    if located.empty:
        return schema.empty_frame(schema.PLACE_DTYPES)
    keys = ["place", "country", "latitude", "longitude", "place_precision"]
    grouped = located.groupby(keys, dropna=False, observed=True, sort=False)
    table = grouped.agg(events=("event_id", "nunique"), documents=("doc_id", "nunique"),
                        first_date=("date", "min"), last_date=("date", "max")).reset_index()
    table = schema.coerce(table, schema.PLACE_DTYPES)
    return table.sort_values(["events", "place"], ascending=[False, True], ignore_index=True)
