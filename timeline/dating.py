"""Which articles got no publication date, which one of low confidence, and which do
not read as English.

``extract`` never dates silently: an article with no date of its own, none given and
none inferable, or one whose inferred date is vague, gets a ``DatingNote``. The words
are written once, when the reference is chosen (``inferred_note``, carried by
``Reference.note``). An article that does not read as English
(``timeline.language.not_english``) gets one too: its events and dates come from rules
that read English, so they are kept but given a low confidence (``NOT_ENGLISH_CONFIDENCE``).
The notes ride on the frame (``frame.attrs["dating"]``), are issued as
``DatingWarning``s, and the CLI and the dashboard print one line each and count them in
their summaries.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from timeline.model import Reference, ReferenceDate

ATTR = "dating"
UNDATED = "undated"
LOW_CONFIDENCE = "low confidence"
NOT_ENGLISH = "not English"
#: The highest confidence an event of an article that does not read as English keeps.
NOT_ENGLISH_CONFIDENCE = 0.1
#: The highest confidence an event keeps when its date counts from a publication date
#: inferred with low confidence ("on Saturday" in a story known only to be from 2023).
VAGUE_REFERENCE_CONFIDENCE = 0.3


class DatingWarning(UserWarning):
    """An article was not dated, or only vaguely, or does not read as English."""


@dataclass(frozen=True)
class DatingNote:
    """One article's dating problem, in words."""

    doc_id: str
    kind: str  # UNDATED, LOW_CONFIDENCE or NOT_ENGLISH
    message: str


def readable_value(ref: ReferenceDate) -> str:
    """The inferred date at its granularity, for people: ``2023-03-05``, ``2023-03``,
    ``week 10 of 2023``, ``2023``, ``the 2020s``, ``the years 2000-2099``; the interval
    (``1993-02-20..2052-03-02``) when there is no value."""
    value = ref.value or ""
    if value.isdigit() and len(value) == 3:
        return f"the {value}0s"
    if value.isdigit() and len(value) == 2:
        return f"the years {value}00-{value}99"
    year, _, week = value.partition("-W")
    if week and year.isdigit():
        return f"week {int(week)} of {year}"
    if value:
        return value
    if ref.start is None or ref.end is None:
        return "unknown"
    return f"{ref.start:%Y-%m-%d}..{ref.end:%Y-%m-%d}"


def inferred_note(ref: ReferenceDate) -> str:
    """Why an inferred date ``ref`` is missing or too vague to trust; "" when it is not."""
    from timeline.temporal.reference import low_confidence, reference_day

    day = reference_day(ref)
    if day is None:
        reason = ref.evidence[-1] if ref.evidence else "no dated evidence"
        return f"no publication date ({reason}); relative dates in it stay unresolved"
    why = low_confidence(ref)
    if why is None:
        return ""
    return (f"publication date inferred with low confidence: most likely {day.date()}, "
            f"within {readable_value(ref)} ({why})")


def note_for(doc_id: str, reference: Reference | None) -> DatingNote | None:
    """The note for article ``doc_id`` dated by ``reference``; None when the date is
    given, the article's own, or confidently inferred."""
    if reference is None or not reference.note:
        return None
    kind = UNDATED if reference.day is None else LOW_CONFIDENCE
    return DatingNote(doc_id, kind, f"{doc_id}: {reference.note}")


def language_note(doc_id: str, text: str) -> DatingNote | None:
    """The note for article ``doc_id`` when ``text`` does not read as English."""
    from timeline.language import not_english

    why = not_english(text)
    if not why:
        return None
    return DatingNote(doc_id, NOT_ENGLISH,
                      f"{doc_id}: does not look like English ({why}); its events and dates "
                      f"are likely wrong and get confidence {NOT_ENGLISH_CONFIDENCE} at most")


def article_notes(doc_id: str, reference: Reference | None, text: str) -> list[DatingNote]:
    """Every note for article ``doc_id`` dated by ``reference``: its dating, its
    language."""
    notes = (note_for(doc_id, reference), language_note(doc_id, text))
    return [note for note in notes if note is not None]


def capped(rows: list[dict[str, Any]], notes: Sequence[DatingNote]) -> list[dict[str, Any]]:
    """``rows`` (one article's) with the confidence their notes allow: at most
    ``NOT_ENGLISH_CONFIDENCE`` for an article that does not read as English, and at most
    ``VAGUE_REFERENCE_CONFIDENCE`` for an event dated from a publication date inferred
    with low confidence: its date is that guess, or counts from it, directly or through
    other relative dates ("two hours later" after "9 a.m. on Saturday"); only a date
    the text writes in full stands on its own."""
    from timeline.vocab import ABSOLUTE_ANCHOR

    kinds = {note.kind for note in notes}
    for row in rows:
        if NOT_ENGLISH in kinds:
            row["confidence"] = min(row["confidence"], NOT_ENGLISH_CONFIDENCE)
        if LOW_CONFIDENCE in kinds and row.get("anchor") != ABSOLUTE_ANCHOR:
            row["confidence"] = min(row["confidence"], VAGUE_REFERENCE_CONFIDENCE)
    return rows


def attach(frame: Any, notes: Sequence[DatingNote], *, warn: bool = True) -> Any:
    """Put ``notes`` on ``frame.attrs`` and issue one ``DatingWarning`` each."""
    frame.attrs[ATTR] = [asdict(n) for n in notes]
    if warn:
        for note in notes:
            warnings.warn(note.message, DatingWarning, stacklevel=3)
    return frame


def notes_of(frame: Any) -> list[DatingNote]:
    """The dating notes ``extract`` attached to ``frame`` (none for other frames)."""
    return [DatingNote(**n) for n in getattr(frame, "attrs", {}).get(ATTR, [])]


def summary(notes: Sequence[DatingNote]) -> str:
    """"2 articles without a date, 1 dated with low confidence, 1 not in English" (""
    when none)."""
    undated = sum(n.kind == UNDATED for n in notes)
    vague = sum(n.kind == LOW_CONFIDENCE for n in notes)
    foreign = sum(n.kind == NOT_ENGLISH for n in notes)
    parts = []
    if undated:
        parts.append(f"{undated} article{'s' if undated != 1 else ''} without a date")
    if vague:
        parts.append(f"{vague} dated with low confidence")
    if foreign:
        parts.append(f"{foreign} not in English")
    return ", ".join(parts)
