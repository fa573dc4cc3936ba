"""Safe HTML for an event's source sentence, with the time and entities highlighted.

Article text is untrusted: every piece of it goes through ``escape_text`` (the
dashboard's one escaping edge, ``dashboards.text``) before any
markup is added, and the only tags emitted are the ``<mark>`` and ``<span>`` built
here. Matching is plain case-insensitive substring search (no regex on user text).
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboards.text import escape_text

#: How much article text to show on each side of the sentence.
CONTEXT_CHARS = 160


@dataclass(frozen=True)
class Span:
    """A highlighted stretch of the sentence: [start, end) and its kind."""

    start: int
    end: int
    kind: str  # "time", "actor" or "place"


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Every non-overlapping case-insensitive occurrence of ``needle`` in ``text``."""
    if not needle:
        return []
    haystack, target = text.lower(), needle.lower()
    found, at = [], haystack.find(target)
    while at >= 0:
        found.append((at, at + len(target)))
        at = haystack.find(target, at + len(target))
    return found


def entity_spans(text: str, name: str, kind: str) -> list[Span]:
    """Where ``name`` occurs in ``text``; falls back to its last word ("Milley").

    Canonical names ("Mark Milley") often appear shortened in the sentence, so the
    surname is tried when the full name is absent.
    """
    hits = find_all(text, name)
    words = name.split()
    if not hits and len(words) > 1 and len(words[-1]) >= 3:
        hits = find_all(text, words[-1])
    return [Span(start, end, kind) for start, end in hits]


def sentence_spans(sentence: str, time_text: str, actors: list[str],
                   places: list[str]) -> list[Span]:
    """Non-overlapping spans to highlight, time expression first, sorted by position."""
    candidates = [Span(s, e, "time") for s, e in find_all(sentence, time_text)[:1]]
    for actor in actors:
        candidates += entity_spans(sentence, actor, "actor")
    for place in places:
        candidates += entity_spans(sentence, place, "place")
    chosen: list[Span] = []
    for span in candidates:  # earlier kinds win overlaps: the time expression first
        if all(span.end <= c.start or span.start >= c.end for c in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def highlight(sentence: str, spans: list[Span]) -> str:
    """``sentence`` as escaped HTML with each span wrapped in ``<mark class=...>``."""
    parts, at = [], 0
    for span in spans:
        parts.append(escape_text(sentence[at:span.start]))
        parts.append(f'<mark class="tl-{span.kind}" title="{span.kind}">'
                     f"{escape_text(sentence[span.start:span.end])}</mark>")
        at = span.end
    parts.append(escape_text(sentence[at:]))
    return "".join(parts)


def sentence_in_context(sentence: str, spans: list[Span], body: str | None,
                        start: int, end: int) -> str:
    """The highlighted sentence between greyed escaped context from the article body.

    Context is used only when ``body[start:end]`` really is the sentence, so stale
    offsets never show the wrong text.
    """
    marked = f'<span class="tl-sentence">{highlight(sentence, spans)}</span>'
    if not body or start < 0 or end > len(body) or body[start:end] != sentence:
        return marked
    before = body[max(0, start - CONTEXT_CHARS):start]
    after = body[end:end + CONTEXT_CHARS]
    lead = "…" if start > CONTEXT_CHARS else ""
    tail = "…" if end + CONTEXT_CHARS < len(body) else ""
    return (f'<span class="tl-context">{lead}{escape_text(before)}</span>{marked}'
            f'<span class="tl-context">{escape_text(after)}{tail}</span>')
