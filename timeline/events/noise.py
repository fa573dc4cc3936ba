"""Lines that report no event (bylines, photo captions, credits, link lists) and
datelines that open a story after its headline and byline.

The markers are data: ``resources/noise_lines.yaml``.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from timeline.errors import RuleFileError
from timeline.resource_files import read_bundled
from timeline.text.dateline import dateline_end


#: Line starts that make a byline only when the line is short.
BYLINES = frozenset({"By ", "BY "})


@dataclass(frozen=True)
class NoiseMarkers:
    starts: tuple[str, ...]
    contains: tuple[str, ...]
    dateline_lines: int = 4
    byline_words: int = 12


@functools.cache
def load_markers() -> NoiseMarkers:
    """The markers from ``noise_lines.yaml``."""
    data = read_bundled("noise_lines.yaml")
    try:
        return NoiseMarkers(tuple(map(str, data["starts"])), tuple(map(str, data["contains"])),
                            int(data.get("dateline_lines", 4)), int(data.get("byline_words", 12)))
    except (KeyError, TypeError, ValueError) as error:
        raise RuleFileError("noise_lines.yaml", f"needs 'starts' and 'contains' lists ({error})"
                            ) from error


def noise_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text`` that reports no event."""
    markers = load_markers()
    bylines = tuple(m for m in markers.starts if m in BYLINES)
    starts = tuple(m for m in markers.starts if m not in BYLINES)
    # Only the markers the text holds at all can be in one of its lines: most none.
    contained = [m for m in markers.contains if m in text]
    spans, start = [], 0
    for line in text.split("\n"):
        stripped = line.lstrip()
        is_byline = stripped.startswith(bylines) and len(stripped.split()) <= markers.byline_words
        if is_byline or stripped.startswith(starts) or any(m in line for m in contained):
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the dateline opening the story, on any of its first lines that
    hold text (a byline, an agency's name and a "Published" line may come first, blank
    lines between them)."""
    spans, start, left = [], 0, load_markers().dateline_lines
    for line in text.split("\n"):
        if left <= 0:
            break
        end = dateline_end(line)
        if end:
            spans.append((start, start + end))
            break
        start += len(line) + 1
        left -= 1 if line.strip() else 0
    return spans


def blank_dateline(text: str) -> str:
    """``text`` with the dateline opening the story (on any of its first lines) turned
    to spaces: same length, same offsets.

    The parser then reads the lead sentence as it would without a dateline: "KYIV, Aug 7
    (Reuters) - Ukrainian troops crossed" hides "Ukrainian" from the entity recogniser.
    """
    for start, end in dateline_spans(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


#: A typographic apostrophe of a possessive ("army’s shelling", "Kiev forces’ shelling").
#: The apostrophe comes first, the context is looked at around it: the regex engine
#: then skips from one apostrophe to the next instead of trying every character.
CURLY_POSSESSIVE = re.compile(r"’(?:(?<=\w’)(?=s\b)|(?<=s’)(?=\s))")


#: Question marks standing for characters lost in a change of encoding, glued to the
#: word they came before ("in the area of ??Ugledar"): no question, no sentence end.
LOST_CHARACTERS = re.compile(r"(?<=\s)\?{2,}(?=\w)")


def parse_text(text: str) -> str:
    """The text the parser reads: the dateline blanked (``blank_dateline``), a
    possessive's typographic apostrophe made plain and lost characters blanked
    (``LOST_CHARACTERS``), same length, same offsets.

    The parser knows "army's shelling" as a possessive but reads "army’s shelling" as a
    verb after an auxiliary, and "forces’ shelling" as two phrases: wire copy and
    translated reports write the curly one. It ends a sentence at "??", cutting "in the
    area of ??Ugledar" from the place it names.
    """
    text = CURLY_POSSESSIVE.sub("'", blank_dateline(text))
    return LOST_CHARACTERS.sub(lambda m: " " * len(m.group()), text)


def inside(char: int, spans: list[tuple[int, int]]) -> bool:
    """True when ``char`` lies in one of ``spans`` (sorted, not overlapping): a binary
    search, so that checking every token stays linear in the text."""
    at = bisect.bisect_right(spans, (char, _AFTER_ANY)) - 1
    return at >= 0 and spans[at][0] <= char < spans[at][1]


#: Larger than any offset: (char, _AFTER_ANY) sorts after every span starting at char.
_AFTER_ANY = 1 << 62
