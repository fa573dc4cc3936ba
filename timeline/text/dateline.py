"""Find the dateline that opens a wire story ("KYIV, Jan 19 (Reuters) -").

The dateline names where the story was filed, not who acted: its place must not
become the subject of the first sentence's event.
"""

from __future__ import annotations

import re

# Anchored at the start and bounded everywhere, so matching stays linear: an upper-case
# place, an optional ", Region" or ", Jan 19", an optional "(Agency)", then a dash.
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z'’.\- ]{0,40}[A-Z.]"
    r"(?:,[ \t]*[A-Z][\w'’.\- ]{0,40})?"
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?"
    r"[—–-]{1,2}[ \t]"
)


def dateline_end(text: str) -> int:
    """Offset just after the opening dateline of ``text``, or 0 when there is none."""
    match = _DATELINE.match(text)
    return match.end() if match else 0


def blank_dateline(text: str) -> str:
    """``text`` with its opening dateline turned to spaces (same length, same offsets).

    The parser then reads the lead sentence as it would without a dateline: "KYIV, Aug 7
    (Reuters) - Ukrainian troops crossed" hides "Ukrainian" from the entity recogniser.
    """
    end = dateline_end(text)
    return " " * end + text[end:] if end else text
