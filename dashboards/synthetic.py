"""Synthetic timelines for tests and the dashboard speed benchmark.

The frame has every column of ``timeline.schema.EVENT_DTYPES`` with realistic
distributions: a few busy actors and many rare ones, mixed date precision (day, week,
month, published), places with coordinates at city, region and country precision.
It is seeded, so the same ``n`` and ``seed`` always give the same frame.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pandas as pd

from timeline.schema import coerce
from timeline.vocab import PUBLISHED_ANCHOR, Granularity, ReferenceSource

EVENT_TYPES: tuple[str, ...] = (
    "meet", "statement", "travel", "attack", "military_aid", "offensive",
    "election", "agreement", "protest", "death", "disaster", "legal",
)
_PLACES: tuple[tuple[str, str, float, float, str], ...] = (
    ("Kyiv", "Ukraine", 50.45, 30.52, "city"),
    ("Davos", "Switzerland", 46.80, 9.84, "city"),
    ("Brussels", "Belgium", 50.85, 4.35, "city"),
    ("Warsaw", "Poland", 52.23, 21.01, "city"),
    ("southwestern Poland", "Poland", 50.6, 17.0, "region"),
    ("eastern Ukraine", "Ukraine", 48.5, 37.5, "region"),
    ("Ukraine", "Ukraine", 48.38, 31.17, "country"),
    ("Russia", "Russia", 61.52, 105.32, "country"),
    ("Washington", "United States", 38.90, -77.04, "city"),
    ("Berlin", "Germany", 52.52, 13.40, "city"),
    ("Paris", "France", 48.86, 2.35, "city"),
    ("Tokyo", "Japan", 35.68, 139.69, "city"),
)
# Share of events per granularity: most are dated to the day, some only to a week or
# month, a few fall back to the publication date.
_GRANULARITIES: tuple[tuple[str, float, int], ...] = (
    (Granularity.DAY, 0.70, 1), (Granularity.WEEK, 0.12, 7), (Granularity.MONTH, 0.10, 30),
    (Granularity.PUBLISHED, 0.08, 1),
)


def make_synthetic_frame(n: int, *, seed: int = 0, n_actors: int = 400) -> pd.DataFrame:
    """Return ``n`` synthetic events spread over 2022-2024, typed like a real timeline."""
    rng = np.random.default_rng(seed)
    start, end = _dates(rng, n)
    actors = _actor_lists(rng, n, n_actors)
    place_idx = rng.integers(0, len(_PLACES), n)
    places = [_PLACES[i] for i in place_idx]
    types = rng.choice(EVENT_TYPES, n)
    gran = rng.choice([g[0] for g in _GRANULARITIES], n, p=[g[1] for g in _GRANULARITIES])
    doc_ids = [f"doc{i // 8:06d}" for i in range(n)]
    frame = pd.DataFrame({
        "event_id": [hashlib.sha1(f"{seed}:{i}".encode()).hexdigest()[:16] for i in range(n)],
        "doc_id": doc_ids,
        "date": start + (end - start) / 2,
        "start": start,
        "end": end,
        "granularity": gran,
        "time_text": np.where(gran == Granularity.DAY, "on Tuesday", "this month"),
        "time_value": start.strftime("%Y-%m-%d"),
        "anchor": np.where(gran == Granularity.PUBLISHED, PUBLISHED_ANCHOR, "explicit"),
        "event_type": types,
        "trigger": types,
        "actors": actors,
        "locations": [[p[0]] for p in places],
        "latitude": [p[2] for p in places] + rng.normal(0, 0.05, n),
        "longitude": [p[3] for p in places] + rng.normal(0, 0.05, n),
        "country": [p[1] for p in places],
        "place_precision": [p[4] for p in places],
        "sentence": [_sentence(a, t, p[0]) for a, t, p in zip(actors, types, places)],
        "sentence_start": 0,
        "sentence_end": 80,
        "confidence": rng.uniform(0.3, 1.0, n).round(2),
        "reference_date": end,
        "reference_source": ReferenceSource.GIVEN.value,
        "title": [f"Synthetic article {d}" for d in doc_ids],
        "url": "",
    })
    _fix_granularity_intervals(frame)
    return coerce(frame)


def _dates(rng: np.random.Generator, n: int) -> tuple[pd.DatetimeIndex, pd.DatetimeIndex]:
    days = rng.integers(0, 3 * 365, n)
    start = pd.DatetimeIndex(pd.Timestamp("2022-01-01") + pd.to_timedelta(days, unit="D"))
    return start, start + pd.Timedelta(days=1)


def _fix_granularity_intervals(frame: pd.DataFrame) -> None:
    """Widen week and month events to their calendar week or month."""
    week = frame["granularity"] == Granularity.WEEK
    week_start = frame.loc[week, "start"].dt.to_period("W").dt.start_time
    frame.loc[week, "start"] = week_start
    frame.loc[week, "end"] = week_start + pd.Timedelta(days=7)
    month = frame["granularity"] == Granularity.MONTH
    month_start = frame.loc[month, "start"].dt.to_period("M").dt.start_time
    frame.loc[month, "start"] = month_start
    frame.loc[month, "end"] = month_start + pd.offsets.MonthBegin(1)
    frame["date"] = frame["start"] + (frame["end"] - frame["start"]) / 2
    frame["date"] = frame["date"].dt.floor("D")


def _actor_lists(rng: np.random.Generator, n: int, n_actors: int) -> list[list[str]]:
    # Zipf-like popularity: a handful of actors dominate, as in real news.
    names = [f"Actor {i:03d}" for i in range(n_actors)]
    weights = 1.0 / np.arange(1, n_actors + 1)
    weights /= weights.sum()
    counts = rng.integers(1, 4, n)
    picks = rng.choice(n_actors, size=(n, 3), p=weights)
    return [sorted({names[j] for j in row[:c]}) for row, c in zip(picks, counts)]


def _sentence(actors: list[str], event_type: str, place: str) -> str:
    return f"{' and '.join(actors)} reported a {event_type} event in {place} on Tuesday."


def make_synthetic_store(path: str | Path, n: int, *, seed: int = 0,
                         chunk: int = 100_000) -> Path:
    """An event store at ``path`` holding ``make_synthetic_frame(n)``, built once.

    Events of one type, day and country form a story (so the stories view has
    several sources per row). An existing store with ``n`` events is reused as is.
    """
    from timeline.store import Store
    from timeline.store.rows import event_table

    path = Path(path)
    store = Store(path)
    if store.counts()["events"] == n:
        return path
    frame = make_synthetic_frame(n, seed=seed)
    with store.transaction() as con:
        for table in ("story_members", "stories", "edits", "events"):
            con.execute(f"DELETE FROM {table}")
        for first in range(0, n, chunk):
            con.register("part", event_table(frame.iloc[first:first + chunk]))
            con.execute("INSERT INTO events BY NAME SELECT * FROM part")
            con.unregister("part")
        con.execute(_SYNTHETIC_STORIES)
        con.execute("INSERT INTO stories (story_id, event_type, date, n_events, n_sources) "
                    "SELECT m.story_id, any_value(e.event_type), min(e.date), count(*), "
                    "count(DISTINCT e.doc_id) FROM story_members m JOIN events e "
                    "USING (event_id) GROUP BY m.story_id")
    return path


_SYNTHETIC_STORIES = """
INSERT INTO story_members SELECT event_id,
  'story-' || md5(event_type || strftime(date, '%Y-%m-%d') || country)[:12] FROM events
"""
