"""Find a scheduled event told in the simple present: "The summit opens Monday".

News writes what is scheduled in the simple present ("Voters go to the polls on
Sunday", "Parliament votes on the bill Thursday", "The verdict is due Friday") and
what happened in the past. ``scheduled_cue`` finds such a present verb among a
clause's words when the clause has no past or future cue of its own: a third-person
form (-s, -es, -ies) of a verb on the ``scheduled_verbs`` list of
``temporal_words.yaml``, or its base form after a plural subject ("voters go", "they
meet", "Obama and Abe meet"), also when a prepositional phrase stands between them
("Voters in Senegal go", "Leaders of the Group of 20 meet"). A habitual word ("every", "usually") or a headline line (historical present:
"Earthquake strikes Japan") rules it out. Linear in the clause's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from timeline.resource_files import read_bundled
from timeline.temporal.rules import load_words

_SIBILANT_ENDS = ("s", "sh", "ch", "x", "z", "o")
#: A line this short without closing punctuation is a headline, not body text.
HEADLINE_WORDS = 14
_LINE_END = re.compile(r"[.!?\"”’')]\s*$")
_WORD = re.compile(r"[\w'’]+")


@dataclass(frozen=True)
class _Schedule:
    """Verb forms by first word: (rest of the phrase, whether the form is a base form)."""

    forms: dict[str, tuple[tuple[tuple[str, ...], bool], ...]]
    phrases: frozenset[tuple[str, ...]]
    habitual: frozenset[str]
    not_before: frozenset[str]
    pronouns: frozenset[str]
    #: Prepositions that may open a phrase inside a subject ("voters in Senegal").
    subject_prepositions: frozenset[str]
    reported: frozenset[str]
    #: Words between a reporting verb and its time ("said late on Monday").
    report_gap: frozenset[str]


def third_person(verb: str) -> str:
    """The third-person singular present of a base form: go -> goes, fly -> flies."""
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + ("es" if verb.endswith(_SIBILANT_ENDS) else "s")


@cache
def _schedule() -> _Schedule:
    words = load_words()
    forms: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
    for phrase in words["scheduled_verbs"]:
        first, *rest = phrase.split()
        forms.setdefault(first, []).append((tuple(rest), True))
        forms.setdefault(third_person(first), []).append((tuple(rest), False))
    ordered = {k: tuple(sorted(v, key=lambda f: -len(f[0]))) for k, v in forms.items()}
    not_before = frozenset(words["scheduled_not_before"]).union(words["number"])  # "two visits"
    return _Schedule(ordered, frozenset(tuple(p.split()) for p in words["scheduled_phrases"]),
                     frozenset(words["habitual_words"]), not_before, frozenset(words["plural_pronouns"]),
                     frozenset(words["subject_prepositions"]),
                     _reporting_past(words["reporting_past_irregular"]),
                     frozenset(words["report_gap_words"]))


def _reporting_past(irregular: dict[str, str]) -> frozenset[str]:
    """The past forms of the reporting verbs of ``event_types.yaml`` (said, reported)."""
    verbs = read_bundled("event_types.yaml")["reporting_verbs"]
    return frozenset(irregular.get(v) or v + ("d" if v.endswith("e") else "ed") for v in verbs)


def _plural_subject(word: str, table: _Schedule) -> bool:
    """Whether ``word`` can be the plural subject of a base form ("voters", "they")."""
    if word in table.pronouns:
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word not in table.not_before


#: At most this many words of a prepositional phrase between a subject and its verb.
SUBJECT_PHRASE_WORDS = 5


def _plural_before_phrase(tokens: list[str], i: int, table: _Schedule) -> bool:
    """Whether a plural subject stands before a prepositional phrase that ends just
    before token ``i``: "voters in Senegal go", "talks between the two sides resume".
    The noun before the nearest preposition is the subject's head."""
    for j in range(i - 1, max(0, i - 1 - SUBJECT_PHRASE_WORDS), -1):
        if tokens[j] in table.subject_prepositions:
            return j > 0 and _plural_subject(tokens[j - 1], table)
    return False


def _verb_at(tokens: list[str], i: int, table: _Schedule) -> str | None:
    """The scheduling verb (or phrase) starting at token ``i``, or None."""
    if i > 0 and tuple(tokens[i - 1:i + 1]) in table.phrases:
        return f"{tokens[i - 1]} {tokens[i]}"
    word = tokens[i]
    previous = tokens[i - 1] if i > 0 else ""
    if previous in table.not_before or previous.endswith("'s") or previous.isdigit():
        return None  # "the votes", "his return", "to go", "the team's plays", "2 visits"
    for rest, base in table.forms.get(word, ()):
        if tuple(tokens[i + 1:i + 1 + len(rest)]) != rest:
            continue
        if base and not (_plural_subject(previous, table) or _plural_before_phrase(tokens, i, table)
                         or "and" in tokens[max(0, i - 6):max(0, i - 1)]):
            return None  # a base form needs a plural subject: "voters go", "Obama and Abe meet"
        return " ".join((word, *rest))
    return None


def _headline(text: str, start: int, end: int, window: int) -> bool:
    """Whether the span sits on a short line with no closing punctuation (a headline)."""
    left = text.rfind("\n", max(0, start - window), start)
    if left < 0 and start > window:
        return False  # a long line: body text
    right = text.find("\n", end, end + window)
    if right < 0 and end + window < len(text):
        return False  # a long line: body text
    line = text[left + 1:right if right >= 0 else len(text)]
    return len(_WORD.findall(line)) <= HEADLINE_WORDS and not _LINE_END.search(line)


def report_gap_words() -> frozenset[str]:
    """Words between a reporting verb and its time ("said late on Monday")."""
    return _schedule().report_gap


def reporting_past(word: str) -> bool:
    """Whether ``word`` is the past form of a reporting verb ("said", "announced")."""
    return word in _schedule().reported


#: At most this many words in an attribution after a comma: "..., the commission said".
ATTRIBUTION_WORDS = 6


def attributed(right: str) -> list[str] | None:
    """The words of ``right`` (a clause after an expression) before a closing
    attribution (", officials said"), lower case; None when it does not end in one."""
    comma = right.rfind(",")
    if comma < 0:
        return None
    tail = [w.lower() for w in _WORD.findall(right[comma + 1:])]
    if not tail or len(tail) > ATTRIBUTION_WORDS or not _schedule().reported.intersection(tail):
        return None
    return [w.lower().replace("’", "'") for w in _WORD.findall(right[:comma])]


def scheduled_cue(text: str, start: int, end: int, tokens: list[str], window: int) -> str | None:
    """The simple-present scheduling verb among ``tokens`` (the clause around
    ``text[start:end]``, lower case, with no past or future cue), or None."""
    table = _schedule()
    if table.habitual.intersection(tokens):
        return None
    for i in range(len(tokens)):
        verb = _verb_at(tokens, i, table)
        if verb is not None:
            return None if _headline(text, start, end, window) else verb
    return None
