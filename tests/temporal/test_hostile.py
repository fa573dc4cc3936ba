"""Hostile input: date-like junk must take time linear in its size, never hang.

The test compares CPU time on junk of two sizes, four times apart (64 KB and 256 KB
for the temporal engine, 4 KB and 16 KB for the whole of ``extract``, which parses
with spaCy; set TIMELINE_HOSTILE_BYTES=1000000 for the issue's 250 KB and 1 MB for
both): linear work takes about 4 times as long; the bound of 8 leaves room for noise
but not for quadratic growth (16 times). Absolute times are not asserted: the
machine is shared.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

import pytest

from timeline.vocab import HOSTILE_BYTES_ENV

LARGE = int(os.environ.get(HOSTILE_BYTES_ENV, "256000"))
EXTRACT_LARGE = int(os.environ.get(HOSTILE_BYTES_ENV, "16000"))
MAX_RATIO = 8.0

JUNK = {
    "ones": "1 ",
    "weekdays": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday ",
    "punctuation": "-.,;:/!?()[]'\"",
    "months": "January ",
    "slashes": "1/1/1/1/",
    "numbers": "12 3 2023 05 17th 4th 1990s mid- ",
    "events": "the war in Ukraine is nearing its 1st day after 9/11 and ",
    "relative": "two days later last week next Tuesday the following ",
    "this_week": "this week on Tuesday he said Jan 19 (Reuters) - ",
    "names": "General Mark Milley met Valerii Zaluzhnyi and President Duda in Kyiv; ",
}
# The reference-date inference runs the tagger too: only its own cues are varied here.
CASES = [("find_times", kind) for kind in JUNK] + [
    ("infer_reference_date", kind) for kind in ("events", "this_week", "weekdays")
] + [("find_anchored", kind) for kind in JUNK] + [
    ("extract", kind) for kind in ("events", "this_week", "names")
]


def _junk(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _cpu_seconds(run: Callable[[str], object], text: str, repeat: int = 3) -> float:
    """Best of ``repeat`` runs: a collector pause in one run must not read as growth."""
    times = []
    for _ in range(repeat):
        began = time.process_time()
        run(text)
        times.append(time.process_time() - began)
    return min(times)


def _find_times(text: str) -> object:
    from timeline.temporal.api import find_times

    return find_times(text, "2023-01-19")


def _infer(text: str) -> object:
    from timeline.temporal.reference import infer_reference_date

    return infer_reference_date(text)


def _anchored(text: str) -> object:
    from timeline.temporal.anchored import find_anchored

    return find_anchored(text)


def _extract(text: str) -> object:
    from timeline.pipeline import extract

    return extract(text, "2023-01-19")


FUNCTIONS: dict[str, Callable[[str], object]] = {
    "find_times": _find_times,
    "infer_reference_date": _infer,
    "find_anchored": _anchored,
    "extract": _extract,
}


@pytest.mark.parametrize(("function", "kind"), CASES, ids=[f"{f}-{k}" for f, k in CASES])
def test_time_grows_linearly(function: str, kind: str) -> None:
    run = FUNCTIONS[function]
    large_size = EXTRACT_LARGE if function == "extract" else LARGE
    small_size = large_size // 4
    run(_junk(JUNK[kind], 2_000))  # warm up: imports, rule compilation, the model
    run(_junk(JUNK["names"], 2_000))  # and the place tables, loaded on first use
    small = _cpu_seconds(run, _junk(JUNK[kind], small_size))
    large = _cpu_seconds(run, _junk(JUNK[kind], large_size))
    # Below a few milliseconds the ratio is noise; growth is then clearly not a problem.
    ratio = large / max(small, 0.005)
    assert ratio < MAX_RATIO, (
        f"{function} on {kind!r} junk: {small:.3f}s for {small_size} chars, "
        f"{large:.3f}s for {large_size} chars (x{ratio:.1f})"
    )


#: Beginnings of time expressions a long run of spaces may follow ("Monday" then 64,000
#: spaces): a pattern with two space runs side by side splits such a run quadratically.
SPACE_RUN_PREFIXES = ["Monday", "Monday, March", "March 3", "the last week of March",
                      "at 10:30 GMT", "10:35 a.m. (0735 GMT)", "on Tuesday, Jan."]


#: Beginnings of stamp lines a long run of spaces may follow ("Published 12:30" then
#: 64,000 spaces): the publication-date patterns read a whole line.
STAMP_RUN_PREFIXES = ["Published 12:30", "Updated 10:32 AM", "12 Jan 2024 12:30",
                      "Fri 10 Nov 2023 14.30", "Published On 25 Dec 2023"]


@pytest.mark.parametrize(("function", "prefix", "tail"), [
    *(("find_times", p, "x Friday") for p in SPACE_RUN_PREFIXES),
    *(("infer_reference_date", p, "x") for p in STAMP_RUN_PREFIXES),
])
def test_a_long_space_run_after_a_time_is_linear(function: str, prefix: str, tail: str) -> None:
    run = FUNCTIONS[function]
    large_size = LARGE // 4
    run(prefix + " " * 2_000 + tail)
    small = _cpu_seconds(run, prefix + " " * (large_size // 4) + tail)
    large = _cpu_seconds(run, prefix + " " * large_size + tail)
    ratio = large / max(small, 0.005)
    assert ratio < MAX_RATIO, f"{prefix!r}: {small:.3f}s, then {large:.3f}s (x{ratio:.1f})"
