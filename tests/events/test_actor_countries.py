"""Tests for timeline.events.actor_countries: group actors take their place's country."""

from __future__ import annotations

from timeline.events.actor_countries import in_country
from timeline.events.roles import GROUP, Actor, Roles


def test_a_group_named_without_a_country_takes_the_places() -> None:
    rioters = Actor("Rioters", "a mob", GROUP)
    placed = in_country(Roles(rioters), "Kenya")
    assert placed.actor1 == Actor("Rioters (Kenya)", "a mob", GROUP, "Kenya")


def test_roles_with_nothing_to_place_are_returned_as_they_are() -> None:
    # Already placed, or no group: the same object, so the record need not be copied.
    roles = Roles(Actor("Rioters (Kenya)", "a mob", GROUP, "Kenya"),
                  Actor("Kenya", "Kenya", "GPE", "Kenya"))
    assert in_country(roles, "Uganda") is roles
    assert in_country(Roles(), "Kenya") == Roles()
