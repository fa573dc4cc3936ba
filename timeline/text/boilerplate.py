"""Split trailing boilerplate, such as a scraped list of unrelated headlines, off a body.

A trailing block is a run of at least ``min_lines`` short, title-cased lines with no
sentence punctuation at the end of the text. The body is always a prefix of the
text, so character offsets into the body are offsets into the original text too.
"""

from __future__ import annotations

from dataclasses import dataclass

_SENTENCE_END = frozenset('.!?;"”’\'')
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of on or the to vs via with".split()
)


@dataclass(frozen=True)
class HeadlineRule:
    """Thresholds for telling a headline line from a line of prose."""

    max_chars: int = 160
    min_words: int = 2
    min_title_ratio: float = 0.6
    min_lines: int = 3


def is_headline(line: str, rule: HeadlineRule = HeadlineRule()) -> bool:
    """True when ``line`` looks like a headline: short, title-cased, unpunctuated."""
    stripped = line.strip()
    if not stripped or len(stripped) > rule.max_chars or stripped[-1] in _SENTENCE_END:
        return False
    words = [w for w in stripped.split() if any(ch.isalpha() for ch in w)]
    if len(words) < rule.min_words:
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS] or words
    capitalised = sum(1 for w in content if _first_letter(w).isupper())
    return capitalised / len(content) >= rule.min_title_ratio


def split_trailing(text: str, rule: HeadlineRule = HeadlineRule()) -> tuple[str, str]:
    """Return ``(body, trailing)`` where ``trailing`` is the headline block, or ``""``."""
    lines = text.splitlines(keepends=True)
    offset = len(text)
    block_start = len(text)
    count = 0
    for line in reversed(lines):
        offset -= len(line)
        if not line.strip():
            continue
        if not is_headline(line, rule):
            break
        count += 1
        block_start = offset
    body = text[:block_start]
    # A text made only of headline-like lines has no body to protect: keep it whole.
    if count < rule.min_lines or not body.strip():
        return text, ""
    return body, text[block_start:]


def _first_letter(word: str) -> str:
    for ch in word:
        if ch.isalpha():
            return ch
    return ""
