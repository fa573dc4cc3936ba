"""Tests for ``timeline extract`` through click's runner, on the real pipeline."""

from __future__ import annotations

import dataclasses
import io
import json
import os
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner, Result

from timeline import schema
from timeline.cli.extract import extract
from timeline.export import read_timeline, registry

DAVOS = (
    "On Wednesday, Polish President Andrzej Duda expressed fears that Russia was "
    "preparing a new offensive in Ukraine. Speaking at the World Economic Forum in "
    "Davos, Duda said that Moscow remains very strong."
)
MEETING = (
    "US General Mark Milley met with his Ukrainian counterpart, General Valerii "
    "Zaluzhnyi, in southwestern Poland on Tuesday."
)


def run(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(extract, list(args), input=stdin, catch_exceptions=False)


@pytest.fixture
def seed_file(tmp_path: Path, seed_text: str) -> Path:
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    return path


@pytest.fixture
def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    """A binary file, an invalid UTF-8 file, an empty file, a corpus with a broken line."""
    bad = tmp_path / "bad"
    bad.mkdir()
    files = {
        "binary": bad / "photo.txt",
        "latin1": bad / "latin1.txt",
        "empty": bad / "empty.txt",
        "corpus": bad / "corpus.jsonl",
    }
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    files["latin1"].write_bytes("Duda spoke.\nCafé crème in Davos.\n".encode("latin-1"))
    files["empty"].write_bytes(b"")
    good = {"id": "davos", "text": DAVOS, "published": "2023-01-19"}
    files["corpus"].write_text(
        json.dumps(good) + "\n" + '{"id": "broken", "text": "no closing quote}\n'
        + json.dumps({"id": "meeting", "text": MEETING, "published": "2023-01-19"}) + "\n"
    )
    return files


def test_bad_inputs_are_skipped_with_warnings_and_the_rest_is_processed(
    tmp_path: Path, seed_file: Path, bad_inputs: dict[str, Path]
) -> None:
    out = tmp_path / "timeline.csv"
    paths = [str(p) for p in bad_inputs.values()]
    result = run(*paths, str(seed_file), "--published", "2023-01-19", "-o", str(out))
    assert result.exit_code == 1, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [
        f"warning: skipped {bad_inputs['binary']}: binary file (contains NUL bytes), not text",
        f"warning: skipped {bad_inputs['latin1']}:2: invalid UTF-8 (byte 0xe9); "
        "save the file as UTF-8",
        f"warning: skipped {bad_inputs['empty']}: empty file",
        f"warning: skipped {bad_inputs['corpus']}:2: malformed JSON: "
        "Unterminated string starting at (column 26)",
    ]
    events = read_timeline(out)
    assert set(events["doc_id"]) == {"davos", "meeting", "seed"}
    summary = result.stderr.splitlines()[-1]
    assert summary.startswith("3 articles read, 4 skipped, ")
    assert summary.endswith(f"events extracted; written to {out}")
    assert f"{len(events)} events" in summary


def test_directory_with_bad_files_is_processed_the_same_way(
    tmp_path: Path, bad_inputs: dict[str, Path]
) -> None:
    result = run(str(tmp_path / "bad"), "--no-progress")
    assert result.exit_code == 1
    assert result.stderr.count("warning: skipped") == 4
    events = pd.read_csv(io.StringIO(result.stdout))
    assert set(events["doc_id"]) == {"davos", "meeting"}


def test_clean_run_writes_csv_to_stdout_and_exits_zero(seed_file: Path) -> None:
    result = run(str(seed_file), "--published", "2023-01-19")
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    assert "extracting" not in result.stderr  # one article: no progress bar
    events = pd.read_csv(io.StringIO(result.stdout), keep_default_na=False)
    assert tuple(events.columns) == schema.EVENT_COLUMNS
    assert len(events) > 0
    assert set(events["doc_id"]) == {"seed"}
    assert set(events["reference_date"]) == {"2023-01-19"}
    assert result.stderr.strip() == f"1 article read, 0 skipped, {len(events)} events extracted"


def test_progress_bar_when_more_than_one_article(tmp_path: Path) -> None:
    corpus = tmp_path / "two.jsonl"
    corpus.write_text(
        json.dumps({"text": DAVOS}) + "\n" + json.dumps({"text": MEETING}) + "\n"
    )
    shown = run(str(corpus), "--published", "2023-01-19")
    assert "extracting" in shown.stderr and "2/2" in shown.stderr
    hidden = run(str(corpus), "--published", "2023-01-19", "--no-progress")
    assert "extracting" not in hidden.stderr
    assert shown.stdout == hidden.stdout


def test_output_file_is_written_atomically_in_the_format_of_its_suffix(tmp_path: Path) -> None:
    source = tmp_path / "davos.txt"
    source.write_text(DAVOS)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    for name in ("timeline.jsonl", "timeline.parquet"):
        result = run(str(source), "--published", "2023-01-19", "-o", str(out_dir / name))
        assert result.exit_code == 0, result.output
        assert result.stdout == ""
    assert sorted(p.name for p in out_dir.iterdir()) == ["timeline.jsonl", "timeline.parquet"]
    pd.testing.assert_frame_equal(
        read_timeline(out_dir / "timeline.jsonl"), read_timeline(out_dir / "timeline.parquet")
    )


def test_failed_write_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "davos.txt"
    source.write_text(DAVOS)
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    def full_disk(df: pd.DataFrame, stream: io.TextIOBase) -> None:
        stream.write("event_id,")
        raise OSError(28, "No space left on device")

    failing = dataclasses.replace(registry.FORMATS["csv"], write=full_disk)
    monkeypatch.setitem(registry.FORMATS, "csv", failing)
    result = run(str(source), "--published", "2023-01-19", "-o", str(out_dir / "t.csv"))
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr
    assert list(out_dir.iterdir()) == []


def test_nothing_readable_writes_nothing(tmp_path: Path, bad_inputs: dict[str, Path]) -> None:
    out = tmp_path / "timeline.csv"
    result = run(str(bad_inputs["binary"]), str(bad_inputs["empty"]), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "0 articles read, 2 skipped, 0 events extracted; nothing written"
    )
    assert not out.exists()


def test_stdin(seed_text: str) -> None:
    result = run("-", "--published", "2023-01-19", "--format", "jsonl", stdin=seed_text.encode())
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and {row["doc_id"] for row in rows} == {"stdin"}


def test_parquet_to_stdout_is_a_usage_error(seed_file: Path) -> None:
    result = run(str(seed_file), "--format", "parquet")
    assert result.exit_code == 2
    assert "-o/--output" in result.stderr


def test_unknown_output_suffix_is_a_usage_error_before_extracting(
    seed_file: Path, tmp_path: Path
) -> None:
    # The repro: an unknown suffix (out.xlsx, before Excel was a format) wrote CSV.
    out = tmp_path / "out.docx"
    result = run(str(seed_file), "--published", "2023-01-19", "-o", str(out))
    assert result.exit_code == 2
    assert "unknown suffix '.docx'" in result.stderr
    assert "csv (.csv), jsonl (.jsonl, .ndjson), json (.json), parquet" in result.stderr
    assert not out.exists() and "extracting" not in result.stderr


def test_bad_published_date_is_a_usage_error(seed_file: Path) -> None:
    result = run(str(seed_file), "--published", "the day after never")
    assert result.exit_code == 2
    assert "the day after never" in result.stderr


def test_missing_output_directory_fails_before_extracting(seed_file: Path, tmp_path: Path) -> None:
    result = run(str(seed_file), "-o", str(tmp_path / "no" / "such" / "t.csv"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_help_has_examples() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    for option in ("--published", "-o, --output", "--format", "-j, --processes", "--no-progress"):
        assert option in result.stdout


def test_registered_in_the_main_group() -> None:
    from timeline.cli import main

    result = CliRunner().invoke(main, ["extract", "--help"])
    assert result.exit_code == 0
    assert "Usage: main extract" in result.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_fifos_given_or_in_a_folder_are_skipped_with_a_warning(tmp_path: Path, run_bounded) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "davos.txt").write_text(DAVOS, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    given = tmp_path / "given.jsonl"
    os.mkfifo(given)
    result = run_bounded("-c", "from timeline.cli import main; main()", "extract",
                         str(given), str(folder), "--published", "2023-01-19")
    assert result.returncode == 1, result.stderr  # something was skipped
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [
        f"warning: skipped {given}: not a regular file: a named pipe (FIFO)",
        f"warning: skipped {folder / 'pipe.txt'}: not a regular file: a named pipe (FIFO)",
    ]
    events = pd.read_csv(io.StringIO(result.stdout))
    assert set(events["doc_id"]) == {"davos"}


def test_undated_and_vague_articles_are_named_and_counted(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(row) for row in (
        {"id": "plain", "text": MEETING},
        {"id": "stamped", "text": "WASHINGTON, Jan. 19, 2023 (AP) — " + MEETING},
    )) + "\n")
    result = run(str(corpus), "--no-progress")
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("warning: plain: no publication date (no dated evidence")
    assert len(lines) == 2  # the stamped article is dated confidently: no line for it
    assert lines[-1].endswith("; 1 article without a date")
    assert "without a date)" in lines[-1]  # the plain article's meeting has no date


def test_an_article_not_in_english_is_named_and_counted(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    spanish = ("El gobierno y la guerrilla firmaron el lunes un nuevo acuerdo de alto el "
               "fuego en La Habana, según informaron fuentes oficiales. El presidente dijo "
               "que las negociaciones continuarán durante las próximas semanas.")
    corpus.write_text("\n".join(json.dumps(row) for row in (
        {"id": "es", "text": spanish}, {"id": "en", "text": MEETING},
    )) + "\n")
    result = run(str(corpus), "--no-progress", "--published", "2023-01-19")
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("warning: es: does not look like English (0% of its first ")
    assert len(lines) == 2  # the English article is dated by --published: no line for it
    assert lines[-1].endswith("; 1 not in English")


def test_table_prints_the_key_columns_readably(tmp_path: Path) -> None:
    path = tmp_path / "meeting.txt"
    path.write_text(MEETING, encoding="utf-8")
    result = run(str(path), "--published", "2023-01-19", "--format", "table")
    assert result.exit_code == 0, result.output
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["date", "type", "actors", "place", "confidence", "sentence"]
    meeting = next(row for row in rows if " meet " in row)
    assert meeting.lstrip().startswith("2023-01-17 ") and "00:00" not in meeting
    assert "Mark Milley" in meeting and "…" in meeting  # the sentence is shortened
    assert all(len(row) < 250 for row in rows)


@pytest.mark.parametrize("suffix", [".xlsx", ".geojson", ".gexf", ".graphml"])
def test_new_suffixes_pick_their_format(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / "meeting.txt"
    path.write_text(MEETING, encoding="utf-8")
    out = tmp_path / f"out{suffix}"
    result = run(str(path), "--published", "2023-01-19", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    expected = {".xlsx": b"PK", ".geojson": b'{"type": "FeatureCollection"',
                ".gexf": b"<?xml", ".graphml": b"<?xml"}[suffix]
    assert data.startswith(expected)
