"""Tests for benchmarks.meantime: reading CAT XML and scoring anchored events."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from benchmarks.meantime import Document, GoldEvent, gold_value, read_document, score, summary

DATA = Path(__file__).parent / "data"
TIMES = {"SAY1": "2008-03-01", "WIN1": "2008-02-26"}


def test_read_document_rebuilds_text_without_the_dateline() -> None:
    doc = read_document(DATA / "tiny_meantime.xml", TIMES)
    assert doc.text == "Boeing wins\nBoeing said it won on Tuesday."
    assert doc.dct == "2008-03-01"
    assert [(g.text, g.value) for g in doc.events] == [
        ("said", "2008-03-01"), ("won", "2008-02-26"), ("wins", "2008-02-26")]


def test_gold_values_drop_unknown_parts() -> None:
    assert gold_value("2008-02-XX") == "2008-02"
    assert gold_value("XXXX-XX-XX") == ""
    assert gold_value("2008") == "2008"


def test_score_and_summary() -> None:
    doc = Document("d", "Boeing said it won on Tuesday.", "2008-03-01",
                   (GoldEvent(7, 11, "said", "2008-03-01"), GoldEvent(15, 18, "won", "2008-02-26"),
                    GoldEvent(0, 6, "Boeing", "2008-03-01")))
    frame = pd.DataFrame({
        "doc_id": ["d", "d"], "trigger_start": [7, 15], "trigger_end": [11, 18],
        "time_value": ["2008-03-01", "2008-02"], "granularity": ["published", "month"],
        "time_source": ["published", "clause"], "date": pd.to_datetime(["2008-03-01", "2008-02-01"]),
    })
    scored = score([doc], frame)
    assert scored["found"].tolist() == [True, True, False]
    assert scored["exact"].tolist() == [True, False, False]
    assert scored["source"].tolist() == ["published", "clause", ""]
    table = summary(scored).set_index("system")
    exact = table.loc["timeline: exact TIMEX3 value"]
    assert (exact["gold"], exact["found"], exact["correct"]) == (3, 2, 1)
    assert exact["accuracy"] == 0.5 and round(exact["recall"], 3) == 0.333
