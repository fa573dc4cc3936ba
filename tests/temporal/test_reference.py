"""Inferring the writing date from evidence in the text; intervals worked out by hand.

The seed article: "the war is nearing its 11th month" puts the writing in the second
half of month 11 of the war (2023-01-08..2023-01-23); "Speaking at the World Economic
Forum in Davos" in the edition of 2023-01-16..20 or the week after; "this week" with a
past "on Tuesday" and a past "On Wednesday" on or after a Wednesday of that week. The
days meeting all of it are Wednesday 2023-01-18 to Sunday 2023-01-22: ISO week 2023-W03.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import yaml

from timeline.errors import ResourceError
from timeline.model import ReferenceDate
from timeline.temporal import reference
from timeline.temporal.reference import infer_reference_date, load_cues, timex_value

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


def test_dateline_patterns_match_their_examples() -> None:
    import yaml
    from importlib import resources

    data = yaml.safe_load(
        resources.files("timeline.resources").joinpath(reference.RESOURCE).read_text("utf-8"))
    cues = load_cues()
    patterns = {rule_id: regex for rule_id, _, regex in cues.datelines}
    for rule in data["datelines"]:
        for example in rule["examples"]:
            match = patterns[rule["id"]].search(example["text"])
            assert match, f"{rule['id']}: {example['text']!r}"
            assert int(match["day"]) == example["day"]
            assert (match.groupdict().get("year") or None) == (
                str(example["year"]) if "year" in example else None)


def test_broken_cue_file_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reference, "RESOURCE", "temporal_anchored.yaml")
    load_cues.cache_clear()
    try:
        with pytest.raises(ResourceError, match="temporal_anchored.yaml"):
            load_cues()
    finally:
        monkeypatch.undo()
        load_cues.cache_clear()


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
