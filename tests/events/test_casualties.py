"""Tests for timeline.events.casualties: counts, ranges and vague counts."""

from __future__ import annotations

import pytest

from timeline.events import casualties
from timeline.events.nlp import load_nlp


def _read(text: str) -> casualties.Casualties:
    return casualties.read(load_nlp()(text)[:])


@pytest.mark.parametrize(("text", "killed", "injured"), [
    ("Two soldiers were killed.", (2, "Two soldiers were killed"), None),
    ("Russian forces shelled the town, injuring 3 civilians.", None, (3, "injuring 3 civilians")),
    ("The army said it killed at least 35 militants.", (35, "killed at least 35 militants"), None),
    ("Between 10 and 15 people died in the attack.", (10, "Between 10 and 15 people died"), None),
    ("The blast killed four people and wounded dozens.", (4, "killed four people"),
     (24, "wounded dozens")),
    ("Three people died and 12 were wounded.", (3, "Three people died"), (12, "12 were wounded")),
    ("The talks killed the deal.", None, None),
    # Tolls: a figure verb's figure or an "of" phrase; losses are no fatality count.
    ("The death toll from the bombing rose to 35.", (35, "35"), None),
    ("The bombing left a death toll of at least 40.", (40, "at least 40"), None),
    ("The death toll reached 12 on Sunday.", (12, "12"), None),
    ("Losses of the army amounted to 40 people.", None, None),
    ("The toll on the economy rose to 5 percent.", None, None),
])
def test_counts_and_their_words(text: str, killed: tuple | None, injured: tuple | None) -> None:
    found = _read(text)
    as_pair = lambda count: None if count is None else (count.value, count.text)  # noqa: E731
    assert (as_pair(found.fatalities), as_pair(found.injuries)) == (killed, injured), text


@pytest.mark.parametrize(("text", "subject"), [
    ("The death toll rose to 35.", True),
    ("Losses of the Russian army amounted to 120 soldiers per day.", True),
    ("Apple's losses amounted to $3 billion.", False),
    ("A death toll of 35 was confirmed by the ministry.", False),  # reported, not a figure verb
    ("The toll on the economy rose to 5 percent.", False),
])
def test_a_toll_subject_states_a_count_of_people(text: str, subject: bool) -> None:
    doc = load_nlp()(text)
    noun = next(t for t in doc if t.dep_ in {"nsubj", "nsubjpass"})
    assert casualties.is_toll_subject(noun) is subject, text
