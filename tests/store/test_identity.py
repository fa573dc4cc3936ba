"""Tests for timeline.store.identity: one stored article per source, ids stable across runs."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from timeline.store import Store

SHELLING = "Russian forces shelled Kharkiv on 3 March 2023, killing two people.\n"
DEPOT = "Ukrainian troops attacked a depot near Bakhmut on 5 March 2023.\n"


def _clock() -> datetime:
    return datetime(2024, 7, 1, 12, 0)


@pytest.fixture()
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """Two folders each holding a ``report.txt`` with different news."""
    one, two = tmp_path / "d1", tmp_path / "d2"
    for folder, text in ((one, SHELLING), (two, DEPOT)):
        folder.mkdir()
        (folder / "report.txt").write_text(text)
    return one, two


def _ids_by_file(store: Store) -> dict[str, str]:
    articles = store.articles()
    return {Path(path).parent.name: doc_id
            for doc_id, path in zip(articles["doc_id"], articles["source_path"])}


def test_same_named_files_in_one_run_get_two_articles(tmp_path: Path, folders) -> None:
    store = Store(tmp_path / "s.duckdb", clock=_clock)
    summary = store.ingest([str(folder) for folder in folders])
    assert (summary.new, summary.failed) == (2, 0)
    assert _ids_by_file(store) == {"d1": "report", "d2": "report-2"}


def test_a_second_file_of_the_same_name_never_replaces_the_first(tmp_path: Path,
                                                                 folders) -> None:
    store = Store(tmp_path / "s.duckdb", clock=_clock)
    store.ingest(str(folders[0]))
    summary = store.ingest(str(folders[1]))
    assert (summary.new, summary.changed) == (1, 0)
    assert _ids_by_file(store) == {"d1": "report", "d2": "report-2"}
    triggers = store.events().groupby("doc_id")["trigger"].apply(sorted).to_dict()
    assert triggers == {"report": ["shell"], "report-2": ["attack"]}


def test_ids_stay_with_their_file_whatever_the_order(tmp_path: Path, folders) -> None:
    store = Store(tmp_path / "s.duckdb", clock=_clock)
    store.ingest([str(folder) for folder in folders])
    again = store.ingest([str(folder) for folder in reversed(folders)])
    assert (again.skipped, again.new, again.changed) == (2, 0, 0)
    assert _ids_by_file(store) == {"d1": "report", "d2": "report-2"}


def _feed(path: Path, rows: list[str]) -> None:
    path.write_text("".join(f'{{"text": "{text}"}}\n' for text in rows))


def test_edits_survive_rows_added_before_them(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    _feed(feed, [SHELLING.strip(), DEPOT.strip()])
    store = Store(tmp_path / "s.duckdb", clock=_clock)
    store.ingest(str(feed))
    shelling = store.events().query("trigger == 'shell'")["event_id"].iloc[0]
    store.edit(shelling, "note", "two dead per the mayor", editor="ana")
    _feed(feed, ["Protesters marched in Nairobi on 7 March 2023.", DEPOT.strip(),
                 SHELLING.strip()])
    summary = store.ingest(str(feed))
    assert (summary.new, summary.skipped, summary.changed) == (1, 2, 0)
    events = store.events().set_index("event_id")
    assert events.loc[shelling, "note"] == "two dead per the mayor"
    assert store.counts()["articles"] == 3


def test_a_different_published_date_re_extracts_articles_that_rely_on_it(
        tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Troops shelled the village on Monday.\n")
    store = Store(tmp_path / "s.duckdb", clock=_clock)
    store.ingest(str(story), "2023-03-08")
    same = store.ingest(str(story), "2023-03-08")
    assert (same.skipped, same.changed) == (1, 0)
    moved = store.ingest(str(story), "2024-03-08")
    assert (moved.skipped, moved.changed) == (0, 1)
    assert store.events()["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-03-04"]


def test_a_source_given_twice_in_one_run_is_read_once(tmp_path: Path) -> None:
    from timeline.store import Store

    story = tmp_path / "c.txt"
    story.write_text("Police arrested 20 protesters in Nairobi on Tuesday.\n", encoding="utf-8")
    store = Store(tmp_path / "s.duckdb")
    summary = store.ingest([str(story), str(story)])
    assert summary.new == 1 and store.articles()["doc_id"].tolist() == ["c"]


def test_plain_texts_ingested_apart_are_two_articles(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.duckdb")
    store.ingest("Police arrested 20 protesters in Nairobi on 4 July 2023.")
    summary = store.ingest("Floods hit Dhaka on 5 July 2023, killing 12 people.")
    assert (summary.new, summary.changed) == (1, 0)
    assert len(store.articles()) == 2
    again = store.ingest("Police arrested 20 protesters in Nairobi on 4 July 2023.")
    assert (again.new, again.changed, again.skipped) == (0, 0, 1)
