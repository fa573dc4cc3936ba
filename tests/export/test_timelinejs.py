"""TimelineJS JSON, read back and checked against TimelineJS's documented JSON format."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from timeline.export import registry, write_file
from timeline.export.timelinejs import to_timelinejs

# TimelineJS 3 JSON format (timeline.knightlab.com/docs/json-format.html).
TOP_KEYS = {"events", "title", "eras", "scale"}
SLIDE_KEYS = {"start_date", "end_date", "text", "media", "group", "display_date",
              "background", "autolink", "unique_id"}
DATE_KEYS = {"year", "month", "day", "hour", "minute", "second", "millisecond",
             "display_date", "format"}
DATE_RANGES = {"month": (1, 12), "day": (1, 31), "hour": (0, 23), "minute": (0, 59),
               "second": (0, 59), "millisecond": (0, 999)}


def read_timelinejs(path: Path) -> dict[str, Any]:
    """A reader for TimelineJS files: JSON, checked against the documented format."""
    document = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(document, dict) and set(document) <= TOP_KEYS, document.keys()
    assert document.get("scale", "human") in ("human", "cosmological")
    assert isinstance(document["events"], list)
    for slide in document["events"]:
        _check_slide(slide)
    for era in document.get("eras", []):
        assert set(era) <= {"start_date", "end_date", "text"}, era
        _check_date(era["start_date"])
        _check_date(era["end_date"])
    return document


def _check_slide(slide: dict[str, Any]) -> None:
    assert set(slide) <= SLIDE_KEYS, set(slide) - SLIDE_KEYS
    _check_date(slide["start_date"])
    if "end_date" in slide:
        _check_date(slide["end_date"])
    assert set(slide.get("text", {})) <= {"headline", "text"}
    assert isinstance(slide.get("group", ""), str)


def _check_date(date: dict[str, Any]) -> None:
    assert set(date) <= DATE_KEYS and "year" in date, date
    assert isinstance(date["year"], int)
    for part, (low, high) in DATE_RANGES.items():
        if part in date:
            assert isinstance(date[part], int) and low <= date[part] <= high, date


@pytest.fixture
def written(tmp_path: Path) -> Callable[[pd.DataFrame], dict[str, Any]]:
    def write(df: pd.DataFrame) -> dict[str, Any]:
        path = tmp_path / "story.timeline.json"
        write_file(df, path)
        return read_timelinejs(path)

    return write


def test_the_suffix_picks_timelinejs() -> None:
    assert registry.format_for("story.timeline.json") == "timelinejs"
    assert registry.format_for("story.json") == "json"


def test_a_day_event_has_day_parts_and_its_text(written: Callable[..., dict[str, Any]],
                                               timeline_frame: pd.DataFrame) -> None:
    document = written(timeline_frame)
    [slide] = document["events"]  # the undated event cannot be placed
    assert slide["start_date"] == {"year": 2023, "month": 1, "day": 17}
    assert "end_date" not in slide
    assert slide["group"] == "meet" and slide["unique_id"] == "e1"
    assert slide["text"]["headline"] == "meet: Mark Milley; Valerii Zaluzhnyi"
    assert slide["text"]["text"] == "US General Mark Milley met with his Ukrainian counterpart."
    assert "1 without a date left out" in document["title"]["text"]["text"]


@pytest.mark.parametrize(("granularity", "start", "end", "first", "last"), [
    ("month", "2023-01-01", "2023-02-01", {"year": 2023, "month": 1}, None),
    ("year", "2023-01-01", "2024-01-01", {"year": 2023}, None),
    ("hour", "2023-01-17 10:30", "2023-01-17 11:30",
     {"year": 2023, "month": 1, "day": 17, "hour": 10, "minute": 30}, None),
    ("week", "2023-01-16", "2023-01-23", {"year": 2023, "month": 1, "day": 16},
     {"year": 2023, "month": 1, "day": 22}),
    ("quarter", "2023-01-01", "2023-04-01", {"year": 2023, "month": 1},
     {"year": 2023, "month": 3}),
])
def test_dates_are_written_at_their_precision(
    written: Callable[..., dict[str, Any]], one_event: Callable[..., pd.DataFrame],
    granularity: str, start: str, end: str, first: dict[str, int], last: dict[str, int] | None,
) -> None:
    [slide] = written(one_event(granularity=granularity, date=start, start=start, end=end))[
        "events"]
    assert slide["start_date"] == first
    assert slide.get("end_date") == last


def test_article_text_is_escaped_and_only_web_links_are_made(
    written: Callable[..., dict[str, Any]], one_event: Callable[..., pd.DataFrame],
) -> None:
    frame = one_event(sentence="<script>alert(1)</script> & more", title="A <b>title</b>",
                      url="https://example.org/a?x=1&y=2", actors=["<img src=x>"])
    [slide] = written(frame)["events"]
    assert slide["text"]["text"] == (
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more<br>"
        '<a href="https://example.org/a?x=1&amp;y=2">A &lt;b&gt;title&lt;/b&gt;</a>')
    assert slide["text"]["headline"] == "meet: &lt;img src=x&gt;"
    [slide] = written(one_event(url="javascript:alert(1)"))["events"]
    assert "href" not in slide["text"]["text"]


def test_reference_events_given_become_eras(timeline_frame: pd.DataFrame,
                                           tmp_path: Path) -> None:
    invasion = {"id": "invasion", "name": "the full-scale invasion", "date": "2022-02-24",
                "aliases": ["the invasion"], "description": "Russia invades Ukraine"}
    timeline_frame.attrs["reference_events"] = [invasion]
    path = tmp_path / "story.timeline.json"
    write_file(timeline_frame, path)
    [era] = read_timelinejs(path)["eras"]
    assert era["start_date"] == era["end_date"] == {"year": 2022, "month": 2, "day": 24}
    assert era["text"]["headline"] == "the full-scale invasion"
    timeline_frame.attrs.clear()
    assert "eras" not in to_timelinejs(timeline_frame)
