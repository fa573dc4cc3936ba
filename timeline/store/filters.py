"""``EventFilter``: what the analyst is looking at, as SQL over the store.

The same filter drives ``timeline export --store`` and the dashboard over a store, so
filtering a million events happens in DuckDB and only matching rows reach pandas.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class EventFilter:
    """Events to keep; an empty field does not filter.

    ``start``/``end`` keep events whose interval overlaps ``[start, end)``; ``types``,
    ``actors``, ``places`` and ``countries`` keep events with any of the values given,
    ignoring case: ``types`` and ``places`` the whole value, ``countries`` the name or
    its ISO 3166 code ("UA" for Ukraine), ``actors`` a whole actor name or a run of
    whole words in it ("Blinken" finds "Antony Blinken", "Blink" does not), as
    mentioned or as coded ("Military Forces of Russia" in ``actor1``); ``text``
    is a case-insensitive substring of the sentence, title or an actor;
    ``min_confidence`` a lower bound; ``doc_ids`` restricts to articles. Every value
    is passed to DuckDB as a parameter, never written into the SQL.
    """

    start: date | datetime | None = None
    end: date | datetime | None = None
    types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    text: str = ""
    min_confidence: float = 0.0
    doc_ids: tuple[str, ...] = ()

    def sql(self, alias: str = "e") -> tuple[str, list[Any]]:
        """A ``WHERE`` clause (``TRUE`` when nothing filters) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.start is not None:
            clauses.append(f'coalesce({alias}."end", {alias}."date") > ?')
            params.append(self.start)
        if self.end is not None:
            clauses.append(f'coalesce({alias}."start", {alias}."date") < ?')
            params.append(self.end)
        for column, values in (("event_type", self.types), ("place", self.places),
                               ("country", _with_country_names(self.countries))):
            if values:
                clauses.append(f'lower({alias}."{column}") IN ({", ".join("?" * len(values))})')
                params.extend(value.lower() for value in values)
        if self.doc_ids:
            clauses.append(f'{alias}."doc_id" IN ({", ".join("?" * len(self.doc_ids))})')
            params.extend(self.doc_ids)
        if self.actors:
            # Padded with spaces, so a value matches whole words of a name only.
            clauses.append(f"len(list_filter({_all_actors(alias)}, lambda a: len(list_filter("
                           "?::VARCHAR[], lambda w: contains(' ' || lower(a) || ' ', w))) > 0)) > 0")
            words = [f" {value.strip().lower()} " for value in self.actors]
            params.append(words)
        if self.text:
            clauses.append(
                f'(contains(lower({alias}."sentence"), ?) OR contains(lower({alias}."title"), ?)'
                f' OR contains(lower(array_to_string({alias}."actors", chr(31))), ?))')
            params.extend([self.text.lower()] * 3)
        if self.min_confidence > 0:
            clauses.append(f'{alias}."confidence" >= ?')
            params.append(self.min_confidence)
        return (" AND ".join(clauses) or "TRUE"), params


def _all_actors(alias: str) -> str:
    """Every actor name of an event: as mentioned (``actors``) and as coded (``actor1``,
    ``actor2``, ``assoc_actors``: "Military Forces of Russia")."""
    return (f'list_concat(coalesce({alias}."actors", []), '
            f'[coalesce({alias}."actor1", \'\'), coalesce({alias}."actor2", \'\')], '
            f'coalesce({alias}."assoc_actors", []))')


def _with_country_names(values: tuple[str, ...]) -> tuple[str, ...]:
    """``values`` and the country name of each that is an ISO 3166 code."""
    if not values:
        return values
    from timeline.events.namesakes import country_names

    names = country_names()
    return values + tuple(names[value.strip().upper()] for value in values
                          if value.strip().upper() in names)
