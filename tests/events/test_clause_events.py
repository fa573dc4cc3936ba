"""Tests for timeline.events.clause_events: typing, actors, places and time anchoring of clauses."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
import yaml

from timeline.events.entities import find_mentions
from timeline.events.clause_events import EventRecord, event_type, extract_events
from timeline.events.lexicon import load_event_lexicon
from timeline.model import TimeExpression
from timeline.events.nlp import load_nlp
from timeline.vocab import TimeSource

GOLDEN = yaml.safe_load((Path(__file__).parent / "data" / "events_golden.yaml").read_text())
PUBLISHED = datetime(2023, 1, 19)


def _day(text: str, phrase: str, day: datetime) -> TimeExpression:
    """A hand-resolved day expression for ``phrase`` in ``text``."""
    start = text.index(phrase)
    return TimeExpression(phrase, start, start + len(phrase), "DATE", day.strftime("%Y-%m-%d"),
                          day, day + timedelta(days=1), "day", "published", "test", 1.0)


def _events(text: str, times: list[TimeExpression]) -> list[EventRecord]:
    doc = load_nlp()(text)
    return extract_events(doc, "doc", find_mentions(doc), times, PUBLISHED)


def _at(records: list[EventRecord], trigger: str) -> EventRecord:
    found = [r for r in records if r.event.trigger == trigger]
    assert found, f"no {trigger!r} event among {[r.event.trigger for r in records]}"
    return found[0]


@pytest.mark.parametrize("case", GOLDEN["cases"], ids=[c["id"] for c in GOLDEN["cases"]])
def test_golden_events(case: dict) -> None:
    from timeline.pipeline import extract

    df = extract(case["text"], case["published"])
    rows = df[df["trigger"] == case["trigger"]]
    message = f"text={case['text']!r} published={case['published']}\n{df.to_string()}"
    assert len(rows) >= 1, f"expected a {case['trigger']!r} event\n{message}"
    row = rows.iloc[0]
    actual = {
        "event_type": row["event_type"], "date": str(row["date"].date()),
        "granularity": row["granularity"], "actors": list(row["actors"]),
        "country": row["country"] or None,
        "place_precision": None if row["place_precision"] != row["place_precision"]
        else row["place_precision"],
    }
    expected = {key: case[key] for key in actual}
    assert actual == expected, f"{message}\nexpected={expected}\nactual={actual}"


def test_governing_expression_beats_an_earlier_one() -> None:
    text = "On Monday talks stalled. Later the envoy Ivan Petrenkov met Duda on Tuesday."
    times = [_day(text, "Monday", datetime(2023, 1, 16)),
             _day(text, "Tuesday", datetime(2023, 1, 17))]
    record = _at(_events(text, times), "meet")
    assert record.time_source == TimeSource.CLAUSE
    assert record.event.time.value == "2023-01-17"


def test_nearest_preceding_in_the_sentence_then_paragraph() -> None:
    text = "On Tuesday the general arrived, and he told reporters the talks went well."
    times = [_day(text, "Tuesday", datetime(2023, 1, 17))]
    record = _at(_events(text, times), "tell")
    assert record.time_source == "sentence"
    assert record.event.time.value == "2023-01-17"
    text = "Troops advanced on Tuesday. The commander Oleh Marchenko said the town fell."
    times = [_day(text, "Tuesday", datetime(2023, 1, 17))]
    record = _at(_events(text, times), "say")
    assert record.time_source == "paragraph"


def test_falls_back_to_the_publication_date_with_lower_confidence() -> None:
    text = "The ministers met on Tuesday.\nAnalysts said the outcome was unclear."
    times = [_day(text, "Tuesday", datetime(2023, 1, 17))]
    records = _events(text, times)
    dated, fallback = _at(records, "meet"), _at(records, "say")
    assert fallback.time_source == "published"
    assert fallback.event.time.granularity == "published"
    assert fallback.event.time.value == "2023-01-19"
    assert fallback.event.confidence < dated.event.confidence


def test_continuity_with_the_same_actor_in_the_next_paragraph() -> None:
    text = ("On Wednesday, President Andrzej Duda warned of a new offensive.\n"
            "Speaking in Davos, Duda said Moscow remains strong.")
    times = [_day(text, "Wednesday", datetime(2023, 1, 18))]
    record = _at(_events(text, times), "say")
    assert record.time_source == TimeSource.SAME_ACTOR
    assert record.event.time.value == "2023-01-18"
    assert [loc.text for loc in record.locations] == ["Davos"]


def test_durations_do_not_date_events() -> None:
    text = "The two men have talked for about a year."
    duration = TimeExpression("about a year", text.index("about"), len(text) - 1, "DURATION",
                              "P1Y", None, None, "year", "", "test", 1.0)
    assert _at(_events(text, [duration]), "talk").time_source == "published"


def test_light_verb_takes_its_type_from_the_object() -> None:
    lexicon = load_event_lexicon()
    doc = load_nlp()("Russia launched a new offensive and the allies held a summit.")
    typed = {t.lemma_: event_type(t, lexicon) for t in doc if t.pos_ == "VERB"}
    assert typed["launch"] == ("launch", "offensive")
    assert typed["hold"] == ("hold", "meet")


def test_stative_verbs_report_no_event() -> None:
    lexicon = load_event_lexicon()
    doc = load_nlp()("Moscow remains strong.")
    assert event_type(doc[1], lexicon) is None


def test_motion_prepositions_place_only_travel() -> None:
    text = "Germany will send tanks to Kyiv. The general travelled to Brussels."
    records = _events(text, [])
    assert _at(records, "send").locations == ()
    assert [loc.text for loc in _at(records, "travel").locations] == ["Brussels"]


def test_hypothetical_clause_is_less_certain() -> None:
    text = "Officials said that Zaluzhnyi would travel to Brussels. Zaluzhnyi travelled to Paris."
    records = [r for r in _events(text, []) if r.event.trigger == "travel"]
    assert [r.uncertain for r in records] == [True, False]
    assert records[0].event.confidence < records[1].event.confidence


def test_dateline_place_is_not_an_actor() -> None:
    text = ("GAZIANTEP, Turkey — Rescuers in southern Turkey dug through the rubble of "
            "collapsed apartment blocks on Tuesday, a day after a powerful earthquake.")
    records = _events(text, [_day(text, "Tuesday", datetime(2023, 2, 7))])
    dig = _at(records, "dig")
    assert "GAZIANTEP" not in [a.name for a in dig.actors], dig
    assert all("GAZIANTEP" not in loc.text for loc in dig.locations), dig


def test_the_person_met_is_a_counterpart() -> None:
    text = "President Joe Biden met Chancellor Olaf Scholz in Berlin on Tuesday."
    records = _events(text, [_day(text, "Tuesday", datetime(2023, 1, 17))])
    meet = _at(records, "meet")
    assert [a.name for a in meet.actors] == ["Joe Biden", "Olaf Scholz"], meet


def test_lead_sentence_time_wins_over_the_dateline() -> None:
    # Issue 8, point 5: Tuesday 2024-08-06 is the crossing's own time, and the parse
    # does not lose the actor to the dateline. A lead with no time of its own is dated
    # by the publication date, never by the dateline's own date expression.
    from timeline.pipeline import extract

    own = extract("KYIV, Aug 7 (Reuters) - Ukrainian troops crossed into Russia's Kursk "
                  "region on Tuesday.", "2024-08-07")
    assert own[["time_text", "time_value"]].iloc[0].tolist() == ["Tuesday", "2024-08-06"]
    assert list(own["actors"].iloc[0]) == ["Ukraine"]
    bare = extract("KYIV, Aug 7 (Reuters) - Ukrainian troops crossed into Russia's Kursk "
                   "region.", "2024-08-07")
    assert bare[["time_source", "time_value"]].iloc[0].tolist() == ["published", "2024-08-07"]
