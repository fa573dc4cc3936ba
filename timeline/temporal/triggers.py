"""Where to look for time expressions: trigger words and the rules they call for.

Trying every rule at every position of a text is slow. Every time expression contains
a trigger: a month or weekday name, a unit ("days"), a season, a deictic word ("today")
or a digit. One scan finds the triggers (a case-sensitive trie regex over an
ASCII-lower-cased copy of the text, which keeps offsets and lets the regex engine skip
ahead by first character); each rule is then tried only at the word starts just before
a trigger it contains. Which rule contains which trigger is read off the compiled
rules once; a rule with no trigger is a ``RuleFileError``. Which word lists trigger is
data too (``trigger_lists`` in ``temporal_words.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from timeline.errors import RuleFileError
from timeline.resource_files import read_bundled, word_list
from timeline.temporal.prefilter import PREFIX_CHARS, first_chars, may_begin, prefixes
from timeline.temporal.rules import RULES, WORDS, Rule, load_words

#: How many words before a trigger an expression may start ("the past few weeks").
WORDS_BEFORE = 4
#: The same for a number: "the late 1970s", "on the 17th".
WORDS_BEFORE_DIGIT = 2
#: How far back the words before a trigger are looked for, in characters.
LOOK_BACK = 80
#: Most combinations of trigger groups and first character remembered per index.
MAX_TRIED = 1 << 14
_DIGIT_CLASS = ("[0-9]", "\\d")
_WORD = re.compile(r"\w+")
_LETTERS = re.compile(r"[a-z]+")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True)
class TriggerIndex:
    """Which rules to try around which trigger word (lower case) or number."""

    trigger: re.Pattern[str]
    by_word: dict[str, tuple[Rule, ...]]
    by_digit: tuple[Rule, ...]
    first: dict[Rule, frozenset[str] | None]
    vocabulary: frozenset[str]
    #: How each rule's matches can begin (``prefilter.prefixes``).
    starts: dict[Rule, re.Pattern[str] | None] = field(default_factory=dict)
    #: ``rules_to_try`` answers, by the groups' identities and the text where they start.
    tried: dict[tuple[tuple[int, ...], str, bool], tuple[Rule, ...]] = field(
        default_factory=dict, compare=False, repr=False)

    def rules_to_try(self, groups: list[tuple[Rule, ...]], text: str,
                     position: int) -> tuple[Rule, ...]:
        """The rules of ``groups`` (each rule once, in order) whose match can begin at
        ``position``: by its first character, and by its first ``PREFIX_CHARS`` when
        those are ASCII. Worked out once per combination: the groups are the index's
        own tuples, so few combinations recur."""
        start = text[position:position + PREFIX_CHARS]
        ascii_start = start.isascii()
        start = start.lower() if ascii_start else text[position].lower()
        key = (tuple(map(id, groups)), start, ascii_start)
        found = self.tried.get(key)
        if found is None:
            if len(self.tried) >= MAX_TRIED:
                self.tried.clear()
            found = self.tried[key] = self._rules_to_try(groups, start, ascii_start)
        return found

    def _rules_to_try(self, groups: list[tuple[Rule, ...]], start: str,
                      ascii_start: bool) -> tuple[Rule, ...]:
        # dict, not set: rules hash by identity, and a set's order would make the choice
        # between equal spans (made in the order found) differ from run to run.
        rules = groups[0] if len(groups) == 1 else dict.fromkeys(
            r for group in groups for r in group)
        return tuple(r for r in rules
                     if ((first := self.first[r]) is None or start[0] in first)
                     and (not ascii_start or may_begin(self.starts[r], start)))


def trigger_words() -> list[str]:
    """All trigger words, lower case: ``trigger_words`` and the lists in ``trigger_lists``."""
    words = load_words()
    found = set(words["trigger_words"])
    for name in word_list(read_bundled(WORDS), WORDS, "trigger_lists"):
        if name not in words:
            raise RuleFileError(WORDS, f"trigger_lists names no word list {name!r}")
        for entry in words[name]:
            found.update(w for w in re.split(r"[\s'’.-]+", entry) if len(w) > 2)
    return sorted(found)


def _trie(words: list[str]) -> str:
    """A regex matching exactly ``words``, shaped as a trie so it never backtracks far."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    # Top level: one literal per branch, so the engine can skip to a possible first letter.
    top = [re.escape(ch) + emit(child) for ch, child in sorted(tree.items())]
    # Only at the start of a word or number: a trigger inside one ("ma" in "summary")
    # is no trigger, and the engine gives up at the first character there. A word
    # must end where the trigger does ("march", not "marching"); a number need not,
    # since letters may follow its first digit ("3pm", "the 3rd").
    return r"(?<!\w)(?:(?:" + "|".join(top) + r")(?![a-z])|[0-9])"


@cache
def trigger_index(rules: tuple[Rule, ...]) -> TriggerIndex:
    """Map each trigger word to the rules whose pattern contains it; checked once."""
    vocabulary = trigger_words()
    by_word: dict[str, list[Rule]] = {w: [] for w in vocabulary}
    by_digit: list[Rule] = []
    for rule in rules:
        source = rule.regex.pattern.lower()
        # A prefix test: "quarters?" in a pattern must count for "quarter" (extra rules
        # tried cost a little time; a missed one would cost matches).
        hits = [w for w in vocabulary if re.search(rf"(?<![a-z]){re.escape(w)}", source)]
        has_digit = any(d in source for d in _DIGIT_CLASS)
        if not hits and not has_digit:
            raise RuleFileError(RULES, "contains no trigger word", rule.id)
        for w in hits:
            by_word[w].append(rule)
        if has_digit:
            by_digit.append(rule)
    first, starts = {}, {}
    for rule in rules:  # one rule at a time: its parsed pattern is read twice
        first[rule] = first_chars(rule.regex.pattern, rule.regex.flags)
        starts[rule] = prefixes(rule.regex.pattern, rule.regex.flags)
    # Every word any rule can consume: a word outside it cannot be part of a match.
    words = frozenset(w for rule in rules for w in _LETTERS.findall(rule.regex.pattern.lower()))
    return TriggerIndex(re.compile(_trie(vocabulary)), {w: tuple(r) for w, r in by_word.items() if r},
                        tuple(by_digit), first, words, starts)


def _starts_before(text: str, position: int, count: int, vocabulary: frozenset[str]) -> list[int]:
    """Start offsets of up to ``count`` words just before ``position``.

    The walk back stops at the first word no rule contains ("Zaluzhnyi" in "met
    Zaluzhnyi on Tuesday"): no expression can start before it.
    """
    low = max(0, position - LOOK_BACK)
    words = list(_WORD.finditer(text, low, position))
    if words and words[0].start() == low and low > 0 and text[low - 1].isalnum():
        words = words[1:]  # a word cut by the window
    starts: list[int] = []
    for m in reversed(words[-count:] if count else []):
        word = m.group()
        if not word[0].isdigit() and word not in vocabulary:
            break
        starts.append(m.start())
    return starts


def attempts(text: str, index: TriggerIndex) -> dict[int, list[tuple[Rule, ...]]]:
    """Start positions worth trying, each with the groups of rules triggered near it."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters ("İ") grow when lower-cased
        lowered = text.translate(_ASCII_LOWER)
    todo: dict[int, list[tuple[Rule, ...]]] = {}
    for hit in index.trigger.finditer(lowered):
        start, word = hit.start(), hit.group()
        if word[0].isdigit():
            rules, back = index.by_digit, WORDS_BEFORE_DIGIT
            if start and lowered[start - 1] in "'’":
                start -= 1  # "'80s"
        else:
            rules, back = index.by_word.get(word, ()), WORDS_BEFORE
        if not rules:
            continue
        for position in [*_starts_before(lowered, start, back, index.vocabulary), start]:
            groups = todo.setdefault(position, [])
            if rules not in groups:
                groups.append(rules)
    return todo
