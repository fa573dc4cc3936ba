"""A five-event timeline whose filter results and counts are easy to work out by hand."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from timeline.schema import coerce


def _event(event_id, date, start, end, granularity, event_type, actors, locations,
           confidence, sentence, lat=None, lon=None, precision=None, time_text=""):
    return {
        "event_id": event_id, "doc_id": "doc1", "date": date, "start": start, "end": end,
        "granularity": granularity, "time_text": time_text, "time_value": "",
        "anchor": "published", "event_type": event_type, "trigger": event_type,
        "actors": actors, "locations": locations, "latitude": lat, "longitude": lon,
        "country": "", "place_precision": precision, "sentence": sentence,
        "sentence_start": -1, "sentence_end": -1, "confidence": confidence,
        "reference_date": "2023-01-19", "reference_source": "given",
        "title": "Headline", "url": "",
    }


@pytest.fixture
def tiny() -> pd.DataFrame:
    """e1 meet (day), e2 statement (day), e3 visit (month), e4 meet (week), e5 other."""
    rows = [
        _event("e1", "2023-01-17", "2023-01-17", "2023-01-18", "day", "meet",
               ["Mark Milley", "Valerii Zaluzhnyi"], ["Poland"], 0.8,
               "Milley met Zaluzhnyi in Poland on Tuesday.", 51.9, 19.1, "country",
               "on Tuesday"),
        _event("e2", "2023-01-18", "2023-01-18", "2023-01-19", "day", "statement",
               ["Andrzej Duda"], ["Davos"], 0.7, "On Wednesday, Duda spoke at Davos.",
               46.8, 9.8, "city", "On Wednesday"),
        _event("e3", "2023-02-01", "2023-02-01", "2023-03-01", "month", "visit",
               ["Joe Biden"], ["Kyiv"], 0.5, "Biden visited Kyiv in February.",
               50.45, 30.52, "city", "in February"),
        _event("e4", "2023-01-16", "2023-01-16", "2023-01-23", "week", "meet",
               ["Mark Milley"], [], 0.3, "Milley travelled this week.",
               time_text="this week"),
        _event("e5", "2023-01-19", "2023-01-19", "2023-01-20", "published", "other",
               [], [], 0.2, "<script>alert(1)</script> happened <img src=x onerror=alert(1)>."),
    ]
    return coerce(pd.DataFrame(rows))


#: Markup a browser or Plotly would render if a view let it through.
HOSTILE = "<img src=x onerror=alert('ACT')>"
HOSTILE_LINK = '<a href="https://evil.example">evil</a>'


@pytest.fixture(scope="session")
def hostile_timeline_csv(tmp_path_factory) -> Path:
    """A saved timeline whose actor, place, type, title and sentence cells hold markup."""
    from timeline.export import write_file

    rows = [
        _event("h1", "2023-01-17", "2023-01-17", "2023-01-18", "day", HOSTILE,
               [HOSTILE, HOSTILE_LINK], [HOSTILE], 0.8, f"Sentence {HOSTILE}.", 51.9, 19.1,
               "city", "on Tuesday"),
        _event("h2", "2023-01-18", "2023-01-18", "2023-01-19", "day", "meet",
               ["<b>Bold</b>"], ['<span style="font-size:60px">Big</span>'], 0.7,
               "Another sentence.", 46.8, 9.8, "city", "On Wednesday"),
    ]
    frame = coerce(pd.DataFrame(rows)).assign(title=HOSTILE, place=HOSTILE)
    path = tmp_path_factory.mktemp("hostile") / "hostile.csv"
    write_file(frame, path, "csv")
    return path


WIRE = Path(__file__).parents[1] / "store" / "data" / "wire.jsonl"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wire articles ingested once; each test works on its own copy."""
    from timeline.store import Store

    path = tmp_path_factory.mktemp("store") / "wire.duckdb"
    Store(path).ingest(str(WIRE))
    return path


@pytest.fixture
def store_file(ingested: Path, tmp_path: Path) -> Path:
    """A copy of the wire articles' store for one test."""
    import shutil

    return Path(shutil.copy(ingested, tmp_path / "s.duckdb"))
