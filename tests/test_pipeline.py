"""Tests for timeline.pipeline: the timeline DataFrame, the seed checks, summaries.

tests/data/expected/seed_events.csv holds every event of the seed, checked by hand
against the article; rows whose right value differs from today's output say why in
``known_wrong`` and run as expected failures (tests/conftest.py tells how to review).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from timeline import schema
from timeline.pipeline import actors, extract, places, to_articles
from timeline.model import Article
from timeline.temporal.api import find_times

SEED_PUBLISHED = "2023-01-19"
EXPECTED = Path(__file__).parent / "data" / "expected" / "seed_events.csv"
#: Columns of the expected table: what a reader can check against the article.
EXPECTED_COLUMNS = ["trigger_start", "trigger_end", "trigger", "event_type", "modality",
                    "date", "granularity", "time_text", "time_value", "anchor", "actors",
                    "actor1", "actor2", "locations", "place", "country", "place_precision",
                    "geo_precision"]


def _known_wrong() -> list[tuple[int, str]]:
    """(trigger offset, reason) of the expected rows today's output gets wrong."""
    rows = pd.read_csv(EXPECTED, dtype=str, keep_default_na=False) if EXPECTED.exists() else None
    if rows is None or "known_wrong" not in rows:
        return []
    wrong = rows[rows["known_wrong"] != ""]
    return [(int(start), reason) for start, reason in zip(wrong["trigger_start"],
                                                          wrong["known_wrong"])]


@pytest.fixture(scope="module")
def seed_frame(seed_text: str) -> pd.DataFrame:
    return extract(seed_text, SEED_PUBLISHED)


def test_seed_meeting_in_poland_on_tuesday(seed_frame: pd.DataFrame) -> None:
    meetings = seed_frame[
        (seed_frame["event_type"] == "meet")
        & (seed_frame["date"] == pd.Timestamp("2023-01-17"))
        & (seed_frame["country"] == "Poland")
    ]
    assert any({"Mark Milley", "Valerii Zaluzhnyi"} <= set(a) for a in meetings["actors"]), (
        seed_frame[["trigger", "event_type", "date", "actors", "country"]].to_string())


def test_seed_duda_speaks_at_davos_on_wednesday(seed_frame: pd.DataFrame) -> None:
    speeches = seed_frame[
        (seed_frame["event_type"] == "statement")
        & (seed_frame["date"] == pd.Timestamp("2023-01-18"))
        & (seed_frame["place"] == "Davos")
    ]
    assert any("Andrzej Duda" in a for a in speeches["actors"]), (
        seed_frame[["trigger", "event_type", "date", "actors", "place"]].to_string())


def test_seed_nothing_from_trailing_headlines(seed_text: str, seed_frame: pd.DataFrame) -> None:
    from timeline.text.boilerplate import split_trailing

    body, trailing = split_trailing(seed_text)
    assert trailing
    assert (seed_frame["sentence_end"] <= len(body)).all()
    assert not seed_frame["sentence"].str.contains("Bhumjaithai|Ghislaine|Takaichi").any()


def test_seed_misspelling_is_the_same_actor(seed_frame: pd.DataFrame) -> None:
    names = {name for cell in seed_frame["actors"] for name in cell}
    assert "Valerii Zaluzhnyi" in names
    assert not names & {"Zaluznyi", "Zaluzhnyi", "Milley", "Butler"}


def test_schema_columns_and_dtypes(seed_frame: pd.DataFrame) -> None:
    assert tuple(seed_frame.columns) == schema.EVENT_COLUMNS
    for name, dtype in schema.EVENT_DTYPES.items():
        assert str(seed_frame[name].dtype) == dtype, name
    assert all(isinstance(cell, list) for cell in seed_frame["actors"])


def test_sentence_offsets_point_into_the_body(seed_text: str, seed_frame: pd.DataFrame) -> None:
    assert len(seed_frame) > 0
    for row in seed_frame.itertuples():
        assert seed_text[row.sentence_start:row.sentence_end] == row.sentence
        assert seed_text[row.trigger_start:row.trigger_end].strip()


def test_event_ids_are_stable_and_unique(seed_text: str, seed_frame: pd.DataFrame) -> None:
    again = extract(seed_text, SEED_PUBLISHED)
    assert again["event_id"].tolist() == seed_frame["event_id"].tolist()
    assert seed_frame["event_id"].is_unique


def test_empty_text_gives_an_empty_typed_frame() -> None:
    df = extract("   ", SEED_PUBLISHED)
    assert df.empty and tuple(df.columns) == schema.EVENT_COLUMNS
    assert str(df["date"].dtype) == schema.DATETIME


def test_sources_text_article_and_iterable() -> None:
    article = Article(id="a1", body="Milley met Duda in Warsaw on Tuesday.", title="T",
                      url="https://example.org/a1")
    df = extract([article, "Duda travelled to Kyiv on Monday."], SEED_PUBLISHED)
    assert df["doc_id"].tolist() == ["a1", "text-2"]
    assert df.loc[0, "title"] == "T" and df.loc[0, "url"] == "https://example.org/a1"
    assert df["reference_source"].tolist() == ["given", "given"]


def test_article_date_beats_the_given_one() -> None:
    article = Article(id="a", body="Duda travelled to Kyiv on Monday.",
                      published=pd.Timestamp("2023-02-01").to_pydatetime())
    df = extract(article, SEED_PUBLISHED)
    assert df.loc[0, "date"] == pd.Timestamp("2023-01-30")
    assert df.loc[0, "reference_source"] == "article"


@pytest.mark.parametrize("published", ["2024-03-14", "14 March 2024", date(2024, 3, 14)])
def test_an_articles_date_may_be_text_or_a_date(published) -> None:
    # Thursday 14 March 2024: "on Tuesday" is the 12th.
    article = Article(id="a", body="Russian forces shelled Kupiansk on Tuesday.",
                      published=published)
    frame = extract(article)
    assert list(frame["date"].astype(str)) == ["2024-03-12"]
    assert list(frame["reference_source"]) == ["article"]


def test_an_articles_unreadable_date_fails_that_article_only() -> None:
    bad = Article(id="bad", body="Russian forces shelled Kupiansk on Tuesday.",
                  published="yesterday")
    good = Article(id="good", body="Russian forces shelled Kupiansk on Tuesday.",
                   published="2024-03-14")
    failed = []
    frame = extract([bad, good], on_error=failed.append)
    assert list(frame["doc_id"]) == ["good"]
    assert [f.source for f in failed] == ["bad"]
    assert "cannot parse published date 'yesterday'" in str(failed[0])


def test_path_source_reads_articles(tmp_path) -> None:
    path = tmp_path / "one.txt"
    path.write_text("Duda travelled to Kyiv on Monday.", encoding="utf-8")
    assert [a.id for a in to_articles(str(path))] == ["one"]


def test_names_merge_across_articles() -> None:
    texts = ["General Valerii Zaluzhnyi met troops on Monday.",
             "General Valery Zaluzhny met troops on Tuesday."]
    df = extract(texts, SEED_PUBLISHED)
    assert {a for cell in df["actors"] for a in cell} == {"Valerii Zaluzhnyi"}


def test_actors_summary(seed_frame: pd.DataFrame) -> None:
    table = actors(seed_frame)
    assert tuple(table.columns) == tuple(schema.ACTOR_DTYPES)
    milley = table.set_index("actor").loc["Mark Milley"]
    assert milley["type"] == "PERSON"
    assert milley["titles"] == ["General"]
    assert {"Mark Milley", "Milley"} <= set(milley["aliases"])
    assert milley["documents"] == 1 and milley["events"] >= 2


def test_places_summary(seed_frame: pd.DataFrame) -> None:
    table = places(seed_frame).set_index("place")
    assert tuple(table.reset_index().columns) == tuple(schema.PLACE_DTYPES)
    assert table.loc["Davos", "country"] == "Switzerland"
    assert table.loc["Davos", "place_precision"] == "city"
    assert table.loc["southwestern Poland", "place_precision"] == "region"


def test_summaries_of_an_empty_frame() -> None:
    empty = schema.empty_frame()
    assert actors(empty).empty and places(empty).empty


def test_multiprocessing_gives_the_same_rows(seed_text: str) -> None:
    texts = [seed_text] * 4 + ["Duda travelled to Kyiv on Monday."] * 28
    serial = extract(texts, SEED_PUBLISHED)
    parallel = extract(texts, SEED_PUBLISHED, n_process=2)
    pd.testing.assert_frame_equal(serial, parallel)


def test_include_other_false_keeps_only_typed_events(seed_frame: pd.DataFrame,
                                                     seed_text: str) -> None:
    typed = extract(seed_text, SEED_PUBLISHED, include_other=False)
    assert "other" in set(seed_frame["event_type"])
    assert "other" not in set(typed["event_type"])
    assert len(typed) == (seed_frame["event_type"] != "other").sum()


def test_a_clock_time_dates_the_event_at_hour_precision() -> None:
    row = extract("The ministers met at 10:30 GMT on Tuesday in 2023 in Brussels.",
                  "2023-01-19").set_index("trigger").loc["meet"]
    assert (row["date"], row["granularity"]) == (pd.Timestamp("2023-01-17 10:30"), "hour")
    assert row["time_value"] == "2023-01-17T10:30Z"


def test_every_date_is_explained_in_its_row() -> None:
    text = ("Andrzej Duda travelled to Kyiv on Monday.\nDuda then flew to Warsaw.\n"
            # A reported conflict event would absorb its "said" (reported_by); talks do not.
            "Talks would resume soon, Zelensky said.")
    df = extract(text, "2023-01-19").set_index("trigger")
    went, flew, said = df.loc["travel"], df.loc["fly"], df.loc["say"]
    monday = find_times(text, "2023-01-19").set_index("text").loc["Monday"]
    assert (went["time_source"], went["date"]) == ("clause", pd.Timestamp("2023-01-16"))
    assert (went["time_rule"], went["time_reason"]) == (monday["rule"], monday["reason"])
    assert "Monday: the latest one on or before published 2023-01-19" in went["time_reason"]
    assert (flew["time_source"], flew["date"]) == ("same actor", pd.Timestamp("2023-01-16"))
    assert (said["time_source"], said["time_rule"]) == ("published", "published-date")
    assert said["time_reason"] == "no time expression governs or precedes the clause"


def test_reference_source_none_when_nothing_dates_the_text() -> None:
    from timeline.dating import DatingWarning

    with pytest.warns(DatingWarning, match="text-1: no publication date"):
        df = extract("Milley met Zaluzhnyi in Poland.")
    assert df["reference_source"].tolist() == ["none"] and df["reference_date"].isna().all()
    assert df["time_source"].tolist() == ["none"] and df["time_rule"].tolist() == [""]


def _expected_events(seed_frame: pd.DataFrame, expected_table) -> tuple[pd.DataFrame, pd.DataFrame]:
    actual = seed_frame[EXPECTED_COLUMNS].reset_index(drop=True)
    return actual, expected_table("seed_events", actual, "trigger_start")


def test_seed_events_match_the_expected_table(seed_frame: pd.DataFrame, expected_table) -> None:
    actual, expected = _expected_events(seed_frame, expected_table)
    assert actual["trigger_start"].tolist() == expected["trigger_start"].tolist(), (
        "events found differ from the expected table")
    right = expected["known_wrong"] == "" if "known_wrong" in expected else expected.index >= 0
    pd.testing.assert_frame_equal(actual[right].reset_index(drop=True),
                                  expected[right][EXPECTED_COLUMNS].reset_index(drop=True))


def test_rows_marked_known_wrong_are_still_wrong(seed_frame: pd.DataFrame,
                                                expected_table) -> None:
    """A row marked known_wrong that today's output gets right must lose its mark."""
    actual, expected = _expected_events(seed_frame, expected_table)
    for start, reason in _known_wrong():
        ours = actual[actual["trigger_start"] == start].reset_index(drop=True)
        theirs = expected[expected["trigger_start"] == start][EXPECTED_COLUMNS]
        assert not ours.equals(theirs.reset_index(drop=True).astype(ours.dtypes.to_dict())), (
            f"trigger_start={start} is right now ({reason}): empty its known_wrong cell")
