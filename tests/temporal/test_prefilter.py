"""First characters of a regex, read off the parsed pattern."""

from __future__ import annotations

import re

import pytest

from timeline.temporal.prefilter import first_chars


@pytest.mark.parametrize(("pattern", "flags", "expected"), [
    ("abc|def", 0, frozenset("ad")),
    ("(?:the\\s+)?year", 0, frozenset("ty")),
    ("[0-9]+ days", 0, frozenset("0123456789")),
    ("(?<![\\w])(?-i:May)", re.IGNORECASE, frozenset("m")),
    ("(?:a)?", 0, None),        # can match empty: anything may follow
    ("\\w+", 0, None),          # too wide to help
])
def test_first_chars(pattern: str, flags: int, expected: frozenset[str] | None) -> None:
    assert first_chars(pattern, flags) == expected


def test_filter_agrees_with_the_regex() -> None:
    pattern = r"(?:last|next)\s+(?:week|month)|[0-9]+\s+days"
    starts = first_chars(pattern)
    regex = re.compile(pattern)
    texts = ["last week", "next month", "3 days", "two days", "lasting"]
    matched = [text for text in texts if regex.match(text)]
    assert matched == ["last week", "next month", "3 days"]
    assert all(text[0] in starts for text in matched)
    # Texts the filter turns away are ones the regex cannot match at their start.
    assert not [text for text in texts if text[0] not in starts and regex.match(text)]
