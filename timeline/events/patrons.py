"""Patrons written before a force or group: "Russia-led forces", "Iran-backed militias",
"Hamas-led militants" (who leads or backs them), and the country a name names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events import places
from timeline.events.actor_groups import LEADER, patron_words
from timeline.events.tokens import children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.events.clauses import MentionIndex


def country_named(name: str) -> str:
    """The country ``name`` names ("Ukraine", "the US"), else ""."""
    place = places.geocode(name)
    return place.country if place is not None and place.precision == "country" else ""


#: Hyphens joining a patron to its participle ("Russia-led", "Iran‑backed").
HYPHENS = frozenset({"-", "\u2010", "\u2011"})


def patron_of(token: Token) -> tuple[str, str, int]:
    """(country, hold, index of the patron's word) of a patron written before a force or
    group: "Russia-led forces" (Russia, leader), "Iran-backed militias" (Iran, backer);
    else ("", "", -1)."""
    words = patron_words()
    for word, patron in _patrons(token):
        country = places.country_of_demonym(patron.text) or country_named(patron.text)
        if country:
            return country, words[word.lower_], patron.i
    return "", "", -1


def _patrons(token: Token) -> list[tuple[Token, Token]]:
    """(participle, patron word) pairs written before a force or group: "Russia-led"
    gives (led, Russia)."""
    words, doc = patron_words(), token.doc
    # The patron's participle modifies the noun, or, where the parser hung it on a word
    # further on ("by Russia-led forces - JFO HQ"), stands right before it.
    held = [c for c in children_of(token) if c.dep_ == "amod" and c.lower_ in words]
    if not held and token.i >= 1 and doc[token.i - 1].lower_ in words:
        held = [doc[token.i - 1]]
    # "Russia-led": the patron is the word before the hyphen.
    return [(word, patron) for word in held for patron in (
        *([doc[word.i - 2]] if word.i >= 2 and doc[word.i - 1].text in HYPHENS else []),
        *children_of(word))]


def leading_organisation(token: Token, index: MentionIndex) -> str:
    """The organisation that leads an armed group ("Hamas-led militants": Hamas), else
    ""."""
    words = patron_words()
    for word, patron in _patrons(token):
        mention = index.at(patron)
        if words[word.lower_] == LEADER and mention is not None and mention.label == "ORG":
            return mention.canonical or mention.text
    return ""
