"""Office-holders named with their title date a story within their terms."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.resource_files import read_bundled
from timeline.temporal.reference_choice import choose_reference
from timeline.temporal.tenures import load_holders, tenure_cues

EXAMPLES = read_bundled("office_holders.yaml")["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["holder"] for e in EXAMPLES])
def test_examples_name_their_holder(example: dict) -> None:
    terms = next(h.terms for h in load_holders().holders if h.id == example["holder"])
    assert any(c.spans == terms for c in tenure_cues(example["text"]))


def test_a_title_before_the_name_gives_the_terms() -> None:
    [cue] = tenure_cues("Israel's defence minister Yoav Gallant said on Tuesday")
    assert cue.kind == "tenure"
    assert cue.spans == ((date(2022, 12, 29), date(2024, 11, 7)),)


def test_one_name_for_two_holders_allows_both_terms() -> None:
    [cue] = tenure_cues("President Bush spoke to reporters.")
    assert cue.spans == ((date(1989, 1, 20), date(1993, 1, 20)),
                         (date(2001, 1, 20), date(2009, 1, 20)))


def test_a_term_still_running_has_no_end() -> None:
    [cue] = tenure_cues("Secretary-General Antonio Guterres said")
    assert cue.spans == ((date(2017, 1, 1), date.max),)


@pytest.mark.parametrize("text", [
    "former President Barack Obama said",
    "then-President Bush",
    "ex-President Yeltsin",
    "the late President Mubarak",
    "Vice President Joe Biden visited Kyiv",   # another office
    "President-elect Trump",                    # not yet in office
])
def test_no_cue_for_a_holder_out_of_office(text: str) -> None:
    assert tenure_cues(text) == []


def test_a_title_is_matched_in_any_case_and_a_name_only_as_written() -> None:
    assert tenure_cues("PRIME MINISTER Netanyahu said")
    assert tenure_cues("President bush said") == []


def test_a_year_less_dateline_with_an_office_holder_is_dated_in_the_term() -> None:
    # "Sept 24" with "on Tuesday": 2024-09-24 was a Tuesday, within Gallant's term; the
    # "1975-1990 civil war" no longer pulls the story into 1991.
    text = ("BEIRUT, Sept 24 (Reuters) - Israeli air strikes killed at least 50 people in "
            "Lebanon on Tuesday, a day after the deadliest day since the 1975-1990 civil "
            "war.\n\nIsrael's defence minister Yoav Gallant said on Tuesday the strikes would "
            "continue.")
    assert choose_reference(text).day == date(2024, 9, 24)


def test_a_prime_ministers_short_term_dates_a_year_less_dateline() -> None:
    # "Dec 4" and "on Wednesday" fit 2024-12-04 (a Wednesday), within Michel Barnier's
    # three months as prime minister; "since 1962" alone would put the story near 1968.
    text = ("PARIS, Dec 4 (AP) — French lawmakers voted to oust Prime Minister Michel "
            "Barnier's government on Wednesday, the first successful no-confidence vote "
            "since 1962.")
    assert choose_reference(text).day == date(2024, 12, 4)
