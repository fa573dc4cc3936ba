"""The extraction benchmark's interleaved rounds and median ratios (no timing asserted)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from benchmarks import speed_extract
from benchmarks.speed_extract import Round, interleaved, median_ratio


def test_rounds_alternate_which_side_goes_first() -> None:
    calls: list[str] = []
    rounds = interleaved(lambda: calls.append("base"), lambda: calls.append("ours"), 3)
    assert calls == ["base", "ours", "ours", "base", "base", "ours"]
    assert len(rounds) == 3


def test_each_side_gets_its_own_cpu_and_wall_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each clock is read twice per call: base takes 2 s CPU / 4 s wall, ours 3 s / 5 s.
    cpu = iter([0.0, 2.0, 10.0, 13.0])
    wall = iter([0.0, 4.0, 10.0, 15.0])
    monkeypatch.setattr(speed_extract, "time", SimpleNamespace(
        process_time=lambda: next(cpu), perf_counter=lambda: next(wall)))
    (only,) = interleaved(lambda: None, lambda: None, 1)
    assert only == Round(base_cpu=2.0, base_wall=4.0, ours_cpu=3.0, ours_wall=5.0)


def test_median_ratio_is_that_of_the_median_round() -> None:
    # Per-round ratios 0.5, 0.9 and 0.8 (a disturbed round does not drag the figure).
    rounds = [Round(1.0, 1.0, 2.0, 4.0), Round(0.9, 2.0, 1.0, 2.0), Round(0.8, 3.0, 1.0, 3.0)]
    assert median_ratio(rounds, "cpu") == pytest.approx(0.8)
    assert median_ratio(rounds, "wall") == pytest.approx(1.0)
