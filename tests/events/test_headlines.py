"""Tests for timeline.events.headlines: verbless events and trailing sources."""

from __future__ import annotations

import pytest

from timeline.events.headlines import nominal_trigger, trailing_source
from timeline.events.lexicon import load_event_lexicon
from timeline.events.nlp import load_nlp


def _sentence(text: str):
    return next(iter(load_nlp()(text).sents))


@pytest.mark.parametrize(("text", "trigger", "kind"), [
    ("Clashes near Sloviansk", "Clashes", "clash"),
    ("Shelling in Donetsk", "Shelling", "shelling"),
    ("One dead in Ukraine clashes despite de-escalation", "clashes", "clash"),
    ("Two dead in Donetsk", "dead", "death"),
    ("Ukrainian military shell Donetsk Republic, one militia killed - defense ministry",
     "shell", "shelling"),
])
def test_verbless_headline_event(text: str, trigger: str, kind: str) -> None:
    found = nominal_trigger(_sentence(text), load_event_lexicon())
    assert found is not None, text
    assert (found[0].text, found[1][1]) == (trigger, kind)


@pytest.mark.parametrize("text", [
    "Morning briefing at 07:00 July 29, 2018",
    "UN OCHA Ukraine: Situation Report",
    "Talks in Minsk",  # not a conflict event: a verbless title stays a title
])
def test_titles_are_no_events(text: str) -> None:
    assert nominal_trigger(_sentence(text), load_event_lexicon()) is None


@pytest.mark.parametrize(("text", "source"), [
    ("Two activists shot dead during Ukraine protests: prosecutors", "prosecutors"),
    ("Woman killed in Donetsk shelling - mayor's office", "mayor's office"),
    ("Ukrainian soldier killed in Donbas - JFO HQ", "JFO HQ"),
    ("Ukraine: five killed in shelling", None),  # a topic label and a clause
    ("Fighting - and talks", None),  # too short before the mark
    ("The talks ended with a single word: failure", None),  # no source, the sentence's own
    ("Six Ukraine soldiers killed in separatist east: Kiev", "Kiev"),
])
def test_trailing_source(text: str, source: str | None) -> None:
    found = trailing_source(_sentence(text), load_event_lexicon())
    assert (found[1] if found else None) == source


def test_a_running_total_alone_is_no_verbless_event() -> None:
    # With no other event in its sentence, a running total is still none (the
    # headline fallback would otherwise make one of its casualty verb).
    from timeline.pipeline import extract

    df = extract("The insurgency has killed more than 40,000 people since 2009, according to "
                 "the United Nations.", "2024-05-14")
    assert "kill" not in set(df["trigger"])
    assert df["fatalities"].isna().all()
