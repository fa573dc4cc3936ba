"""Time expressions anchored to a reference event: "day 300 of the war", "a year after
the invasion", "the war is nearing its 11th month".

The rules are data (``timeline/resources/temporal_anchored.yaml``; its header explains
how counting works and why "nearing its 11th month" is read as it is). Each match is
resolved against the reference-event knowledge base (``timeline.temporal.knowledge``):
the ``anchor`` of the result is the event's name and ``rule`` the rule id.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from dateutil.relativedelta import relativedelta

from timeline.errors import RuleFileError
from timeline.resource_files import calendar_words, entries, read_bundled
from timeline.model import CountMark, TimeExpression
from timeline.temporal.event_mentions import EventMention, find_event_mentions
from timeline.temporal.knowledge import ReferenceEvent, resolve_events
from timeline.vocab import Granularity

RESOURCE = "temporal_anchored.yaml"
KINDS = frozenset({"nth_unit", "day_n", "anniversary", "offset"})
_STEP = {
    "day": relativedelta(days=1),
    "week": relativedelta(weeks=1),
    "month": relativedelta(months=1),
    "year": relativedelta(years=1),
    "decade": relativedelta(years=10),
}


@dataclass(frozen=True)
class AnchoredRule:
    """One compiled-ready rule; ``pattern`` still holds its placeholders."""

    id: str
    kind: str
    pattern: str
    confidence: float
    describes_now: bool
    direction: int
    examples: tuple[dict[str, str], ...]
    word_before_event: frozenset[str] = frozenset()

    @property
    def event_first(self) -> bool:
        """True when the pattern starts with the event's name."""
        return self.pattern.startswith("{event}")


@dataclass(frozen=True)
class AnchoredConfig:
    """Everything in the rule file: word lists and rules."""

    granularity: dict[str, str]
    units: dict[str, str]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    hedges: dict[str, tuple[str, float]]
    modes: dict[str, str]
    near_year_months: int
    rules: tuple[AnchoredRule, ...]


# --- loading ----------------------------------------------------------------------


@cache
def load_rules() -> AnchoredConfig:
    """Read and validate ``temporal_anchored.yaml`` (cached: the file is bundled)."""
    return anchored_config(read_bundled(RESOURCE), RESOURCE)


def anchored_config(data: dict[str, Any], source: str) -> AnchoredConfig:
    """The rules and word lists of a parsed anchored-rule file, checked."""
    calendar = calendar_words()
    checked = entries(data, source, "rules", ("kind", "pattern", "confidence", "describes_now"),
                      ("text", "value"))
    try:
        hedges = {k: (v["side"], float(v["factor"])) for k, v in data["hedges"].items()}
        units = [calendar.unit(str(name), source) for name in data["units"]]
        return AnchoredConfig(
            granularity=dict(data["granularity"]),
            units={form: unit.name for unit in units for form in unit.forms},
            numbers=dict(calendar.numbers), ordinals=dict(calendar.ordinals),
            hedges=hedges, modes=dict(data["modes"]),
            near_year_months=int(data["near_year_months"]),
            rules=tuple(_rule(item, source) for item in checked),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise RuleFileError(source, f"malformed: {exc!r}") from exc


def _rule(item: dict[str, Any], source: str) -> AnchoredRule:
    rule_id = str(item["id"])
    if item.get("kind") not in KINDS:
        raise RuleFileError(source, f"kind must be one of {sorted(KINDS)}", rule_id)
    if "{event}" not in item["pattern"]:
        raise RuleFileError(source, "pattern needs an {event}", rule_id)
    before = frozenset(w.lower() for w in item.get("word_before_event") or ())
    if not item["pattern"].startswith("{event}") and not before:
        raise RuleFileError(source, "give word_before_event", rule_id)
    return AnchoredRule(
        id=rule_id, kind=item["kind"], pattern=item["pattern"],
        confidence=float(item["confidence"]), describes_now=bool(item["describes_now"]),
        direction=int(item.get("direction", 1)), examples=tuple(item["examples"]),
        word_before_event=before,
    )


def _words(words: Sequence[str]) -> str:
    """A regex alternation of ``words``, longest first, any run of spaces between words."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


#: Stands for the event's name: rules are matched on a window of text around each
#: event mention in which the mention is replaced by this character.
SENTINEL = "\x00"
#: Characters of context kept on each side of a mention (longer than any rule's prefix).
WINDOW = 120
_LAST_WORD = re.compile(r"(\w+)\W{0,5}\Z")


@cache
def placeholders() -> dict[str, str]:
    """The regex each placeholder of a rule's pattern stands for."""
    config = load_rules()
    ordinal_words = _words(list(config.ordinals))
    tens = _words(list(calendar_words().cardinals_between(20, 90, 10)))  # "twenty-first"
    return {
        "event": "(?P<event>" + SENTINEL + ")",
        "number": r"(?P<number>\d{1,5}|" + _words(list(config.numbers)) + r")(?![\w-])",
        "ordinal": r"(?P<ordinal>\d{1,4}(?:st|nd|rd|th)|(?:(?:" + tens + r")-)?(?:"
        + ordinal_words + r"))(?!\w)",
        "unit": "(?P<unit>" + _words(list(config.units)) + r")(?!\w)",
        "hedge": "(?P<hedge>" + _words(list(config.hedges)) + ")",
        "mode": "(?P<mode>" + _words(list(config.modes)) + ")",
    }


@cache
def compiled_rules() -> tuple[tuple[AnchoredRule, re.Pattern[str]], ...]:
    """Each rule with its placeholders filled in; ``{event}`` matches ``SENTINEL``."""
    config = load_rules()
    fill = placeholders()
    compiled = []
    for rule in config.rules:
        pattern = re.sub(r"\{(\w+)\}", lambda m: fill[m.group(1)], rule.pattern)
        try:
            compiled.append((rule, re.compile(r"(?<!\w)" + pattern, re.IGNORECASE)))
        except re.error as exc:
            raise RuleFileError(RESOURCE, f"bad pattern: {exc}", rule.id) from exc
    return tuple(compiled)


# --- numbers and dates --------------------------------------------------------------


def _number(text: str, config: AnchoredConfig) -> int:
    text = " ".join(text.lower().split())
    return int(text) if text.isdigit() else config.numbers[text]


def ordinal_value(text: str) -> int:
    """The number an ordinal stands for: "74th" and "seventy-fourth" are 74."""
    return _ordinal(text, load_rules())


def _ordinal(text: str, config: AnchoredConfig) -> int:
    text = text.lower()
    if text[:1].isdigit():
        return int(text[:-2])
    tens, _, rest = text.rpartition("-")
    base = config.ordinals[rest]
    return base + (config.numbers[tens] if tens else 0)


def _value(day: date, granularity: str) -> str:
    if granularity == Granularity.DAY:
        return day.isoformat()
    if granularity == Granularity.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}"


def _period(day: date, granularity: str) -> tuple[date, date]:
    if granularity == Granularity.DAY:
        return day, day + timedelta(days=1)
    if granularity == Granularity.MONTH:
        first = day.replace(day=1)
        return first, first + relativedelta(months=1)
    first = day.replace(month=1, day=1)
    return first, first + relativedelta(years=1)


@dataclass(frozen=True)
class _Resolved:
    value: str
    start: date | None
    end: date | None
    granularity: str
    reason: str
    mark: CountMark | None = None


def _days(start: date, end: date, divisor: int) -> timedelta:
    return timedelta(days=(end - start).days // divisor)


def _nth_unit(match: re.Match[str], origin: date, config: AnchoredConfig) -> _Resolved:
    """The Nth day/week/month/year of an event, narrowed by the verb before it."""
    n = _ordinal(match["ordinal"], config)
    unit = config.units[match["unit"].lower()]
    mode = config.modes[" ".join((match.groupdict().get("mode") or "in").lower().split())]
    period_start = origin + _STEP[unit] * (n - 1)
    period_end = origin + _STEP[unit] * n
    if mode == "near" and unit in ("year", "decade"):
        # "nearing its third year": the weeks before year N begins.
        start = period_start - relativedelta(months=config.near_year_months)
        end, point = period_start, period_start - timedelta(days=1)
    elif mode == "near":
        # "nearing its 11th month": the second half of month N, close to N months.
        start, end = period_start + _days(period_start, period_end, 2), period_end
        point = period_end - timedelta(days=1)
    elif mode == "start":  # its first quarter; "entered its 80th day": the day itself
        start = period_start
        end = period_start + max(timedelta(days=1), _days(period_start, period_end, 4))
        point = period_start
    else:
        start, end = period_start, period_end
        point = period_start + _days(period_start, period_end, 2)
    reason = f"{unit} {n} of the event runs {period_start}..{period_end - timedelta(days=1)}"
    if mode != "in":
        reason += f"; '{match['mode']}' narrows it to {start}..{end - timedelta(days=1)}"
    mark = CountMark(period_start, unit, starts_period=True) if mode == "start" else None
    return _Resolved(_value(point, config.granularity[unit]), start, end,
                     config.granularity[unit], reason, mark)


def _day_n(match: re.Match[str], origin: date, config: AnchoredConfig) -> _Resolved:
    """Day N of an event: day 1 is the event's date."""
    groups = match.groupdict()
    if groups.get("number"):
        n = _number(groups["number"], config)
    else:
        n = _ordinal(groups["ordinal"], config)
    day = origin + timedelta(days=n - 1)
    return _Resolved(day.isoformat(), day, day + timedelta(days=1), Granularity.DAY,
                     f"day 1 is {origin}, so day {n} is {day}")


def _anniversary(match: re.Match[str], origin: date, config: AnchoredConfig) -> _Resolved:
    """The Nth anniversary; without N, the month and day in an unknown year."""
    groups = match.groupdict()
    if groups.get("ordinal"):
        n = _ordinal(groups["ordinal"], config)
    elif groups.get("number"):
        n = _number(groups["number"], config)
    else:
        return _Resolved(f"XXXX-{origin.month:02d}-{origin.day:02d}", None, None, Granularity.DAY,
                         f"an anniversary of {origin} in a year the text does not give")
    day = origin + relativedelta(years=n)
    return _Resolved(day.isoformat(), day, day + timedelta(days=1), Granularity.DAY,
                     f"{n} year(s) after {origin}")


def _offset(match: re.Match[str], origin: date, config: AnchoredConfig, direction: int) -> _Resolved:
    """N units after/before/into an event; a hedge moves the point off the exact mark."""
    n = _number(match["number"], config)
    unit = config.units[match["unit"].lower()]
    mark = origin + _STEP[unit] * (n * direction)
    hedge = match.groupdict().get("hedge")
    side = config.hedges[" ".join(hedge.lower().split())][0] if hedge else "exact"
    point = mark + timedelta(days={"before": -1, "after": 1}.get(side, 0))
    granularity = config.granularity[unit]
    start, end = _period(point, granularity)
    reason = f"{origin} {'+' if direction > 0 else '-'} {n} {unit}(s) = {mark}"
    if hedge:
        reason += f"; '{hedge}' puts it {side} that"
    return _Resolved(_value(point, granularity), start, end, granularity, reason,
                     CountMark(mark, unit, side))


def _resolve(rule: AnchoredRule, match: re.Match[str], origin: date,
             config: AnchoredConfig) -> _Resolved:
    if rule.kind == "nth_unit":
        return _nth_unit(match, origin, config)
    if rule.kind == "day_n":
        return _day_n(match, origin, config)
    if rule.kind == "anniversary":
        return _anniversary(match, origin, config)
    return _offset(match, origin, config, rule.direction)


# --- finding ------------------------------------------------------------------------


def _confidence(rule: AnchoredRule, match: re.Match[str], generic: bool,
                config: AnchoredConfig) -> float:
    """Lower for hedged counts ("nearly", "nearing") and for vague event names."""
    confidence = rule.confidence
    groups = match.groupdict()
    if groups.get("hedge"):
        confidence *= config.hedges[" ".join(groups["hedge"].lower().split())][1]
    if groups.get("mode") and config.modes[" ".join(groups["mode"].lower().split())] == "near":
        confidence *= 0.8
    if generic:
        confidence *= 0.9
    return round(confidence, 3)


def _to_datetime(day: date | None) -> datetime | None:
    return datetime(day.year, day.month, day.day) if day is not None else None


def find_anchored(
    text: str, events: Sequence[ReferenceEvent] | None = None
) -> list[TimeExpression]:
    """Every event-anchored time expression in ``text``, resolved against ``events``.

    ``events`` defaults to the bundled knowledge base; see ``resolve_events``. A phrase
    whose event name is vague ("the war") counts only when the text has one of that
    event's context words. Overlapping matches keep the longest.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return anchored_at(text, find_event_mentions(text, resolve_events(events)))


def anchored_at(text: str, mentions: Sequence[EventMention]) -> list[TimeExpression]:
    """The anchored expressions around event ``mentions`` already found in ``text``."""
    found: list[TimeExpression] = []
    for mention in mentions:
        if mention.event.date is not None:
            found.extend(_around(text, mention))
    return _longest_first(found)


def _around(text: str, mention: EventMention) -> list[TimeExpression]:
    """Rule matches in a window around ``mention``, with offsets into ``text``."""
    low, high = max(0, mention.start - WINDOW), min(len(text), mention.end + WINDOW)
    # A stray NUL in the text must not pass for the sentinel.
    window = (text[low:mention.start].replace(SENTINEL, " ") + SENTINEL
              + text[mention.end:high].replace(SENTINEL, " "))
    cut = mention.start - low  # index of the sentinel in the window

    def place(position: int) -> int:
        """Offset in ``text`` of a position in ``window``."""
        return low + position if position <= cut else mention.end + position - cut - 1

    word = _LAST_WORD.search(text, max(0, mention.start - 40), mention.start)
    before = word.group(1).lower() if word else ""
    found = []
    for rule, regex in compiled_rules():
        if rule.event_first:
            match = regex.match(window, cut)
        elif before in rule.word_before_event:
            match = regex.search(window)
        else:
            continue
        # A match touching a window edge may be cut short: leave it out.
        if match is None or (match.start() == 0 and low > 0) or (
            match.end() == len(window) and high < len(text)
        ):
            continue
        start, end = place(match.start()), place(match.end())
        found.append(_expression(text[start:end], start, end, rule, match, mention))
    return found


def _expression(text: str, start: int, end: int, rule: AnchoredRule, match: re.Match[str],
                mention: EventMention) -> TimeExpression:
    """Resolve one match; a count off the calendar keeps its row, with the reason."""
    config = load_rules()
    event = mention.event
    assert event.date is not None  # recurring events are filtered out before
    try:
        result = _resolve(rule, match, event.date, config)
    except (ValueError, OverflowError) as exc:  # "the 9000th anniversary": off the calendar
        result = _Resolved("", None, None, Granularity.NONE, f"cannot be placed on the calendar ({exc})")
    return TimeExpression(
        text=text, start_char=start, end_char=end, type="DATE", value=result.value,
        start=_to_datetime(result.start), end=_to_datetime(result.end),
        granularity=result.granularity, anchor=event.name, rule=rule.id,
        confidence=_confidence(rule, match, mention.generic, config),
        reason=f"counted from {event.name} ({event.date}): {result.reason}", mark=result.mark,
    )


def _longest_first(found: list[TimeExpression]) -> list[TimeExpression]:
    """Resolve overlaps in one sweep, keeping the longer match; return in text order."""
    kept: list[TimeExpression] = []
    for expr in sorted(found, key=lambda e: (e.start_char, -(e.end_char - e.start_char))):
        if kept and expr.start_char < kept[-1].end_char:
            if expr.end_char - expr.start_char > kept[-1].end_char - kept[-1].start_char:
                kept[-1] = expr
            continue
        kept.append(expr)
    return kept


def describes_now(rule_id: str) -> bool:
    """True when the rule's phrase describes the moment of writing (it can date a text)."""
    return any(rule.id == rule_id and rule.describes_now for rule in load_rules().rules)
