"""timeline.vocab: the shared words, and that the engines use them."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from timeline.temporal.find import find_expressions
from timeline.temporal.frame import to_frame
from timeline.temporal.reference_choice import choose_reference
from timeline.vocab import EXPRESSION_GRANULARITIES, Granularity, granularity_rank


def test_granularity_is_ordered_by_precision_not_spelling() -> None:
    assert Granularity.HOUR < Granularity.DAY < Granularity.WEEK < Granularity.MONTH
    assert Granularity.MONTH < Granularity.QUARTER < Granularity.YEAR < Granularity.DECADE
    assert Granularity.DAY <= "day" and Granularity.YEAR > "season"
    assert sorted([Granularity.YEAR, Granularity.HOUR, Granularity.MONTH]) == ["hour", "month", "year"]
    assert granularity_rank("hour") == 0 and granularity_rank("fortnight") == len(Granularity)


@pytest.mark.parametrize(("text", "granularity"), [
    ("at 10:30 GMT on Tuesday", "hour"), ("on Tuesday evening", "hour"),
    ("on January 17, 2023", "day"), ("this week", "week"), ("in March 2022", "month"),
    ("in the third quarter of 2022", "quarter"), ("in the first half of 2022", "quarter"),
    ("in the summer of 2022", "season"), ("in 2022", "year"), ("in the 1990s", "decade"),
    ("for three years", "none"),
])
def test_the_resolver_speaks_the_vocabulary(text: str, granularity: str) -> None:
    found = find_expressions(text, choose_reference(text, given=date(2023, 1, 19)))
    assert [e.granularity for e in found] == [granularity], found
    assert found[0].granularity in EXPRESSION_GRANULARITIES
    assert to_frame(found)["granularity"].tolist() == [granularity]


def test_the_temporal_engine_imports_no_pandas() -> None:
    code = ("import sys, timeline.temporal.find, timeline.temporal.reference_choice;"
            "print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
