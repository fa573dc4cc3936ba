"""Tests for timeline.events.noise: lines that report no event, datelines after a headline."""

from __future__ import annotations

import pytest

from timeline.events import noise
from timeline.resource_files import read_bundled

EXAMPLES = read_bundled("noise_lines.yaml")["examples"]


@pytest.mark.parametrize("line", EXAMPLES)
def test_examples_are_noise(line: str) -> None:
    assert noise.noise_spans(f"Intro.\n{line}\nBody.") == [(7, 7 + len(line))]


def test_story_lines_are_not_noise() -> None:
    text = "By the end of the day, troops had withdrawn from the town and the road reopened to traffic."
    assert noise.noise_spans(text) == []  # a long sentence starting "By" is no byline


def test_dateline_after_headline_and_byline() -> None:
    text = "Russia shells Kharkiv\nBy Jane Doe\nKYIV, May 6 (Reuters) - Russian forces shelled"
    start = text.index("KYIV")
    assert noise.dateline_spans(text) == [(start, text.index("Russian forces"))]
    spans = sorted(noise.dateline_spans(text) + noise.noise_spans(text))
    assert noise.inside(start + 2, spans) and not noise.inside(text.index("forces"), spans)


@pytest.mark.parametrize(("text", "expected"), [
    ("the army’s shelling", "the army's shelling"),
    ("Kiev forces’ shelling", "Kiev forces' shelling"),
    ("the ‘quoted’ word, ’s alone, Paris’sky", "the ‘quoted’ word, ’s alone, Paris’sky"),
    ("boss’s", "boss's"),
])
def test_parse_text_makes_only_possessive_apostrophes_plain(text: str, expected: str) -> None:
    assert noise.parse_text(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("shelled in the area of ??Kreminna today", "shelled in the area of   Kreminna today"),
    ("strikes in the area of ????Ugledar and Vodiane", "strikes in the area of     Ugledar and Vodiane"),
    ("Who fired first?? Nobody knows.", "Who fired first?? Nobody knows."),  # a real question
    ("What? Again?", "What? Again?"),
])
def test_parse_text_blanks_lost_characters_only(text: str, expected: str) -> None:
    parsed = noise.parse_text(text)
    assert parsed == expected
    assert len(parsed) == len(text)  # offsets kept
