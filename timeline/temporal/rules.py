"""Load, validate and compile the temporal tagging rules kept as data.

Two files in ``timeline/resources``: ``temporal_words.yaml`` (word lists: months,
weekdays, numbers, units, tense cues) and ``temporal_rules.yaml`` (macros and rules).
A rule pattern refers to a word list or macro as ``{name}`` (or ``{name:alias}`` to
capture under another group name). Every rule has an ``id``, a ``build`` kind and
``examples``; anything malformed raises ``ResourceError`` naming the rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from timeline.errors import ResourceError

BUILD_KINDS = frozenset({"date", "shift", "duration", "ref", "set", "skip"})
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


def _read_yaml(name: str) -> Any:
    path = resources.files("timeline.resources").joinpath(name)
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise ResourceError(f"{name}: not valid YAML: {err}") from err


@cache
def load_words() -> dict[str, Any]:
    """The word lists, lower-cased keys, as read from ``temporal_words.yaml``."""
    data = _read_yaml("temporal_words.yaml")
    if not isinstance(data, dict):
        raise ResourceError("temporal_words.yaml: expected a mapping of word lists")
    out: dict[str, Any] = {}
    for name, words in data.items():
        if isinstance(words, dict):
            out[name] = {str(k).lower(): v for k, v in words.items()}
        elif isinstance(words, list):
            out[name] = [str(w).lower() for w in words]
        else:
            raise ResourceError(f"temporal_words.yaml: list {name!r} must be a mapping or list")
    return out


def _alternation(words: list[str], title: bool) -> str:
    """A regex alternation of ``words``, longest first so "sept" wins over "sep"."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        text = word[:1].upper() + word[1:] if title else word
        parts.append(re.escape(text).replace(r"\ ", r"\s+").replace(r"\-", "[-\\s]?"))
    return "|".join(parts)


def _expand(pattern: str, macros: dict[str, str], words: dict[str, Any], rid: str) -> str:
    """Replace ``{name}`` placeholders by macros or word-list alternations.

    ``{name}`` captures a group called name, ``{name:alias}`` one called alias,
    ``{=name}`` captures nothing and ``{^name}`` matches only capitalised words (so
    "May" the month, not "may" the verb, and "March" but not "march").
    """

    def sub(m: re.Match[str]) -> str:
        flag, name = m.group(1), m.group(2)
        alias = m.group(3) or name
        if name in macros:
            body = _expand(macros[name], macros, words, rid)
            first = _GROUP.search(body)
            if first and alias != name:
                body = body[: first.start()] + f"(?P<{alias}>" + body[first.end():]
            return body
        if name in words and isinstance(words[name], dict):
            alternatives = _alternation(list(words[name]), title=flag == "^")
            if flag == "=":
                return f"(?:{alternatives})"
            if flag == "^":
                return f"(?P<{alias}>(?-i:{alternatives}))"
            return f"(?P<{alias}>{alternatives})"
        raise ResourceError(f"temporal_rules.yaml: rule {rid!r} refers to unknown {{{name}}}")

    return _PLACEHOLDER.sub(sub, pattern)


def _examples(raw: Any, rid: str) -> tuple[Example, ...]:
    if not isinstance(raw, list) or not raw:
        raise ResourceError(f"temporal_rules.yaml: rule {rid!r} needs a list of examples")
    out = []
    for item in raw:
        if not isinstance(item, dict) or "text" not in item or "value" not in item:
            raise ResourceError(f"temporal_rules.yaml: rule {rid!r}: example needs text and value")
        ref = item.get("reference")
        out.append(Example(str(item["text"]), None if ref is None else str(ref), str(item["value"])))
    return tuple(out)


def _compile(raw: dict[str, Any], macros: dict[str, str], words: dict[str, Any]) -> Rule:
    rid = raw.get("id")
    if not isinstance(rid, str) or not rid:
        raise ResourceError(f"temporal_rules.yaml: a rule has no id: {raw!r}")
    build = raw.get("build")
    if build not in BUILD_KINDS:
        raise ResourceError(f"temporal_rules.yaml: rule {rid!r}: unknown build {build!r}")
    source = _expand(str(raw.get("pattern", "")), macros, words, rid)
    try:
        regex = re.compile(r"(?<![\w$#@/.-])(?:" + source + r")(?![\w%$])", re.IGNORECASE)
    except re.error as err:
        raise ResourceError(f"temporal_rules.yaml: rule {rid!r}: bad pattern: {err}") from err
    params = dict(raw.get("set") or {})
    if build in ("shift", "duration") and "unit" not in params and not _UNIT_GROUP.search(regex.pattern):
        raise ResourceError(f"temporal_rules.yaml: rule {rid!r}: a {build} needs a unit group or set: unit")
    confidence = float(raw.get("confidence", 0.9))
    if not 0.0 <= confidence <= 1.0:
        raise ResourceError(f"temporal_rules.yaml: rule {rid!r}: confidence outside [0, 1]")
    return Rule(
        id=rid, regex=regex, build=build, params=params,
        type=raw.get("type"), confidence=confidence,
        examples=_examples(raw.get("examples"), rid), priority=int(raw.get("priority", 0)),
    )


@cache
def load_rules() -> tuple[Rule, ...]:
    """All tagging rules, compiled once. Raises ``ResourceError`` on a malformed rule."""
    data = _read_yaml("temporal_rules.yaml")
    if not isinstance(data, dict) or "rules" not in data:
        raise ResourceError("temporal_rules.yaml: expected 'macros' and 'rules'")
    macros = {str(k): str(v) for k, v in (data.get("macros") or {}).items()}
    words = load_words()
    rules = tuple(_compile(raw, macros, words) for raw in data["rules"])
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise ResourceError(f"temporal_rules.yaml: duplicate rule id {rule.id!r}")
        seen.add(rule.id)
    return rules
