"""Frames shared by the export tests: schema-typed events, and the CSV as written."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from timeline import schema


def _event(**overrides: object) -> dict[str, object]:
    """One event row with every schema column; ``overrides`` replace values."""
    row: dict[str, object] = {
        "event_id": "e1",
        "doc_id": "seed",
        "date": "2023-01-17",
        "start": "2023-01-17",
        "end": "2023-01-18",
        "granularity": "day",
        "time_text": "on Tuesday",
        "time_value": "2023-01-17",
        "anchor": "published",
        "time_source": "clause",
        "time_rule": "weekday.bare",
        "time_reason": "Tuesday: the latest one on or before published 2023-01-19 (past tense, 'met')",
        "event_type": "meet",
        "trigger": "meet",
        "actors": ["Mark Milley", "Valerii Zaluzhnyi"],
        "locations": ["southwestern Poland"],
        "place": "southwestern Poland",
        "latitude": 50.06,
        "longitude": 19.94,
        "country": "Poland",
        "place_precision": "region",
        "geo_precision": 2,
        "sentence": "US General Mark Milley met with his Ukrainian counterpart.",
        "sentence_start": 175,
        "sentence_end": 233,
        "confidence": 0.9,
        "reference_date": "2023-01-19",
        "reference_source": "given",
        "title": "",
        "url": "",
        "actor_types": ["PERSON", "PERSON"],
        "actor_titles": ["General", "General"],
        "actor_roles": ["Chairman of the Joint Chiefs of Staff", ""],
        "actor_aliases": ["Milley | Gen. Milley", "Zaluznyi"],
        "trigger_start": 198,
        "trigger_end": 201,
        "corrected": False,
    }
    row.update(overrides)
    return row


def _frame(*rows: dict[str, object]) -> pd.DataFrame:
    """Rows as a schema-typed frame; text columns the rows lack are empty strings."""
    text = {name: "" for name, dtype in schema.EVENT_DTYPES.items() if dtype == "str"}
    return schema.coerce(pd.DataFrame([{**text, **row} for row in rows]))


@pytest.fixture
def one_event() -> Callable[..., pd.DataFrame]:
    """``one_event(sentence=...)``: a one-row event frame with those values changed."""
    return lambda **overrides: _frame(_event(**overrides))


@pytest.fixture
def timeline_frame() -> pd.DataFrame:
    """Two events: one fully dated and placed, one with nothing but a trigger."""
    return _frame(
        _event(),
        _event(
            event_id="e2",
            date=None,
            start=None,
            end=None,
            granularity="published",
            time_text="",
            time_value="",
            anchor="",
            time_source="published",
            time_rule="published-date",
            time_reason="no time expression governs or precedes the clause",
            event_type="statement",
            trigger="say",
            actors=["Dave Butler"],
            locations=[],
            place="",
            latitude=np.nan,
            longitude=np.nan,
            country="",
            geo_precision=None,
            sentence='Butler said: "These guys, they talk."\nOften.',
            confidence=0.4,
            actor_types=["PERSON"],
            actor_titles=["Colonel"],
            actor_roles=[""],  # one empty role: must come back as [""], not []
            actor_aliases=[""],
            corrected=True,
        ),
    )


@pytest.fixture
def raw_cells() -> Callable[[Path], list[dict[str, str]]]:
    """The CSV file as the csv module sees it: no type restoration, no unescaping."""

    def read(path: Path) -> list[dict[str, str]]:
        with open(path, newline="", encoding="utf-8") as stream:
            return list(csv.DictReader(stream))

    return read
