"""Properties of ``find_times``, ``infer_reference_date`` and ``extract`` on any text.

For every text and every publication date on the calendar: no exception but the
documented ``TypeError``/``ValueError`` (for bad arguments), offsets that point at
the expression in the text, ``start <= end``, values in the TIMEX3 grammar, an empty
value always with a reason, and the same answer twice.
"""

from __future__ import annotations

import os
from datetime import date, datetime

import pandas as pd
from hypothesis import assume, given
from hypothesis import strategies as st

from timeline.temporal.api import find_times
from timeline.temporal.reference import infer_reference_date
from timeline.temporal.values import TIMEX3_VALUE

WORDS = (
    "On", "on", "in", "the", "of", "since", "until", "after", "before", "by", "at",
    "Monday", "Tuesday", "Sunday", "weekend", "January", "Feb", "Feb 29", "February 29,",
    "Dec 31", "Sept.", "summer", "Q3", "the third quarter", "first half", "2023", "1900",
    "2000", "0", "0000", "9999", "10000", "99999", "1/1/9999", "12/31/0000", "1990s",
    "mid-", "19th century", "10:30 GMT", "3 p.m.", "tonight", "today", "yesterday",
    "tomorrow", "ago", "later", "earlier", "last", "next", "this week", "two days",
    "800 years later", "9000 years ago", "a year earlier", "days", "months", "every Monday",
    "the war", "the invasion", "day 300 of the war", "the 9000th anniversary of the invasion",
    "(Reuters) -", "KYIV,", "KYIV, Dec 31 9999 (Reuters) -", "said", "will", "met",
    "visited", "Milley", "Zaluzhnyi", "Poland", "Kyiv", ",", ".", "-", "\"", "\n", "\n\n",
    "\u00a0", "\u2028", "<b>",
)
words = st.sampled_from(WORDS)
newsish = st.lists(st.one_of(words, words, words, st.text(max_size=5),
                             st.integers(-5, 100_000).map(str)), max_size=40).map(" ".join)
texts = st.one_of(newsish, newsish, st.text(max_size=120))
days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
published = st.one_of(st.none(), days, days.map(date.isoformat),
                      st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)))

#: Sentences extract can find events in, with dates at the calendar's edges.
_ACTORS = st.sampled_from(["Mark Milley", "Valerii Zaluzhnyi", "Andrzej Duda", "Ukraine",
                           "The ministers", "He", "Russia"])
_VERBS = st.sampled_from(["met", "visited", "attacked", "said", "signed a deal with",
                          "will meet", "did not meet", "protested against"])
_WHEN = st.sampled_from(["", " on Tuesday", " on Feb 29, 2023", " in 9999", " last year",
                         " 800 years later", " next week", " on Jan 1, 0001", " at 10:30 GMT"])
_WHERE = st.sampled_from(["", " in Poland", " in Davos", " in Kyiv", " in <b>Paris</b>"])
sentences = st.builds(lambda a, v, b, w, t: f"{a} {v} {b}{w}{t}.", _ACTORS, _VERBS, _ACTORS,
                      _WHERE, _WHEN)
stories = st.lists(st.one_of(sentences, sentences, newsish), min_size=1, max_size=4).map(
    lambda parts: " ".join(parts))


def _check_times(text: str, frame: pd.DataFrame) -> None:
    for row in frame.itertuples(index=False):
        assert 0 <= row.start_char < row.end_char <= len(text)
        assert text[row.start_char:row.end_char] == row.text
        if row.value:
            assert TIMEX3_VALUE.fullmatch(row.value), row.value
        else:
            assert row.reason, row
        if not pd.isna(row.start):
            assert not pd.isna(row.end) and row.start < row.end, row


@given(texts, published)
def test_find_times(text: str, when: object) -> None:
    frame = find_times(text, when)
    _check_times(text, frame)
    pd.testing.assert_frame_equal(frame, find_times(text, when))


@given(st.one_of(st.text(max_size=12), st.integers(), st.floats(), st.binary(max_size=8),
                 st.lists(st.integers(), max_size=2), days))
def test_find_times_bad_arguments_raise_only_type_or_value_error(value: object) -> None:
    for call in (lambda: find_times(value, "2023-01-19"), lambda: find_times("On Monday.", value),
                 lambda: find_times("On Monday.", "2023-01-19", mode=value)):
        try:
            call()
        except (TypeError, ValueError):
            pass  # documented: a text that is not a str, a date or mode that cannot be used


@given(texts)
def test_infer_reference_date(text: str) -> None:
    ref = infer_reference_date(text)
    assert ref == infer_reference_date(text)
    assert all(isinstance(line, str) and line for line in ref.evidence)
    if ref.value:
        assert TIMEX3_VALUE.fullmatch(ref.value), ref.value
        assert ref.start is not None and ref.end is not None and ref.start < ref.end
        assert 0.0 <= ref.confidence <= 1.0
    else:
        assert ref.start is None and ref.end is None and ref.evidence


@given(stories, published)
def test_extract(text: str, when: object) -> None:
    from timeline.pipeline import extract

    # A str naming an existing path ("." or "-", stdin) is read as one: documented.
    assume(text != "-" and not os.path.exists(text))
    frame = extract(text, when)
    for row in frame.itertuples(index=False):
        assert 0 <= row.sentence_start <= row.trigger_start < row.trigger_end <= row.sentence_end
        assert row.sentence_end <= len(text)
        assert text[row.sentence_start:row.sentence_end] == row.sentence
        if row.time_value:
            assert TIMEX3_VALUE.fullmatch(row.time_value), row.time_value
        if not pd.isna(row.start):
            assert row.start < row.end and row.date == row.start
        assert 0.0 <= row.confidence <= 1.0
    pd.testing.assert_frame_equal(frame, extract(text, when))
