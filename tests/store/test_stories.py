"""Tests for timeline.store.stories: which events report one happening, and story rows."""

from __future__ import annotations

from collections import namedtuple
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml

from timeline import schema
from timeline.store.stories import (
    EVENT_FIELDS,
    Corpus,
    group_events,
    same_happening,
    summarise,
)

CASES = yaml.safe_load((Path(__file__).parent / "data" / "merge_cases.yaml").read_text())["cases"]
Row = namedtuple("Row", EVENT_FIELDS)
DEFAULTS: dict[str, Any] = {
    "event_id": "", "trigger": "strike", "date": None, "granularity": "day", "actors": [],
    "place": None, "country": None, "latitude": float("nan"), "longitude": float("nan"),
    "place_precision": None, "sentence": "", "confidence": 0.5, "reference_date": None,
    "title": "", "reference_source": "given", "anchor": "published",
}


def _row(spec: dict[str, Any]) -> Row:
    fields = {**DEFAULTS, **spec}
    for key in ("start", "end"):
        fields[key] = pd.NaT if fields[key] is None else pd.Timestamp(str(fields[key]))
    fields["date"] = fields["start"]
    return Row(**{name: fields[name] for name in EVENT_FIELDS})


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_same_happening(case: dict[str, Any]) -> None:
    a, b = _row(case["a"]), _row(case["b"])
    assert same_happening(a, b) is case["same"], case["name"]
    assert same_happening(b, a) is case["same"], "merging must not depend on the order"


def _frame(specs: list[dict[str, Any]]) -> pd.DataFrame:
    rows = []
    for number, spec in enumerate(specs):
        row = _row(spec)._asdict()
        row["event_id"] = f"e{number}"
        row["reference_date"] = pd.Timestamp(spec.get("published", "2024-03-16"))
        row["sentence"] = spec.get("sentence", f"sentence {number}")
        rows.append(row)
    return schema.coerce(pd.DataFrame(rows))


STRIKE = {"event_type": "attack", "start": "2024-03-14", "end": "2024-03-15",
          "actors": ["Russia"], "place": "Kharkiv", "country": "Ukraine",
          "place_precision": "city", "latitude": 49.98, "longitude": 36.25}


def test_groups_are_transitive_and_cover_every_event() -> None:
    week = {**STRIKE, "start": "2024-03-11", "end": "2024-03-18"}
    events = _frame([{**STRIKE, "doc_id": "a"}, {**week, "doc_id": "b"},
                     {**STRIKE, "doc_id": "c", "start": "2024-03-16", "end": "2024-03-17"},
                     {**STRIKE, "doc_id": "d", "event_type": "protest"}])
    groups = sorted(sorted(g) for g in group_events(events))
    # a and c are on different days but both inside b's week: one story through b.
    assert groups == [[0, 1, 2], [3]]


def test_alike_articles_support_a_merge_that_names_nobody() -> None:
    raid = {"event_type": "attack", "trigger": "raid", "start": "2024-03-14", "end": "2024-03-15"}
    events = _frame([
        {**raid, "doc_id": "a", "sentence": "Gunmen raided a checkpoint near Bama in Borno."},
        {**raid, "doc_id": "b", "sentence": "Militants raided the checkpoint outside Bama, Borno."},
        {**raid, "doc_id": "c", "sentence": "Gunmen raided a bank in Lagos."},
    ])
    corpus = Corpus.of(events)
    assert corpus.similarity("a", "b") == 1.0  # {Bama, Borno} both
    assert corpus.similarity("a", "c") == 0.0
    rows = [_row({**raid, "doc_id": d}) for d in "abc"]
    assert same_happening(rows[0], rows[1], corpus)
    assert not same_happening(rows[0], rows[2], corpus)
    assert not same_happening(rows[0], rows[1]), "without the corpus nothing supports it"


def test_a_date_counted_from_an_inferred_publication_date_does_not_decide() -> None:
    arrest = {"event_type": "arrest", "trigger": "arrest", "actors": ["Winston Blackmore"]}
    guessed = _row({**arrest, "doc_id": "a", "start": "2009-01-07", "end": "2009-01-08",
                    "reference_source": "inferred"})
    other_guess = _row({**arrest, "doc_id": "b", "start": "2009-01-12", "end": "2009-01-13",
                        "reference_source": "inferred"})
    explicit = _row({**arrest, "doc_id": "c", "start": "2009-01-12", "end": "2009-01-13",
                     "reference_source": "inferred", "anchor": "absolute"})
    given = _row({**arrest, "doc_id": "d", "start": "2009-01-07", "end": "2009-01-08"})
    assert same_happening(guessed, other_guess), "two guesses a few days apart still merge"
    assert same_happening(guessed, explicit)
    assert not same_happening(explicit, given), "two real dates that differ never merge"


def test_a_merge_function_can_be_passed_in() -> None:
    events = _frame([{**STRIKE, "doc_id": "a"}, {**STRIKE, "doc_id": "b"}])
    assert len(group_events(events, merge=lambda a, b, corpus: False)) == 2
    assert len(group_events(events)) == 1


def test_story_keeps_its_evidence_and_disagreements() -> None:
    events = _frame([
        {**STRIKE, "doc_id": "late", "published": "2024-03-16", "sentence": "Later report."},
        {**STRIKE, "doc_id": "first", "published": "2024-03-14", "sentence": "First report.",
         "start": "2024-03-11", "end": "2024-03-18", "granularity": "week"},
        {**STRIKE, "doc_id": "other-day", "start": "2024-03-13", "end": "2024-03-14",
         "actors": ["Russia", "Ukraine"]},
    ])
    story = summarise(events, [0, 1, 2])
    assert story["n_sources"] == 3 and story["n_events"] == 3
    assert story["first_report"] == "first" and story["headline"] == "First report."
    # The most precise date wins over the week; the two day-dates disagree.
    assert story["granularity"] == "day"
    assert story["disagreements"] == ["date: 2024-03-14 (1) vs 2024-03-13 (1)"]
    assert story["actors"][0] == "Russia" and "Ukraine" in story["actors"]
    assert story["place"] == "Kharkiv"


def _rule_examples() -> list[dict[str, str]]:
    from timeline.resource_files import entries, read_bundled

    data = read_bundled("story_rules.yaml")
    return [example for group in entries(data, "story_rules.yaml", "compatible",
                                         example_keys=("a", "b", "text"))
            for example in group["examples"]]


@pytest.mark.parametrize("example", _rule_examples(), ids=lambda e: f"{e['a']}~{e['b']}")
def test_compatible_type_examples(example: dict[str, str]) -> None:
    from timeline.store.stories import compatible

    assert compatible(example["a"], example["b"]), example["text"]
    assert compatible(example["b"], example["a"]), example["text"]


def test_types_of_different_groups_are_not_compatible() -> None:
    from timeline.store.stories import compatible

    assert not compatible("attack", "meet") and not compatible("protest", "statement")
