"""The country of an actor found after its roles were assigned.

A group named without a country takes its event's place's country ("a mob lynched a
man in Kisumu (Kisumu)": Rioters (Kenya)); a state force owned by a speaker's pronoun
is the speaker's country's ("Russia's defence ministry said its forces had taken 12
villages"); soldiers named without a country in a report of a state's armed forces are
that state's ("Two soldiers were killed in southern Lebanon, the Israeli military said").
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from timeline.events import places
from timeline.events.actor_groups import (groups_by_unknown, hostile_words, load_groups,
                                         loss_words, movement_words, reporting_force_units,
                                         reporting_force_words)
from timeline.events.known_names import load_gazetteer
from timeline.events.patrons import country_named
from timeline.events.roles import GROUP, Actor, Roles


def in_country(roles: Roles, country: str) -> Roles:
    """``roles`` with each group actor named without a country ("Rioters") named in
    ``country``, the country of the event's place found after the roles were
    ("lynched a man in Kisumu (Kisumu)": Rioters (Kenya)). Victims whose own words name
    no country are the place's people, whatever country the roles guessed ("An Israeli
    strike on Rafah killed 12 people": Civilians (Palestine), not Israel's).
    Hostile and multinational groups are never of the place's country, and are left
    alone."""
    def placed(actor: Actor | None) -> Actor | None:
        if actor is None or actor.kind != GROUP or actor.country == country:
            return actor
        group = groups_by_unknown().get(actor.name) if not actor.country else next(
            (g for g in load_groups() if g.victim and g.named(actor.country) == actor.name
             and not _names_country(actor.text)), None)
        if group is None or group.hostile or group.multinational:
            return actor
        return replace(actor, name=group.named(country), country=country)

    moved = Roles(placed(roles.actor1), placed(roles.actor2), tuple(map(placed, roles.assoc)))
    return roles if moved == roles else moved  # the same object when nothing moved


#: Most words of a phrase read for the country it names ("Russia's defence ministry").
COUNTRY_WORDS = 6


def country_in(phrase: str) -> str:
    """The first country a phrase names by a country's name or nationality word
    ("Russia's defence ministry", "the Ukrainian General Staff"), else ""."""
    for word in phrase.replace("’", "'").split()[:COUNTRY_WORDS]:
        word = word.removesuffix("'s").strip(",.:;\"'()")
        country = places.country_of_demonym(word) or country_named(word) if word else ""
        if country:
            return country
    return ""


def of_country(actor: Actor, country: str) -> Actor:
    """``actor``, a state's forces or police named for another country, named for
    ``country`` instead ("its forces" in a report of Russia's defence ministry); any
    other actor, or no ``country``, unchanged."""
    if not country or actor.kind != GROUP or not actor.state or actor.country == country:
        return actor
    group = next((g for g in load_groups() if g.state and not g.hostile
                  and g.named(actor.country) == actor.name), None)
    return actor if group is None else replace(actor, name=group.named(country), country=country)


#: Most words of a source's name looked up as one organisation ("JFO HQ").
ORG_WORDS = 4
_WORD = re.compile(r"[\w']+")


def by_reporting_force(roles: Roles, source: str, sentence: str) -> Roles:
    """``roles`` whose state forces named without a country are the country's whose
    armed forces reported the event (``source``, as written): "Two soldiers were killed
    in southern Lebanon, the Israeli military said" are Israel's, not Lebanon's. Not
    in a ``sentence`` counting losses (a force counts the enemy's dead as lost), when
    another state's forces named with their country take part, nor for the enemy."""
    words = {w.lower() for w in _WORD.findall(sentence)}
    country = "" if words & loss_words() else reporting_country(source)
    if not country:
        return roles
    actors = [roles.actor1, roles.actor2, *roles.assoc]
    if any(a is not None and a.kind == GROUP and a.state and a.country != country
           and _names_country(a.text) for a in actors):
        return roles

    def own(actor: Actor | None) -> Actor | None:
        if (actor is None or actor.kind != GROUP or not actor.state
                or _names_country(actor.text) or _hostile(actor.text)):
            return actor
        return of_country(actor, country)

    return Roles(own(roles.actor1), own(roles.actor2), tuple(map(own, roles.assoc)))


def reporting_country(source: str) -> str:
    """The country whose armed forces ``source`` names ("the Israeli military",
    "Ukraine's General Staff", "JFO HQ"), else "" (the regional governor, the UN)."""
    words = [w.lower() for w in _WORD.findall(source)]
    for i in range(len(words)):  # an organisation the gazetteer knows, by any alias
        for end in range(min(len(words), i + ORG_WORDS), i, -1):
            name = _organisation_names().get(" ".join(words[i:end]))
            if name is not None and _names_forces(name.lower().split()):
                return country_in(name)
    return country_in(source) if _names_forces(words) else ""


def _names_country(text: str) -> bool:
    """True when a capitalised word of ``text`` names a country ("Two brigades of the
    Armed Forces of Ukraine", "Russia-led forces"; not "turkey farmers")."""
    return any(country_in(word) for word in re.split(r"[\s\-–]+", text) if word[:1].isupper())


def _hostile(text: str) -> bool:
    """True when ``text`` names the other side's forces ("occupation forces")."""
    return not hostile_words().isdisjoint(w.lower() for w in _WORD.findall(text))


def _names_forces(words: list[str]) -> bool:
    """True when ``words`` name a state's armed forces: a force sequence ("general
    staff") ending the name or followed only by a unit word ("the army's spokesman"),
    and no word of an armed movement ("the Free Syrian Army"); not "a Russian military
    blogger"."""
    words = [w.removesuffix("'s") for w in words]
    if not movement_words().isdisjoint(words):
        return False
    units = reporting_force_units()
    return any(tuple(words[i:i + len(seq)]) == seq and all(w in units for w in words[i + len(seq):])
               for seq in reporting_force_words() for i in range(len(words) - len(seq) + 1))


@functools.cache
def _organisation_names() -> dict[str, str]:
    """Each gazetteer organisation's name by its aliases, lower case."""
    return {alias.lower(): entry.name for entry in load_gazetteer() if entry.label == "ORG"
            for alias in (*entry.aliases, entry.name)}
