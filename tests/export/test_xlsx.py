"""Excel workbooks: read back with openpyxl and with read_timeline, cells formula-safe."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

from timeline.export import read_timeline, registry, write_file


def test_the_suffix_picks_excel() -> None:
    assert registry.format_for("out.xlsx") == "xlsx"


def test_a_workbook_reads_back_as_the_same_frame(tmp_path: Path,
                                                 timeline_frame: pd.DataFrame) -> None:
    path = tmp_path / "timeline.xlsx"
    write_file(timeline_frame, path)
    pd.testing.assert_frame_equal(read_timeline(path), timeline_frame)


def test_cells_are_typed_and_text_that_would_run_is_neutralised(
    tmp_path: Path, one_event: Callable[..., pd.DataFrame],
) -> None:
    path = tmp_path / "timeline.xlsx"
    frame = one_event(sentence="=HYPERLINK(\"http://evil\")", actors=["+1", "-cmd"],
                      place="@SUM(A1)")
    write_file(frame, path)
    sheet = load_workbook(path).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    row = dict(zip(header, (cell for cell in sheet[2])))
    assert row["sentence"].value == "'=HYPERLINK(\"http://evil\")"
    assert row["sentence"].data_type == "s"  # text, never a formula
    assert row["actors"].value == "'+1; -cmd" and row["place"].value == "'@SUM(A1)"
    assert row["date"].is_date and row["confidence"].value == 0.9
    back = read_timeline(path)
    assert back["sentence"][0] == "=HYPERLINK(\"http://evil\")"
    assert back["actors"][0] == ["+1", "-cmd"] and back["place"][0] == "@SUM(A1)"


def test_characters_xml_cannot_hold_become_replacement_characters(
    tmp_path: Path, one_event: Callable[..., pd.DataFrame],
) -> None:
    path = tmp_path / "timeline.xlsx"
    write_file(one_event(sentence="a\x0bb\x00c\td"), path)
    assert read_timeline(path)["sentence"][0] == "a\ufffdb\ufffdc\td"
