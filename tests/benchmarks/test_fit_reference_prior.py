"""Fitting the publication-date lags: smoothing and the borrowed first week, by hand."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks.fit_reference_prior import borrow_week, kernel_smooth, smooth, week_offsets
from timeline.temporal.reference_model import bins


def test_kernel_smooth_spreads_one_day_bins_and_keeps_their_mass() -> None:
    # One-day bins [0, 0, 4, 0, 0] between two wide bins: weights 1 2 3 2 1 give
    # 4/6, 8/8, 12/9, 8/8, 4/6 (each over the weights that fall inside the run), which
    # sum to 14/3 and are scaled back to 4: 4/7, 6/7, 8/7, 6/7, 4/7. Wide bins stay.
    counts = np.array([5.0, 0, 0, 4, 0, 0, 7])
    widths = np.array([10, 1, 1, 1, 1, 1, 10])
    got = kernel_smooth(counts, widths)
    assert got == pytest.approx([5, 4 / 7, 6 / 7, 8 / 7, 6 / 7, 4 / 7, 7])


def test_a_yearless_dateline_keeps_its_day() -> None:
    # 100 datelines on the writing day and 5 the day before: folded onto a year, a
    # dateline's month-day still names the writing day (about 100/105 of the mass),
    # where a body's "Oct. 19" is spread over two days each side (a third at most).
    edges = bins("yearless_day")
    counts = np.zeros(len(edges))
    counts[edges.index((0, 0))], counts[edges.index((-1, -1))] = 100, 5
    dateline, _ = smooth("yearless_day", counts, np.zeros(2), None, "dateline_md")
    body, _ = smooth("yearless_day", counts, np.zeros(2), None, "month_day")
    assert dateline[edges.index((0, 0))] > 0.9
    assert body[edges.index((0, 0))] < 0.4


@pytest.mark.parametrize(("tense", "offsets"), [
    ("past", [0, 1, 2, 3, 4, 5, 6]),
    ("none", [0, 1, 2, 3, 4, 5, 6]),
    # A future "Tuesday" read on Thursday: weekday offset 2, five days ahead.
    ("future", [0, -6, -5, -4, -3, -2, -1]),
])
def test_week_offsets(tense: str, offsets: list[int]) -> None:
    assert week_offsets(tense) == offsets


def test_borrow_week_shapes_a_future_date_before_it() -> None:
    # A future full date with 0.2 on the day before it and 0.1 three days after; the
    # future weekday lag puts 1/4 on the same day and 3/4 on the day before (offset 6).
    # The week before the date (offsets -6..0) holds 0.2: 0.05 on the day, 0.15 on
    # the day before; three days after is outside that week and keeps its 0.1.
    edges = bins("day")
    probs = [0.0] * len(edges)
    probs[edges.index((-1, -1))], probs[edges.index((3, 3))] = 0.2, 0.1
    lags = {"full/future": {"probs": probs},
            "weekday/future": {"probs": [1.0, 0, 0, 0, 0, 0, 3.0]},
            "weekday/all": {"probs": [1.0] * 7}}
    borrow_week(lags)
    got = lags["full/future"]["probs"]
    assert got[edges.index((0, 0))] == pytest.approx(0.05)
    assert got[edges.index((-1, -1))] == pytest.approx(0.15)
    assert got[edges.index((3, 3))] == pytest.approx(0.1)
    assert sum(got) == pytest.approx(0.3)
