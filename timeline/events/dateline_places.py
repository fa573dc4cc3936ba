"""The dateline's city as the place of last resort.

"KHARTOUM (Reuters) - Air strikes killed 20 people on Sunday": the dateline names
where the story was filed, and a wire story that names no other place reports what
happened in and around that city. A conflict event with no place of its own is then
placed near the dateline's city (ACLED's precision 2, feature ``dateline``) when
some word sets the story in the city's country (the dateline itself: "KHARTOUM,
Sudan (AP)"; a country or nationality the story names; the event's actors), but not
when the story names any place below a country (the event may be there: "KYIV -
Russian missiles hit Kharkiv ... Five people were killed") nor when the event's own
country, or a country the story names, is another ("CAIRO (Reuters) - Fighting broke
out between the army and the RSF": a Sudanese war reported from Egypt).
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import TypeVar

from timeline.events import places
from timeline.events.place_phrases import Location

R = TypeVar("R")
#: Parts of a dateline after its city: a country or region, a date, the agency.
_PARTS = re.compile(r"[,(]")
#: The feature of a place taken from the dateline.
DATELINE = "dateline"
#: The same, read from a dateline that does not name its country.
UNNAMED = "dateline city"


def filed_at(text: str, spans: list[tuple[int, int]]) -> Location | None:
    """The city of the story's opening dateline at ``spans`` (``noise.dateline_spans``:
    "GOMA, Democratic Republic of Congo, Feb 7 (Reuters) -" is Goma, in that
    country), or None."""
    return _city(text[spans[0][0]:spans[0][1]]) if spans else None


@functools.lru_cache(maxsize=256)
def _city(dateline: str) -> Location | None:
    parts = [p.strip(" \t-—–)") for p in _PARTS.split(dateline)]
    name, hints = parts[0], tuple(p for p in parts[1:3] if p and not any(c.isdigit() for c in p))
    if not name or any(c.isdigit() for c in name):
        return None
    place = places.geocode(name.title() if name.isupper() else name, (), hints)
    if place is None or place.precision != "city":
        return None
    # "KHARTOUM, Sudan (AP)": the dateline itself says which country the story is in.
    named = any(getattr(places.geocode(h), "country", None) == place.country for h in hints)
    return Location(place.name, place, DATELINE if named else UNNAMED, near=True)


def at_dateline(record: R, filed: Location | None, context: tuple[str, ...],
                country: str) -> R:
    """``record`` (an ``EventRecord``) placed near the dateline's city ``filed`` when it
    is a conflict event with no place, the story names no place below a country, and
    neither ``country`` (the event's own: its target's, or an armed group's) nor a
    country the story names is another than the city's."""
    if filed is None or filed.place is None or record.locations or \
            not record.coding.acled_event_type:  # type: ignore[attr-defined]
        return record
    city = filed.place.country
    if country and country != city or any(not _names_a_country(n) for n in context):
        return record
    named = places.named_countries(context)
    if named and city not in named:
        return record
    # Some word must set the story in the city's country: the dateline, a country or
    # nationality the story names, the event's own country. "CAIRO (Reuters) - Fighting
    # broke out between the army and the RSF" is no fighting in Egypt.
    if filed.feature == UNNAMED and city not in {country, *_actor_countries(record)} and \
            city not in places.context_countries(context):
        return record
    filed = replace(filed, feature=DATELINE)
    event = replace(record.event, locations=(filed.text,))  # type: ignore[attr-defined]
    return replace(record, event=event, locations=(filed,))  # type: ignore[type-var]


def _names_a_country(name: str) -> bool:
    """A country's name or a nationality word, or a name the gazetteer does not know
    ("Jihadists", a people the recogniser tagged): no place below a country found."""
    place = places.geocode(name)
    return places.country_of_demonym(name) is not None or place is None or (
        place.precision == "country")


def _actor_countries(record: object) -> set[str]:
    """The countries of the event's actors ("Military Forces of Somalia")."""
    roles = record.roles  # type: ignore[attr-defined]
    return {a.country for a in (roles.actor1, roles.actor2, *roles.assoc) if a is not None}
