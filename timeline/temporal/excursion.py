"""In a narrative, a year named in passing that the story does not move to.

"On April 9 Baghdad fell. In November 2008, protesters toppled the statue again. On
April 15 the coalition declared the invasion over. ... On May 22, 2003 ..." A reader
keeps the story in 2003: a year named between two mentions of the story's own year,
with no other year named in between, is an excursion (a later anniversary, the year a
report came out, a figure to compare with), so "April 15" is 2003's. The story comes
back to its year soon after: the return must be named within ``RETURN_CHARS``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from timeline.temporal.partial import Partial, Shift
from timeline.temporal.resolution import Anchor
from timeline.temporal.tag import Candidate
from timeline.temporal.values import SEASON_MONTHS

#: How soon after an excursion the story must name its own year again, in characters
#: (a paragraph or two of Wikipedia-style history).
RETURN_CHARS = 1500
#: How many months after a year-away month the next month named may lie for the story
#: to have moved on there.
FOLLOW_MONTHS = 6


def named_year(c: Candidate) -> int | None:
    """The year a candidate writes out ("May 22, 2003", "481 BC" as its proxy year)."""
    meaning = c.meaning
    if isinstance(meaning, Partial) and meaning.year is not None:
        return meaning.year
    return None


def next_named_years(candidates: Sequence[Candidate],
                     aside: Callable[[Candidate], bool]) -> list[int | None]:
    """For each candidate, the year named by the first later candidate that names one,
    when it starts within ``RETURN_CHARS`` of the candidate's end and no step counted
    from the story's date ("14 years later") comes first: a year the story counts on
    from is where the story is. A year named aside (``aside``: a flashback in the past
    perfect, a plan, a bound after "since") is no return: "went public in 2003. In
    March ... had met in 1998" leaves the story in 2003."""
    out: list[int | None] = [None] * len(candidates)
    following: Candidate | None = None
    for i in range(len(candidates) - 1, -1, -1):
        c = candidates[i]
        if following is not None and following.start - c.end <= RETURN_CHARS:
            out[i] = named_year(following)
        if named_year(c) is not None and not aside(c):
            following = c
        elif isinstance(c.meaning, Shift):
            following = None
    return out


def excursion(candidates: Sequence[Candidate], i: int, last: Anchor | None,
              returns_to: int | None) -> bool:
    """Whether candidate ``i`` names a year other than the story's that the story comes
    back from: the next year named after it is the story's year again.

    A year next to the story's is where the story has moved on to when the month named
    next follows on from it ("By the end of March 1944 ... In April"); when the month
    named next is not ahead of it ("surpassing the May 2007 high. In early May, ..."
    told in 2008) the story has stayed where it was.
    """
    c = candidates[i]
    year = named_year(c)
    if year is None or last is None or returns_to is None:
        return False
    story_year = last.partial.year if last.partial is not None and last.partial.year is not None \
        else last.day.year
    if year == story_year or returns_to != story_year:
        return False
    return abs(year - story_year) > 1 or not _follows_on(c, candidates[i + 1:i + 2])


def _follows_on(c: Candidate, following: Sequence[Candidate]) -> bool:
    """True when the next candidate is a month or season without a year that lies up to
    ``FOLLOW_MONTHS`` months after the month ``c`` names."""
    first = _month(c.meaning)
    after = _month(following[0].meaning) if following else None
    if first is None or after is None or not following[0].meaning.needs_year:
        return False
    return 0 < (after - first) % 12 <= FOLLOW_MONTHS


def _month(meaning: object) -> int | None:
    if not isinstance(meaning, Partial):
        return None
    if meaning.month is not None:
        return meaning.month
    return SEASON_MONTHS[meaning.season][0] if meaning.season is not None else None
