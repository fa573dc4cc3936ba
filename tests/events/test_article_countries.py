"""Tests for timeline.events.article_countries: the countries clauses are read against."""

from __future__ import annotations

from timeline.events import article_countries
from timeline.events.clauses import MentionIndex
from timeline.events.entities import find_mentions
from timeline.events.nlp import load_nlp

TEXT = "Protesters gathered in Nairobi. Later, police in Kampala fired tear gas."


def test_the_nearest_place_before_a_clause_gives_its_country() -> None:
    doc = load_nlp()(TEXT)
    mentions = find_mentions(doc)
    index = MentionIndex(doc, mentions)
    police = TEXT.index("police")
    assert article_countries.place_country(index, 0, police, backwards=True) == "Kenya"
    # Forwards from the clause, the first place after it.
    assert article_countries.place_country(index, police, len(TEXT), backwards=False) == "Uganda"
    assert article_countries.first_country(mentions) == "Kenya"
