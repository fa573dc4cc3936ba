"""Loading and validating the rule files."""

from __future__ import annotations

import re

import pytest

from timeline.errors import ResourceError
from timeline.temporal.rules import _compile, load_rules, load_words


def _raw(**changes: object) -> dict[str, object]:
    raw: dict[str, object] = {
        "id": "test.rule", "pattern": "{month}", "build": "date",
        "examples": [{"text": "May", "reference": None, "value": "XXXX-05"}],
    }
    raw.update(changes)
    return raw


def test_bundled_rules_load_with_unique_ids() -> None:
    rules = load_rules()
    assert len({r.id for r in rules}) == len(rules) > 50


def test_word_lists_are_lower_case() -> None:
    words = load_words()
    assert words["month"]["january"] == 1
    assert words["weekday"]["tuesday"] == 2


@pytest.mark.parametrize(("changes", "problem"), [
    ({"id": ""}, "no id"),
    ({"build": "guess"}, "unknown build"),
    ({"examples": []}, "examples"),
    ({"examples": [{"text": "May"}]}, "text and value"),
    ({"pattern": "{nosuchlist}"}, "unknown"),
    ({"pattern": "(unclosed"}, "bad pattern"),
    ({"confidence": 1.5}, "confidence"),
])
def test_malformed_rules_raise(changes: dict[str, object], problem: str) -> None:
    with pytest.raises(ResourceError, match=problem):
        _compile(_raw(**changes), {}, load_words())


def test_placeholders_expand_to_named_groups() -> None:
    rule = _compile(_raw(pattern="{^month:mon} {=weekday}"), {}, load_words())
    m = rule.regex.search("in January tuesday")
    assert m is not None and m.group("mon") == "January"
    # {^...} only matches capitalised words: "may" the verb is not May the month.
    assert _compile(_raw(pattern="{^month}"), {}, load_words()).regex.search("they may go") is None


def test_patterns_have_no_nested_quantifiers() -> None:
    nested = re.compile(r"\((?:[^()\\]|\\.)*[+*]\)[+*]")
    for rule in load_rules():
        assert not nested.search(rule.regex.pattern), rule.id


def test_shift_without_unit_is_rejected() -> None:
    with pytest.raises(ResourceError, match="unit"):
        _compile(_raw(pattern="ago", build="shift"), {}, load_words())
