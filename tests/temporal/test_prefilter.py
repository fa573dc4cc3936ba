"""First characters of a regex, read off the parsed pattern."""

from __future__ import annotations

import re

import pytest

from timeline.temporal.prefilter import PREFIX_CHARS, first_chars, may_begin, prefixes


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


@pytest.mark.parametrize(("pattern", "begins", "never"), [
    ("(?:last|next)\\s+week", ["las", "nex"], ["lat", "the", "ne"]),
    ("[0-9]{1,2}(?:st|nd|rd|th)?", ["3", "11t", "3rd", "1 d"], ["a3", " 3"]),
    ("(?i)(?:the\\s+)?(?-i:May)", ["may", "the"], ["mar", "tha", "ma"]),
    ("(?<!\\w)today\\b", ["tod"], ["tom"]),
    ("\\w+ago", ["abc", "xyz"], ["ab"]),  # too short at the end of a text
])
def test_prefixes(pattern: str, begins: list[str], never: list[str]) -> None:
    found = prefixes(pattern, re.IGNORECASE)
    assert all(may_begin(found, start) for start in begins)
    assert not any(may_begin(found, start) for start in never)


def test_prefixes_never_turn_away_a_match_of_a_rule() -> None:
    from timeline.temporal.rules import load_rules
    from timeline.sample import load_sample

    text = " ".join(article.body for article in load_sample())
    matches = 0
    for rule in load_rules():
        found = prefixes(rule.regex.pattern, rule.regex.flags)
        for position in range(len(text)):
            start = text[position:position + PREFIX_CHARS]
            if start.isascii() and rule.regex.match(text, position):
                matches += 1
                assert may_begin(found, start.lower()), (rule.id, position)
    assert matches > 50
