"""Whether a text reads as English, from the words that hold English prose together.

The extraction rules and the parser read English. Text in another language, or a page
of scraped debris, still yields events and dates, all wrong: ``not_english`` says so,
in words, for ``timeline.dating`` to report. The check is a count: the share of the
text's words that are English function words ("the", "of", "and"), or English words
other languages share too ("in", "on"), both listed in ``english_words.yaml``, and the
share of its letters outside the Latin script. It reads the first few thousand
characters only, so its cost does not grow with the text, and it never judges a short
text by its words (a headline may name more places than it has little words). The same
words tell a sentence from debris around a bare number
(``timeline.temporal.bare_years``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from timeline.errors import RuleFileError
from timeline.resource_files import read_bundled, word_list

RESOURCE = "english_words.yaml"
THRESHOLDS = ("sample_chars", "min_words", "min_share_percent", "min_shared_percent",
              "min_letters", "max_foreign_percent")

#: A word: two letters or more, not glued to digits ("Russia's" gives "Russia"; the
#: letters of "9402E6D7" or "76ERS" are no word).
WORD = re.compile(r"\b[^\W\d_]{2,}\b")
#: A letter outside the Latin script (ASCII, Latin-1, Latin Extended-A/B and
#: Additional).
FOREIGN = re.compile(
    r"(?![A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF])[^\W\d_]")
#: Any letter.
LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class EnglishWords:
    """The contents of ``english_words.yaml``, checked."""

    function_words: frozenset[str]
    shared_words: frozenset[str]
    thresholds: Mapping[str, int]

    @property
    def sentence_words(self) -> frozenset[str]:
        """Words that show a sentence: the function words and the shared ones."""
        return self.function_words | self.shared_words


@cache
def english_words() -> EnglishWords:
    """The bundled word lists and thresholds (cached: the file is bundled)."""
    return parse_english_words(read_bundled(RESOURCE), RESOURCE)


def parse_english_words(data: Mapping[str, Any], source: str) -> EnglishWords:
    """The word lists and thresholds of a parsed file; ``RuleFileError`` when malformed."""
    function = word_list(data, source, "function_words")
    shared = word_list(data, source, "shared_words")
    words = [*function, *shared]
    if not function or any(w != w.lower() or not w.isalpha() for w in words):
        raise RuleFileError(source, "function_words and shared_words must be lower-case words")
    repeated = sorted(w for w, count in Counter(words).items() if count > 1)
    if repeated:
        raise RuleFileError(source, f"words listed twice: {', '.join(repeated)}")
    limits = data.get("thresholds")
    if not isinstance(limits, Mapping) or any(
            not isinstance(limits.get(n), int) or limits[n] < 0 for n in THRESHOLDS):
        raise RuleFileError(source, f"thresholds needs whole numbers {', '.join(THRESHOLDS)}")
    return EnglishWords(frozenset(function), frozenset(shared),
                        {n: int(limits[n]) for n in THRESHOLDS})


def not_english(text: str, words: EnglishWords | None = None) -> str:
    """Why ``text`` does not read as English, in words; "" when it does (or is too short
    to tell)."""
    words = words or english_words()
    limits = words.thresholds
    sample = text[:limits["sample_chars"]]
    foreign = len(FOREIGN.findall(sample))  # none, most often: then letters are not counted
    letters = len(LETTER.findall(sample)) if foreign else 0
    if letters >= max(1, limits["min_letters"]) and (
            foreign * 100 > limits["max_foreign_percent"] * letters):
        return f"{round(100 * foreign / letters)}% of its letters are outside the Latin script"
    tokens = [w.lower() for w in WORD.findall(without_addresses(sample))]
    if len(tokens) < limits["min_words"]:
        return ""
    common = sum(1 for w in tokens if w in words.function_words)
    shared = sum(1 for w in tokens if w in words.shared_words)
    if (common * 100 >= limits["min_share_percent"] * len(tokens)
            or (common + shared) * 100 >= limits["min_shared_percent"] * len(tokens)):
        return ""
    return (f"{round(100 * common / len(tokens))}% of its first {len(tokens)} words are "
            f"common English words such as 'the', 'of', 'and' (English news: about a "
            f"third)")


def without_addresses(text: str) -> str:
    """``text`` without web addresses, whose pieces are not words of it."""
    if "://" not in text and "www." not in text:
        return text
    return " ".join(t for t in text.split() if "://" not in t and not t.startswith("www."))
