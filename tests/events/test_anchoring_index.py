"""The offset index choose_time searches: the same answers a full scan gives."""

from __future__ import annotations

from itertools import accumulate

from timeline.events.anchoring import TimeIndex
from timeline.model import TimeExpression


def _time(start: int, end: int) -> TimeExpression:
    return TimeExpression(text="x" * (end - start), start_char=start, end_char=end, type="DATE",
                          value="2023", start=None, end=None, granularity="year", anchor="",
                          rule="", confidence=1.0)


def _index(spans: list[tuple[int, int]], text: str = "") -> TimeIndex:
    times = tuple(_time(s, e) for s, e in spans)
    breaks = tuple(i for i, c in enumerate(text) if c == "\n")
    return TimeIndex(text, (), times, (None,) * len(times), (True,) * len(times),
                     tuple(s for s, _ in spans), tuple(accumulate((e for _, e in spans), max)),
                     breaks)


def test_overlapping_finds_a_long_expression_that_began_earlier() -> None:
    # (0, 50) began long before [40, 45] and still covers it; (10, 12) ended before.
    index = _index([(0, 50), (10, 12), (30, 35), (41, 44), (60, 70)])
    near = [index.times[i] for i in index.overlapping(40, 45)]
    assert [(t.start_char, t.end_char) for t in near] == [(0, 50), (10, 12), (30, 35), (41, 44)]
    assert list(index.overlapping(55, 58)) == []  # between expressions: nothing
    assert [index.starts[i] for i in index.overlapping(69, 80)] == [60]


def test_within_is_by_start() -> None:
    index = _index([(0, 5), (10, 12), (12, 20), (30, 35)])
    assert [index.starts[i] for i in index.within(10, 30)] == [10, 12]
    assert list(index.within(36, 40)) == []


def test_paragraph_start_is_after_the_last_line_break_before() -> None:
    text = "one\ntwo\n\nthree"
    index = _index([], text)
    assert [index.paragraph_start(i) for i in (0, 3, 4, 8, 9, 12)] == [0, 0, 4, 8, 9, 9]
    assert all(index.paragraph_start(i) == text.rfind("\n", 0, i) + 1 for i in range(len(text)))
