"""Find the dateline that opens a wire story ("KYIV, Jan 19 (Reuters) -") or the slug
that opens a wire headline ("UPDATE 1-").

The dateline names where the story was filed, not who acted: its place must not
become the subject of the first sentence's event.
"""

from __future__ import annotations

import functools
import re

# Anchored at the start and bounded everywhere, so matching stays linear: an upper-case
# place, up to three ", Region" / ", Nov 14" / ", 2023" parts, an optional "(Agency)",
# then a dash; or, as AFP and dpa print it, a capitalised place ("Kyiv", "Gaza City,
# Palestinian Territories") that must be followed by "(Agency)" and a dash, and may
# be followed by the date and another dash ("Paris (AFP) – Thursday 23 March 2023 –").
# No part holds a comma, so the parts split one way only.
_DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Z'’.\- ]{0,40}[A-Z.]"
    r"(?:,[ \t]*[A-Z0-9][\w'’.\- ]{0,40}){0,3}"
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?"
    r"|[A-Z][\w'’.\-]{1,30}(?:[ \t][A-Z][\w'’.\-]{1,30}){0,3}"
    r"(?:,[ \t]*[A-Z][\w'’.\- ]{0,40}){0,2}[ \t]*\([^()\n]{1,40}\)[ \t]*)"
    r"[—–-]{1,2}[ \t]"
    r"(?:[ \t]*(?:[A-Z][a-z]{2,8},?[ \t]+)?\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?,?[ \t]+\d{4}"
    r"[ \t]*[—–-]{1,2}[ \t])?"
)


@functools.cache
def _wire_slug() -> re.Pattern[str]:
    """A wire service's slug before a headline ("UPDATE 1-", "WRAPUP 2-", "RPT-"), from
    ``noise_lines.yaml``: a word of the list, an optional version number, a hyphen."""
    from timeline.resource_files import read_bundled, word_list

    words = word_list(read_bundled("noise_lines.yaml"), "noise_lines.yaml", "wire_slugs")
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"\s*(?:{alternatives})(?:[ \t]\d{{1,2}})?[ \t]*-(?=\S)")


def dateline_end(text: str) -> int:
    """Offset just after the opening dateline (or wire slug: "UPDATE 1-Fighting rages
    ...") of ``text``, or 0 when there is none."""
    match = _DATELINE.match(text) or _wire_slug().match(text)
    return match.end() if match else 0
