"""``timeline times`` through click's runner."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from timeline.cli import main

TEXT = "Milley met Zaluzhnyi on Tuesday. They will meet again on Friday."


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _run(*args: str, stdin: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["times", *args], input=stdin)


def test_json_with_published(article: Path) -> None:
    result = _run(str(article), "--published", "2023-01-19", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    # Thursday 2023-01-19: the past Tuesday is the 17th, the coming Friday the 20th.
    assert [(r["text"], r["value"], r["anchor"]) for r in rows] == [
        ("Tuesday", "2023-01-17", "published"),
        ("Friday", "2023-01-20", "published"),
    ]
    assert rows[0]["start_char"] == TEXT.index("Tuesday")


def test_csv_to_file(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "times.csv"
    result = _run(str(article), "--published", "2023-01-19", "-o", str(out))
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("text,start_char,end_char,type,value,start,end,granularity")
    assert len(lines) == 3 and "2023-01-17" in lines[1]
    assert result.stdout == ""


@pytest.mark.parametrize("suffix", [".parquet", ".jsonl"])
def test_times_file_reads_back_with_its_dtypes(
    article: Path, tmp_path: Path, suffix: str
) -> None:
    from timeline.export import read_timeline
    from timeline.temporal.api import find_times

    out = tmp_path / f"times{suffix}"
    result = _run(str(article), "--published", "2023-01-19", "-o", str(out))
    assert result.exit_code == 0, result.output
    expected = find_times(TEXT, "2023-01-19")
    pd.testing.assert_frame_equal(read_timeline(out), expected)


def test_unknown_output_suffix_is_refused(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "times.docx"
    result = _run(str(article), "--published", "2023-01-19", "-o", str(out))
    assert result.exit_code == 2
    assert "'.docx'" in result.stderr and "table (.txt)" in result.stderr
    assert not out.exists()


def test_table_is_default(article: Path) -> None:
    result = _run(str(article), "--published", "2023-01-19")
    assert result.exit_code == 0, result.output
    assert "Tuesday" in result.stdout and "2023-01-17" in result.stdout


def test_stdin() -> None:
    result = _run("-", "--published", "2023-01-19", "--format", "csv", stdin=TEXT)
    assert result.exit_code == 0, result.output
    assert "2023-01-20" in result.stdout


def test_narrative_mode(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("The mission launched on July 16, 1969. Four days later, it landed.",
                    encoding="utf-8")
    result = _run(str(path), "--mode", "narrative", "--format", "json")
    assert result.exit_code == 0, result.output
    values = [r["value"] for r in json.loads(result.stdout)]
    assert values[0] == "1969-07-16" and "1969-07-20" in values


def test_inferred_date_is_explained_on_stderr(seed_text: str, tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    result = _run(str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    assert "inferred publication date week 3 of 2023" in result.stderr
    rows = json.loads(result.stdout)
    tuesday = next(r for r in rows if r["text"].lower().endswith("tuesday"))
    assert tuesday["value"] == "2023-01-17"


def test_the_date_is_inferred_once_and_its_evidence_printed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.temporal import reference_choice

    calls = []
    infer = reference_choice.infer_reference_date

    def counting(text: str, **kwargs: object):  # type: ignore[no-untyped-def]
        calls.append(text)
        return infer(text, **kwargs)

    monkeypatch.setattr(reference_choice, "infer_reference_date", counting)
    path = tmp_path / "a.txt"
    path.write_text("KYIV, Jan 19, 2023 (Reuters) - Talks resumed on Tuesday.", encoding="utf-8")
    result = _run(str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    assert len(calls) == 1
    assert "inferred publication date 2023-01-19" in result.stderr
    assert "  - dateline" in result.stderr
    assert [r["value"] for r in json.loads(result.stdout) if r["text"] == "Tuesday"] == ["2023-01-17"]


def test_user_events_file(tmp_path: Path) -> None:
    events = tmp_path / "events.csv"
    events.write_text("id,name,date,aliases\nacme-merger,Acme merger,2020-05-01,the Acme merger\n",
                      encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text("Two years after the Acme merger, sales fell.", encoding="utf-8")
    result = _run(str(path), "--events", str(events), "--published", "2023-01-01",
                  "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert any(r["value"] == "2022-05" and r["anchor"] == "Acme merger" for r in rows), rows


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"caf\xe9 on Tuesday", "broken input.txt:1: invalid UTF-8 (byte 0xe9); save the file as UTF-8"),
        (b"Met on Tuesday.\nIn caf\xe9s", "broken input.txt:2: invalid UTF-8 (byte 0xe9)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        # The repro: these were called binary (NUL bytes); extract said UTF-16.
        ("\ufeffMet on Tuesday.".encode("utf-16-le"), "UTF-16 text; save the file as UTF-8"),
        ("\ufeffMet on Tuesday.".encode("utf-16-be"), "UTF-16 text; save the file as UTF-8"),
    ],
)
def test_bad_files_fail_cleanly(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "broken input.txt"
    path.write_bytes(content)
    out = tmp_path / "out.csv"
    result = _run(str(path), "--published", "2023-01-19", "-o", str(out))
    assert result.exit_code != 0
    assert "broken input.txt" in result.stderr and problem in result.stderr
    assert result.stdout == "" and not out.exists()


def test_missing_file_and_bad_events(tmp_path: Path, article: Path) -> None:
    result = _run(str(tmp_path / "nope.txt"))
    assert result.exit_code != 0 and "nope.txt" in result.stderr and "no such file" in result.stderr
    bad = tmp_path / "bad_events.yaml"
    bad.write_text("- {id: x}", encoding="utf-8")
    result = _run(str(article), "--events", str(bad))
    assert result.exit_code != 0 and "bad_events.yaml" in result.stderr
    assert result.stdout == ""


def test_unwritable_output_is_reported(article: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing_dir" / "times.csv"
    result = _run(str(article), "--published", "2023-01-19", "-o", str(target))
    assert result.exit_code == 1 and "times.csv" in result.stderr and "Traceback" not in result.output
    assert not target.parent.exists()


def test_bad_published_and_mode(article: Path) -> None:
    result = _run(str(article), "--published", "not a date at all")
    assert result.exit_code == 2 and "not a date at all" in result.stderr
    result = _run(str(article), "--mode", "poetry")
    assert result.exit_code == 2


@pytest.mark.parametrize("content", ["", "   \n", "\ufeff", "\u3000\n"], ids=repr)
def test_empty_file_is_refused_as_extract_refuses_it(tmp_path: Path, content: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(content, encoding="utf-8")
    out = tmp_path / "t.csv"
    result = _run(str(path), "-o", str(out))
    assert result.exit_code == 1
    assert f"{path}: empty file" in result.stderr
    assert not out.exists()
    extracted = CliRunner().invoke(main, ["extract", str(path), "-o", str(tmp_path / "e.csv")])
    assert extracted.exit_code != 0 and "empty file" in extracted.stderr


def test_empty_stdin_is_refused() -> None:
    result = _run("-", stdin="")
    assert result.exit_code == 1 and "<stdin>: empty file" in result.stderr


def test_help_has_examples() -> None:
    result = CliRunner().invoke(main, ["times", "--help"])
    assert result.exit_code == 0
    for option in ("--published", "--mode", "--format", "--events", "--output", "Examples:"):
        assert option in result.output


CLI = "from timeline.cli import main; main()"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_fifo_is_refused_not_read(tmp_path: Path, article: Path, run_bounded) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    result = run_bounded("-c", CLI, "times", str(pipe), "--published", "2023-01-19")
    assert result.returncode == 1, result.stderr
    assert f"{pipe}: not a regular file: a named pipe (FIFO)" in result.stderr
    assert result.stdout == ""
    # The same for the --events file.
    result = run_bounded("-c", CLI, "times", str(article), "--events", str(pipe))
    assert result.returncode == 1, result.stderr
    assert f"{pipe}: cannot read reference events: not a regular file" in result.stderr


def test_timeml_is_read_back_by_the_tempeval_reader(article: Path, tmp_path: Path) -> None:
    from benchmarks.tempeval import parse_tml

    out = tmp_path / "article.tml"
    result = _run(str(article), "--published", "2023-01-19", "-o", str(out))
    assert result.exit_code == 0, result.output
    document = parse_tml(out)
    assert document.dct == "2023-01-19" and document.text == TEXT
    assert [t.text for t in document.timexes] == [TEXT[t.start:t.end] for t in document.timexes]
    assert "2023-01-17" in [t.value for t in document.timexes]


PAGE = """<!DOCTYPE html><html><head><title>Blast in Beirut</title>
<meta property="article:published_time" content="2020-08-04T19:30:00Z">
</head><body><nav><a href="/">Home</a> <a href="/2019">Archive 2019</a></nav>
<article><h1>Blast in Beirut</h1><p>A massive explosion rocked the port of Beirut on
Tuesday, killing dozens of people, the health minister said.</p></article>
</body></html>"""


def test_an_html_page_is_read_as_extract_reads_it(tmp_path: Path) -> None:
    # Its body, not its markup: the metadata stamp and the menu's '2019' are no
    # expressions; its own date dates 'Tuesday' (2020-08-04 was a Tuesday).
    path = tmp_path / "beirut.html"
    path.write_text(PAGE, encoding="utf-8")
    result = _run(str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["text"], r["value"], r["anchor"]) for r in rows] == [
        ("Tuesday", "2020-08-04", "published")]
    assert "own publication date: 2020-08-04" in result.stderr


def test_a_corpus_of_one_article_gives_its_times(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    row = {"id": "a", "text": TEXT, "published": "2023-01-19"}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = _run(str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["text"], r["value"]) for r in rows] == [
        ("Tuesday", "2023-01-17"), ("Friday", "2023-01-20")]
    assert rows[0]["start_char"] == TEXT.index("Tuesday")


def test_a_corpus_of_several_articles_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_text("id,text\na,Milley met Zaluzhnyi on Tuesday.\nb,They met on Friday.\n",
                    encoding="utf-8")
    result = _run(str(path))
    assert result.exit_code == 1
    assert "feed.csv: holds 2 articles; times reads one" in result.stderr
    assert result.stdout == ""
