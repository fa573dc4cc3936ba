"""find_times on the seed article is at least ten times faster than dateparser."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from timeline.temporal.api import find_times


def _best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return min(times)


def test_ten_times_faster_than_dateparser(seed_text: str) -> None:
    search = pytest.importorskip("dateparser.search")
    find_times(seed_text, "2023-01-19")
    search.search_dates(seed_text, languages=["en"])
    ours = _best(lambda: find_times(seed_text, "2023-01-19"), 20)
    theirs = _best(lambda: search.search_dates(seed_text, languages=["en"]), 3)
    assert theirs / ours >= 10, f"find_times {ours * 1000:.1f} ms, dateparser {theirs * 1000:.1f} ms"
