"""Tests for timeline.export.jsonl: every line separator escaped, real line numbers."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from timeline.errors import InputError
from timeline.export import read_timeline, write_file
from timeline.export.jsonl import LINE_BREAKS, json_lines

OneEvent = Callable[..., pd.DataFrame]
#: Line breaks JSON does not escape itself (it escapes everything below U+0020).
UNESCAPED_BY_JSON = ["\x85", "\u2028", "\u2029"]


def test_line_breaks_are_every_character_splitlines_ends_a_line_at() -> None:
    found = {chr(c) for c in range(sys.maxunicode + 1) if len(f"a{chr(c)}b".splitlines()) > 1}
    assert found == set(LINE_BREAKS)


@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
@pytest.mark.parametrize("char", [*UNESCAPED_BY_JSON, "\x0b", "\x0c", "\x1c", "\r", "\n"], ids=repr)
def test_text_with_any_line_break_round_trips(
    tmp_path: Path, one_event: OneEvent, suffix: str, char: str
) -> None:
    # The repro: a cell holding U+2028, U+2029 or U+0085 could not be read back.
    df = pd.concat(
        [one_event(sentence=f"first{char}second", actors=[f"A{char}B"]), one_event(event_id="e2")],
        ignore_index=True,
    )
    path = tmp_path / f"t{suffix}"
    write_file(df, path)
    text = path.read_text(encoding="utf-8")
    assert not set(text) & set(UNESCAPED_BY_JSON)
    if suffix == ".jsonl":
        assert len(text.splitlines()) == 2  # one record per line, by any reader's count
    pd.testing.assert_frame_equal(read_timeline(path), df)


def test_escapes_are_plain_json(tmp_path: Path, one_event: OneEvent) -> None:
    path = tmp_path / "t.jsonl"
    write_file(one_event(title="a\u2028b\x85c\u2029"), path)
    raw = path.read_text(encoding="utf-8")
    assert "a\\u2028b\\u0085c\\u2029" in raw
    assert json.loads(raw)["title"] == "a\u2028b\x85c\u2029"
    assert "é" in json.dumps("é", ensure_ascii=False)  # other text is written as it is


def test_reading_splits_on_newlines_only(tmp_path: Path) -> None:
    # Another tool's file with U+2028 raw inside a string, CRLF line ends and a blank line.
    path = tmp_path / "theirs.jsonl"
    path.write_text('{"event_id":"e1","title":"a\u2028b"}\r\n\r\n{"event_id":"e2","title":"c"}\r\n',
                    encoding="utf-8", newline="")
    back = read_timeline(path)
    assert back["title"].tolist() == ["a\u2028b", "c"]


def test_error_line_numbers_are_the_files_own(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text('{"event_id":"e1","title":"a\u2028b\x85c"}\n\n{oops\n', encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_timeline(path)
    assert raised.value.line == 3


def test_json_lines_numbers_lines_from_one() -> None:
    assert list(json_lines('{"a":1}\r\n\n  \n{"b":"\u2028"}')) == [
        (1, '{"a":1}'),
        (4, '{"b":"\u2028"}'),
    ]
