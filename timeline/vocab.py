"""The shared vocabulary: one home for each word more than one module uses.

Granularities, modes, the sources of a reference date and of an event's time, anchor
labels, list separators and environment variable names are defined here once and
imported everywhere else, so the resolver, event anchoring, the schema, export and the
dashboard cannot drift apart. Importing this module costs nothing (standard library
only).
"""

from __future__ import annotations

from enum import StrEnum


class Granularity(StrEnum):
    """Precision of a date, ordered from finest to coarsest.

    Members are ``str`` (``Granularity.DAY == "day"``), so frames and files hold plain
    words; comparisons follow precision, not spelling: ``HOUR < DAY < ... < DECADE``.
    ``PUBLISHED`` marks an event dated only by its article's publication date, ``NONE``
    a value not placed on the calendar (durations, sets, unresolved expressions).
    """

    HOUR = "hour"  # clock times and parts of the day ("10:30 GMT", "Tuesday evening")
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"  # quarters and halves of a year
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"  # decades and centuries
    PUBLISHED = "published"
    NONE = "none"

    @property
    def rank(self) -> int:
        """0 for the finest; the order of definition."""
        return _GRANULARITY_RANK[self]

    def __lt__(self, other: object) -> bool:
        return self.rank < Granularity(other).rank

    def __le__(self, other: object) -> bool:
        return self.rank <= Granularity(other).rank

    def __gt__(self, other: object) -> bool:
        return self.rank > Granularity(other).rank

    def __ge__(self, other: object) -> bool:
        return self.rank >= Granularity(other).rank


_GRANULARITY_RANK = {g: i for i, g in enumerate(Granularity)}

#: Granularities of time expressions (``find_times``), finest first.
EXPRESSION_GRANULARITIES: tuple[str, ...] = tuple(
    g.value for g in Granularity if g is not Granularity.PUBLISHED)


def granularity_rank(word: str) -> int:
    """Rank of a granularity word (0 = finest); unknown words rank after every known one."""
    try:
        return Granularity(word).rank
    except ValueError:
        return len(Granularity)


class Mode(StrEnum):
    """How dates without a year and relative expressions are resolved."""

    NEWS = "news"  # against the publication date
    NARRATIVE = "narrative"  # against the last date mentioned


MODES: tuple[str, ...] = tuple(m.value for m in Mode)


class ReferenceSource(StrEnum):
    """Where the date relative expressions count from came from."""

    ARTICLE = "article"  # the article's own metadata
    GIVEN = "given"  # ``published=`` / ``--published``
    INFERRED = "inferred"  # inferred from the text
    NONE = "none"  # none given and none could be inferred


class TimeSource(StrEnum):
    """How an event's time was chosen, in order of preference."""

    CLAUSE = "clause"  # an expression in the event's own clause
    SENTENCE = "sentence"  # earlier in the same sentence
    PARAGRAPH = "paragraph"  # a main clause shortly before, in the same paragraph
    SAME_ACTOR = "same actor"  # a recent event of the same actor
    PUBLISHED = "published"  # the reference (publication) date
    NONE = "none"  # no time and no reference date


#: ``anchor`` of values resolved against a given or article publication date.
PUBLISHED_ANCHOR = "published"
#: ``anchor`` of values resolved against an inferred publication date.
INFERRED_ANCHOR = "inferred publication date"
#: ``anchor`` of values that needed no anchor ("January 17, 2023").
ABSOLUTE_ANCHOR = "absolute"
#: ``anchor`` of values not placed on the calendar (durations, sets, unresolved ones).
NO_ANCHOR = "none"

#: Joins the items of a list cell in CSV and on screen ("Kyiv; Moscow").
LIST_SEPARATOR = "; "
#: Joins the spellings of one actor inside an ``actor_aliases`` item.
ALIAS_SEPARATOR = " | "

#: Environment variables read by the dashboard and the tests.
PATHS_ENV = "TIMELINE_PATHS"  # article paths, separated by the OS path separator
FILE_ENV = "TIMELINE_FILE"  # a saved timeline
MAX_UPLOAD_ENV = "TIMELINE_MAX_UPLOAD_MB"  # upload limit in MB
SYNTHETIC_ENV = "TIMELINE_SYNTHETIC"  # a synthetic timeline of N events
STORE_ENV = "TIMELINE_STORE"  # an event store (DuckDB file) the dashboard reads and edits
HOSTILE_BYTES_ENV = "TIMELINE_HOSTILE_BYTES"  # size of the large hostile-input test
BASIC_AUTH_ENV = "TIMELINE_BASIC_AUTH"  # USER:PASS for `timeline serve`, kept out of `ps`
