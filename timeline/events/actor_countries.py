"""The country of an actor found after its roles were assigned.

A group named without a country takes its event's place's country ("a mob lynched a
man in Kisumu (Kisumu)": Rioters (Kenya)); a state force owned by a speaker's pronoun
is the speaker's country's ("Russia's defence ministry said its forces had taken 12
villages").
"""

from __future__ import annotations

from dataclasses import replace

from timeline.events import places
from timeline.events.actor_groups import groups_by_unknown, load_groups
from timeline.events.roles import GROUP, Actor, Roles, country_named


def in_country(roles: Roles, country: str) -> Roles:
    """``roles`` with each group actor named without a country ("Rioters") named in
    ``country``, the country of the event's place found after the roles were
    ("lynched a man in Kisumu (Kisumu)": Rioters (Kenya)). Hostile groups are never of
    the place's country, and are left alone."""
    def placed(actor: Actor | None) -> Actor | None:
        group = groups_by_unknown().get(actor.name) if (
            actor is not None and actor.kind == GROUP and not actor.country) else None
        if group is None or group.hostile:
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
