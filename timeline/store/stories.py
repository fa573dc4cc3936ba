"""Stories: events from different articles that report the same happening.

Ten outlets reporting one strike give ten events and one story. Whether two events
report one happening is a function passed in (``merge``); the default,
``same_happening``, asks for what an analyst would check: the same kind of event,
dates that overlap at their precision, places that agree at their precision, and
actors that overlap. Events are grouped transitively (union-find), comparing only
events of one type whose intervals overlap, so the cost grows with the number of
events, not its square. A story keeps its events as evidence: how many sources, the
first report, the most precise date and place, and where the reports disagree.

The merge function sees the two events and the ``Corpus`` they come from, which tells
how alike two articles are (the names they mention in common), so that two outlets'
reports of one raid, whose clauses name nobody, can still be told apart from a raid
the next town over.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from timeline.store.tables import STORY_COLUMNS
from timeline.vocab import ABSOLUTE_ANCHOR, ReferenceSource

if TYPE_CHECKING:
    import pandas as pd

    from timeline.store.db import Store

Merge = Callable[[Any, Any, "Corpus"], bool]

#: Events dated less precisely than this never merge: "in 2023" says too little.
MAX_SPAN = timedelta(days=31)
#: Two places at city precision further apart than this are different places.
MAX_DISTANCE_KM = 25.0
_PLACE_RANK = {"city": 0, "region": 1, "country": 2}
#: Types too common to merge on an actor alone.
TALK = frozenset({"statement"})
#: Each event is compared with at most this many earlier events sharing a key with it.
WINDOW = 50
#: Articles sharing at least this share of their names (Jaccard) report the same thing.
SIMILAR_ARTICLES = 0.15
# Capitalised words inside a sentence: names, roughly, without a parser.
_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][\w'-]+")


@dataclass(frozen=True)
class Corpus:
    """What the merge function may know beyond the two events: the names of each article."""

    names: dict[str, frozenset[str]]

    @classmethod
    def of(cls, events: pd.DataFrame) -> Corpus:
        """Each article's names: its actors, places and capitalised words of its sentences."""
        names: dict[str, set[str]] = {}
        for doc, actors, place, sentence in events[["doc_id", "actors", "place", "sentence"]
                                                    ].itertuples(index=False):
            bag = names.setdefault(doc, set())
            bag.update(actors)
            if isinstance(place, str) and place:
                bag.add(place)
            bag.update(_NAME.findall(sentence))
        return cls({doc: frozenset(bag) for doc, bag in names.items()})

    def similarity(self, a: str, b: str) -> float:
        """Jaccard similarity of the names of articles ``a`` and ``b`` (0 when unknown)."""
        first, second = self.names.get(a, frozenset()), self.names.get(b, frozenset())
        union = len(first | second)
        return len(first & second) / union if union else 0.0
#: Columns the merge function and the story summary read.
EVENT_FIELDS = ("event_id", "doc_id", "event_type", "trigger", "date", "start", "end",
                "granularity", "actors", "place", "country", "latitude", "longitude",
                "place_precision", "sentence", "confidence", "reference_date", "title",
                "reference_source", "anchor")


def same_happening(a: Any, b: Any, corpus: Corpus | None = None) -> bool:
    """Whether events ``a`` and ``b`` (rows with the timeline's columns) report one happening.

    Nothing may contradict it: the events come from different articles and have
    compatible event types (``compatible``; the same trigger when either is
    ``other``); their places
    do not disagree (another country, or cities more than 25 km apart); when both are
    dated, at a month or finer, their intervals overlap.

    Something must support it: a shared actor, the same city, or the same trigger in
    two articles that share at least 15% of their names (``SIMILAR_ARTICLES``).
    Statements ("said" is everywhere) need the alike articles, or an actor and a
    city. Events without any date need the same trigger too.
    """
    if a.doc_id == b.doc_id or not compatible(str(a.event_type), str(b.event_type)):
        return False
    if "other" in (a.event_type, b.event_type) and a.trigger != b.trigger:
        return False
    if not _places_agree(a, b):
        return False
    undated = _undated(a) or _undated(b)
    if undated and a.trigger != b.trigger:
        return False
    if not undated and not _dates_overlap(a, b):
        return False
    shared_actor = bool(set(a.actors) & set(b.actors))
    same_city = _same_city(a, b)
    alike = (a.trigger == b.trigger and corpus is not None
             and corpus.similarity(a.doc_id, b.doc_id) >= SIMILAR_ARTICLES)
    if a.event_type in TALK:
        return alike or (shared_actor and same_city)
    return shared_actor or same_city or alike


@functools.cache
def compatible_groups() -> dict[str, frozenset[str]]:
    """Each event type's compatible types, from ``resources/story_rules.yaml``."""
    from timeline.resource_files import entries, read_bundled

    name = "story_rules.yaml"
    groups: dict[str, set[str]] = {}
    for group in entries(read_bundled(name), name, "compatible", required=("types",),
                         example_keys=("a", "b", "text")):
        for kind in group["types"]:
            groups.setdefault(kind, {kind}).update(group["types"])
    return {kind: frozenset(types) for kind, types in groups.items()}


def compatible(a: str, b: str) -> bool:
    """Whether event types ``a`` and ``b`` may report one happening."""
    return a == b or b in compatible_groups().get(a, frozenset())


def _family(kind: str) -> str:
    """One name for a type and all types compatible with it (for candidate sweeps)."""
    return min(compatible_groups().get(kind, frozenset({kind})))


def _undated(row: Any) -> bool:
    """No date, or only one counted from an inferred publication date.

    An inferred publication date is a guess of some width; two reports of one event
    guessed a day apart would never meet, so their dates neither support nor
    contradict a merge. Explicit dates ("on 3 May 2024") still count.
    """
    if _missing(row.start) or _missing(row.end):
        return True
    return row.reference_source == ReferenceSource.INFERRED and row.anchor != ABSOLUTE_ANCHOR


def _dates_overlap(a: Any, b: Any) -> bool:
    if a.end - a.start > MAX_SPAN or b.end - b.start > MAX_SPAN:
        return False
    return a.start < b.end and b.start < a.end


def _places_agree(a: Any, b: Any) -> bool:
    if a.country and b.country and a.country != b.country:
        return False
    if a.place_precision == "city" and b.place_precision == "city":
        return _same_city(a, b)
    return True


def _same_city(a: Any, b: Any) -> bool:
    if a.place_precision != "city" or b.place_precision != "city":
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
    corpus = Corpus.of(events)
    rows = list(events[list(EVENT_FIELDS)].itertuples(index=False))
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in _candidates(rows):
        root_a, root_b = find(a), find(b)
        if root_a != root_b and merge(rows[a], rows[b], corpus):
            parent[max(root_a, root_b)] = min(root_a, root_b)
    groups: dict[int, list[int]] = {}
    for i in range(len(rows)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _candidates(rows: Sequence[Any]) -> list[tuple[int, int]]:
    """Pairs worth comparing; linear in the number of events for bounded windows.

    Dated events: a sweep per event type over overlapping intervals. Every event: the
    last ``WINDOW`` events with its trigger, with its trigger and an actor, and with its
    trigger and city.
    """
    pairs: list[tuple[int, int]] = []
    by_type: dict[str, list[int]] = {}
    blocks: dict[tuple[str, str], list[int]] = {}
    for i, row in enumerate(rows):
        if not _undated(row) and row.end - row.start <= MAX_SPAN:
            by_type.setdefault(_family(str(row.event_type)), []).append(i)
        keys = {(row.trigger, "")} | {(row.trigger, f"actor:{actor}") for actor in row.actors}
        if row.place_precision == "city":
            keys.add((row.trigger, f"place:{row.place}"))
        for key in keys:
            block = blocks.setdefault(key, [])
            pairs.extend((j, i) for j in block[-WINDOW:])
            block.append(i)
    for members in by_type.values():
        members.sort(key=lambda i: rows[i].start)
        active: list[int] = []
        for i in members:
            active = [j for j in active if rows[j].end > rows[i].start]
            pairs.extend((j, i) for j in active[-WINDOW:])
            active.append(i)
    return pairs


def summarise(events: pd.DataFrame, positions: list[int]) -> dict[str, Any]:
    """One story row from the events at ``positions``."""
    group = events.iloc[positions]
    spans = (group["end"] - group["start"]).fillna(timedelta(days=36500))
    best_date = group.loc[spans.idxmin()]
    ranked = group.assign(rank=group["place_precision"].astype(str).map(_PLACE_RANK).fillna(9))
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
        "longitude": best_place["longitude"], "place_precision": best_place["place_precision"],
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
    cities = Counter(group.loc[group["place_precision"].astype(str) == "city", "place"].dropna())
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
