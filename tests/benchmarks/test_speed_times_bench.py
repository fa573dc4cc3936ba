"""The speed benchmark's table and timing function (no timing is asserted here)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from benchmarks import speed_times
from benchmarks.speed_times import format_table, median_seconds


def test_median_seconds_calls_warmup_and_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    # A stopwatch read twice per timed run: the runs take 1, 3, 2, 5 and 4 seconds.
    readings = iter([0.0, 1.0, 10.0, 13.0, 20.0, 22.0, 30.0, 35.0, 40.0, 44.0])
    monkeypatch.setattr(speed_times, "time", SimpleNamespace(perf_counter=lambda: next(readings)))
    calls: list[int] = []
    seconds = median_seconds(lambda: calls.append(1), runs=5, warmup=2)
    assert len(calls) == 7
    assert seconds == 3.0


def test_table_shows_speed_up_over_first_row() -> None:
    table = format_table([("dateparser", 0.030, 11), ("find_times", 0.002, 12)])
    lines = table.splitlines()
    assert lines[0].split()[:3] == ["contender", "median", "ms"]
    assert lines[2].split() == ["dateparser", "30.00", "11", "1.0x"]
    assert lines[3].split() == ["find_times", "2.00", "12", "15.0x"]
