"""JSON (one array of records) and JSON Lines (one record per line).

Records are written with ``date_format="iso"`` and non-ASCII text as it is, except
the characters other than ``\\n`` that end a line for some readers (U+0085, U+2028,
U+2029: see :data:`LINE_BREAKS`), which are written as ``\\uXXXX`` escapes. JSON
allows both spellings, so every JSON reader gets the same string back, while a line
of JSON Lines stays a line for ``str.splitlines``, editors and ``wc -l`` alike.

Reading splits JSON Lines on ``\\n`` only (a ``\\r`` before it is dropped), as the JSON
Lines format says, so files written by other tools with those characters raw inside
strings are read too, and line numbers in errors are the file's real line numbers.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from timeline.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

#: Every character ``str.splitlines`` ends a line at. The ones below U+0020 are
#: control characters, which JSON always escapes; the others are escaped here.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_ESCAPES = str.maketrans({char: f"\\u{ord(char):04x}" for char in LINE_BREAKS if char >= " "})


def write_json(df: pd.DataFrame, stream: IO[str]) -> None:
    """Write ``df`` as one JSON array of records."""
    stream.write(_to_json(df, lines=False) + "\n")


def write_jsonl(df: pd.DataFrame, stream: IO[str]) -> None:
    """Write ``df`` as JSON Lines: one record per line, nothing for an empty frame."""
    if len(df):
        stream.write(_to_json(df, lines=True).rstrip("\n") + "\n")


def _to_json(df: pd.DataFrame, *, lines: bool) -> str:
    # 15 significant digits, pandas' most (its default, 10, rounds 0.12345678901 away).
    text = df.to_json(
        orient="records", lines=lines, date_format="iso", date_unit="us", force_ascii=False,
        double_precision=15,
    )
    # Outside strings JSON has no such characters, so this only rewrites string contents.
    return text.translate(_ESCAPES)


def read_json(path: Path) -> pd.DataFrame:
    """The records of a JSON array, before dtypes are restored."""
    text = path.read_text(encoding="utf-8-sig")
    records = json.loads(text) if text.strip() else []
    if not isinstance(records, list):
        raise InputError(str(path), "expected a JSON array of records")
    return _frame(records)


def read_jsonl(path: Path) -> pd.DataFrame:
    """The records of a JSON Lines file, before dtypes are restored."""
    text = path.read_text(encoding="utf-8-sig")
    records = []
    for number, line in json_lines(text):
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"malformed JSON: {exc.msg}", number) from exc
    return _frame(records)


def json_lines(text: str) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` for each non-blank line of JSON Lines ``text``.

    Lines end at ``\\n`` only; a ``\\r`` before it is dropped. Line numbers count from 1.
    """
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if line.strip():
            yield number, line


def _frame(records: list[object]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame.from_records(records) if records else pd.DataFrame()
