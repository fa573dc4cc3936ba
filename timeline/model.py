"""Core value types shared by every stage of the pipeline.

All types are small frozen dataclasses holding character offsets into the article
text, never views onto mutable objects. pandas appears only at the edges
(``timeline.temporal.frame`` and ``timeline.pipeline``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeVar

from timeline.vocab import ReferenceSource

_Frozen = TypeVar("_Frozen")


@dataclass(frozen=True)
class Article:
    """One news article, with trailing boilerplate (headline lists, footers) kept apart."""

    id: str
    body: str
    title: str = ""
    url: str = ""
    published: datetime | None = None
    trailing: str = ""
    source: str = ""


@dataclass(frozen=True)
class CountMark:
    """The day a count from a dated event lands on: "two years since the invasion"
    (2022-02-24) marks 2024-02-24, though its value is the month.

    ``unit`` is the unit counted (day, week, month, year, decade). ``side`` is where a
    hedge puts the point: "exact" without one, "before" ("nearly two years"), "after"
    ("more than two years") or "around" ("about a year"). ``starts_period`` is True when
    the day begins the counted period ("as the war entered its third year").
    """

    day: date
    unit: str
    side: str = "exact"
    starts_period: bool = False


@dataclass(frozen=True)
class TimeExpression:
    """A time expression found in a text and resolved onto the calendar.

    ``start``/``end`` delimit the calendar interval covered (end exclusive); they are
    ``None`` for durations and for values that cannot be placed on the calendar.
    ``value`` is the TIMEX3 value, or ``""`` with a ``reason`` when it could not be
    resolved.
    """

    text: str
    start_char: int
    end_char: int
    type: str
    value: str
    start: datetime | None
    end: datetime | None
    granularity: str  # a ``timeline.vocab.Granularity`` word
    anchor: str
    rule: str
    confidence: float
    reason: str = ""
    #: Where a count from an event lands (event-anchored expressions only).
    mark: CountMark | None = None


@dataclass(frozen=True)
class ReferenceDate:
    """The date an article was written, given or inferred, with the reasons for it.

    For an inferred date, ``start``/``end`` (end exclusive) hold the true day with
    probability ``probability`` (0.9), ``value`` is the TIMEX3 period at the
    granularity that interval supports, ``confidence`` the probability of ``value``,
    ``most_likely`` the single most probable day and ``cues`` each cue with its weight
    (how strongly it favours ``most_likely``; negative when it speaks against it).
    """

    value: str
    start: datetime | None
    end: datetime | None
    evidence: tuple[str, ...] = field(default_factory=tuple)
    confidence: float = 0.0
    source: str = ReferenceSource.INFERRED
    most_likely: datetime | None = None
    probability: float = 0.0
    cues: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class Reference:
    """The day relative expressions of one text count from, and where it came from.

    Chosen once per text by ``timeline.temporal.reference_choice.choose_reference``.
    ``source`` is a ``ReferenceSource`` (article, given, inferred or none); ``day`` is
    None only for ``none``. ``label`` is what resolved values name as their ``anchor``;
    ``evidence`` says why this day (for an inferred one, the inference's reasons).
    ``note`` says, in words, why the text has no date or only a vague one ("" when it
    is dated well): ``timeline.dating`` reports it, so no article is dated silently.
    """

    day: date | None
    source: str
    label: str
    evidence: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Mention:
    """A named entity mention: a person, organisation, place or nationality word."""

    text: str
    start_char: int
    end_char: int
    label: str
    canonical: str = ""
    title: str = ""
    role: str = ""


@dataclass(frozen=True)
class Event:
    """One clause reporting something happening, with who, where and when."""

    doc_id: str
    trigger: str
    event_type: str
    start_char: int
    end_char: int
    sentence_start: int
    sentence_end: int
    actors: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    time: TimeExpression | None = None
    confidence: float = 0.0


def evolve(value: _Frozen, **changes: object) -> _Frozen:
    """``dataclasses.replace(value, **changes)`` for a frozen dataclass whose fields are
    all set by ``__init__`` and that has no ``__post_init__`` (as every type here), without
    ``replace``'s walk over the fields: events are copied several times each."""
    unknown = changes.keys() - value.__dataclass_fields__.keys()
    if unknown:  # as ``replace`` does: a misspelt field is an error, not a new attribute
        raise TypeError(f"{type(value).__name__} has no field {sorted(unknown)[0]!r}")
    copy = object.__new__(type(value))
    fields = copy.__dict__
    fields.update(value.__dict__)
    fields.update(changes)
    return copy
