"""Properties of the readers and writers: exact round trips, only documented errors.

* ``to_csv``/``write_file`` then ``read_timeline`` give back the same frame, in CSV,
  JSON Lines and Parquet, for any text, list, date, number and category cells the
  schema allows (within the limits ``timeline.export`` documents for list cells).
* ``read_articles`` on any file reads articles or reports each bad file or row as an
  ``InputError`` through ``on_error``; it never raises anything else, and a corpus of
  valid rows gives back every text.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path
from tempfile import TemporaryDirectory

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from timeline import schema
from timeline.articles import read_articles
from timeline.errors import InputError
from timeline.export import read_timeline, write_file

# Every character, line separators (U+2028, U+2029, U+0085) included.
text = st.text(st.characters(codec="utf-8"), max_size=30)
#: A list item: without the "; " that joins items in CSV, and not empty unless in the
#: actor detail columns, which run parallel to ``actors`` (both documented limits).
parallel_item = text.filter(lambda s: "; " not in s)
item = parallel_item.filter(bool)
items = st.lists(item, max_size=3)
times = st.one_of(st.none(), st.datetimes(min_value=datetime(1, 1, 1),
                                          max_value=datetime(9999, 12, 31)))
#: JSON Lines are written by pandas with at most 15 significant digits: the numbers a
#: timeline holds (coordinates, confidences) have fewer; 0.1 + 0.2 would not survive.
numbers = st.one_of(st.just(float("nan")), st.floats(allow_nan=False, allow_infinity=False).filter(
    lambda x: float(f"{x:.15g}") == x))
offsets = st.integers(min_value=-1, max_value=2**53)
_CATEGORIES = {
    "granularity": ("day", "week", "month", "year", "hour", "published", None),
    "event_type": ("meet", "statement", "attack", "other", None),
    "place_precision": schema.GEO_PRECISIONS + (None,),
    "reference_source": ("article", "given", "inferred", "none", None),
}
#: Nullable counts (fatalities, injuries, ACLED's geo_precision): small or missing.
counts = st.one_of(st.none(), st.integers(min_value=0, max_value=10**6))
_BY_DTYPE = {"str": text, "object": items, schema.DATETIME: times, "float64": numbers,
             "int64": offsets, "Int64": counts, "bool": st.booleans()}


def _column(name: str, dtype: str) -> st.SearchStrategy:
    if dtype == "category":
        return st.sampled_from(_CATEGORIES.get(name, ("clause", "sentence", "published", None)))
    return _BY_DTYPE[dtype]


def _row(actors: int) -> st.SearchStrategy:
    """One event row; the actor detail lists run parallel to ``actors``, as extracted."""
    parallel = {"actors", "actor_types", "actor_titles", "actor_roles", "actor_aliases"}
    fields = {name: _column(name, dtype) for name, dtype in schema.EVENT_DTYPES.items()
              if name not in parallel}
    for name in parallel:
        fields[name] = st.lists(item if name == "actors" else parallel_item, min_size=actors,
                                max_size=actors)
    return st.fixed_dictionaries(fields)


frames = st.lists(st.integers(0, 2).flatmap(_row), max_size=4).map(
    lambda rows: schema.coerce(pd.DataFrame(rows, columns=list(schema.EVENT_COLUMNS))))


@given(frames, st.sampled_from(["csv", "jsonl", "parquet"]))
def test_timeline_round_trips_exactly(frame: pd.DataFrame, fmt: str) -> None:
    with TemporaryDirectory() as folder:
        path = Path(folder) / f"events.{fmt}"
        write_file(frame, path, fmt)
        back = read_timeline(path)
    # A category column with no value at all comes back with categories of dtype str
    # instead of object: the same (empty) set, so the categories are compared as sets.
    for name in schema.CATEGORY_COLUMNS:
        assert set(back[name].cat.categories) == set(frame[name].cat.categories)
        assert back[name].astype(object).equals(frame[name].astype(object))
    shown = [c for c in frame.columns if c not in schema.CATEGORY_COLUMNS]
    pd.testing.assert_frame_equal(back[shown], frame[shown])


files = st.one_of(
    st.binary(max_size=200),
    text.map(lambda s: s.encode("utf-8")),
    st.lists(st.one_of(text, st.sampled_from(["\n", "\r\n", "\x00", "{", "\""])), max_size=8)
    .map(lambda parts: "".join(parts).encode("utf-8")),
)
suffixes = st.sampled_from([".txt", ".jsonl", ".csv", ".html"])


@given(files, suffixes)
def test_read_articles_reads_or_reports_any_file(data: bytes, suffix: str) -> None:
    with TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        problems: list[InputError] = []
        articles = read_articles(path, on_error=problems.append)
        try:
            strict = read_articles(path)
        except InputError as error:
            assert problems and str(error) == str(problems[0])
        else:
            assert not problems and strict == articles
    assert articles or problems
    assert all(isinstance(a.body, str) and a.body.strip() for a in articles)
    for problem in problems:
        assert problem.source == str(path)
        assert problem.line is None or problem.line >= 1


#: Corpus rows: an id and a text that is not blank; the reader must keep every one.
rows = st.lists(st.fixed_dictionaries({
    "id": st.uuids().map(str),
    "text": text.filter(lambda s: s.strip() and "\x00" not in s),
}), min_size=1, max_size=5)


def _normalised(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n")


@given(rows, st.sampled_from(["jsonl", "csv"]))
def test_corpus_rows_come_back_whole(corpus: list[dict[str, str]], fmt: str) -> None:
    if fmt == "jsonl":
        data = "".join(json.dumps(row) + "\n" for row in corpus)
    else:
        stream = io.StringIO()
        writer = csv.DictWriter(stream, fieldnames=["id", "text"])
        writer.writeheader()
        writer.writerows(corpus)
        data = stream.getvalue()
    with TemporaryDirectory() as folder:
        path = Path(folder) / f"corpus.{fmt}"
        path.write_text(data, encoding="utf-8", newline="")
        articles = read_articles(path)
    assert [a.id for a in articles] == [row["id"] for row in corpus]
    assert [a.body + a.trailing for a in articles] == [_normalised(r["text"]) for r in corpus]
