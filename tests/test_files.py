"""Tests for timeline.files: telling a path from a text."""

from __future__ import annotations

from pathlib import Path

import pytest

import timeline
from timeline.errors import InputError
from timeline.files import looks_like_path


@pytest.mark.parametrize("text", ["-", "missing_file.txt", "news/x.txtt", "feed.JSONL",
                                  "dir/sub/", "report.html"])
def test_strings_that_name_files_are_paths(text: str) -> None:
    assert looks_like_path(text)


@pytest.mark.parametrize("text", ["Kyiv was shelled on 3 March 2023.", "report.txt was filed",
                                  "Troops left.\nnews/x.txt", "", "   ", "Tuesday"])
def test_texts_are_not_paths(text: str) -> None:
    assert not looks_like_path(text)


def test_an_existing_file_with_spaces_is_a_path(tmp_path: Path) -> None:
    target = tmp_path / "two words"
    target.write_text("x")
    assert looks_like_path(str(target))


@pytest.mark.parametrize("name", ["news/x.txtt", "missing_file.txt"])
def test_extract_of_a_missing_path_says_no_such_file(name: str) -> None:
    with pytest.raises(InputError, match="no such file") as raised:
        timeline.extract(name)
    assert raised.value.source == name


def test_ingest_of_a_missing_path_fails_and_stores_nothing(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from timeline.cli import main

    store = tmp_path / "s.duckdb"
    result = CliRunner().invoke(main, ["ingest", "missing_file.txt", "--store", str(store),
                                       "--no-progress"])
    assert result.exit_code != 0
    assert "missing_file.txt: no such file" in result.output
    from timeline.store import Store

    assert Store(store).counts()["articles"] == 0


@pytest.mark.parametrize("text", ["GENEVA/KYIV", "24/7", "9/11", "N/A", "and/or",
                                  "https://www.reuters.com/world/rebels-2024-03-03/"])
def test_one_word_texts_with_a_slash_are_text(text: str) -> None:
    assert not looks_like_path(text)


@pytest.mark.parametrize("text", ["news/x.txtt", "news/", "missing.txt"])
def test_path_looking_strings_are_paths(text: str) -> None:
    assert looks_like_path(text)
