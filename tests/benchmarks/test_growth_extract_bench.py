"""The growth benchmark's texts (no timing is asserted here)."""

from __future__ import annotations

import pytest

from benchmarks.growth_extract import TEMPEVAL, junk_text, news_text


def test_junk_has_the_size_asked_and_no_line_break() -> None:
    text = junk_text(5_000)
    assert len(text) == 5_000 and "\n" not in text


@pytest.mark.skipif(not TEMPEVAL.is_dir(), reason="TempEval-3 is not beside the project")
def test_news_is_real_articles_with_blank_lines_between() -> None:
    text = news_text(200_000)
    assert len(text) == 200_000
    assert text.count("\n\n") > 20  # many articles, so pieces are cut at paragraphs
