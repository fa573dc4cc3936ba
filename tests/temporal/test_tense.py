"""Tense of the clause around an expression."""

from __future__ import annotations

import pytest

from timeline.temporal.tense import clause_tense, pluperfect, settled_past, since_before


@pytest.mark.parametrize(("text", "target", "tense"), [
    ("Milley will meet Zaluzhnyi on Tuesday.", "Tuesday", "future"),
    ("Milley met Zaluzhnyi on Tuesday.", "Tuesday", "past"),
    ("The team planned to leave Nairobi on Thursday.", "Thursday", "future"),
    ("Exiles were planning to drive to the airport on Monday.", "Monday", "future"),
    ("On Friday, the government planned to pay them.", "Friday", "past"),
    ("They had planned to meet on Tuesday.", "Tuesday", "past"),
    ("The talks will be held on Tuesday.", "Tuesday", "future"),
    ("The offer expires at 5 p.m. Eastern time on Friday.", "Friday", "future"),
    ("Obama met Mr. Putin on Monday.", "Monday", "past"),
    ("Bombs killed 200 people next to the U.S. embassies on Friday.", "Friday", "past"),
    ("The launch is set for Monday.", "Monday", "future"),
    ("He was arrested Sunday and is due in court Monday.", "Monday", "future"),
    ("The payment was due Friday.", "Friday", "past"),
    ("It rained. On Monday it will be dry.", "Monday", "future"),
    ("The talks were held on Tuesday.", "Tuesday", "past"),
    ("The envoys will be sent to Kyiv on Monday.", "Monday", "future"),
    ("The offensive began as previously planned Saturday night.", "Saturday", "past"),
    ("The minister is due to visit Kyiv on Monday.", "Monday", "future"),
    ("On Wednesday, Duda expressed fears.", "Wednesday", "past"),
    ("They’ll sign it on Friday.", "Friday", "future"),
    ("It had been due to expire Friday evening.", "Friday", "past"),
    ("The rights can be exercised on Nov. 21.", "Nov. 21", None),
    ("Talks on Friday.", "Friday", None),
    ("He said. They will vote on Friday.", "Friday", "future"),
    ("Markets will remain closed until Friday.", "Friday", "future"),
    ("Officials postponed until Tuesday any action.", "Tuesday", "future"),
    ("Until Thursday, they had not called him a suspect.", "Thursday", "past"),
    ("It was not until Tuesday that Castro spoke.", "Tuesday", "past"),
    ("The summit opens Monday.", "Monday", "future"),
    ("Voters go to the polls on Sunday.", "Sunday", "future"),
    ("Polls open on Sunday morning.", "Sunday", "future"),
    ("The court hears the appeal on Tuesday.", "Tuesday", "future"),
    ("The new rules take effect on Friday.", "Friday", "future"),
    ("Voters went to the polls on Sunday.", "Sunday", "past"),
    ("Voters in Senegal go to the polls on Sunday.", "Sunday", "future"),
    ("Leaders of the G20 meet in Osaka on Friday.", "Friday", "future"),
    ("Voters in Senegal went to the polls on Sunday.", "Sunday", "past"),
    ("Ministers in the new government meet on Friday, officials said.", "Friday", "future"),
    ("The summit opened Monday.", "Monday", "past"),
    ("The summit opens Monday, officials said.", "Monday", "future"),
    ("Voters go to the polls on Sunday, the election commission announced.", "Sunday", "future"),
    ("The summit opens Monday and ended badly, officials said.", "Monday", "past"),
    ("The summit opened Monday, officials said.", "Monday", "past"),
    ("Troops attacked on Monday, officials said.", "Monday", "past"),
    ("He runs every Sunday.", "Sunday", None),
    ("He usually plays tennis on Sunday.", "Sunday", None),
    ("The minister says it is calm on Monday.", "Monday", "present"),
    ("The votes on Sunday are counted.", "Sunday", "present"),
    ("The team's plays on Saturday are new.", "Saturday", "present"),
    ("To go there on Friday is hard.", "Friday", "present"),
    # What is planned lies ahead: "are planned" as "is planned" (and "are expected").
    ("Two visits on Friday are planned.", "Friday", "future"),
    # Present-tense wire and market copy that reports, not schedules: left behind.
    ("Markets close lower on Friday as oil slides.", "Friday", None),
    ("Both sides face heavy losses around Avdiivka on Tuesday, the governor said.", "Tuesday", "past"),
    ("Zelensky visits troops near Bakhmut on Monday, his office said.", "Monday", "past"),
    ("Summit opens in Brussels on Monday\n\nLeaders met.", "Monday", None),
])
def test_clause_tense(text: str, target: str, tense: str | None) -> None:
    start = text.index(target)
    assert clause_tense(text, start, start + len(target)).tense == tense


def test_clause_stops_at_sentence_end() -> None:
    text = "He will resign. The vote was on Friday."
    start = text.index("Friday")
    assert clause_tense(text, start, start + 6).tense == "past"


@pytest.mark.parametrize(("text", "target", "expected"), [
    ("Prices have risen since May.", "May", True),
    ("Prices have risen since late May.", "May", True),
    ("Prices rose in May.", "May", False),
    ("Ever since, in May, prices rose.", "May", False),
])
def test_since_before(text: str, target: str, expected: bool) -> None:
    assert since_before(text, text.index(target)) is expected, text


@pytest.mark.parametrize(("text", "target", "expected"), [
    ("Forces that had invaded Burma in late 1943 besieged the town.", "late 1943", True),
    ("The army had already taken the city in May.", "May", True),
    ("The army took the city in May.", "May", False),
    ("The two armies had talks in May.", "May", False),
    ("The army had been told. It took the city in May.", "May", False),
])
def test_pluperfect(text: str, target: str, expected: bool) -> None:
    start = text.index(target)
    assert pluperfect(text, start, start + len(target)) is expected


@pytest.mark.parametrize(("text", "target", "expected"), [
    ("The film premiered at Cannes in May.", "May", True),
    ("Obama was re-elected in November.", "November", True),
    ("Officials said the election is in May.", "May", False),
    ("The summit was planned for June.", "June", False),
    ("The plant closed after a long dispute with its unions in May.", "May", False),
    ("The plant closed in May.", "May", True),
    ("It will close in May.", "May", False),
])
def test_settled_past(text: str, target: str, expected: bool) -> None:
    start = text.index(target)
    assert settled_past(clause_tense(text, start, start + len(target))) is expected


def test_adjective_ed_is_not_a_past_cue() -> None:
    text = "The dividend is payable on a still unspecified date in January."
    start = text.index("January")
    found = clause_tense(text, start, start + len("January"))
    assert (found.tense, found.cue) == ("future", "payable")


@pytest.mark.parametrize("spaces", [" ", "  ", "\t "])
def test_abbreviation_ends_no_clause_whatever_the_spacing(spaces: str) -> None:
    text = f"Troops attacked the Corp.{spaces}offices on Monday."
    start = text.index("Monday")
    found = clause_tense(text, start, start + len("Monday"))
    assert (found.tense, found.cue) == ("past", "attacked")
