"""Stories: events from different articles that report the same happening.

Ten outlets reporting one strike give ten events and one story. Whether two events
report one happening is a function passed in (``merge``); the default,
``same_happening``, asks for what an analyst would check: the same kind of event,
dates that overlap at their precision, places that agree at their precision, and
actors that overlap. Events are grouped transitively (union-find), comparing only
events of one type whose intervals overlap, so the cost grows with the number of
events, not its square. A story keeps its events as evidence: how many sources, the
first report, the most precise date and place, and where the reports disagree.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from timeline.store.tables import STORY_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

    from timeline.store.db import Store

Merge = Callable[[Any, Any], bool]

#: Events dated less precisely than this never merge: "in 2023" says too little.
MAX_SPAN = timedelta(days=31)
#: Two places at city precision further apart than this are different places.
MAX_DISTANCE_KM = 25.0
_PLACE_RANK = {"city": 0, "region": 1, "country": 2}
PUBLISHED = "published"
#: Columns the merge function and the story summary read.
EVENT_FIELDS = ("event_id", "doc_id", "event_type", "trigger", "date", "start", "end",
                "granularity", "actors", "place", "country", "latitude", "longitude",
                "geo_precision", "sentence", "confidence", "reference_date", "title")


def same_happening(a: Any, b: Any) -> bool:
    """Whether events ``a`` and ``b`` (rows with the timeline's columns) report one happening.

    Nothing may contradict it: they come from different articles, have the same event
    type (and the same trigger when the type is ``other``), are dated at a month or
    finer with overlapping intervals, and their places do not disagree (another
    country, or cities more than 25 km apart). And something must support it: a
    shared actor, or the same place at city precision. Events dated only by their
    article's publication date need both.
    """
    if a.doc_id == b.doc_id or a.event_type != b.event_type:
        return False
    if a.event_type == "other" and a.trigger != b.trigger:
        return False
    if not (_dates_overlap(a, b) and _places_agree(a, b)):
        return False
    shared_actor = bool(set(a.actors) & set(b.actors))
    same_city = _same_city(a, b)
    if PUBLISHED in (str(a.granularity), str(b.granularity)):
        return shared_actor and same_city
    return shared_actor or same_city


def _dates_overlap(a: Any, b: Any) -> bool:
    for row in (a, b):
        if _missing(row.start) or _missing(row.end) or row.end - row.start > MAX_SPAN:
            return False
    return a.start < b.end and b.start < a.end


def _places_agree(a: Any, b: Any) -> bool:
    if a.country and b.country and a.country != b.country:
        return False
    if a.geo_precision == "city" and b.geo_precision == "city":
        return _same_city(a, b)
    return True


def _same_city(a: Any, b: Any) -> bool:
    if a.geo_precision != "city" or b.geo_precision != "city":
        return False
    return a.place == b.place or _distance_km(a, b) <= MAX_DISTANCE_KM


def _distance_km(a: Any, b: Any) -> float:
    if any(_missing(v) for v in (a.latitude, a.longitude, b.latitude, b.longitude)):
        return math.inf
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or str(value) == "NaT"


def group_events(events: pd.DataFrame, merge: Merge | None = None) -> list[list[int]]:
    """Positions of ``events`` grouped into stories (every event in exactly one group)."""
    merge = merge or same_happening
    rows = list(events[list(EVENT_FIELDS)].itertuples(index=False))
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in _candidates(rows):
        root_a, root_b = find(a), find(b)
        if root_a != root_b and merge(rows[a], rows[b]):
            parent[max(root_a, root_b)] = min(root_a, root_b)
    groups: dict[int, list[int]] = {}
    for i in range(len(rows)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _candidates(rows: Sequence[Any]) -> list[tuple[int, int]]:
    """Pairs worth comparing: same event type, overlapping intervals (a sweep per type)."""
    by_type: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        if not (_missing(row.start) or _missing(row.end)) and row.end - row.start <= MAX_SPAN:
            by_type.setdefault(str(row.event_type), []).append(i)
    pairs = []
    for members in by_type.values():
        members.sort(key=lambda i: rows[i].start)
        active: list[int] = []
        for i in members:
            active = [j for j in active if rows[j].end > rows[i].start]
            pairs.extend((j, i) for j in active)
            active.append(i)
    return pairs


def summarise(events: pd.DataFrame, positions: list[int]) -> dict[str, Any]:
    """One story row from the events at ``positions``."""
    group = events.iloc[positions]
    spans = (group["end"] - group["start"]).fillna(timedelta(days=36500))
    best_date = group.loc[spans.idxmin()]
    ranked = group.assign(rank=group["geo_precision"].astype(str).map(_PLACE_RANK).fillna(9))
    best_place = ranked.sort_values("rank", kind="stable").iloc[0]
    first = group.sort_values(["reference_date", "doc_id"], kind="stable").iloc[0]
    actors = Counter(a for names in group["actors"] for a in names)
    ids = sorted(group["event_id"])
    return {
        "story_id": "s" + hashlib.sha1(ids[0].encode()).hexdigest()[:15],
        "event_type": Counter(group["event_type"].astype(str)).most_common(1)[0][0],
        "date": best_date["date"], "start": best_date["start"], "end": best_date["end"],
        "granularity": best_date["granularity"],
        "place": best_place["place"] if best_place["rank"] < 9 else None,
        "country": best_place["country"], "latitude": best_place["latitude"],
        "longitude": best_place["longitude"], "geo_precision": best_place["geo_precision"],
        "actors": [name for name, _ in actors.most_common()],
        "n_events": len(group), "n_sources": group["doc_id"].nunique(),
        "doc_ids": sorted(group["doc_id"].unique()), "first_report": first["doc_id"],
        "first_reported": first["reference_date"], "headline": first["sentence"],
        "confidence": float(group["confidence"].max()),
        "disagreements": disagreements(group),
    }


def disagreements(group: pd.DataFrame) -> list[str]:
    """Where the reports of one story differ: day-precision dates, places, event counts."""
    notes = []
    days = group.loc[group["granularity"].astype(str).isin(["day", "hour", "time"]), "date"]
    counted = Counter(day.strftime("%Y-%m-%d") for day in days.dropna())
    if len(counted) > 1:
        notes.append("date: " + " vs ".join(f"{day} ({n})" for day, n in counted.most_common()))
    cities = Counter(group.loc[group["geo_precision"].astype(str) == "city", "place"].dropna())
    if len(cities) > 1:
        notes.append("place: " + " vs ".join(f"{p} ({n})" for p, n in cities.most_common()))
    return notes


def rebuild_stories(store: Store, merge: Merge | None = None) -> int:
    """Regroup every event of ``store`` into stories; return the number of stories."""
    from timeline.store.rows import arrow_table
    from timeline.store.tables import STORY_DTYPES

    events = store.events()
    groups = group_events(events, merge)
    stories = [summarise(events, positions) for positions in groups]
    members = [{"event_id": events["event_id"].iloc[i], "story_id": story["story_id"]}
               for story, positions in zip(stories, groups) for i in positions]
    with store.transaction() as con:
        con.execute("DELETE FROM story_members")
        con.execute("DELETE FROM stories")
        con.register("new_stories", arrow_table(stories, STORY_DTYPES))
        con.execute("INSERT INTO stories BY NAME SELECT * FROM new_stories")
        con.register("new_members", arrow_table(members, {"event_id": "str", "story_id": "str"}))
        con.execute("INSERT INTO story_members BY NAME SELECT * FROM new_members")
    return len(stories)


__all__ = ["STORY_COLUMNS", "group_events", "rebuild_stories", "same_happening", "summarise"]
