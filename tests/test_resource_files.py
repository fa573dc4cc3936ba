"""The one loader of rule files: bad files name the file and the entry; calendar words."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

import timeline

from timeline.errors import ResourceError, RuleFileError
from timeline.resource_files import (
    CALENDAR, calendar_words, entries, parse_calendar, read_bundled, read_path, word_list,
)

GOOD = "- {id: a, words: [x], examples: [\"x here\"]}"
BAD_ENTRIES = [
    ("- {words: [x], examples: [\"x\"]}", "items[0]", "has no id"),
    ("- {id: '', words: [x], examples: [\"x\"]}", "items[0]", "has no id"),
    ("- {id: 12, words: [x], examples: [\"x\"]}", "items[0]", "id 12 is not a text"),
    (GOOD + "\n" + GOOD, "'a'", "duplicate id"),
    ("- {id: b, examples: [\"x\"]}", "'b'", "lacks words"),
    ("- {id: c, words: [x]}", "'c'", "non-empty list of examples"),
    ("- {id: d, words: [x], examples: []}", "'d'", "non-empty list of examples"),
    ("- {id: e, words: [x], examples: [{text: x}]}", "'e'", "is not a text"),
    ("- not a mapping", "items[0]", "not a mapping"),
]


def _file(tmp_path: Path, body: str, name: str = "broken.yaml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(("items", "entry", "problem"), BAD_ENTRIES,
                         ids=[problem + ":" + entry for _, entry, problem in BAD_ENTRIES])
def test_bad_entry_names_file_and_entry(tmp_path: Path, items: str, entry: str,
                                        problem: str) -> None:
    path = _file(tmp_path, "items:\n" + "\n".join("  " + line for line in items.splitlines()))
    with pytest.raises(RuleFileError) as info:
        entries(read_path(path), str(path), "items", ("words",))
    message = str(info.value)
    assert str(path) in message and entry in message and problem in message, message


def test_mapping_sections_take_their_ids_from_the_keys(tmp_path: Path) -> None:
    path = _file(tmp_path, "types:\n  meet: {verbs: [meet], examples: [\"they met\"]}\n"
                           "  visit: {verbs: [visit], examples: [\"she visited\"]}\n")
    found = entries(read_path(path), str(path), "types", ("verbs",))
    assert [(e["id"], e["verbs"]) for e in found] == [("meet", ["meet"]), ("visit", ["visit"])]


def test_examples_of_the_documented_shape(tmp_path: Path) -> None:
    path = _file(tmp_path, "rules:\n  - {id: r, examples: [{text: May}]}\n")
    with pytest.raises(RuleFileError, match=r"broken.yaml, entry 'r': example .* needs text, value"):
        entries(read_path(path), str(path), "rules", (), ("text", "value"))


@pytest.mark.parametrize(("body", "problem"), [
    ("items: [unclosed", "not valid YAML"),
    ("- just a list", "expected a mapping at the top level"),
    ("day: 2022-02-30", "not a YYYY-MM-DD date"),
    ("items: []", "non-empty list of entries under 'items'"),
])
def test_bad_files_name_the_file(tmp_path: Path, body: str, problem: str) -> None:
    path = _file(tmp_path, body)
    with pytest.raises(RuleFileError) as info:
        entries(read_path(path), str(path), "items")
    assert str(info.value).startswith(str(path)) and problem in str(info.value)


def test_missing_file_and_bad_word_lists(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="nowhere.yaml: file not found"):
        read_path(tmp_path / "nowhere.yaml")
    with pytest.raises(RuleFileError, match="stop must be a list of words"):
        word_list({"stop": ["in", True]}, "x.yaml", "stop")  # an unquoted `on` or `yes`


def test_weekdays_are_numbered_as_iso_does() -> None:
    words = calendar_words()
    # 2023-01-17 was a Tuesday; ISO numbers Monday 1 to Sunday 7.
    assert words.weekdays["tuesday"] == words.weekdays["tue"] == date(2023, 1, 17).isoweekday() == 2
    assert words.weekday_full()["sunday"] == 7 and words.weekday_plurals["mondays"] == 1
    assert words.weekday_names[0] == "monday"


def test_calendar_words() -> None:
    words = calendar_words()
    assert (words.months["sept"], words.months["may"], len(words.month_names)) == (9, 5, 12)
    assert (words.numbers["a dozen"], words.ordinals["thirty-first"], words.ordinals["hundredth"]) \
        == (12, 31, 100)
    assert words.unit("fiscal year").timex == "Y"
    assert words.unit("century").forms == ("century", "centuries")
    with pytest.raises(RuleFileError, match="rules.yaml: no calendar unit 'fortnight'"):
        words.unit("fortnight", "rules.yaml")


def _calendar(**changes: object) -> dict[str, object]:
    data: dict[str, object] = dict(read_bundled(CALENDAR))
    data.update(changes)
    return data


@pytest.mark.parametrize(("changes", "problem"), [
    # Weekdays numbered from 0, as Python's date.weekday() does, are refused.
    ({"weekdays": [{"number": n, "name": w} for n, w in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])]},
     "weekdays must be numbered 1 to 7"),
    ({"months": [{"number": 1, "name": "january", "short": ["jan", "jan"]}]},
     "months must be numbered 1 to 12"),
    ({"units": [{"name": "day", "plural": "days", "timex": "D"},
                {"name": "days", "plural": "dayz", "timex": "D"}]}, "'days' is repeated"),
    ({"numbers": {"several": "X"}}, "numbers must map words to whole numbers"),
])
def test_bad_calendar_is_refused(changes: dict[str, object], problem: str) -> None:
    with pytest.raises(RuleFileError, match=f"my_calendar.yaml.*{problem}"):
        parse_calendar(_calendar(**changes), "my_calendar.yaml")


def test_a_repeated_month_form_names_the_month() -> None:
    months = [dict(m) for m in read_bundled(CALENDAR)["months"]]
    months[5]["short"] = ["jan"]
    with pytest.raises(RuleFileError, match="my_calendar.yaml, entry 'months 6': form 'jan'"):
        parse_calendar(_calendar(months=months), "my_calendar.yaml")


def test_yaml_is_read_in_one_place() -> None:
    # One mechanism: every rule file goes through this loader's checks.
    package = Path(timeline.__file__).parent
    readers = sorted(str(path.relative_to(package)) for path in package.rglob("*.py")
                     if re.search(r"^\s*(?:import yaml|from yaml )", path.read_text("utf-8"), re.M))
    assert readers == ["resource_files.py"]
