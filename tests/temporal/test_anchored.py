"""Event-anchored expressions: every rule's examples, and the phrases of issue 2.

Counting convention (see temporal_anchored.yaml): the event's date is day 1 of month 1,
so with the invasion on 2022-02-24, day 300 is 2022-12-20 and month 11 runs
2022-12-24..2023-01-23.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from timeline.errors import RuleFileError
from timeline.model import CountMark
from timeline.resource_files import read_bundled, read_path
from timeline.temporal.anchored import anchored_config, compiled_rules, find_anchored, load_rules
from timeline.temporal.anniversary import exact_mark, hedged_span
from timeline.temporal.knowledge import load_events

INVASION = "Russia's full-scale invasion of Ukraine"
RULE_EXAMPLES = [(rule.id, ex) for rule in load_rules().rules for ex in rule.examples]


def _day(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.mark.parametrize(("rule_id", "example"), RULE_EXAMPLES,
                         ids=[f"{r}:{e['text']}" for r, e in RULE_EXAMPLES])
def test_rule_examples(rule_id: str, example: dict[str, str]) -> None:
    found = find_anchored(example["text"])
    actual = [(e.rule, e.value, e.start, e.end) for e in found]
    message = f"text={example['text']!r} expected={example} actual={actual}"
    assert len(found) == 1, message
    (expr,) = found
    assert (expr.rule, expr.value) == (rule_id, example["value"]), message
    if "start" in example:
        assert (expr.start, expr.end) == (_day(example["start"]), _day(example["end"])), message


GOLDEN = yaml.safe_load((Path(__file__).parent / "data" / "anchored.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", GOLDEN, ids=[c["id"] for c in GOLDEN])
def test_golden(case: dict[str, str]) -> None:
    found = [(e.text, e.value, e.anchor) for e in find_anchored(case["text"])]
    expected = [(case["span"], case["value"], case.get("anchor", INVASION))]
    assert found == expected, f"text={case['text']!r} expected={expected} actual={found}"


def test_nearing_11th_month_lies_in_january_2023() -> None:
    (expr,) = find_anchored("The war in Ukraine is nearing its 11th month.")
    assert datetime(2023, 1, 1) <= expr.start < expr.end <= datetime(2023, 2, 1)
    assert expr.granularity == "month"
    assert expr.rule == "anchored-nth-unit"
    assert "2022-12-24" in expr.reason


def test_hedges_lower_confidence() -> None:
    (exact,) = find_anchored("Nine months after the invasion of Ukraine")
    (nearly,) = find_anchored("Nearly nine months after the invasion of Ukraine")
    (nearing,) = find_anchored("The war in Ukraine is nearing its 11th month")
    (inside,) = find_anchored("The war in Ukraine is in its 11th month")
    assert nearly.confidence < exact.confidence
    assert nearing.confidence < inside.confidence
    assert all(0 < e.confidence <= 1 for e in (exact, nearly, nearing, inside))


# The invasion is 2022-02-24: two years after it is 2024-02-24; year 3 begins that day;
# "more than" puts the point after the mark, "nearly" before it, within one unit.
@pytest.mark.parametrize(("text", "mark", "exact", "hedged"), [
    ("Two years after the invasion of Ukraine, the front barely moved.",
     CountMark(date(2024, 2, 24), "year"), date(2024, 2, 24), None),
    ("As the war in Ukraine entered its third year, Kyiv asked for shells.",
     CountMark(date(2024, 2, 24), "year", starts_period=True), date(2024, 2, 24), None),
    ("More than two years after the invasion of Ukraine, talks resumed.",
     CountMark(date(2024, 2, 24), "year", "after"), None,
     (date(2024, 2, 25), date(2025, 2, 25))),
    ("Nearly five months after the invasion of Ukraine, grain ships sailed.",
     CountMark(date(2022, 7, 24), "month", "before"), None, (date(2022, 6, 24), date(2022, 7, 24))),
    ("Five months after the invasion of Ukraine, grain ships sailed.",
     CountMark(date(2022, 7, 24), "month"), None, None),
])
def test_a_count_carries_the_day_it_lands_on(text: str, mark: CountMark, exact: date | None,
                                             hedged: tuple[date, date] | None) -> None:
    (expr,) = find_anchored(text)
    assert expr.mark == mark
    assert exact_mark(expr) == exact  # whole years only: a month count is no anniversary
    assert hedged_span(expr) == hedged


def test_offsets_point_into_text() -> None:
    text = "Kyiv, Ukraine. Officials said that, a year after Russia’s invasion, the day 300 of the war had passed."
    found = find_anchored(text)
    assert [e.text for e in found] == ["a year after Russia’s invasion", "day 300 of the war"]
    for expr in found:
        assert text[expr.start_char:expr.end_char] == expr.text


def test_vague_event_without_context_is_not_anchored() -> None:
    assert find_anchored("A year after the invasion, the Romans left Britain.") == []


def test_user_event_from_dicts() -> None:
    extra = [{"id": "acme-merger", "name": "Acme merger", "date": "2020-05-01",
              "aliases": ["the Acme merger"]}]
    (expr,) = find_anchored("Two years after the Acme merger, sales fell.", extra)
    assert (expr.value, expr.anchor) == ("2022-05", "Acme merger")
    assert find_anchored("Two years after the Acme merger, sales fell.") == []


def test_recurring_events_are_not_counted_from() -> None:
    assert find_anchored("A year after Davos, nothing changed.") == []


def test_plain_text_and_errors() -> None:
    assert find_anchored("") == []
    assert find_anchored("No events here at all.") == []
    with pytest.raises(TypeError):
        find_anchored(b"bytes")  # type: ignore[arg-type]


ANCHORED_RULE = ("{id: %s, kind: day_n, pattern: '%s', confidence: 0.9, describes_now: false,"
                 " word_before_event: [of], examples: %s}")


@pytest.mark.parametrize(("rule", "problem"), [
    (ANCHORED_RULE % ("no-event", "day {number}", "[{text: day 3, value: x}]"),
     "entry 'no-event': pattern needs an {event}"),
    (ANCHORED_RULE % ("no-examples", "day {number} of {event}", "[]"),
     "entry 'no-examples': needs a non-empty list of examples"),
    (ANCHORED_RULE % ("anchored-day-n", "day {number} of {event}", "[{text: day 3}]"),
     "entry 'anchored-day-n': example {'text': 'day 3'} needs text, value"),
])
def test_bad_rule_file_names_file_and_rule(tmp_path: Path, rule: str, problem: str) -> None:
    data = dict(read_bundled("temporal_anchored.yaml"))
    path = tmp_path / "my_anchored.yaml"
    path.write_text(yaml.safe_dump({**data, "rules": [yaml.safe_load(rule)]}), encoding="utf-8")
    with pytest.raises(RuleFileError, match=re.escape(f"{path}, {problem}")):
        anchored_config(read_path(path), str(path))


def test_units_are_calendar_units() -> None:
    units = load_rules().units
    assert (units["days"], units["yrs"], units["decade"]) == ("day", "year", "decade")
    assert "hours" not in units  # not a unit the rules count in
    assert len(compiled_rules()) == len(load_rules().rules)


def test_bundled_events_all_resolve() -> None:
    # Every one-off event can be counted from by its first alias.
    for event in load_events():
        if event.recurring:
            continue
        text = f"a year after {event.aliases[0]} " + " ".join(event.context)
        found = find_anchored(text)
        assert found and found[0].anchor == event.name, f"{event.id}: {found}"


def test_off_calendar_counts_keep_a_row_with_a_reason() -> None:
    (expr,) = find_anchored("the 9999th anniversary of the invasion of Ukraine")
    assert (expr.value, expr.start, expr.end) == ("", None, None)
    assert "cannot be placed on the calendar" in expr.reason


def test_nul_characters_do_not_confuse_matching() -> None:
    text = "\x00 a year after 9/11 \x00 day 3 of \x00"
    assert [(e.text, e.value) for e in find_anchored(text)] == [("a year after 9/11", "2002-09")]
