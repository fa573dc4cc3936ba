"""Golden corpora of issue 2 (items 1-6 and 8): one test per entry of golden/*.yaml.

Expected values are worked out by hand from the publication date given in each entry.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from timeline.temporal.api import find_times

GOLDEN = Path(__file__).parent / "golden"


def _entries() -> list[Any]:
    out = []
    for path in sorted(GOLDEN.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
            out.append(pytest.param(entry, id=f"{path.stem}:{entry['id']}"))
    return out


def _published(entry: dict[str, Any]) -> str | None:
    value = entry.get("published")
    return None if value is None else str(value)


@pytest.mark.parametrize("entry", _entries())
def test_golden(entry: dict[str, Any]) -> None:
    text, published = entry["text"], _published(entry)
    frame = find_times(text, published, mode=entry.get("mode", "news"))
    actual = [(row.text, row.value, row.type) for row in frame.itertuples()]
    message = f"text={text!r} published={published} mode={entry.get('mode', 'news')} actual={actual}"
    # An entry that names nothing to find or to leave alone would pass whatever happens.
    assert entry.get("expected") or entry.get("absent"), f"{message}: entry checks nothing"
    for want in entry.get("expected") or []:
        rows = frame[frame["text"] == want["text"]]
        assert len(rows) == 1, f"{message}: expected one {want['text']!r} -> {want['value']}"
        row = rows.iloc[0]
        assert row["value"] == want["value"], f"{message}: expected {want}"
        if "type" in want:
            assert row["type"] == want["type"], f"{message}: expected {want}"
        if "reason" in want:
            assert want["reason"] in row["reason"], f"{message}: reason {row['reason']!r}"
    for word in entry.get("absent") or []:
        start = text.find(word)
        assert start != -1, f"{message}: absent word {word!r} is not in the text"
        while start != -1:
            end = start + len(word)
            overlapping = frame[(frame["start_char"] < end) & (frame["end_char"] > start)]
            assert overlapping.empty, f"{message}: {word!r} at {start} must not be tagged"
            start = text.find(word, end)
