"""choose_reference: the article's date, else the given one, else inferred, else none."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from timeline.temporal.reference_choice import as_day, choose_reference
from timeline.vocab import INFERRED_ANCHOR, PUBLISHED_ANCHOR

DATELINE = "KYIV, Jan 19, 2023 (Reuters) - Talks resumed on Tuesday."


def test_the_articles_own_date_wins() -> None:
    ref = choose_reference(DATELINE, datetime(2023, 2, 1, 23, 30), date(2023, 3, 1))
    assert (ref.day, ref.source, ref.label) == (date(2023, 2, 1), "article", PUBLISHED_ANCHOR)


def test_the_given_date_wins_over_inference() -> None:
    ref = choose_reference(DATELINE, None, pd.Timestamp("2023-03-01 10:00"))
    assert (ref.day, ref.source, ref.label) == (date(2023, 3, 1), "given", PUBLISHED_ANCHOR)
    assert type(ref.day) is date


def test_inferred_with_its_evidence() -> None:
    ref = choose_reference(DATELINE)
    assert (ref.day, ref.source, ref.label) == (date(2023, 1, 19), "inferred", INFERRED_ANCHOR)
    assert ref.evidence[0].startswith("inferred publication date 2023-01-19")
    assert any("dateline" in line for line in ref.evidence[1:])


def test_none_when_nothing_dates_the_text() -> None:
    ref = choose_reference("Talks resumed on Tuesday.", pd.NaT)
    assert (ref.day, ref.source) == (None, "none")
    assert ref.evidence[0] == "no publication date given or found in the text"


@pytest.mark.parametrize(("value", "day"), [
    (None, None), (pd.NaT, None), (float("nan"), None), (date(2023, 1, 19), date(2023, 1, 19)),
    (datetime(2023, 1, 19, 23, 59), date(2023, 1, 19)), (pd.Timestamp("2023-01-19 08:00"), date(2023, 1, 19)),
])
def test_as_day(value: object, day: date | None) -> None:
    assert as_day(value) == day  # type: ignore[arg-type]
