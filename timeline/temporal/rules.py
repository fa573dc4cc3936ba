"""Load, validate and compile the temporal tagging rules kept as data.

Two files in ``timeline/resources``: ``temporal_words.yaml`` (word lists: seasons,
parts of day, directions, tense cues) and ``temporal_rules.yaml`` (macros and rules).
A rule pattern refers to a word list or macro as ``{name}`` (or ``{name:alias}`` to
capture under another group name). Every rule has an ``id``, a ``build`` kind and
``examples``; anything malformed, a misspelt capture group included, raises
``RuleFileError`` naming the file and the rule. Calendar words (months, weekdays,
numbers, ordinals, units) come from ``calendar_words.yaml``, shared with every rule
format (``timeline.resource_files``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from timeline.errors import RuleFileError
from timeline.resource_files import calendar_words, check_examples, entries, read_bundled

WORDS = "temporal_words.yaml"
RULES = "temporal_rules.yaml"
BUILD_KINDS = frozenset({"date", "shift", "duration", "ref", "set", "skip"})
#: What every worked example of a rule gives (and ``reference``, the date it is read on).
EXAMPLE_KEYS = ("text", "value")
#: The capture groups a rule may name (``year__b`` is a second spelling of ``year``):
#: those ``timeline.temporal.build`` reads, and ``span``, which narrows the expression
#: to part of the match. Any other group is a load error, so a misspelling is caught.
CAPTURE_GROUPS = frozenset({
    "year", "yearwords", "year_tail", "era", "month", "day", "weekday", "part", "season", "quarter", "half",
    "decade", "century", "hour", "minute", "second", "ampm", "noon", "zone", "dir", "position",
    "holiday", "holiday_nth", "movable", "orthodox", "national_day", "week_nth", "number", "unit", "period", "shift", "approx",
    "adverb", "span",
})
_PLACEHOLDER = re.compile(r"\{([=^]?)([A-Za-z_]\w*)(?::(\w+))?\}")
_GROUP = re.compile(r"\(\?P<(\w+)>")
_UNIT_GROUP = re.compile(r"\(\?P<(?:unit|period)(?:__\w+)?>")


@dataclass(frozen=True)
class Example:
    """One worked example of a rule: the text, a reference date and the expected value."""

    text: str
    reference: str | None
    value: str


@dataclass(frozen=True, eq=False)
class Rule:
    """A compiled tagging rule (hashed by identity: rules are loaded once)."""

    id: str
    regex: re.Pattern[str]
    build: str
    params: dict[str, Any] = field(default_factory=dict)
    type: str | None = None
    confidence: float = 0.9
    examples: tuple[Example, ...] = ()
    priority: int = 0


@cache
def load_words() -> dict[str, Any]:
    """The word lists, lower-cased keys: ``temporal_words.yaml`` plus the calendar words."""
    data = read_bundled(WORDS)
    out: dict[str, Any] = {}
    for name, words in data.items():
        if name in ("unit_lists", "trigger_lists"):
            continue
        if isinstance(words, dict):
            out[name] = {str(k).lower(): v for k, v in words.items()}
        elif isinstance(words, list):
            out[name] = [str(w).lower() for w in words]
        else:
            raise RuleFileError(WORDS, "must be a mapping or a list", name)
    out.update(_calendar_lists(data))
    return out


def _calendar_lists(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The word lists drawn from ``calendar_words.yaml``, as the rules name them."""
    calendar = calendar_words()
    lists: dict[str, dict[str, Any]] = {
        "month": dict(calendar.months),
        "month_name": {name: n for n, name in enumerate(calendar.month_names, 1)},
        "weekday": dict(calendar.weekdays),
        "weekday_full": calendar.weekday_full(),
        "weekday_plural": dict(calendar.weekday_plurals),
        "ordinal": dict(calendar.ordinals),
        "number": {**calendar.numbers, **data.get("vague_number", {})},
        "number_ones": calendar.cardinals_between(1, 9),
        "number_teens": calendar.cardinals_between(10, 19),
        "number_tens": calendar.cardinals_between(20, 90, 10),
        "unit": {form: unit.timex for unit in calendar.units for form in unit.forms},
    }
    unit_lists = data.get("unit_lists") or {}
    if not isinstance(unit_lists, dict):
        raise RuleFileError(WORDS, "unit_lists must map list names to unit names")
    for name, units in unit_lists.items():
        lists[name] = {u.name: u.timex for u in (calendar.unit(n, WORDS) for n in units)}
    return lists


def _alternation(words: list[str], title: bool) -> str:
    """A regex alternation of ``words``, longest first so "sept" wins over "sep"."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        text = word[:1].upper() + word[1:] if title else word
        parts.append(re.escape(text).replace(r"\ ", r"\s+").replace(r"\-", "[-\\s]?")
                     .replace("'", "['’]"))
    return "|".join(parts)


def _expand(pattern: str, macros: dict[str, str], words: dict[str, Any], rid: str,
            source: str = RULES) -> str:
    """Replace ``{name}`` placeholders by macros or word-list alternations (the keys of
    a mapping, or the words of a list).

    ``{name}`` captures a group called name, ``{name:alias}`` one called alias,
    ``{=name}`` captures nothing and ``{^name}`` matches only capitalised words (so
    "May" the month, not "may" the verb, and "March" but not "march").
    """

    def sub(m: re.Match[str]) -> str:
        flag, name = m.group(1), m.group(2)
        alias = m.group(3) or name
        if name in macros:
            body = _expand(macros[name], macros, words, rid, source)
            first = _GROUP.search(body)
            if first and alias != name:
                body = body[: first.start()] + f"(?P<{alias}>" + body[first.end():]
            return body
        if name in words and isinstance(words[name], (dict, list)):
            alternatives = _alternation(list(words[name]), title=flag == "^")
            if flag == "=":
                return f"(?:{alternatives})"
            if flag == "^":
                return f"(?P<{alias}>(?-i:{alternatives}))"
            return f"(?P<{alias}>{alternatives})"
        raise RuleFileError(source, f"refers to unknown {{{name}}}", rid)

    return _PLACEHOLDER.sub(sub, pattern)


def _examples(raw: list[dict[str, Any]]) -> tuple[Example, ...]:
    """The rule's worked examples (their shape was checked by ``check_examples``)."""
    return tuple(
        Example(str(item["text"]), None if item.get("reference") is None else str(item["reference"]),
                str(item["value"]))
        for item in raw
    )


def _compile(raw: dict[str, Any], macros: dict[str, str], words: dict[str, Any],
             source: str = RULES) -> Rule:
    """One rule, compiled; ``RuleFileError`` names ``source`` and the rule."""
    rid = str(raw.get("id") or "")
    if not rid:
        raise RuleFileError(source, "a rule has no id", repr(raw)[:60])
    check_examples(raw.get("examples"), source, rid, EXAMPLE_KEYS)
    build = raw.get("build")
    if build not in BUILD_KINDS:
        raise RuleFileError(source, f"unknown build {build!r}", rid)
    pattern = _expand(str(raw.get("pattern", "")), macros, words, rid, source)
    try:
        regex = re.compile(r"(?<![\w$#@/.-])(?:" + pattern + r")(?![\w%$])", re.IGNORECASE)
    except re.error as err:
        raise RuleFileError(source, f"bad pattern: {err}", rid) from err
    unknown = sorted(g for g in regex.groupindex if g.split("__")[0] not in CAPTURE_GROUPS)
    if unknown:
        raise RuleFileError(source, f"unknown capture group(s) {', '.join(unknown)}", rid)
    params = dict(raw.get("set") or {})
    if build in ("shift", "duration") and "unit" not in params and not _UNIT_GROUP.search(regex.pattern):
        raise RuleFileError(source, f"a {build} needs a unit group or set: unit", rid)
    confidence = float(raw.get("confidence", 0.9))
    if not 0.0 <= confidence <= 1.0:
        raise RuleFileError(source, "confidence outside [0, 1]", rid)
    return Rule(
        id=rid, regex=regex, build=build, params=params,
        type=raw.get("type"), confidence=confidence,
        examples=_examples(raw["examples"]), priority=int(raw.get("priority", 0)),
    )


def compile_rules(data: dict[str, Any], source: str = RULES) -> tuple[Rule, ...]:
    """The rules of a parsed rule file, checked and compiled."""
    if "rules" not in data:
        raise RuleFileError(source, "expected 'macros' and 'rules'")
    macros = {str(k): str(v) for k, v in (data.get("macros") or {}).items()}
    words = load_words()
    checked = entries(data, source, "rules", ("pattern", "build"), EXAMPLE_KEYS)
    return tuple(_compile(raw, macros, words, source) for raw in checked)


@cache
def load_rules() -> tuple[Rule, ...]:
    """All bundled tagging rules, compiled once; ``RuleFileError`` on a malformed rule."""
    return compile_rules(read_bundled(RULES))
