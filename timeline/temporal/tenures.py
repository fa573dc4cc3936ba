"""Office-holders named with their office date a story: "Israel's defence minister Yoav
Gallant said on Tuesday" was written between 29 December 2022 and 5 November 2024.

The holders and their terms are data (``resources/office_holders.yaml``). A title
written before a name ("President Joe Biden", "Pope Francis", "Secretary-General
Antonio Guterres") gives a ``tenure`` cue allowing the days of the terms of every
holder of that title with that name ("President Bush": both Presidents Bush); none
after "former", "then-", "the late" or "Vice" ("Vice President Joe Biden" held
another office), and none for "President-elect".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from timeline.errors import RuleFileError
from timeline.resource_files import read_bundled, word_list
from timeline.temporal.reference_cues import Cue

RESOURCE = "office_holders.yaml"
#: How far back from a title the words that put the term elsewhere are looked for.
BEFORE_CHARS = 16


@dataclass(frozen=True)
class Holder:
    """One holder of one office: the titles written before the name, the name's forms
    and the terms (first day in office, first day out of it; ``date.max`` while in)."""

    id: str
    titles: frozenset[str]
    names: frozenset[str]
    terms: tuple[tuple[date, date], ...]


@dataclass(frozen=True)
class Holders:
    """The bundled holders, with one pattern finding a title and a name."""

    holders: tuple[Holder, ...]
    pattern: re.Pattern[str]
    not_in_office: frozenset[str]


@cache
def load_holders() -> Holders:
    """Holders from ``office_holders.yaml``, checked."""
    data = read_bundled(RESOURCE)
    try:
        holders = tuple(_holder(entry) for entry in data["holders"])
        not_in_office = frozenset(str(w).lower() for w in data["not_in_office"])
    except (KeyError, TypeError, ValueError) as error:
        raise RuleFileError(RESOURCE, f"malformed holder ({error!r})") from error
    titles = sorted({t for h in holders for t in h.titles}, key=len, reverse=True)
    names = sorted({n for h in holders for n in h.names}, key=len, reverse=True)
    pattern = re.compile(
        r"\b(?P<title>(?i:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in titles)
        + r"))\s+" + _ranks() + r"(?P<name>" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    return Holders(holders, pattern, not_in_office)


def _ranks() -> str:
    """An optional military rank between the title and the name ("army chief General
    Valerii Zaluzhnyi"): the written forms of the ranks ``titles.yaml`` lists."""
    from timeline.events.known_names import load_titles

    ranks = frozenset(word_list(read_bundled("titles.yaml"), "titles.yaml", "ranks"))
    words = sorted({w for t in load_titles() if t.id in ranks for w in t.words},
                   key=len, reverse=True)
    return r"(?:(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\s+)?"


def _holder(entry: dict[str, Any]) -> Holder:
    terms = []
    for term in entry["terms"]:
        first = term[0]
        last = term[1] if len(term) > 1 else date.max
        if not isinstance(first, date) or not isinstance(last, date) or last <= first:
            raise ValueError(f"{entry['id']}: a term is a first day and, out of office, a later one")
        terms.append((first, last))
    return Holder(str(entry["id"]), frozenset(str(t).lower() for t in entry["titles"]),
                  frozenset(map(str, entry["names"])), tuple(terms))


def tenure_cues(body: str) -> list[Cue]:
    """A ``tenure`` cue for each office-holder ``body`` names with their title."""
    config = load_holders()
    found: dict[str, Cue] = {}
    for match in config.pattern.finditer(body):
        before = body[max(0, match.start() - BEFORE_CHARS):match.start()].lower()
        words = re.findall(r"[a-z]+", before)
        if words and words[-1] in config.not_in_office or before.endswith("-"):
            continue  # "former President", "then-President", "Vice President"
        title = " ".join(match.group("title").lower().split())
        holders = [h for h in config.holders
                   if title in h.titles and match.group("name") in h.names]
        key = "|".join(h.id for h in holders)
        if holders and key not in found:
            terms = tuple(sorted(t for h in holders for t in h.terms))
            shown = ", ".join(f"{a}..{'' if b == date.max else b}" for a, b in terms)
            found[key] = Cue("tenure", "none", f"{match.group()!r} in office {shown}",
                             spans=terms)
    return list(found.values())
