"""DataStore: filters set as params give the expected rows; corrections are flagged."""

from __future__ import annotations

import datetime as dt
import io
import json

import pandas as pd
import pytest

pytest.importorskip("panel")

from dashboards.store import CORRECTION, MARKED_WRONG, DataStore  # noqa: E402
from dashboards.views.downloads import export_bytes  # noqa: E402


def ids(store: DataStore) -> list[str]:
    return sorted(store.filtered["event_id"])


def test_other_is_hidden_until_switched_on_or_chosen(tiny):
    store = DataStore(tiny)
    assert ids(store) == ["e1", "e2", "e3", "e4"]
    store.show_other = True
    assert ids(store) == ["e1", "e2", "e3", "e4", "e5"]
    store.param.update(show_other=False, event_types=["other"])
    assert ids(store) == ["e5"]


def test_no_filter_keeps_everything(tiny):
    assert ids(DataStore(tiny, show_other=True)) == ["e1", "e2", "e3", "e4", "e5"]


@pytest.mark.parametrize("params, expected", [
    ({"actors": ["Mark Milley"]}, ["e1", "e4"]),
    ({"actors": ["Mark Milley", "Joe Biden"]}, ["e1", "e3", "e4"]),
    ({"places": ["Davos"]}, ["e2"]),
    ({"event_types": ["meet"]}, ["e1", "e4"]),
    ({"search": "DAVOS"}, ["e2"]),
    ({"search": "<script>"}, ["e5"]),
    ({"min_confidence": 0.5}, ["e1", "e2", "e3"]),
    # A month-level event overlaps any range inside its month.
    ({"date_range": (dt.datetime(2023, 2, 10), dt.datetime(2023, 2, 12))}, ["e3"]),
    # The range's last day counts; the week of the 16th overlaps the 17th.
    ({"date_range": (dt.datetime(2023, 1, 17), dt.datetime(2023, 1, 17))}, ["e1", "e4"]),
    ({"actors": ["Mark Milley"], "event_types": ["meet"], "min_confidence": 0.5}, ["e1"]),
    ({"actors": ["Nobody"]}, []),
])
def test_filters(tiny, params, expected):
    store = DataStore(tiny, show_other=True)
    store.param.update(**params)
    assert ids(store) == expected, f"filters {params}"


def test_reset_filters_restores_all(tiny):
    store = DataStore(tiny, actors=["Joe Biden"], search="kyiv", show_other=True)
    assert ids(store) == ["e3"]
    store.reset_filters()
    assert len(store.filtered) == 5


def test_correct_date_sets_day_precision_and_flag(tiny):
    store = DataStore(tiny, show_other=True)
    store.correct_date("e3", dt.date(2023, 2, 24))
    row = store.event("e3")
    assert row["date"] == pd.Timestamp("2023-02-24")
    assert (row["start"], row["end"]) == (pd.Timestamp("2023-02-24"), pd.Timestamp("2023-02-25"))
    assert row["granularity"] == "day"
    assert row["corrected"]
    assert row[CORRECTION] == "date 2023-02-01 -> 2023-02-24"
    assert not store.event("e1")["corrected"]
    store.date_range = (dt.datetime(2023, 2, 24), dt.datetime(2023, 2, 24))
    assert ids(store) == ["e3"]
    store.date_range = (dt.datetime(2023, 2, 10), dt.datetime(2023, 2, 12))
    assert ids(store) == []


def test_mark_wrong_hides_unless_asked(tiny):
    store = DataStore(tiny, show_other=True)
    store.mark_wrong("e1")
    assert ids(store) == ["e2", "e3", "e4", "e5"]
    store.show_wrong = True
    assert "e1" in ids(store)
    row = store.event("e1")
    assert row["corrected"] and row[CORRECTION] == MARKED_WRONG


def test_unknown_event(tiny):
    store = DataStore(tiny, show_other=True)
    assert store.event("nope") is None
    with pytest.raises(KeyError):
        store.correct_date("nope", dt.date(2023, 1, 1))


def test_add_events_skips_known_ids(tiny):
    store = DataStore(tiny.iloc[:3], show_other=True)
    added = store.add_events(tiny.iloc[2:], {"doc2": "text"})
    assert added == 2
    assert sorted(store.data["event_id"]) == ["e1", "e2", "e3", "e4", "e5"]
    assert store.texts == {"doc2": "text"}
    assert len(store.filtered) == 5


def test_filtered_export_carries_corrections(tiny):
    store = DataStore(tiny, show_other=True)
    store.correct_date("e2", dt.date(2023, 1, 20))
    store.actors = ["Andrzej Duda"]
    table = pd.read_csv(io.BytesIO(export_bytes(store.filtered, "csv")))
    assert table["event_id"].tolist() == ["e2"]
    assert table["corrected"].tolist() == [True]
    assert table["date"].str.startswith("2023-01-20").all()
    # The hostile sentence is exported as text; lines of JSON Lines are records.
    store.reset_filters()
    lines = export_bytes(store.filtered, "jsonl").decode("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 5
    assert any(r["sentence"].startswith("<script>alert(1)</script>") for r in records)


def test_options_and_bounds(tiny):
    store = DataStore(tiny, show_other=True)
    assert store.actor_options[0] == "Mark Milley"  # two events, the most
    assert store.type_options == ["meet", "other", "statement", "visit"]
    assert store.date_bounds == (dt.datetime(2023, 1, 16), dt.datetime(2023, 3, 1))


def test_empty_store():
    store = DataStore()
    assert store.filtered.empty
    assert store.date_bounds is None


def test_store_imports_no_plotly_and_no_view():
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys, dashboards.store; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'plotly' "
            "or m.startswith('dashboards.views') or m == 'dashboards.figures'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2]).stdout
    assert out.strip() == "[]"


def test_every_published_attribute_is_a_param(tiny):
    store = DataStore(tiny, show_other=True)
    public = {name for name in vars(store) if not name.startswith("_")}
    assert public <= set(store.param), public - set(store.param)
    assert {"labels", "table", "colors", "filtered"} <= set(store.param)
