"""Tests for `timeline ingest` and `timeline export` through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from timeline.cli import main
from timeline.export import read_timeline

WIRE = Path(__file__).parents[1] / "store" / "data" / "wire.jsonl"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "corpus.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(WIRE), "--store", str(path), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "12 read, 0 unchanged, 12 new" in result.stderr
    return path


def test_ingest_again_skips_everything(store: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", str(WIRE), "--store", str(store), "--no-progress"])
    assert result.exit_code == 0
    assert "12 read, 12 unchanged, 0 new" in result.stderr


def test_ingest_exits_1_and_names_the_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "Troops crossed the border on Tuesday."}\n{"id": \n')
    result = CliRunner().invoke(main, ["ingest", str(bad), "--store", str(tmp_path / "s.duckdb"),
                                       "--no-progress"])
    assert result.exit_code == 1
    assert "bad.jsonl:2" in result.stderr and "1 failed" in result.stderr


def test_export_filters_by_type_and_date(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "attacks.csv"
    # "struck Kharkiv with missiles" is shelling, "troops attacked Kharkiv" an attack.
    result = CliRunner().invoke(main, ["export", "--store", str(store), "--type", "attack",
                                       "--type", "shelling", "--from", "2024-03-14",
                                       "--to", "2024-03-15", "-o", str(out)])
    assert result.exit_code == 0, result.output
    frame = read_timeline(out)
    assert len(frame) >= 2 and set(frame["event_type"]) == {"attack", "shelling"}
    assert (frame["start"] < "2024-03-15").all() and (frame["end"] > "2024-03-14").all()


def test_export_stories_as_json_lines(store: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--store", str(store), "--stories",
                                       "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    stories = [json.loads(line) for line in result.stdout.splitlines()]
    merged = [s for s in stories if s["n_sources"] > 1]
    assert {tuple(s["doc_ids"]) for s in merged} >= {("h-visit", "i-visit"), ("d-summit", "e-summit")}


def test_export_from_a_missing_store_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--store", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "does not exist" in result.output


@pytest.mark.parametrize("suffix", [".acled.csv", ".geojson", ".xlsx", ".timesketch.jsonl"])
def test_export_writes_the_tool_formats_that_read_back(store: Path, tmp_path: Path,
                                                      suffix: str) -> None:
    out = tmp_path / f"events{suffix}"
    result = CliRunner().invoke(main, ["export", "--store", str(store), "--type", "shelling",
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    frame = read_timeline(out)
    assert len(frame) >= 1 and set(frame["event_type"]) == {"shelling"}


@pytest.mark.parametrize("fmt", ["timelinejs", "gexf", "graphml"])
def test_export_writes_the_tool_formats_that_are_write_only(store: Path, tmp_path: Path,
                                                           fmt: str) -> None:
    out = tmp_path / "events.out"
    result = CliRunner().invoke(main, ["export", "--store", str(store), "--format", fmt,
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0


@pytest.mark.parametrize("fmt", ["timelinejs", "timesketch", "acled", "geojson", "table"])
def test_stories_go_to_the_tool_formats_too(store: Path, fmt: str) -> None:
    result = CliRunner().invoke(main, ["export", "--store", str(store), "--stories",
                                       "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "visit" in result.stdout


def test_export_of_an_unknown_type_is_a_usage_error_listing_the_types(store: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--store", str(store), "--type", "atack"])
    assert result.exit_code == 2
    assert "unknown event type 'atack'" in result.output
    assert "attack" in result.output.split("known types:")[1]


def test_export_with_from_after_to_is_a_usage_error(store: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--store", str(store),
                                       "--from", "2023-03-10", "--to", "2023-03-01"])
    assert result.exit_code == 2
    assert "--from 2023-03-10 is after --to 2023-03-01" in result.output


def test_export_filters_ignore_case(store: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--store", str(store), "--place", "kyiv",
                                       "--country", "UA", "--actor", "biden", "--type", "VISIT",
                                       "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {(row["place"], row["event_type"]) for row in rows} == {("Kyiv", "visit")}


@pytest.mark.parametrize("command", [["export"], ["ingest", str(WIRE), "--no-progress"]])
@pytest.mark.parametrize("content", [b"doc_id,text\na,b\n", b""])
def test_a_store_that_is_not_a_duckdb_file_is_refused_untouched(
        tmp_path: Path, command: list[str], content: bytes) -> None:
    csv = tmp_path / "all.csv"
    csv.write_bytes(content)
    result = CliRunner().invoke(main, [*command, "--store", str(csv)])
    assert result.exit_code == 1, result.output
    assert f"{csv} is not an event store" in result.output
    assert "Traceback" not in result.output and "Catalog" not in result.output
    assert csv.read_bytes() == content


@pytest.mark.parametrize("command", [["export"], ["ingest", str(WIRE), "--no-progress"]])
def test_a_duckdb_file_that_is_not_a_store_is_refused_untouched(tmp_path: Path,
                                                               command: list[str]) -> None:
    import duckdb

    other = tmp_path / "other.duckdb"
    with duckdb.connect(str(other)) as con:
        con.execute("CREATE TABLE prices (item VARCHAR, price DOUBLE)")
    result = CliRunner().invoke(main, [*command, "--store", str(other)])
    assert result.exit_code == 1
    assert f"{other} is not an event store" in result.output
    with duckdb.connect(str(other), read_only=True) as con:
        assert [row[0] for row in con.execute("SHOW TABLES").fetchall()] == ["prices"]


@pytest.mark.parametrize("suffix", ["csv", "xlsx", "jsonl", "parquet"])
def test_exported_stories_read_back_as_stories(store: Path, tmp_path: Path,
                                               suffix: str) -> None:
    from timeline.store import Store

    out = tmp_path / f"stories.{suffix}"
    result = CliRunner().invoke(main, ["export", "--store", str(store), "--stories",
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    back = read_timeline(out)
    assert "events" not in back.columns and "documents" not in back.columns
    assert any(len(ids) > 1 for ids in back["doc_ids"])  # lists, not "a; b" strings
    pd.testing.assert_frame_equal(back, Store(store, read_only=True).stories())


@pytest.mark.parametrize(("what", "noun"), [("--events", "event"), ("--stories", "story")])
def test_one_row_is_counted_in_the_singular(store: Path, what: str, noun: str) -> None:
    result = CliRunner().invoke(main, ["export", "--store", str(store), what,
                                       "--place", "nairobi"])
    assert result.exit_code == 0, result.output
    assert f"1 {noun} written" in result.stderr
