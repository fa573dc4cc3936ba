"""Inferring the writing date from evidence in the text; intervals worked out by hand.

The seed article: "the war is nearing its 11th month" puts the writing in the second
half of month 11 of the war (2023-01-08..2023-01-23); "Speaking at the World Economic
Forum in Davos" in the edition of 2023-01-16..20 or the week after; "this week" with a
past "on Tuesday" and a past "On Wednesday" on or after a Wednesday of that week. The
days meeting all of it are Wednesday 2023-01-18 to Sunday 2023-01-22: ISO week 2023-W03.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from timeline.errors import RuleFileError
from timeline.resource_files import entries, read_bundled, read_path
from timeline.model import ReferenceDate
from timeline.temporal import reference
from timeline.temporal.reference import compile_cues, infer_reference_date, load_cues, timex_value

UKRAINE = "Talks on Ukraine come as the war is nearing its 11th month."


def _interval(ref: ReferenceDate) -> tuple[str, str, str]:
    assert ref.start is not None and ref.end is not None, ref
    return ref.value, ref.start.date().isoformat(), ref.end.date().isoformat()


def test_seed_article(seed_text: str) -> None:
    ref = infer_reference_date(seed_text)
    assert ref.source == "inferred"
    assert datetime(2023, 1, 1) <= ref.start < ref.end <= datetime(2023, 2, 1), ref
    assert _interval(ref) == ("2023-W03", "2023-01-18", "2023-01-23"), ref.evidence
    joined = "\n".join(ref.evidence)
    for cue in ("11th month", "Davos", "Tuesday", "Wednesday", "trailing"):
        assert cue in joined, joined
    assert "2026" not in joined.replace("2026-01-19", "")  # the trailing headlines are ignored
    assert 0 < ref.confidence <= 1


GOLDEN = yaml.safe_load((Path(__file__).parent / "data" / "reference_dates.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", GOLDEN, ids=[c["id"] for c in GOLDEN])
def test_golden(case: dict[str, str]) -> None:
    ref = infer_reference_date(case["text"])
    start = ref.start.date().isoformat() if ref.start else None
    end = ref.end.date().isoformat() if ref.end else None
    expected = (case["value"], case.get("start"), case.get("end"))
    assert (ref.value, start, end) == expected, (
        f"text={case['text']!r} expected={expected} actual={(ref.value, start, end)}"
        f" evidence={ref.evidence}"
    )


def test_full_date_alone_is_too_vague() -> None:
    # Past tense: written within a year after 2023-01-17; a year is too wide to use.
    ref = infer_reference_date("On January 17, 2023, the ministers met in Brussels.")
    assert (ref.value, ref.start, ref.end) == ("", None, None)
    assert any("2023-01-17" in e and "past" in e for e in ref.evidence), ref.evidence
    assert "too wide" in ref.evidence[-1]


def test_strong_dateline_outweighs_anchored_phrase() -> None:
    text = "WASHINGTON, Jan. 19, 2024 (AP) — Ukraine: the war is nearing its 11th month."
    ref = infer_reference_date(text)
    assert ref.value == "2024-01-19"
    assert any(e.startswith("outweighed:") and "11th month" in e for e in ref.evidence)


def test_nothing_found_explains() -> None:
    ref = infer_reference_date("The cat sat on the mat on Tuesday.")
    assert (ref.value, ref.start, ref.end) == ("", None, None)
    assert ref.evidence and "no dated evidence" in ref.evidence[-1]


def test_dateline_without_year_alone_is_reported() -> None:
    ref = infer_reference_date("KYIV, Jan 19 (Reuters) - Officials met.")
    assert ref.value == ""
    assert any("01-19" in e for e in ref.evidence)


def test_empty_and_wrong_type() -> None:
    assert infer_reference_date("   \n").value == ""
    with pytest.raises(TypeError):
        infer_reference_date(None)  # type: ignore[arg-type]


def test_user_events() -> None:
    extra = [{"id": "acme-merger", "name": "Acme merger", "date": "2020-05-01",
              "aliases": ["the Acme merger"]}]
    text = "Today is day 10 of the Acme merger."
    assert infer_reference_date(text).value == ""
    assert _interval(infer_reference_date(text, events=extra)) == (
        "2020-05-10", "2020-05-10", "2020-05-11")


@pytest.mark.parametrize(
    ("start", "last", "value"),
    [
        ("2023-01-19", "2023-01-19", "2023-01-19"),
        ("2023-01-16", "2023-01-22", "2023-W03"),
        ("2023-01-08", "2023-01-23", "2023-01"),
        ("2022-12-24", "2023-01-23", "2023-01"),  # two months: the middle one
        ("2023-01-01", "2023-06-30", "2023"),
        ("2020-01-01", "2023-06-30", ""),
    ],
)
def test_timex_value(start: str, last: str, value: str) -> None:
    as_date = lambda s: datetime.fromisoformat(s).date()  # noqa: E731
    assert timex_value(as_date(start), as_date(last))[0] == value


DATELINE_EXAMPLES = [(rule["id"], example)
                     for rule in entries(read_bundled(reference.RESOURCE), reference.RESOURCE,
                                         "datelines", (), reference.EXAMPLE_KEYS)
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
    data = dict(read_bundled(reference.RESOURCE))
    data["datelines"] = [*data["datelines"], {"id": "dateline-agency", "kind": "dateline",
                                              "pattern": "x", "examples": []}]
    path = tmp_path / "my_cues.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(RuleFileError, match=re.escape(f"{path}, entry 'dateline-agency': duplicate id")):
        compile_cues(read_path(path), str(path))
    del data["weights"]
    with pytest.raises(RuleFileError, match="my_cues.yaml: malformed: KeyError"):
        compile_cues({**data, "datelines": data["datelines"][:-1]}, "my_cues.yaml")


def test_this_week_weekdays_count_iso() -> None:
    # Written in a week that holds a past "on Tuesday" (ISO 2): Tuesday 2023-01-17
    # itself qualifies, Monday 2023-01-16 does not.
    text = "Earlier this week, they met on Tuesday."
    (constraint,) = reference.weekday_constraints(text, load_cues())
    tuesday, monday = datetime(2023, 1, 17).date(), datetime(2023, 1, 16).date()
    assert constraint.holds(tuesday) and not constraint.holds(monday)


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
