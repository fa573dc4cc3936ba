"""Tests for timeline.export.registry: one table of formats, written atomically."""

from __future__ import annotations

import csv
import dataclasses
import io
import os
from pathlib import Path

import pandas as pd
import pyarrow
import pytest

from timeline.errors import InputError
from timeline.export import read_timeline, registry, to_csv, write_file, write_frame

# Readers that give the frame back whole. Timesketch leaves out undated events, and
# ACLED's layout has no room for most of our columns: their own tests check them.
LOSSY = {"timesketch", "timesketch-jsonl", "acled"}
READABLE = [name for name, fmt in registry.FORMATS.items()
            if fmt.read is not None and name not in LOSSY]
# Formats that can write any event frame (TimeML needs the article text).
EVENT_FORMATS = registry.names("events")


# -- the table ------------------------------------------------------------------------


def test_names_and_suffixes_are_unique_and_lower_case() -> None:
    suffixes = [s for fmt in registry.FORMATS.values() for s in fmt.suffixes]
    assert len(suffixes) == len(set(suffixes))
    assert all(s.startswith(".") and s == s.lower() for s in suffixes)
    assert all(name == name.lower() for name in registry.FORMATS)


@pytest.mark.parametrize("fmt", registry.FORMATS.values(), ids=lambda fmt: fmt.name)
def test_every_suffix_picks_its_format(fmt: registry.Format) -> None:
    for suffix in fmt.suffixes:
        assert registry.format_for(f"out{suffix}") == fmt.name
        assert registry.format_for(f"dir.d/OUT{suffix.upper()}") == fmt.name


def test_the_longest_suffix_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    special = dataclasses.replace(registry.FORMATS["jsonl"], name="special", suffixes=(".s.jsonl",))
    monkeypatch.setitem(registry.FORMATS, "special", special)
    assert registry.format_for("out.s.jsonl") == "special"
    assert registry.format_for("out.jsonl") == "jsonl"
    assert registry.format_for("out.s.json") == "json"


@pytest.mark.parametrize("frame", ["events", "times"])
def test_each_command_is_offered_what_can_hold_its_frame(frame: registry.Frame) -> None:
    offered = registry.names(frame)
    assert "csv" in offered and "jsonl" in offered
    assert "table" in offered
    assert ("timeml" in offered) == (frame == "times")


def test_downloads_are_the_event_formats_a_browser_can_save() -> None:
    names = [fmt.name for fmt in registry.downloads()]
    assert names[0] == "csv" and "jsonl" in names and "table" not in names


def test_unknown_format_is_refused_naming_the_known_ones(
    tmp_path: Path, timeline_frame: pd.DataFrame
) -> None:
    with pytest.raises(InputError, match="docx.*csv.*jsonl.*parquet"):
        write_frame(timeline_frame, str(tmp_path / "t.docx"), "docx")
    with pytest.raises(InputError, match="suffix.*csv"):
        write_file(timeline_frame, tmp_path / "t.docx")
    with pytest.raises(InputError, match="suffix"):
        read_timeline(tmp_path / "t.docx")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("output", "name", "frame", "expected"),
    [
        (None, None, "times", "table"),
        ("t.ndjson", None, "times", "jsonl"),
        ("t.data", "json", "events", "json"),  # a suffix of no format: --format decides
        ("t.timesketch.csv", "csv", "events", "csv"),  # the last suffix agrees
        ("t", None, "events", "csv"),  # no suffix: the default
        ("t.PQ", None, "events", "parquet"),
    ],
)
def test_choose(output: str | None, name: str | None, frame: registry.Frame, expected: str) -> None:
    default = "table" if frame == "times" else "csv"
    assert registry.choose(output, name, frame, default).name == expected


@pytest.mark.parametrize(
    ("output", "name", "frame", "problem"),
    [
        ("t.docx", None, "events", "unknown suffix '.docx'; known formats: csv (.csv)"),
        ("t.tml", None, "events", "does not write timeml"),
        ("t.gexf", None, "times", "does not write gexf"),
        (None, "parquet", "times", "binary"),
        ("t.csv", "json", "events", "the suffix says csv, but --format says json"),
    ],
)
def test_choose_refuses(
    output: str | None, name: str | None, frame: registry.Frame, problem: str
) -> None:
    with pytest.raises(InputError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        registry.choose(output, name, frame, "csv")


# -- every format ----------------------------------------------------------------------


@pytest.mark.parametrize("name", READABLE)
def test_every_readable_format_round_trips(
    tmp_path: Path, timeline_frame: pd.DataFrame, name: str
) -> None:
    path = tmp_path / f"timeline{registry.FORMATS[name].suffix}"
    write_file(timeline_frame, path)
    pd.testing.assert_frame_equal(read_timeline(path), timeline_frame)
    assert list(tmp_path.iterdir()) == [path]


@pytest.mark.parametrize("name", EVENT_FORMATS)
def test_download_bytes_are_the_file_bytes(
    tmp_path: Path, timeline_frame: pd.DataFrame, name: str
) -> None:
    path = tmp_path / "t.out"
    write_file(timeline_frame, path, name)
    assert registry.to_bytes(timeline_frame, name) == path.read_bytes()


def test_write_frame_to_stdout(
    capsys: pytest.CaptureFixture[str], timeline_frame: pd.DataFrame
) -> None:
    write_frame(timeline_frame, None, "csv")
    out = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert [row["event_id"] for row in rows] == ["e1", "e2"]


def test_write_frame_table(
    capsys: pytest.CaptureFixture[str], timeline_frame: pd.DataFrame
) -> None:
    write_frame(timeline_frame[["event_id", "actors", "date"]], None, "table")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["event_id", "actors", "date"]
    assert "Mark Milley; Valerii Zaluzhnyi" in lines[1]
    assert lines[2].split() == ["e2", "Dave", "Butler"]  # missing date shown blank


def test_binary_to_stdout_is_refused(timeline_frame: pd.DataFrame) -> None:
    with pytest.raises(InputError, match="-o/--output"):
        write_frame(timeline_frame, None, "parquet")


def test_a_write_only_format_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("x\n")
    with pytest.raises(InputError, match="cannot read 'table'; readable: csv"):
        read_timeline(path)


def test_reading_a_broken_file_names_it(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text('{"event_id": "e1"}\n{oops\n')
    with pytest.raises(InputError) as raised:
        read_timeline(path)
    assert (raised.value.source, raised.value.line) == (str(path), 2)


# -- atomic writes ---------------------------------------------------------------------


def _replace_writer(monkeypatch: pytest.MonkeyPatch, writer: registry.Writer) -> None:
    csv_format = dataclasses.replace(registry.FORMATS["csv"], write=writer)
    monkeypatch.setitem(registry.FORMATS, "csv", csv_format)


def failing_writer(df: pd.DataFrame, stream: io.TextIOBase) -> None:
    stream.write("event_id,doc_id\r\ne1,")  # a partial file...
    raise RuntimeError("disk on fire")  # ...then the failure


@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
def test_failed_write_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, timeline_frame: pd.DataFrame, error: type
) -> None:
    def writer(df: pd.DataFrame, stream: io.TextIOBase) -> None:
        stream.write("event_id,doc_id\r\ne1,")
        raise error("interrupted")

    _replace_writer(monkeypatch, writer)
    with pytest.raises(error):
        to_csv(timeline_frame, tmp_path / "timeline.csv")
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, timeline_frame: pd.DataFrame
) -> None:
    path = tmp_path / "timeline.csv"
    path.write_text("old contents")
    _replace_writer(monkeypatch, failing_writer)
    with pytest.raises(RuntimeError):
        to_csv(timeline_frame, path)
    assert path.read_text() == "old contents"
    assert list(tmp_path.iterdir()) == [path]


def test_failed_parquet_write_leaves_no_file(tmp_path: Path) -> None:
    unstorable = pd.DataFrame({"x": [object()]})  # pyarrow cannot store a bare object
    with pytest.raises(pyarrow.ArrowException):
        write_file(unstorable, tmp_path / "t.parquet")
    assert list(tmp_path.iterdir()) == []


def test_write_replaces_the_file_with_normal_permissions(
    tmp_path: Path, timeline_frame: pd.DataFrame
) -> None:
    path = tmp_path / "timeline.csv"
    path.write_text("old contents")
    to_csv(timeline_frame, path)
    assert path.read_text(encoding="utf-8").startswith("event_id,")
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask  # as for any new file, not 0600
    assert list(tmp_path.iterdir()) == [path]


# -- the real pipeline -----------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_timeline(seed_text: str) -> pd.DataFrame:
    from timeline.pipeline import extract

    return extract(seed_text, published="2023-01-19")


@pytest.mark.parametrize("name", READABLE)
def test_extracted_timeline_round_trips(
    tmp_path: Path, seed_timeline: pd.DataFrame, name: str
) -> None:
    assert len(seed_timeline) > 0
    path = tmp_path / f"seed{registry.FORMATS[name].suffix}"
    write_file(seed_timeline, path)
    pd.testing.assert_frame_equal(read_timeline(path), seed_timeline)
