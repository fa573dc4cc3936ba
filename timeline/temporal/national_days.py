"""Whose Independence Day: a bare "Independence Day" is the day of the country the text
is about.

"Ukraine's Independence Day" names its country (rule ``holiday.national``). A Kyiv
report that says only "on Independence Day" means 24 August, not 4 July: the day moves
to the country the text names most often among those in the word list
``national_day`` (by name, not by adjective: "Indian Ocean" and "Polish sausages" name
no country), and only when it names that country more often than the United States
(``national_day_home``); a capital counts as its country's name
(``national_day_capitals``: "Kyiv residents"), and names shared with the United States
(``national_day_namesakes``: "Atlanta, Georgia") never move it.
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

_HOLIDAY = "independence day"
#: An entry naming its country by name: "ukraine's independence day".
_BY_NAME = re.compile(r"^(?:the )?(?P<name>.+?)['’]s? independence day$")


@dataclasses.dataclass(frozen=True)
class _Names:
    pattern: re.Pattern[str]
    days: dict[str, str]        # lower-case country name -> "MM-DD"
    home: dict[str, str]        # the United States' names, lower case -> "MM-DD"


@lru_cache(maxsize=1)
def _names() -> _Names:
    words = load_words()
    home_day = str(words["holiday"][_HOLIDAY])
    days = {m["name"]: str(day) for entry, day in words["national_day"].items()
            if (m := _BY_NAME.match(entry))}
    for name in words["national_day_namesakes"]:
        days.pop(name, None)
    home = {name: home_day for name in words["national_day_home"]}
    for capital, country in words["national_day_capitals"].items():
        days[capital] = home[country] if country in home else days[country]
    every = sorted({*days, *home}, key=len, reverse=True)
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in every)
    return _Names(re.compile(rf"(?<![\w.])(?:{body})(?![\w])", re.IGNORECASE), days, home)


def _day_named(names: _Names, written: str) -> str | None:
    """The day of the country ``written`` names, capitalised only ("polish" the verb and
    "us" the pronoun name no country)."""
    if not written[0].isupper():
        return None
    key = " ".join(written.lower().split())
    return names.home.get(key) or names.days.get(key)


def text_national_day(text: str) -> tuple[int, int] | None:
    """The month and day of a bare "Independence Day" in ``text``, or None to keep the
    United States' day."""
    names = _names()
    home_day = next(iter(names.home.values()))
    counts = Counter(day for m in names.pattern.finditer(text)
                     if (day := _day_named(names, m.group())) is not None)
    others = [(day, n) for day, n in counts.most_common() if day != home_day]
    if not others or others[0][1] <= counts.get(home_day, 0):
        return None
    month, day = others[0][0].split("-")
    return int(month), int(day)


def _is_bare(c: Candidate) -> bool:
    holiday = dict(c.groups).get("holiday")
    return holiday is not None and " ".join(holiday.lower().split()) == _HOLIDAY


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
