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
    ``actors``, ``places`` and ``countries`` keep events with any of the values given;
    ``text`` is a case-insensitive substring of the sentence, title or an actor;
    ``min_confidence`` a lower bound; ``doc_ids`` restricts to articles.
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
                               ("country", self.countries), ("doc_id", self.doc_ids)):
            if values:
                clauses.append(f'{alias}."{column}" IN ({", ".join("?" * len(values))})')
                params.extend(values)
        if self.actors:
            clauses.append(f'list_has_any({alias}."actors", ?::VARCHAR[])')
            params.append(list(self.actors))
        if self.text:
            clauses.append(
                f'(contains(lower({alias}."sentence"), ?) OR contains(lower({alias}."title"), ?)'
                f' OR contains(lower(array_to_string({alias}."actors", chr(31))), ?))')
            params.extend([self.text.lower()] * 3)
        if self.min_confidence > 0:
            clauses.append(f'{alias}."confidence" >= ?')
            params.append(self.min_confidence)
        return (" AND ".join(clauses) or "TRUE"), params
