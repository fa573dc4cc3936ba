"""Every rule of temporal_rules.yaml on its own examples.

Each example gives a text, a reference date and the value the rule must produce; a
`skip` rule's example must come out untagged.
"""

from __future__ import annotations

import pandas as pd
import pytest

from timeline.temporal.find import find_expressions
from timeline.temporal.reference_choice import choose_reference
from timeline.temporal.rules import Example, load_rules

EXAMPLES = [(rule.id, rule.build, ex) for rule in load_rules() for ex in rule.examples]


@pytest.mark.parametrize(("rule_id", "build", "example"), EXAMPLES,
                         ids=[f"{rid}:{ex.text}" for rid, _, ex in EXAMPLES])
def test_rule_example(rule_id: str, build: str, example: Example) -> None:
    reference = (None if example.reference is None
                 else choose_reference(example.text, given=pd.Timestamp(example.reference)))
    found = find_expressions(example.text, reference)
    actual = [(e.text, e.rule, e.value) for e in found]
    message = (f"rule={rule_id} text={example.text!r} reference={example.reference} "
               f"expected={example.value!r} actual={actual}")
    if build == "skip":
        assert found == [], message
        return
    assert any(e.rule == rule_id and e.value == example.value for e in found), message
