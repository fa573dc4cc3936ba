"""Whose Independence Day: a bare "Independence Day" is the day of the country the text
is about.

"Ukraine's Independence Day" names its country (rule ``holiday.national``). A Kyiv
report that says only "on Independence Day" means 24 August, not 4 July: the country
is the one the text names most often among those with an Independence Day in the word
list ``national_day`` (ties go to the one named first); a text naming none keeps the
United States' day, the list ``holiday``'s default.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from timeline.temporal.partial import Partial
from timeline.temporal.rules import load_words

if TYPE_CHECKING:
    from timeline.temporal.tag import Candidate

#: The holiday each ``national_day`` entry names, and the plain holiday it replaces.
_HOLIDAY = " independence day"
_POSSESSIVE = re.compile(r"['’]s?$")


def _country(entry: str) -> str:
    """The country word of an entry: "ukraine's independence day" -> "ukraine"."""
    name = _POSSESSIVE.sub("", entry[: -len(_HOLIDAY)])
    return name[len("the "):] if name.startswith("the ") else name


@lru_cache(maxsize=1)
def _countries() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern of every country name and adjective, and each one's month-day."""
    days = {_country(entry): str(day) for entry, day in load_words()["national_day"].items()}
    names = sorted(days, key=len, reverse=True)
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return re.compile(rf"(?<![\w.])(?:{body})(?!\w)", re.IGNORECASE), days


def text_national_day(text: str) -> tuple[int, int] | None:
    """The month and day of the Independence Day of the country ``text`` names most
    (capitalised mentions only, so "polish" the verb is no country)."""
    pattern, days = _countries()
    counts = Counter(days[" ".join(m.group().lower().split())]
                     for m in pattern.finditer(text) if m.group()[0].isupper())
    if not counts:
        return None
    month, day = counts.most_common(1)[0][0].split("-")
    return int(month), int(day)


def _is_bare(c: Candidate) -> bool:
    holiday = dict(c.groups).get("holiday")
    return holiday is not None and " ".join(holiday.lower().split()) == _HOLIDAY.strip()


def own_independence_days(text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """``candidates`` with each bare "Independence Day" moved to the text's country's."""
    if not any(_is_bare(c) for c in candidates):
        return list(candidates)
    found = text_national_day(text)
    if found is None:
        return list(candidates)
    month, day = found
    return [dataclasses.replace(c, meaning=dataclasses.replace(c.meaning, month=month, day=day))
            if _is_bare(c) and isinstance(c.meaning, Partial) else c for c in candidates]
