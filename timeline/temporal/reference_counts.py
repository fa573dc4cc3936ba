"""Cues counted from a date the text gives, and cues in the boilerplate cut from it.

* "the 74th anniversary of the treaty, signed on April 4, 1949": a ``mark`` on
  2023-04-04, and the treaty's date no cue of its own; "a parade on Tuesday, 78 years
  after the defeat of Nazi Germany in 1945": the year 2023, as an ``anchored`` phrase;
* ``caption``: the date in a news photo's caption ("Antakya, Tuesday, Feb. 7, 2023. (AP
  Photo/...)"): published that day or within a week; archive photos ("FILE -") aside;
* ``notice``: the year of a copyright notice in the footer ("Copyright 2023 The
  Associated Press."): a notice names the year of first publication; a page footer
  names a later year, never an earlier one.

``timeline.temporal.reference_cues`` reads the other cues and says what each kind means.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from timeline.temporal.reference_cues import (
    Cue, anchored_cue, as_past, cue_tense, load_cues, valid_day,
)


def date_anniversary_cues(body: str, candidates: Sequence[Any]) -> tuple[list[Cue], set[int]]:
    """Counts of years from a date the text gives. "fell on the 74th anniversary of the
    treaty, signed on April 4, 1949": a mark on 2023-04-04, not a date of 1949 the
    story looks back on. "a parade on Tuesday, 78 years after the defeat of Nazi
    Germany in 1945": the year 2023 (a full date's day, were one given), in the tense
    of its clause. Returns the cues and the positions (in ``candidates``) of the dates
    they count from, which are no cue of their own."""
    from timeline.temporal.anniversary import anniversaries_of, years_after_phrase

    full = _dated(candidates, True)
    cues, used = [], set()
    for mark in anniversaries_of(body, [(c.start, d) for _, c, d in full]):
        index, given, _ = full[mark.index]
        used.add(index)
        what = (f"{body[mark.start:mark.end]!r} of {given.text!r}: {mark.n} year(s) later;"
                f" the day itself is {mark.day}")
        cues.append(Cue("mark", cue_tense(body, mark.start, mark.end, None), what, mark.day.year,
                        mark.day.month, spans=((mark.day, mark.day + timedelta(1)),)))
    dated = [d for d in _dated(candidates, False) if d[0] not in used]
    for later in anniversaries_of(body, [(c.start, d) for _, c, d in dated], years_after_phrase()):
        index, given, _ = dated[later.index]
        used.add(index)
        tense = as_past(cue_tense(body, later.start, later.end, None))
        what = f"{body[later.start:later.end]!r} {given.text!r}"
        if given.meaning.month is not None:  # that very day, as an anniversary
            cues.append(Cue("mark", tense, f"{what}: the day itself is {later.day}", later.day.year,
                            later.day.month, spans=((later.day, later.day + timedelta(1)),)))
        else:  # within that year, as "two years after the invasion" is
            first = later.day.replace(month=1, day=1)
            end = date(first.year + 1, 1, 1) if first.year < 9999 else date.max
            cues.append(anchored_cue(f"{what}: {first.year}", tense, first, end,
                                     load_cues().windows["recurring_after_days"]))
    return cues, used


def _dated(candidates: Sequence[Any], day_only: bool) -> list[tuple[int, Any, date]]:
    """The candidates naming a date with its year ((position, candidate, first day)):
    a day ("April 4, 1949"), or with ``day_only`` false also a bare year ("1945")."""
    from timeline.temporal.partial import Partial

    out = []
    for i, c in enumerate(candidates):
        p = c.meaning
        if not isinstance(p, Partial) or p.bc or p.year is None or p.century or p.decade:
            continue
        if p.month is not None and p.day is not None and valid_day(p.year, p.month, p.day):
            out.append((i, c, date(p.year, p.month, p.day)))
        elif not day_only and p.month is None and p.day is None and p.weekday is None \
                and p.week is None and p.season is None and p.quarter is None and p.half is None \
                and 1 <= p.year <= 9999:
            out.append((i, c, date(p.year, 1, 1)))
    return out


def caption_cues(removed: str) -> list[Cue]:
    """The dates of the news photo captions among the boilerplate lines cut from the
    text ("Rescue workers search the rubble in Antakya, Tuesday, Feb. 7, 2023. (AP
    Photo/Hussein Malla)"): the photo is of the news, so the story is of that day or
    the days after. Archive photos ("FILE -") are not counted."""
    from timeline.temporal.tag import tag
    from timeline.text.boilerplate import news_captions

    after = timedelta(load_cues().windows["recurring_after_days"] + 1)
    found: list[Cue] = []
    for line in news_captions(removed):
        for _, cand, day in _dated(tag(line), True):
            if day < date.max - after:
                found.append(Cue("caption", "none", f"photo caption dated {cand.text!r}: published"
                                 f" that day or within a week", spans=((day, day + after),)))
    return found[:load_cues().windows["max_cues_per_kind"]]


def notice_cues(removed: str) -> list[Cue]:
    """The copyright notices among the boilerplate lines cut from the text."""
    from timeline.text.boilerplate import notice_years

    return [Cue("notice", "none", f"copyright notice of {year}: published in or before it",
                year, spans=((date(year, 1, 1), date(year + 1, 1, 1)),))
            for year in sorted(set(notice_years(removed)))]
