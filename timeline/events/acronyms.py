"""Acronyms an article defines: "the Rapid Support Forces (RSF)" makes every later "RSF"
the Rapid Support Forces, so one organisation is one actor.

Only an organisation's name followed by its bracketed acronym defines one, and only
for the article that defines it: "RSF" is a Sudanese paramilitary in one story and a
press-freedom group in another.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from timeline.model import Mention

#: A bracketed acronym right after a name: "(RSF)", "(IGAD)", "(JNIM)", "(M23)".
DEFINED = re.compile(r"[ \t]*\(([A-Z][A-Z0-9&-]{1,9})\)")
#: Labels of the names that define acronyms, and of the mentions expanded.
ORGANISATION = "ORG"


def defined(text: str, mentions: Sequence[Mention]) -> dict[str, str]:
    """Acronym -> full name, for each organisation mention followed by one in brackets
    (inside the mention, "Intergovernmental Authority on Development (IGAD)", or just
    after it). The first definition of an acronym wins."""
    found: dict[str, str] = {}
    for mention in mentions:
        if mention.label != ORGANISATION:
            continue
        own = DEFINED.search(mention.text)
        if own is not None and own.end() == len(mention.text):
            name, acronym = mention.text[:own.start()], own.group(1)
        else:
            after = DEFINED.match(text, mention.end_char)
            if after is None:
                continue
            name, acronym = mention.canonical or mention.text, after.group(1)
        name = _without_descriptors(acronym, name)
        if name and acronym != name and _initials_fit(acronym, name):
            found.setdefault(acronym, name)
    return found


def _without_descriptors(acronym: str, name: str) -> str:
    """``name`` without leading words when the capitalised words after them spell the
    acronym by their initials: "Paramilitary Rapid Support Forces (RSF)" names the
    "Rapid Support Forces"; "National Union for the Total Independence of Angola
    (UNITA)", whose acronym follows another language's order, stays whole."""
    words = name.split()
    for start in range(1, len(words)):
        rest = words[start:]
        if "".join(w[0] for w in rest if w[:1].isupper()) == acronym:
            return " ".join(rest)
    return name


def _initials_fit(acronym: str, name: str) -> bool:
    """True when the acronym's letters are, in order, initials of the name's words (or
    letters within them): "RSF" for "Rapid Support Forces", "JNIM" for "Jama'at Nusrat
    al-Islam wal-Muslimin", "IGAD" for "Intergovernmental Authority on Development";
    not "AFP" after "Amnesty International", a wire credit."""
    letters = iter("".join(re.split(r"[\s'-]+", name)).upper())
    initials = {word[:1].upper() for word in re.split(r"[\s'-]+", name) if word}
    return acronym[0] in initials and all(
        any(c == wanted for c in letters) for wanted in acronym if wanted.isalpha())


def expand(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each organisation mention that is an acronym the article
    defines named by the full name (its text stays as written)."""
    names = defined(text, mentions)
    if not names:
        return mentions
    named = [replace(m, canonical=names[m.text]) if m.label == ORGANISATION and m.text in names
             else _defining(text, m, names) for m in mentions]
    missed = _unrecognised(text, named, names)
    return sorted(named + missed, key=lambda m: m.start_char) if missed else named


def _unrecognised(text: str, mentions: list[Mention], names: dict[str, str]) -> list[Mention]:
    """Mentions of each defined acronym the recogniser missed: it tags "RSF" in one
    sentence and not in the next ("said the RSF stormed the village")."""
    covered = sorted((m.start_char, m.end_char) for m in mentions)
    starts = [a for a, _ in covered]
    reach = list(itertools.accumulate((b for _, b in covered), max))  # furthest end so far
    found = []
    for match in re.finditer(r"\b(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
                             + r")\b", text):
        at = bisect.bisect_right(starts, match.start()) - 1
        if (at >= 0 and reach[at] > match.start()) or text[match.start() - 1:match.start()] == "(":
            continue  # inside a mention already found, or the bracket that defines it
        found.append(Mention(match.group(), match.start(), match.end(), ORGANISATION,
                             canonical=names[match.group()]))
    return found


def _defining(text: str, mention: Mention, names: dict[str, str]) -> Mention:
    """``mention`` named as its acronym's name when it defines the acronym with words
    before the name ("Paramilitary Rapid Support Forces (RSF)")."""
    after = DEFINED.match(text, mention.end_char) if mention.label == ORGANISATION else None
    name = names.get(after.group(1), "") if after is not None else ""
    if name and (mention.canonical or mention.text).endswith(" " + name):
        return replace(mention, canonical=name)
    return mention
