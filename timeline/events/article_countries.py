"""The countries an article's clauses are read against: the first it names, the one a
clause's paragraph names nearest to it, and those of the armed groups it names.

An actor named without a country ("police", "protesters") takes the country of the
place named nearest before its clause in the paragraph, else the article's.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from timeline.events import known_names, places
from timeline.events.clauses import PLACE_LABELS, MentionIndex
from timeline.model import Mention

#: How many mentions back (or on) a clause reads for the place naming its country.
PLACE_REACH = 40


def place_country(index: MentionIndex, start: int, end: int, backwards: bool,
                  context: tuple[str, ...] = ()) -> str:
    """The country of the nearest place mention in [start, end) that has one: the last
    when ``backwards``, else the first; at most ``PLACE_REACH`` mentions are read, so
    dating every clause of a long paragraph stays linear."""
    low, high = bisect.bisect_left(index.starts, start), bisect.bisect_left(index.starts, end)
    positions = range(high - 1, low - 1, -1) if backwards else range(low, high)
    for at in positions[:PLACE_REACH]:
        mention = index.mentions[at]
        if mention.label not in PLACE_LABELS or mention.end_char > end:
            continue
        place = places.geocode(mention.canonical or mention.text, context)
        if place is not None and place.country:
            return place.country
    return ""


def first_country(mentions: Sequence[Mention]) -> str:
    """The first country named, or holding a named place, in the article."""
    for mention in mentions:
        if mention.label in {"GPE", "NORP"}:
            place = places.geocode(mention.canonical or mention.text)
            if place is not None and place.country:
                return place.country
    return ""


def organisation_countries(mentions: Sequence[Mention]) -> tuple[str, ...]:
    """Countries of the armed groups named that fight in one, in order: where the
    story's places are looked for first ("JNIM militants withdrew from the town of
    Boni" is not Bonn, whose other names include Boni)."""
    known = known_names.organisation_countries()
    return tuple(dict.fromkeys(country for m in mentions if m.label == "ORG"
                               for country in known.get(m.canonical or m.text, ())))
