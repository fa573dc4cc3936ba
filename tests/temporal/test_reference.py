"""Inferring the writing date by weighing the evidence; days worked out by hand.

The seed article: "the war is nearing its 11th month" puts the writing in the second
half of month 11 of the war (2023-01-08..2023-01-23); "Speaking at the World Economic
Forum in Davos" in the edition of 2023-01-16..20 or the week after; "this week" with a
past "on Tuesday" and a past "On Wednesday" on or after Wednesday 2023-01-18 of that
week. It was published on Thursday 2023-01-19.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

from timeline.errors import RuleFileError
from timeline.model import ReferenceDate
from timeline.resource_files import entries, read_bundled, read_path
from timeline.temporal import reference_cues
from timeline.temporal.reference import infer_reference_date, load_cues, timex_value
from timeline.temporal.reference_cues import compile_cues


def _day(value: datetime | None) -> str | None:
    return value.date().isoformat() if value else None


def test_seed_article(seed_text: str) -> None:
    ref = infer_reference_date(seed_text)
    assert ref.source == "inferred" and ref.probability == 0.9
    assert ref.value == "2023-W03", ref.evidence
    # The 90% interval holds the true day and lies within the week after Monday 16th.
    assert ref.start is not None and ref.end is not None
    assert datetime(2023, 1, 17) <= ref.start <= datetime(2023, 1, 19) < ref.end, ref
    assert (ref.end - ref.start).days <= 5, ref
    assert _day(ref.most_likely) in ("2023-01-18", "2023-01-19"), ref.evidence
    joined = "\n".join(ref.evidence)
    for cue in ("11th month", "Davos", "Tuesday", "Wednesday", "trailing", "weight"):
        assert cue in joined, joined
    assert "2026" not in joined.replace("2026-01-19", "")  # the trailing headlines are ignored
    assert 0.5 < ref.confidence <= 1


def _golden() -> list[Any]:
    folder = Path(__file__).parent / "golden" / "reference"
    return [pytest.param(e, id=e["id"]) for name in ("publication_dates.yaml", "wire_copy.yaml")
            for e in yaml.safe_load((folder / name).read_text("utf-8"))]


@pytest.mark.parametrize("case", _golden())
def test_golden(case: dict[str, Any]) -> None:
    ref = infer_reference_date(case["text"])
    got = (_day(ref.most_likely), ref.value, _day(ref.start), _day(ref.end))
    message = f"text={case['text']!r} got={got} evidence={ref.evidence}"
    if "most_likely" in case:
        assert _day(ref.most_likely) == case["most_likely"], message
    if "value" in case:
        assert ref.value == case["value"], message
    for day in case.get("inside", []):
        assert ref.start is not None and ref.end is not None, message
        assert ref.start <= datetime.fromisoformat(day) < ref.end, message
    if case.get("value") == "":
        assert (ref.start, ref.end, ref.most_likely) == (None, None, None), message
        assert case.get("reason", "no dated evidence") in ref.evidence[-1], message


def _cue_tenses() -> list[Any]:
    path = Path(__file__).parent / "golden" / "reference" / "cue_tenses.yaml"
    return [pytest.param(e, id=e["id"]) for e in yaml.safe_load(path.read_text("utf-8"))]


@pytest.mark.parametrize("case", _cue_tenses())
def test_cue_tense(case: dict[str, Any]) -> None:
    from timeline.temporal.reference import find_cues

    found = [(c.kind, c.tense) for c in find_cues(case["text"]) if f"{case['date']!r}" in c.description]
    assert found and all(tense == case["tense"] for _, tense in found), (case["text"], found)
    if "kind" in case:
        assert [kind for kind, _ in found] == [case["kind"]], (case["text"], found)


def test_full_date_alone_answers_with_a_wide_interval() -> None:
    # One past-tense date: written then or soon after, but dates in news can be old, so
    # the interval is wide and the value coarse; it still answers.
    ref = infer_reference_date("On January 17, 2023, the ministers met in Brussels.")
    assert _day(ref.most_likely) == "2023-01-17", ref.evidence
    assert ref.start is not None and ref.end is not None
    assert ref.start <= datetime(2023, 1, 17) < ref.end and (ref.end - ref.start).days > 31
    assert any("2023-01-17" in e or "January 17, 2023" in e for e in ref.evidence)


def test_each_cue_has_a_weight() -> None:
    text = "WASHINGTON, Jan. 19, 2024 (AP) — Ukraine: the war is nearing its 11th month."
    ref = infer_reference_date(text)
    assert _day(ref.most_likely) == "2024-01-19"
    weights = dict(ref.cues)
    dateline = next(w for d, w in weights.items() if "dateline" in d)
    anchored = next(w for d, w in weights.items() if "11th month" in d)
    assert dateline > 0 > anchored  # the dateline outweighs the phrase that disagrees


def test_dateline_without_year_alone_is_reported() -> None:
    ref = infer_reference_date("KYIV, Jan 19 (Reuters) - Officials met.")
    assert ref.value == ""
    assert any("year not given" in e for e in ref.evidence)


def test_empty_and_wrong_type() -> None:
    assert infer_reference_date("   \n").value == ""
    with pytest.raises(TypeError):
        infer_reference_date(None)  # type: ignore[arg-type]


def test_user_events() -> None:
    extra = [{"id": "acme-merger", "name": "Acme merger", "date": "2020-05-01",
              "aliases": ["the Acme merger"]}]
    text = "Today is day 10 of the Acme merger."
    assert infer_reference_date(text).value == ""
    ref = infer_reference_date(text, events=extra)
    assert (ref.value, _day(ref.most_likely)) == ("2020-05-10", "2020-05-10")


def test_far_dates_never_raise() -> None:
    for text in ("KYIV, Dec 31 9999 (Reuters) - x", "1/1/9999 ", "In 0001 it began.",
                 "WASHINGTON, Dec. 31, 9999 (AP) — x", "Published: 0001-01-01\nx"):
        ref = infer_reference_date(text)
        assert isinstance(ref, ReferenceDate)


@pytest.mark.parametrize(
    ("start", "last", "value"),
    [
        ("2023-01-19", "2023-01-19", "2023-01-19"),
        ("2023-01-16", "2023-01-22", "2023-W03"),  # Monday to Sunday of ISO week 3
        ("2023-01-08", "2023-01-23", "2023-01"),
        ("2022-12-24", "2023-01-23", "202"),  # across a new year: the decade
        ("2023-01-01", "2023-06-30", "2023"),
        ("2020-01-01", "2023-06-30", "202"),
        ("1995-01-01", "1999-06-30", "199"),
        ("1905-01-01", "1999-06-30", "19"),
        ("1995-01-01", "2003-06-30", ""),  # across a century: no TIMEX3 period holds it
    ],
)
def test_timex_value(start: str, last: str, value: str) -> None:
    assert timex_value(date.fromisoformat(start), date.fromisoformat(last))[0] == value


DATELINE_EXAMPLES = [(rule["id"], example)
                     for rule in entries(read_bundled(reference_cues.RESOURCE),
                                         reference_cues.RESOURCE, "datelines", (),
                                         reference_cues.EXAMPLE_KEYS)
                     for example in rule["examples"]]


@pytest.mark.parametrize(("rule_id", "example"), DATELINE_EXAMPLES,
                         ids=[f"{r}:{e['text']}" for r, e in DATELINE_EXAMPLES])
def test_dateline_examples(rule_id: str, example: dict[str, object]) -> None:
    regex = {rid: regex for rid, _, regex in load_cues().datelines}[rule_id]
    match = regex.search(str(example["text"]))
    expected = (example["month"], example["day"], example.get("year"))
    actual = None if match is None else (
        int(match["monthnum"]) if match.groupdict().get("monthnum")
        else load_cues().months[match["month"].lower().rstrip(".")],
        int(match["day"]), int(match["year"]) if match.groupdict().get("year") else None)
    assert actual == expected, f"rule={rule_id} text={example['text']!r} expected={expected} actual={actual}"


def test_bad_cue_file_names_file_and_entry(tmp_path: Path) -> None:
    data = dict(read_bundled(reference_cues.RESOURCE))
    data["datelines"] = [*data["datelines"], {"id": "dateline-agency", "kind": "dateline",
                                              "pattern": "x", "examples": []}]
    path = tmp_path / "my_cues.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(RuleFileError, match=re.escape(f"{path}, entry 'dateline-agency': duplicate id")):
        compile_cues(read_path(path), str(path))
    del data["windows"]
    with pytest.raises(RuleFileError, match="my_cues.yaml: malformed: KeyError"):
        compile_cues({**data, "datelines": data["datelines"][:-1]}, "my_cues.yaml")


def test_this_week_weekdays_count_iso() -> None:
    # Written in a week that holds a past "on Tuesday" (ISO 2): Tuesday 2023-01-17
    # itself is allowed, Monday 2023-01-16 is not.
    from timeline.temporal.reference import find_cues
    from timeline.temporal.reference_model import Calendar, load_prior, log_likelihood

    (cue,) = [c for c in find_cues("Earlier this week, they met on Tuesday.")
              if c.kind == "this_week"]
    assert (cue.tense, cue.weekday) == ("past", 2)
    days = np.array([date(2023, 1, 17).toordinal(), date(2023, 1, 16).toordinal()])
    tuesday, monday = log_likelihood(cue, Calendar.of(days), load_prior())
    assert tuesday > monday


def test_reference_day_is_the_most_likely_day() -> None:
    from timeline.temporal.reference import reference_day

    ref = ReferenceDate("2023-W03", datetime(2023, 1, 17), datetime(2023, 1, 22),
                        most_likely=datetime(2023, 1, 18))
    assert reference_day(ref) == datetime(2023, 1, 18)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # A single day resolves against itself.
        (datetime(2023, 1, 19), datetime(2023, 1, 20), datetime(2023, 1, 19)),
        # A week (end exclusive): its last day, Sunday 22 January.
        (datetime(2023, 1, 16), datetime(2023, 1, 23), datetime(2023, 1, 22)),
        # A month: its last day.
        (datetime(2023, 1, 1), datetime(2023, 2, 1), datetime(2023, 1, 31)),
        (None, None, None),
    ],
)
def test_reference_day_is_the_last_day_of_the_interval(
    start: datetime | None, end: datetime | None, expected: datetime | None
) -> None:
    from timeline.model import ReferenceDate
    from timeline.temporal.reference import reference_day

    assert reference_day(ReferenceDate("x", start, end)) == expected


def test_a_phrase_counted_from_an_event_dates_the_story_present() -> None:
    # "A month after the Valencia floods" (2024-10-29) is about 2024-11-29; the protest
    # "on Saturday" was Saturday 2024-11-30. Scored like a named "November 2024", whose
    # fitted lag puts the writing months later, it gave 2025-03-08.
    flood = {"id": "valencia-floods", "name": "the Valencia floods", "date": "2024-10-29",
             "aliases": ["the Valencia floods"]}
    text = ("VALENCIA, Spain (AP) — A month after the Valencia floods, thousands of people "
            "protested in the city on Saturday against the regional government.")
    ref = infer_reference_date(text, events=[flood])
    assert ref.start is not None and ref.end is not None, ref.evidence
    assert ref.start <= datetime(2024, 11, 30) < ref.end <= datetime(2024, 12, 31), ref.evidence
    assert datetime(2024, 11, 1) <= ref.most_likely < datetime(2024, 12, 9), ref.evidence


def test_an_interval_across_a_century_end_still_has_a_value() -> None:
    # "in 1900" alone: a 90% interval from the 1890s into the 1900s fits no century; the
    # value is the most likely day's century, never empty beside an interval. (A bare
    # "1900" with no word around it is no year: see bare-number-alone.)
    ref = infer_reference_date("in 1900")
    assert ref.start is not None and ref.end is not None
    assert ref.value == f"{ref.most_likely.year:04d}"[:2], ref.evidence
    assert 0 < ref.confidence <= 1
