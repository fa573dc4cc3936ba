"""The extraction benchmark's interleaved rounds and median ratios (no timing asserted)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from benchmarks import speed_extract
from benchmarks.speed_extract import Round, interleaved, median_ratio


def test_rounds_rotate_which_side_goes_first() -> None:
    calls: list[str] = []
    sides = {name: (lambda name=name: calls.append(name)) for name in ("a", "b", "c")}
    rounds = interleaved(sides, 4)
    assert calls == ["a", "b", "c", "b", "c", "a", "c", "a", "b", "a", "b", "c"]
    assert len(rounds) == 4


def test_each_side_gets_its_own_cpu_and_wall_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each clock is read twice per call: base takes 2 s CPU / 4 s wall, ours 3 s / 5 s.
    cpu = iter([0.0, 2.0, 10.0, 13.0])
    wall = iter([0.0, 4.0, 10.0, 15.0])
    monkeypatch.setattr(speed_extract, "time", SimpleNamespace(
        process_time=lambda: next(cpu), perf_counter=lambda: next(wall)))
    (only,) = interleaved({"base": lambda: None, "ours": lambda: None}, 1)
    assert only == Round(cpu={"base": 2.0, "ours": 3.0}, wall={"base": 4.0, "ours": 5.0})


def test_median_ratio_is_that_of_the_median_round() -> None:
    # Per-round ratios 0.5, 0.9 and 0.8 (a disturbed round does not drag the figure).
    rounds = [Round({"base": 1.0, "ours": 2.0}, {"base": 1.0, "ours": 4.0}),
              Round({"base": 0.9, "ours": 1.0}, {"base": 2.0, "ours": 2.0}),
              Round({"base": 0.8, "ours": 1.0}, {"base": 3.0, "ours": 3.0})]
    assert median_ratio(rounds, "base", "ours", "cpu") == pytest.approx(0.8)
    assert median_ratio(rounds, "base", "ours", "wall") == pytest.approx(1.0)
