"""Tests for timeline.events.report_times: the report's day as a bound on what it reports."""

from __future__ import annotations

from timeline.events.lexicon import load_event_lexicon
from timeline.events.nlp import load_nlp
from timeline.events.report_times import reporting_verb, told_in_past
from timeline.pipeline import extract


def _token(text: str, word: str):
    doc = load_nlp()(text)
    return next(t for t in doc if t.text == word)


def test_the_reported_clause_is_dated_on_or_before_its_report() -> None:
    # 2024-05-06 was a Monday, 2024-05-04 a Saturday.
    df = extract("President William Ruto condemned the attack, his spokesman said on Saturday.",
                 "2024-05-06")
    condemn, say = (df[df["trigger"] == t].iloc[0] for t in ("condemn", "say"))
    assert str(condemn["date"].date()) == str(say["date"].date()) == "2024-05-04"
    assert "on or before the day of its report ('said Saturday')" in condemn["time_reason"]
    assert condemn["confidence"] < say["confidence"]


def test_the_reporting_verb_is_found_at_either_end() -> None:
    reporting = load_event_lexicon().reporting_verbs
    closing = _token("Police arrested three men and seized weapons on Sunday, a spokesman said.",
                     "seized")
    opening = _token("The ministry said on Monday that 12 soldiers were killed.", "killed")
    assert reporting_verb(closing, reporting).text == "said"
    assert reporting_verb(opening, reporting).text == "said"
    assert reporting_verb(_token("Police arrested three men.", "arrested"), reporting) is None


def test_past_forms_and_participles_are_told_in_the_past() -> None:
    assert told_in_past(_token("Rebels have seized the town.", "seized"))
    assert told_in_past(_token("Twelve soldiers were killed.", "killed"))
    assert not told_in_past(_token("Troops will withdraw.", "withdraw"))
    assert not told_in_past(_token("It would have signed the deal.", "signed"))
