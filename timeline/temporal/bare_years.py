"""Whether a bare number in a text is a year a reader would date the text by.

The tagger reads "1234" as a year wherever it stands, as the timeline should ("in
1994", "the 1998 launch"). Inferring when a text was written is another matter: a
page of scraped debris ("asdf 1234 </div> qwer") holds numbers that are no year, and
dating it to 1234 from one of them is a guess no reader would make. So a bare number
counts as evidence of the writing day only with something around it that makes it a
date: the words of a sentence, calendar words, or a day's number before it.
"""

from __future__ import annotations

import re
from functools import cache

from timeline.language import WORD, english_words
from timeline.resource_files import calendar_words

#: A day's number, or a range of days ("6", "31", "24-29").
_DAY = r"(?:0?[1-9]|[12][0-9]|3[01])"
DAY = re.compile(rf"{_DAY}(?:[-–]{_DAY})?")
#: A month that is no English word: written in another script, or lost to the page's
#: encoding ("лютого", "??????"); no Latin letter, no digit.
OTHER_SCRIPT_WORD = re.compile(r"[^\sA-Za-z0-9]+")


@cache
def dating_words() -> frozenset[str]:
    """Words that make a number beside them a date: the words of English sentences
    (``english_words.yaml``) and the calendar's months, weekdays and units."""
    calendar = calendar_words()
    units = {form for unit in calendar.units for form in unit.forms}
    return english_words().sentence_words | {*calendar.months, *calendar.weekdays, *units}


def dates_the_text(body: str, start: int, end: int) -> bool:
    """Whether the bare number ``body[start:end]`` is evidence of when ``body`` was
    written: on its line, within ``windows.bare_year_reach`` characters either side,
    stands a word of ``dating_words`` ("In 1994, troops moved in", "Ukraine APRIL
    2018"), or it closes a day and a month written in another script ("c 20 по 26
    лютого 2019", "24-29 ?????? 2014": the month's letters lost to the page's
    encoding)."""
    from timeline.temporal.reference_cues import load_cues

    reach = load_cues().windows["bare_year_reach"]
    left = body[max(0, start - reach):start].rpartition("\n")[2]
    right = body[end:end + reach].partition("\n")[0]
    known = dating_words()
    if any(word.lower() in known for word in WORD.findall(f"{left} {right}")):
        return True
    before = left.split()[-2:]
    return (len(before) == 2 and DAY.fullmatch(before[0]) is not None
            and OTHER_SCRIPT_WORD.fullmatch(before[1]) is not None)
