"""One loader for every rule file in ``timeline/resources``.

Each file is YAML with a mapping at the top. A section of entries (rules, gazetteer
entries, event types, reference events, datelines) is read with ``entries``: every
entry has an ``id`` that is unique in its file (in a mapping section the key is the
id) and a non-empty list of worked ``examples`` of the shape the file documents.
Anything wrong raises ``RuleFileError`` naming the file and the entry. The calendar
words every rule format shares (``calendar_words.yaml``) are read here too.

Loaders are pure and cached: the bundled files do not change while a process runs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from timeline.errors import RuleFileError

PACKAGE = "timeline.resources"
CALENDAR = "calendar_words.yaml"


def parse_yaml(text: str, source: str) -> Any:
    """The YAML document in ``text``, whatever its shape; ``source`` names it in errors."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RuleFileError(source, f"not valid YAML: {exc}") from exc
    except ValueError as exc:  # PyYAML reads 2022-02-30 as a date and fails
        raise RuleFileError(source, f"a value is not a YYYY-MM-DD date: {exc}") from exc


def parse(text: str, source: str) -> dict[str, Any]:
    """The top-level mapping of a YAML rule file; ``source`` names it in errors."""
    data = parse_yaml(text, source)
    if not isinstance(data, dict):
        raise RuleFileError(source, "expected a mapping at the top level")
    return data


@cache
def read_bundled(name: str) -> dict[str, Any]:
    """The bundled rule file ``name`` (in ``timeline/resources``), parsed."""
    try:
        text = resources.files(PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise RuleFileError(name, "no such bundled rule file") from exc
    return parse(text, name)


def read_path(path: str | Path) -> dict[str, Any]:
    """A rule file given by path (a user's file, or a test's), parsed."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise RuleFileError(str(path), "file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(str(path), f"cannot read: {exc}") from exc
    return parse(text, str(path))


def entries(
    data: Mapping[str, Any], source: str, section: str, required: Sequence[str] = (),
    example_keys: Sequence[str] | None = None,
) -> tuple[dict[str, Any], ...]:
    """The entries under ``section``, checked; each dict carries its ``id``.

    ``section`` holds a list of mappings with an ``id`` each, or a mapping from id to
    fields. Every entry needs the ``required`` fields and a non-empty ``examples``
    list: of strings when ``example_keys`` is None, else of mappings with those keys.
    """
    raw = data.get(section)
    if isinstance(raw, Mapping):
        raw = [_keyed(key, value, source, section) for key, value in raw.items()]
    if not isinstance(raw, list) or not raw:
        raise RuleFileError(source, f"expected a non-empty list of entries under {section!r}")
    seen: set[str] = set()
    out = []
    for index, item in enumerate(raw):
        if not isinstance(item, Mapping):
            raise RuleFileError(source, "is not a mapping of fields", f"{section}[{index}]")
        entry_id = item.get("id")
        if not isinstance(entry_id, str) or not entry_id.strip():
            problem = "has no id" if entry_id in (None, "") else f"id {entry_id!r} is not a text"
            raise RuleFileError(source, problem, f"{section}[{index}]")
        if entry_id in seen:
            raise RuleFileError(source, "duplicate id", entry_id)
        seen.add(entry_id)
        missing = [name for name in required if name not in item]
        if missing:
            raise RuleFileError(source, f"lacks {', '.join(missing)}", entry_id)
        check_examples(item.get("examples"), source, entry_id, example_keys)
        out.append(dict(item))
    return tuple(out)


def _keyed(key: Any, value: Any, source: str, section: str) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise RuleFileError(source, "is not a mapping of fields", f"{section}.{key}")
    return {"id": str(key), **value}


def check_examples(examples: Any, source: str, entry: str,
                   keys: Sequence[str] | None = None) -> None:
    """Raise unless ``examples`` is a non-empty list of the documented shape."""
    if not isinstance(examples, list) or not examples:
        raise RuleFileError(source, "needs a non-empty list of examples", entry)
    for example in examples:
        if keys is None:
            if not isinstance(example, str) or not example.strip():
                raise RuleFileError(source, f"example {example!r} is not a text", entry)
        elif not isinstance(example, Mapping) or any(k not in example for k in keys):
            raise RuleFileError(source, f"example {example!r} needs {', '.join(keys)}", entry)


def word_list(data: Mapping[str, Any], source: str, key: str) -> tuple[str, ...]:
    """A list of words under ``key`` (absent: empty); YAML's ``on``/``no`` must be quoted."""
    words = data.get(key, ())
    if not isinstance(words, (list, tuple)) or not all(isinstance(w, str) for w in words):
        raise RuleFileError(source, f"{key} must be a list of words (quote yes/no/on/off)")
    return tuple(words)


# --- calendar words -----------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """A calendar unit: its written forms and the TIMEX3 letter of a duration in it."""

    name: str
    plural: str
    short: tuple[str, ...]
    timex: str

    @property
    def forms(self) -> tuple[str, ...]:
        """Every written form: singular, plural and short forms."""
        return (self.name, self.plural, *self.short)


@dataclass(frozen=True)
class CalendarWords:
    """The contents of ``calendar_words.yaml``; every key is lower case."""

    months: Mapping[str, int]
    month_names: tuple[str, ...]
    weekdays: Mapping[str, int]
    weekday_names: tuple[str, ...]
    weekday_plurals: Mapping[str, int]
    cardinals: Mapping[str, int]
    numbers: Mapping[str, int]
    ordinals: Mapping[str, int]
    units: tuple[Unit, ...]

    def cardinals_between(self, low: int, high: int, step: int = 1) -> dict[str, int]:
        """The cardinal words from ``low`` to ``high`` (every ``step``): "twenty" .. "ninety"."""
        return {w: n for w, n in self.cardinals.items() if low <= n <= high and n % step == 0}

    def weekday_full(self) -> dict[str, int]:
        """Full weekday names to their ISO number (Monday 1 .. Sunday 7)."""
        return {name: number for number, name in enumerate(self.weekday_names, 1)}

    def unit(self, name: str, source: str = CALENDAR) -> Unit:
        """The unit called ``name``; ``source`` names the file asking, in the error."""
        for unit in self.units:
            if unit.name == name:
                return unit
        raise RuleFileError(source, f"no calendar unit {name!r} in {CALENDAR}")


@cache
def calendar_words() -> CalendarWords:
    """The shared calendar words of ``calendar_words.yaml``."""
    return parse_calendar(read_bundled(CALENDAR), CALENDAR)


def parse_calendar(data: Mapping[str, Any], source: str) -> CalendarWords:
    """Calendar words, checked: months 1-12, ISO weekdays 1-7, no form twice."""
    months, month_names, _ = _numbered(data, source, "months", 12)
    weekdays, weekday_names, plurals = _numbered(data, source, "weekdays", 7)
    units = tuple(_unit(item, source) for item in _list(data, source, "units"))
    cardinals = _counts(data, source, "numbers")
    _unique_forms(source, "units", [form for unit in units for form in unit.forms])
    return CalendarWords(
        months=months, month_names=month_names, weekdays=weekdays,
        weekday_names=weekday_names, weekday_plurals=plurals,
        cardinals=cardinals, numbers={**cardinals, **_counts(data, source, "number_phrases")},
        ordinals=_counts(data, source, "ordinals"), units=units,
    )


def _list(data: Mapping[str, Any], source: str, key: str) -> list[Mapping[str, Any]]:
    items = data.get(key)
    if not isinstance(items, list) or not all(isinstance(i, Mapping) for i in items):
        raise RuleFileError(source, f"{key} must be a list of mappings")
    return items


def _numbered(data: Mapping[str, Any], source: str, key: str, count: int
              ) -> tuple[dict[str, int], tuple[str, ...], dict[str, int]]:
    """Forms to numbers, the full names in order, and plurals, for months or weekdays."""
    items = sorted(_list(data, source, key), key=lambda i: int(i.get("number", 0)))
    if [i.get("number") for i in items] != list(range(1, count + 1)):
        raise RuleFileError(source, f"{key} must be numbered 1 to {count}, once each")
    forms: dict[str, int] = {}
    plurals: dict[str, int] = {}
    for item in items:
        name, short = str(item.get("name", "")), item.get("short") or []
        for form in (name, *map(str, short)):
            if not form or form != form.lower() or form in forms:
                raise RuleFileError(source, f"form {form!r} is empty, not lower case or repeated",
                                    f"{key} {item['number']}")
            forms[form] = item["number"]
        if item.get("plural"):
            plurals[str(item["plural"])] = item["number"]
    return forms, tuple(str(i["name"]) for i in items), plurals


def _counts(data: Mapping[str, Any], source: str, key: str) -> dict[str, int]:
    table = data.get(key)
    if not isinstance(table, Mapping) or not all(isinstance(v, int) for v in table.values()):
        raise RuleFileError(source, f"{key} must map words to whole numbers")
    return {str(word).lower(): int(value) for word, value in table.items()}


def _unit(item: Mapping[str, Any], source: str) -> Unit:
    try:
        return Unit(str(item["name"]), str(item["plural"]),
                    tuple(map(str, item.get("short") or ())), str(item["timex"]))
    except KeyError as exc:
        raise RuleFileError(source, f"lacks {exc.args[0]}", f"units {item.get('name')}") from exc


def _unique_forms(source: str, key: str, forms: list[str]) -> None:
    seen: set[str] = set()
    for form in forms:
        if form in seen or form != form.lower():
            raise RuleFileError(source, f"form {form!r} is repeated or not lower case", key)
        seen.add(form)
