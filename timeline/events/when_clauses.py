"""The time a "when" clause takes from the expression it describes.

"It was the worst result since 1992, when the party won only 20 seats": the party won
in 1992. The expression may be a bound of its own clause ("since 1992", "from 2008"),
which dates nothing there, yet it is the very time of the clause "when" attaches to it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from timeline.events.tokens import children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.events.anchoring import TimeIndex
    from timeline.model import TimeExpression

#: The relative adverb that makes a clause describe a time.
_WHEN = "when"


def when_time(index: TimeIndex, trigger: Token) -> TimeExpression | None:
    """The expression ``trigger``'s clause describes when it is a relative clause
    opened by "when" on a word of that expression ("1992, when ..."); else None."""
    if trigger.dep_ != "relcl" or not any(
            c.dep_ == "advmod" and c.lower_ == _WHEN and c.i < trigger.i
            for c in children_of(trigger)):
        return None
    offset = trigger.head.idx
    return _covering(index.times, index.starts, offset) or _covering(
        index.bounds, [t.start_char for t in index.bounds], offset)


def _covering(times: Sequence[TimeExpression], starts: Sequence[int],
              offset: int) -> TimeExpression | None:
    """The expression (``times`` sorted by ``starts``) whose span holds ``offset``."""
    at = bisect_right(starts, offset) - 1
    return times[at] if at >= 0 and offset < times[at].end_char else None
