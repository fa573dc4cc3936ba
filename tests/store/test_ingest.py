"""Tests for timeline.store.ingest: incremental, restartable ingest into a store."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from timeline.store import Store

WIRE = Path(__file__).parent / "data" / "wire.jsonl"
PROJECT = Path(__file__).resolve().parents[2]


def _clock() -> datetime:
    return datetime(2024, 7, 1, 12, 0)


def _snapshot(store: Store) -> list[tuple]:
    """What must be identical between two stores: every event's identity and reading."""
    events = store.events()
    columns = ["event_id", "doc_id", "event_type", "trigger", "date", "granularity", "place"]
    return sorted(tuple(str(v) for v in row) for row in events[columns].itertuples(index=False))


def test_second_ingest_skips_what_is_there(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.duckdb", clock=_clock)
    first = store.ingest(str(WIRE))
    assert (first.read, first.new, first.skipped, first.failed) == (12, 12, 0, 0)
    assert first.events == store.counts()["events"] > 0
    before = _snapshot(store)
    second = store.ingest(str(WIRE))
    assert (second.read, second.new, second.skipped, second.events) == (12, 0, 12, 0)
    assert _snapshot(store) == before


def test_changed_article_replaces_its_events(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.duckdb", clock=_clock)
    store.ingest(str(WIRE))
    rows = [json.loads(line) for line in WIRE.read_text().splitlines()]
    for row in rows:
        if row["id"] == "f-protest":
            row["text"] = "Protesters marched in Nairobi on Tuesday. Police arrested 20 people on Wednesday."
    changed = tmp_path / "wire.jsonl"
    changed.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    summary = store.ingest(str(changed))
    assert (summary.changed, summary.skipped, summary.new) == (1, 11, 0)
    protest = store.events().query("doc_id == 'f-protest'")
    assert sorted(protest["trigger"]) == ["arrest", "march"]
    assert store.articles().set_index("doc_id").loc["f-protest", "n_events"] == 2


def test_one_bad_article_is_reported_and_the_rest_ingested(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    lines = WIRE.read_text().splitlines()[:3] + ['{"id": "broken", "text": ']
    corpus.write_text("\n".join(lines) + "\n")
    problems: list[str] = []
    summary = Store(tmp_path / "s.duckdb").ingest(str(corpus), on_error=problems.append)
    assert summary.failed == 1 and summary.new == 3
    assert len(problems) == 1 and "c.jsonl:4" in problems[0]


def test_article_without_any_date_is_counted_undated(tmp_path: Path) -> None:
    summary = Store(tmp_path / "s.duckdb").ingest(["The ministers met in Brussels."])
    assert summary.undated == 1
    assert Store(tmp_path / "s.duckdb").articles()["status"].tolist() == ["undated"]


def test_undated_and_vaguely_dated_articles_are_counted_and_warned_about(tmp_path: Path) -> None:
    """As ``timeline extract`` does: a warning line each and both counts in the summary."""
    from timeline.model import Article

    articles = [Article("undated", "The ministers met in Brussels."),
                Article("vague", "Milley met Zaluzhnyi in Poland on January 17, 2023."),
                Article("dated", "WASHINGTON, Jan. 19, 2023 (AP) - Milley met Zaluzhnyi.")]
    lines: list[str] = []
    summary = Store(tmp_path / "s.duckdb").ingest(articles, on_note=lines.append)
    assert (summary.undated, summary.low_confidence) == (1, 1)
    assert [line.split(":")[0] for line in lines] == ["undated", "vague"]
    assert "low confidence" in lines[1]
    assert "1 undated, 1 dated with low confidence" in summary.line()


def _ingest_command(store: Path, corpus: Path) -> list[str]:
    return [sys.executable, "-m", "timeline.cli", "ingest", str(corpus), "--store", str(store),
            "--batch-size", "2", "--no-progress", "--published", "2024-03-16"]


def test_killed_ingest_resumes_to_the_same_store(tmp_path: Path) -> None:
    """SIGKILL at random moments, then rerun: the same store as one uninterrupted run."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    reference = tmp_path / "reference.duckdb"
    began = time.perf_counter()
    subprocess.run(_ingest_command(reference, WIRE), check=True, env=env, cwd=PROJECT,
                   capture_output=True, timeout=300)
    # Kill moments are drawn within one whole run's duration on this machine, so that a
    # fast machine does not finish every run before its kill.
    duration = time.perf_counter() - began
    killed = tmp_path / "killed.duckdb"
    chance = random.Random(20240316)
    kills = 0
    for _ in range(4):
        process = subprocess.Popen(_ingest_command(killed, WIRE), env=env, cwd=PROJECT,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(chance.uniform(0.3, 0.9) * duration)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(timeout=60)
    subprocess.run(_ingest_command(killed, WIRE), check=True, env=env, cwd=PROJECT,
                   capture_output=True, timeout=300)
    assert kills, "no run was killed: the test did not test anything"
    assert _snapshot(Store(killed)) == _snapshot(Store(reference))
    counts = Store(killed).counts()
    assert counts["stories"] == Store(reference).counts()["stories"]
    assert counts["articles"] == 12


def test_dask_local_cluster_gives_the_same_events(tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    local = Store(tmp_path / "local.duckdb")
    local.ingest(str(WIRE), "2024-03-16")
    remote = Store(tmp_path / "dask.duckdb")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        summary = remote.ingest(str(WIRE), "2024-03-16", client=client, batch_size=3)
    assert summary.new == 12 and summary.failed == 0
    assert _snapshot(remote) == _snapshot(local)
