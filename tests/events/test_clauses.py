"""Tests for timeline.events.clauses and clause_places: subjects, actors, counterparts
and places of a clause."""

from __future__ import annotations

from timeline.events.clause_places import best_place, locations_of
from timeline.events.clauses import (
    MentionIndex,
    actors_of,
    clause_tokens,
    counterparts,
    subjects,
)
from timeline.events.entities import find_mentions
from timeline.events.nlp import load_nlp


def _parse(text: str):
    doc = load_nlp()(text)
    return doc, MentionIndex(doc, find_mentions(doc))


def _token(doc, text: str):
    return next(t for t in doc if t.text == text)


def test_subject_is_borrowed_through_xcomp() -> None:
    doc, _ = _parse("Milley and Zaluzhnyi decided to meet in Poland.")
    assert [t.text for t in subjects(_token(doc, "meet"))] == ["Milley", "Zaluzhnyi"]


def test_passive_agent_acts() -> None:
    doc, _ = _parse("The town was shelled by Russian troops.")
    assert [t.text for t in subjects(_token(doc, "shelled"))] == ["troops"]


def test_appositive_names_the_actor() -> None:
    doc, index = _parse("Milley's spokesman, Colonel Dave Butler, said the talks went well.")
    subject = subjects(_token(doc, "said"))[0]
    assert [m.canonical for m in actors_of(subject, index)] == ["Dave Butler"]


def test_nationality_modifier_names_a_country() -> None:
    doc, index = _parse("Ukrainian forces advanced near the town.")
    subject = subjects(_token(doc, "advanced"))[0]
    assert [m.canonical for m in actors_of(subject, index)] == ["Ukraine"]


def test_with_counterpart_on_the_verb_only() -> None:
    doc, index = _parse("General Mark Milley met with General Valerii Zaluzhnyi.")
    assert [m.canonical for m in counterparts(_token(doc, "met"), index)] == ["Valerii Zaluzhnyi"]
    doc, index = _parse("Zaluzhnyi will travel for a meeting between NATO and other chiefs.")
    assert counterparts(_token(doc, "travel"), index) == []


def test_places_by_preposition_and_event_type() -> None:
    doc, index = _parse("Germany sent tanks to Kyiv after talks in Davos.")
    tokens = clause_tokens(_token(doc, "sent"))
    assert [loc.text for loc in locations_of(tokens, index, "aid")] == ["Davos"]
    assert [loc.text for loc in locations_of(tokens, index, "visit")] == ["Kyiv", "Davos"]


def test_directional_and_border_phrases() -> None:
    doc, index = _parse("The generals met in southwestern Poland near the Ukrainian border.")
    locations = locations_of(clause_tokens(_token(doc, "met")), index, "meet")
    assert [loc.text for loc in locations] == ["southwestern Poland", "Ukraine"]
    assert [(loc.feature, loc.near) for loc in locations] == [("", False), ("border", True)]
    assert [loc.place.precision for loc in locations] == ["region", "country"]
    assert best_place(locations).name == "southwestern Poland"


def test_last_mention_before_a_character() -> None:
    """Worked by hand on "Biden met Apple and Scholz; he said": the last PERSON ending
    before "he" is Scholz, the last ORG Apple; from "Scholz" on there is no ORG."""
    from timeline.model import Mention

    text = "Biden met Apple and Scholz; he said"
    mentions = [Mention("Scholz", 20, 26, "PERSON"), Mention("Biden", 0, 5, "PERSON"),
                Mention("Apple", 10, 15, "ORG")]
    doc = load_nlp()(text)
    index = MentionIndex(doc, mentions)
    he = text.index("he said")
    assert index.person_before(he).text == "Scholz"
    assert index.person_before(text.index("Scholz")).text == "Biden"
    assert index.last_before(he, frozenset({"ORG"})).text == "Apple"
    assert index.last_before(he, frozenset({"ORG"}), since=20) is None
    assert index.last_before(4, frozenset({"PERSON", "ORG"})) is None
