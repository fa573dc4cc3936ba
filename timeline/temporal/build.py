"""Turn the groups a rule captured into a typed meaning (``timeline.temporal.partial``).

A name such as ``year__b`` is another spelling of ``year`` (Python forbids a group
name twice in one pattern). Group names are shared by all rules: ``year``, ``month``, ``day``, ``weekday``,
``part``, ``season``, ``quarter``, ``half``, ``decade``, ``century``, ``hour``,
``minute``, ``ampm``, ``dir``, ``number``, ``unit``, ``shift``, ``approx``,
``position``. A rule's ``set`` fixes fields the pattern does not capture.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from timeline.temporal.partial import Duration, FuzzyRef, Meaning, Partial, Recurrence, Shift
from timeline.temporal.rules import Rule, load_words
from timeline.temporal.values import OffCalendar, bc_year, movable_feast

_PARTIAL_FIELDS = frozenset(Partial.__dataclass_fields__)
_SPACES = re.compile(r"[\s-]+")
#: Groups a shift keeps on the period it lands on ("June last year", "last night").
_FILL_GROUPS = frozenset({"part", "hour", "minute", "ampm", "month", "day", "quarter", "half", "season",
                          "year"})


class NotADate(ValueError):
    """The captured text cannot be a date (day 31 of a 30-day month, hour 27...)."""


def _word(kind: str, text: str) -> Any:
    """Look ``text`` up in word list ``kind``, ignoring case, dots and spacing."""
    table = load_words()[kind]
    key = _SPACES.sub(" ", text.lower().replace("’", "'").rstrip(".")).strip()
    if key in table:
        return table[key]
    hyphen = key.replace(" ", "-")
    if hyphen in table:
        return table[hyphen]
    raise NotADate(f"{text!r} is not in word list {kind!r}")


def parse_number(text: str) -> float | None:
    """A count written in digits or words: "3", "2.5", "twenty-four", "a few" (None)."""
    key = _SPACES.sub(" ", text.lower()).strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", key):
        return float(key)
    if key.endswith(" 1/2") and key[:-4].isdigit():
        return float(key[:-4]) + 0.5
    if key.endswith(" and a half"):
        base = parse_number(key[: -len(" and a half")])
        return None if base is None else base + 0.5
    if key in ("half a", "half an", "a half"):
        return 0.5
    numbers = load_words()["number"]
    if key in numbers:
        value = numbers[key]
        return None if value == "X" else float(value)
    total = 0.0
    for part in key.split(" "):
        value = numbers.get(part)
        if value is None or value == "X":
            raise NotADate(f"{text!r} is not a number")
        total += float(value)
    return total


def _year(text: str) -> int:
    digits = text.lstrip("'’")
    value = int(digits)
    if len(digits) == 2:
        # Two-digit years: '98 is 1998, '05 is 2005 (news rarely looks further ahead).
        value += 1900 if value >= 30 else 2000
    return value


def _spoken_year(text: str) -> int:
    """A year said in words: "nineteen ninety-six" (1996), "two thousand one" (2001)."""
    words = _SPACES.sub(" ", text.lower()).replace(" and ", " ").split(" ")
    if words[:2] == ["two", "thousand"]:
        rest = parse_number(" ".join(words[2:])) if words[2:] else 0
        return 2000 + int(rest or 0)
    century = parse_number(words[0]) or 0
    rest = words[1:]
    if rest == ["hundred"]:
        return int(century) * 100
    return int(century) * 100 + int(parse_number(" ".join(rest)) or 0)


def _decade(text: str) -> int:
    digits = re.sub(r"\D", "", text)
    if len(digits) in (3, 4):  # "the 1990s"; "the 470s BC"
        return int(digits) // 10
    if len(digits) == 2:
        return (1900 + int(digits)) // 10 if int(digits) >= 20 else (2000 + int(digits)) // 10
    return int(_word("decade_word", text))


def _ordinal(text: str) -> int:
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else int(_word("ordinal", text))


#: Parts of day that put an hour written without a.m. or p.m. after noon ("4 in the
#: afternoon"); "at night" does so from 6 ("10 at night"), not in the small hours.
_AFTERNOON_PARTS = frozenset({"afternoon", "evening"})
NIGHT_FROM_HOUR = 6


def _part(groups: dict[str, str]) -> str:
    return (groups.get("part") or groups.get("part__b") or "").lower()


def _after_noon(groups: dict[str, str], hour: int) -> bool:
    ampm = (groups.get("ampm") or "").lower().replace(".", "").replace(" ", "")
    part = _part(groups)
    return ampm.startswith("p") or part in _AFTERNOON_PARTS or (part == "night" and hour >= NIGHT_FROM_HOUR)


def _hour(groups: dict[str, str]) -> int:
    hour = int(groups["hour"])
    ampm = (groups.get("ampm") or "").lower().replace(".", "").replace(" ", "")
    if _after_noon(groups, hour) and hour < 12:
        hour += 12
    elif hour == 12 and (ampm.startswith("a") or _part(groups) == "night"):
        hour = 0  # "12 a.m.", "12 at night": midnight
    if hour > 24:
        raise NotADate(f"hour {hour} is out of range")
    return hour


_CONVERTERS: dict[str, Callable[[str], Any]] = {
    "year": _year,
    "yearwords": _spoken_year,
    "month": lambda t: int(t) if t.isdigit() else _word("month", t),
    "day": _ordinal,
    "weekday": lambda t: _word("weekday", t),
    "part": lambda t: _word("part", t),
    "season": lambda t: _word("season", t),
    "quarter": lambda t: _word("quarter_ordinal", t),
    "half": lambda t: _word("half_ordinal", t),
    "week_nth": lambda t: _word("week_of_month", t),
    "decade": _decade,
    "century": lambda t: _ordinal(t) - 1,
    "minute": int,
    "second": int,
    "dir": lambda t: _word("direction", t),
    "position": lambda t: _word("position", t),
    # Only UTC and GMT are captured: both are written "Z"; local zones stay unmarked.
    "zone": lambda t: "Z",
}
_TARGET = {"part": "part_of_day", "dir": "direction", "position": "mod", "yearwords": "year",
           "week_nth": "nth"}


def partial_from(groups: dict[str, str], fixed: dict[str, Any]) -> Partial:
    """A ``Partial`` from captured groups plus the rule's fixed fields."""
    values: dict[str, Any] = {k: v for k, v in fixed.items() if k in _PARTIAL_FIELDS}
    for alias, text in groups.items():
        name = alias.split("__")[0]  # "year__b" is a second spelling of "year"
        if text is None or name not in _CONVERTERS:
            continue
        values[_TARGET.get(name, name)] = _CONVERTERS[name](text)
    if groups.get("hour") is not None:
        values["hour"] = _hour(groups)
    if groups.get("noon") is not None:
        values["hour"], values["minute"] = 12, 0
    if groups.get("holiday_nth") is not None:
        month, nth, weekday, *after = _word("holiday_nth", groups["holiday_nth"])
        values.update(month=month, nth=nth, weekday=weekday, days_after=after[0] if after else None)
    if groups.get("movable") is not None:
        values["easter"] = _word("movable_feast", groups["movable"])
        values["orthodox"] = groups.get("orthodox") is not None
    for kind in ("holiday", "national_day"):
        if groups.get(kind) is not None:
            month, day = str(_word(kind, groups[kind])).split("-")
            values["month"], values["day"] = int(month), int(day)
    if groups.get("year_tail") is not None and "year" in values:
        values["year"] = _year_tail(values["year"], int(groups["year_tail"]))
    if groups.get("era") is not None:
        _before_common_era(values, groups.get("year"))
    _check(values)
    return movable_feast(Partial(**values))


#: How many years a range written "1995-96" may span; "2023-01" is a month, not 2101.
MAX_TAIL_SPAN = 20


def _year_tail(first: int, tail: int) -> int:
    """The year "96" stands for after ``first`` in "1995-96": the next one ending so."""
    year = first // 100 * 100 + tail
    year = year if year > first else year + 100
    if year - first > MAX_TAIL_SPAN:
        raise NotADate(f"{first}-{tail:02d} is not a range of years")
    return year


def _before_common_era(values: dict[str, Any], year: str | None) -> None:
    """Make the year, decade or century of "480 BC" one before the common era; ``year``
    is the year as written ("44 BC" is 44, never 1944)."""
    try:
        if year is not None:
            values["year"] = bc_year(int(year))
    except OffCalendar as error:
        raise NotADate(str(error)) from error
    for name in ("decade", "century"):
        if values.get(name) is not None:
            values[name] = -values[name] - 1  # -1 is the first century BC
    values["bc"] = True


def _check(values: dict[str, Any]) -> None:
    month, day = values.get("month"), values.get("day")
    if month is not None and not 1 <= month <= 12:
        raise NotADate(f"month {month} is out of range")
    if day is not None and not 1 <= day <= 31:
        raise NotADate(f"day {day} is out of range")
    if month is not None and day is not None and day > (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
        raise NotADate(f"{month}/{day} is not a day of the calendar")
    minute = values.get("minute")
    if minute is not None and minute > 59:
        raise NotADate(f"minute {minute} is out of range")


def _amount(groups: dict[str, str], fixed: dict[str, Any]) -> float | None:
    text = groups.get("number")
    if text is None:
        return fixed.get("amount", 1)
    return parse_number(text)


def _unit(groups: dict[str, str], fixed: dict[str, Any]) -> str:
    if groups.get("unit"):
        return _word("unit", groups["unit"])
    if groups.get("period"):
        return _word("period", groups["period"])
    return str(fixed["unit"])


#: Units counted back or ahead in years: "a decade ago", "a century ago".
_YEARS_IN = {"DE": 10, "CE": 100}


def _shift(groups: dict[str, str], fixed: dict[str, Any]) -> Shift:
    amount = _amount(groups, fixed)
    if groups.get("shift"):
        sign = _word("shift_word", groups["shift"])
    elif groups.get("dir"):
        sign = _word("direction", groups["dir"])
    else:
        sign = fixed.get("sign", 1)
    unit = _unit(groups, fixed)
    if (unit == "W" and amount and sign < 0 and float(amount).is_integer()
            and amount <= fixed.get("days_for_weeks", 0)):
        unit, amount = "D", amount * 7  # "two weeks ago" is the day, 14 days back
    if unit in _YEARS_IN and amount is not None and groups.get("shift"):
        # "a decade ago" is a year, as "ten years ago" is; so is "half a century ago".
        unit, amount = "Y", amount * _YEARS_IN[unit]
    if unit == "H" and amount is not None and not float(amount).is_integer():
        unit, amount = "MIN", amount * 60  # "half an hour later", "1.5 hours later"
    count = None if amount is None else int(round(amount)) * sign
    fill_groups = {k: v for k, v in groups.items() if k in _FILL_GROUPS}
    has_fixed = bool(fixed.keys() & _PARTIAL_FIELDS)
    fill = partial_from(fill_groups, fixed) if fill_groups or has_fixed else None
    mod = _word("position", groups["position"]) if groups.get("position") else None
    base = str(fixed.get("base", "reference"))
    keep = bool(fixed.get("keep", False))
    return Shift(unit, count, base, fill, mod, -1 if sign < 0 else 1, keep)


def _duration(groups: dict[str, str], fixed: dict[str, Any]) -> Duration:
    approx = bool(groups.get("approx")) or bool(fixed.get("approx", False))
    return Duration(_amount(groups, fixed), _unit(groups, fixed), approx)


def _recurrence(groups: dict[str, str], fixed: dict[str, Any]) -> Recurrence:
    if "value" in fixed:
        return Recurrence(str(fixed["value"]))
    if groups.get("adverb"):
        return Recurrence(str(_word("set_adverb", groups["adverb"])))
    if groups.get("weekday"):
        name = groups["weekday"]
        number = _word("weekday_plural" if name.lower() in load_words()["weekday_plural"] else "weekday", name)
        value = f"XXXX-WXX-{number}"
        if groups.get("part"):
            value += "T" + _word("part", groups["part"])
        return Recurrence(value)
    if groups.get("month"):
        return Recurrence(f"XXXX-{_word('month', groups['month']):02d}")
    if groups.get("season"):
        return Recurrence(f"XXXX-{_word('season', groups['season'])}")
    if groups.get("part"):
        return Recurrence(f"XXXX-XX-XXT{_word('part', groups['part'])}")
    unit = _unit(groups, fixed)
    # "every four years" repeats every P4Y; "twice a year" is a set over P1Y (its
    # frequency, TIMEX3 freq, is not part of the value).
    amount = parse_number(groups["number"]) if groups.get("number") else 1
    count = 1 if amount is None else int(round(amount))
    if unit in ("H", "MIN", "S"):
        return Recurrence(f"PT{count}{'M' if unit == 'MIN' else unit}")
    return Recurrence(f"P{count}{unit}")


def build(rule: Rule, groups: dict[str, str]) -> Meaning:
    """The meaning of one match of ``rule``. Raises ``NotADate`` for impossible values."""
    fixed = rule.params
    groups = {name.split("__")[0]: text for name, text in groups.items()}
    if rule.build == "date":
        return partial_from(groups, fixed)
    if rule.build == "shift":
        return _shift(groups, fixed)
    if rule.build == "duration":
        return _duration(groups, fixed)
    if rule.build == "ref":
        return FuzzyRef(str(fixed["value"]), _unit(groups, fixed) if groups.get("unit") else None)
    if rule.build == "set":
        return _recurrence(groups, fixed)
    raise NotADate(f"rule {rule.id} marks text that is not a time expression")
