"""Golden conflict coding and place forms: each case's listed columns, worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from timeline.pipeline import extract

#: The conflict-coding corpus and the place forms, in one layout.
GOLDEN = {"cases": [case for name in ("conflict_golden.yaml", "places_golden.yaml")
                    for case in yaml.safe_load((Path(__file__).parent / "data" / name)
                                               .read_text(encoding="utf-8"))["cases"]]}


def _value(row: object, column: str) -> object:
    value = row[column]
    if column == "date":
        return str(value.date())
    if isinstance(value, list):
        return value
    if value is None or value is pd.NA or value != value:
        return None
    return int(value) if column in {"fatalities", "injuries", "geo_precision"} else value


@pytest.mark.parametrize("case", GOLDEN["cases"], ids=[c["id"] for c in GOLDEN["cases"]])
def test_conflict_golden(case: dict) -> None:
    df = extract(case["text"], case["published"])
    message = f"text={case['text']!r} published={case['published']}\n{df.to_string()}"
    rows = df[df["trigger"] == case["trigger"]]
    assert len(rows) >= 1, f"expected a {case['trigger']!r} event\n{message}"
    if "count" in case:
        assert len(rows) == case["count"], f"expected {case['count']} {case['trigger']!r}\n{message}"
    for trigger in case.get("absent", ()):
        assert trigger not in set(df["trigger"]), f"{trigger!r} should not be an event\n{message}"
    row = rows.iloc[0]
    actual = {column: _value(row, column) for column in case["expect"]}
    assert actual == case["expect"], f"{message}\nexpected={case['expect']}\nactual={actual}"
