"""TimeML out of `find_times`, read back by the TempEval scorer's own reader."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from benchmarks.tempeval import parse_tml
from timeline.export import registry, write_file
from timeline.export.timeml import tagged
from timeline.temporal.frame import to_frame

TEXT = "On Tuesday, 17 January 2023, they met.\r\nA <week> & later: \x0bnothing."


def _times(text: str, rows: list[tuple[int, int, str, str]]) -> pd.DataFrame:
    frame = pd.DataFrame({
        "text": [text[s:e] for s, e, _, _ in rows], "start_char": [r[0] for r in rows],
        "end_char": [r[1] for r in rows], "type": [r[2] for r in rows],
        "value": [r[3] for r in rows],
    })
    frame.attrs.update(text=text, reference_date="2023-01-19")
    return frame


def test_tags_and_dct_read_back_by_the_tempeval_reader(tmp_path: Path) -> None:
    week = TEXT.index("<week")
    rows = [(3, 10, "DATE", "2023-01-17"), (12, 27, "DATE", "2023-01-17"),
            (week, week + 5, "DURATION", "P1W")]
    path = tmp_path / "article.tml"
    assert registry.format_for(path) == "timeml"
    write_file(_times(TEXT, rows), path)
    document = parse_tml(path)
    assert document.dct == "2023-01-19"
    assert document.text == TEXT.replace("\x0b", "\ufffd")  # offsets kept, \r included
    found = [(t.start, t.end, t.text, t.type, t.value) for t in document.timexes]
    assert found == [(3, 10, "Tuesday", "DATE", "2023-01-17"),
                     (12, 27, "17 January 2023", "DATE", "2023-01-17"),
                     (week, week + 5, "<week", "DURATION", "P1W")]


def test_an_overlapping_expression_is_left_untagged(tmp_path: Path) -> None:
    frame = _times("in May 2023", [(3, 11, "DATE", "2023-05"), (7, 11, "DATE", "2023")])
    path = tmp_path / "t.tml"
    write_file(frame, path)
    assert [(t.start, t.end, t.value) for t in parse_tml(path).timexes] == [(3, 11, "2023-05")]
    out = tagged("in May 2023", [(3, 11, "DATE", "2023-05")])
    assert out == 'in <TIMEX3 tid="t1" type="DATE" value="2023-05">May 2023</TIMEX3>'


def test_find_times_frames_carry_what_timeml_needs(tmp_path: Path) -> None:
    from timeline import find_times

    text = "They met on Tuesday. The talks lasted two hours."
    frame = find_times(text, "2023-01-19")
    assert frame.attrs == {"text": text, "reference_date": "2023-01-19"}
    path = tmp_path / "t.tml"
    write_file(frame, path)
    document = parse_tml(path)
    expected = list(zip(frame["start_char"], frame["end_char"], frame["value"]))
    assert [(t.start, t.end, t.value) for t in document.timexes] == expected
    assert document.text == text and document.dct == "2023-01-19"


def test_a_frame_without_its_text_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no text"):
        write_file(to_frame([]), tmp_path / "t.tml")
    assert not (tmp_path / "t.tml").exists()
