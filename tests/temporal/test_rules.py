"""Loading and validating the rule files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline.errors import ResourceError, RuleFileError
from timeline.resource_files import read_path
from timeline.temporal.build import _CONVERTERS
from timeline.temporal.rules import CAPTURE_GROUPS, _compile, compile_rules, load_rules, load_words


def _raw(**changes: object) -> dict[str, object]:
    raw: dict[str, object] = {
        "id": "test.rule", "pattern": "{month}", "build": "date",
        "examples": [{"text": "May", "reference": None, "value": "XXXX-05"}],
    }
    raw.update(changes)
    return raw


def test_calendar_lists_come_from_the_calendar_words() -> None:
    words = load_words()
    assert words["month"]["january"] == 1 and words["month"]["sept"] == 9
    assert words["weekday"]["tuesday"] == 2  # ISO: Monday is 1
    assert words["weekday_full"] == {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4,
                                     "friday": 5, "saturday": 6, "sunday": 7}
    assert words["unit"]["fiscal years"] == "Y" and words["unit"]["hrs"] == "H"
    assert (words["number"]["a dozen"], words["number"]["several"]) == (12, "X")
    assert words["period"]["weekend"] == "WE" and "weekend" not in words["unit_singular"]


RULE_FILE = """macros: {}
rules:
  - {id: ok.rule, pattern: '{month}', build: date, examples: [{text: May, value: XXXX-05}]}
"""


@pytest.mark.parametrize(("rule", "problem"), [
    ("- {pattern: '{month}', build: date, examples: [{text: May, value: XXXX-05}]}",
     "entry 'rules[1]': has no id"),
    ("- {id: ok.rule, pattern: '{month}', build: date, examples: [{text: May, value: XXXX-05}]}",
     "entry 'ok.rule': duplicate id"),
    ("- {id: no.examples, pattern: '{month}', build: date}",
     "entry 'no.examples': needs a non-empty list of examples"),
    ("- {id: misspelt, pattern: '(?P<mnth>{=month})', build: date,"
     " examples: [{text: May, value: XXXX-05}]}",
     "entry 'misspelt': unknown capture group(s) mnth"),
])
def test_bad_rule_file_names_file_and_rule(tmp_path: Path, rule: str, problem: str) -> None:
    path = tmp_path / "my_rules.yaml"
    path.write_text(RULE_FILE + "  " + rule + "\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=re.escape(f"{path}, {problem}")):
        compile_rules(read_path(path), str(path))


def test_capture_groups_cover_what_the_builder_reads() -> None:
    assert set(_CONVERTERS) <= CAPTURE_GROUPS
    used = {name.split("__")[0] for rule in load_rules() for name in rule.regex.groupindex}
    assert used <= CAPTURE_GROUPS


@pytest.mark.parametrize(("changes", "problem"), [
    ({"id": ""}, "no id"),
    ({"build": "guess"}, "unknown build"),
    ({"examples": []}, "examples"),
    ({"examples": [{"text": "May"}]}, "needs text, value"),
    ({"pattern": "{nosuchlist}"}, "unknown"),
    ({"pattern": "(unclosed"}, "bad pattern"),
    ({"confidence": 1.5}, "confidence"),
])
def test_malformed_rules_raise(changes: dict[str, object], problem: str) -> None:
    with pytest.raises(ResourceError, match=problem):
        _compile(_raw(**changes), {}, load_words())


def test_placeholders_expand_to_named_groups() -> None:
    rule = _compile(_raw(pattern="{^month:month__b} {=weekday}"), {}, load_words())
    m = rule.regex.search("in January tuesday")
    assert m is not None and m.group("month__b") == "January"
    # {^...} only matches capitalised words: "may" the verb is not May the month.
    assert _compile(_raw(pattern="{^month}"), {}, load_words()).regex.search("they may go") is None


def test_patterns_have_no_nested_quantifiers() -> None:
    nested = re.compile(r"\((?:[^()\\]|\\.)*[+*]\)[+*]")
    for rule in load_rules():
        assert not nested.search(rule.regex.pattern), rule.id


def test_patterns_have_no_adjacent_space_runs() -> None:
    """Two space runs with only an optional mark between them ("\\s*,?\\s+") split a
    long run of spaces in as many ways as it is long: write "(?:\\s*,)?\\s+" instead."""
    space = r"(?:\\s|\[ \\t\])[*+]"
    adjacent = re.compile(space + r"(?:(?:\\.|[^\\()|*+?\[\]]|\[[^\]]*\])\?)?" + space)
    for bad in (r"\s*,?\s+", r"[ \t]*\.?[ \t]*", r"\s*[,/:]?\s*[0-9]", r"\s+\s*"):
        assert adjacent.search(bad), bad
    assert not adjacent.search(r"(?:\s*,)?\s+")
    for rule in load_rules():
        assert not adjacent.search(rule.regex.pattern), rule.id


def test_shift_without_unit_is_rejected() -> None:
    with pytest.raises(ResourceError, match="unit"):
        _compile(_raw(pattern="ago", build="shift"), {}, load_words())
