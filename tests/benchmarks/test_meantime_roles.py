"""Tests for benchmarks.meantime_roles: matching our roles to MEANTIME participants."""

from __future__ import annotations

from pathlib import Path

from benchmarks.meantime_roles import GoldRoles, names_match, read_roles, score

DATA = Path(__file__).parent / "data"


def test_names_match_on_content_words() -> None:
    assert names_match(["Military Forces of Russia", "Russian forces"], ["Russian troops"])
    assert not names_match(["Military Forces of Russia"], ["the army"])  # function words only
    assert not names_match([""], ["Boeing"])


def test_counts_right_given_and_gold() -> None:
    gold = [GoldRoles(10, 15, ("Boeing",), ("the tanker contract",), ("Seattle",)),
            GoldRoles(40, 45, (), ("Airbus",), ())]
    rows = [{"trigger_start": 10, "trigger_end": 15, "actor1": "Boeing", "actor1_text": "Boeing",
             "actor2": "", "actor2_text": "", "locations": ["Washington"]},
            {"trigger_start": 40, "trigger_end": 45, "actor1": "EADS", "actor1_text": "EADS",
             "actor2": "Airbus", "actor2_text": "Airbus", "locations": []}]
    counts = score(gold, rows)
    assert counts == {"actor1": [1, 2, 1], "actor2": [1, 1, 2], "place": [0, 1, 1]}


def test_a_pronoun_participant_is_also_the_entity_it_refers_to() -> None:
    # "Boeing said it won": the winner is written "it" and refers to the Boeing entity,
    # so an actor1 naming Boeing names the participant.
    text, dct, gold = read_roles(DATA / "roles_meantime.xml")
    assert (text, dct) == ("Boeing said it won.", "2008-03-01")
    won = next(g for g in gold if text[g.start:g.end] == "won")
    assert won.arg0 == ("it", "The Boeing Company")
    row = {"trigger_start": won.start, "trigger_end": won.end, "actor1": "Boeing",
           "actor1_text": "Boeing", "actor2": "", "actor2_text": "", "locations": []}
    assert score([won], [row])["actor1"] == [1, 1, 1]
