"""Acronyms an article defines: "the Rapid Support Forces (RSF)" makes every later "RSF"
the Rapid Support Forces, so one organisation is one actor.

Only an organisation's name followed by its bracketed acronym defines one, and only
for the article that defines it: "RSF" is a Sudanese paramilitary in one story and a
press-freedom group in another.
"""

from __future__ import annotations

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
        if name and acronym != name and _initials_fit(acronym, name):
            found.setdefault(acronym, name)
    return found


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
    return [replace(m, canonical=names[m.text]) if m.label == ORGANISATION and m.text in names
            else m for m in mentions]
