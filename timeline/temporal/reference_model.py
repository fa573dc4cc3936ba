"""Weigh the cues of an article into a probability for each day it may have been written.

Every cue gives a likelihood over candidate days. For dated cues it is how far news
usually is from the dates it mentions: the distribution of (writing day - date named),
per kind of cue and tense, fitted on the development corpora and stored in
``reference_prior.yaml`` (``python -m benchmarks.fit_reference_prior`` writes it).
Cues with no corpus to fit them on (event-anchored phrases, recurring events) use the
inside/outside likelihoods of ``reference_inference.yaml``. The log-likelihoods are
summed; those of the n dated cues read from the body are first divided by a
temperature, 1 + (n - 1) * correlation: cues of one text are not independent, and the fitted
correlation is the one that makes the 90% intervals hold the truth 90% of the time on
the development corpora. A dateline, and a single body cue, are taken at their word.
The result is normalised over the candidate days.

Days are proleptic Gregorian ordinals (``date.toordinal``) in numpy arrays, so scoring
a few thousand candidate days against every cue costs well under a millisecond.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

import numpy as np

from timeline.errors import RuleFileError
from timeline.resource_files import read_bundled
from timeline.temporal.reference_cues import Cue

PRIOR = "reference_prior.yaml"
FIXED = "reference_inference.yaml"
_EPOCH = date(1970, 1, 1).toordinal()
_FIRST, _LAST = date.min.toordinal(), date.max.toordinal()

#: The offset each kind of cue is measured in, and the kind's range of offsets.
UNITS: dict[str, str] = {
    "dateline": "day", "full": "day", "month": "month", "year": "year",
    "dateline_md": "yearless_day", "month_day": "yearless_day",
    "month_only": "yearless_month", "weekday": "weekday",
}
RANGES: dict[str, tuple[int, int]] = {
    "day": (-400, 400), "month": (-60, 60), "year": (-10, 10),
    "yearless_day": (-184, 184), "yearless_month": (-6, 5), "weekday": (0, 6),
}
#: Days in one step of each unit: lags are stored per step and used per day.
DAYS_PER_STEP: dict[str, float] = {"month": 30.44, "year": 365.25, "yearless_month": 30.44}
#: How far beyond its range a "far" offset may lie (spread evenly), per unit.
FAR_SPAN: dict[str, int] = {"day": 11000, "month": 360, "year": 30}


def bins(unit: str) -> list[tuple[int, int]]:
    """The histogram bins (inclusive offset ranges) of ``unit``: fine near 0, coarse far out."""
    low, high = RANGES[unit]
    if unit in ("weekday", "yearless_month", "year"):
        return [(o, o) for o in range(low, high + 1)]
    if unit == "month":
        fine = [(o, o) for o in range(-12, 13)]
        return [(-60, -25), (-24, -13), *fine, (13, 24), (25, 60)]
    edges = [15, 31, 61, 121, 241, 401] if unit == "day" else [15, 31, 61, 121, 185]
    fine = [(o, o) for o in range(-14, 15)]
    right = [(a, min(b - 1, high)) for a, b in zip(edges, edges[1:])]
    left = [(-min(b - 1, -low), -a) for a, b in reversed(list(zip(edges, edges[1:])))]
    return [*left, *fine, *right]


@dataclass(frozen=True)
class Calendar:
    """Calendar fields of an array of candidate days."""

    ords: np.ndarray
    years: np.ndarray
    months: np.ndarray  # 0-11
    month_index: np.ndarray  # year * 12 + month (0-11)
    weekdays: np.ndarray  # ISO: Monday = 1

    @classmethod
    def of(cls, ords: np.ndarray) -> Calendar:
        """The fields of ``ords`` (ordinals), worked out with numpy's calendar."""
        days = (ords - _EPOCH).astype("datetime64[D]")
        month64 = days.astype("datetime64[M]").astype(np.int64)
        years = month64 // 12 + 1970
        return cls(ords, years, month64 % 12, years * 12 + month64 % 12, (ords - 1) % 7 + 1)


def _ordinals(years: np.ndarray, month: int, day: int) -> np.ndarray:
    """Ordinals of month/day in each of ``years`` (Feb 29 of a common year is Mar 1)."""
    start = ((years - 1970) * 12 + (month - 1)).astype("datetime64[M]").astype("datetime64[D]")
    return (start + (day - 1)).astype(np.int64) + _EPOCH


def nearest_instance(cal: Calendar, month: int, day: int) -> np.ndarray:
    """For each candidate day, the ordinal of the nearest ``month``/``day`` to it."""
    best = _ordinals(cal.years, month, day)
    for shift in (-1, 1):
        other = _ordinals(cal.years + shift, month, day)
        best = np.where(np.abs(cal.ords - other) < np.abs(cal.ords - best), other, best)
    return best


def offsets(cue: Cue, cal: Calendar) -> np.ndarray:
    """(writing day - what the cue names) for each candidate day, in the cue's unit."""
    unit = UNITS[cue.kind]
    if unit == "day":
        return cal.ords - date(cue.year, cue.month, cue.day).toordinal()  # type: ignore[arg-type]
    if unit == "month":
        return cal.month_index - (cue.year * 12 + cue.month - 1)  # type: ignore[operator]
    if unit == "year":
        return cal.years - cue.year  # type: ignore[operator]
    if unit == "yearless_day":
        return cal.ords - nearest_instance(cal, cue.month, cue.day)  # type: ignore[arg-type]
    if unit == "yearless_month":
        return (cal.months - (cue.month - 1) + 6) % 12 - 6  # type: ignore[operator]
    return (cal.weekdays - cue.weekday) % 7  # type: ignore[operator]


@dataclass(frozen=True)
class Lag:
    """A fitted distribution of offsets as a dense table of log densities.

    Beyond the table the density falls as 1 / |offset| (log-uniform out to the unit's
    ``FAR_SPAN``), with its own fitted mass on each side: a past date is far more
    often a year before the writing than thirty, and the writing far more often
    after it than before.
    """

    low: int
    table: np.ndarray
    far_before: float  # log of the far mass before the table (offsets below ``low``)
    far_after: float  # log of the far mass after it
    log_span: float  # log(FAR_SPAN / edge): the log-uniform tail's normaliser

    def log_density(self, off: np.ndarray) -> np.ndarray:
        """Log density of each offset."""
        index = off - self.low
        inside = (index >= 0) & (index < len(self.table))
        far = np.where(off < self.low, self.far_before, self.far_after)
        tail = far - np.log(np.maximum(np.abs(off), 1)) - self.log_span
        return np.where(inside, self.table[np.clip(index, 0, len(self.table) - 1)], tail)


@dataclass(frozen=True)
class Prior:
    """The fitted lags and correlation, and the fixed likelihoods of unfitted cues."""

    lags: dict[str, Lag]
    correlation: float
    fixed: dict[str, float]  # kind -> probability that the day lies outside what it allows
    support: dict[str, int]  # days around an anchored phrase

    def lag(self, cue: Cue) -> Lag:
        """The lag for ``cue``'s kind and tense, else for its kind in any tense."""
        key = f"{cue.kind}/{cue.tense}"
        return self.lags[key] if key in self.lags else self.lags[f"{cue.kind}/all"]


def make_lag(unit: str, probs: Sequence[float], far: float | Sequence[float]) -> Lag:
    """A dense ``Lag`` from bin probabilities (see ``bins``) and the far mass, one
    number (shared evenly by both sides) or ``[before, after]``."""
    low, high = RANGES[unit]
    per_day = np.log(DAYS_PER_STEP.get(unit, 1.0))
    table = np.empty(high - low + 1)
    for (a, b), p in zip(bins(unit), probs, strict=True):
        table[a - low:b - low + 1] = np.log(max(p, 1e-12) / (b - a + 1)) - per_day
    before, after = (float(far) / 2,) * 2 if isinstance(far, (int, float)) else map(float, far)
    if unit not in FAR_SPAN:
        return Lag(low, table, -np.inf, -np.inf, 0.0)
    return Lag(low, table, float(np.log(max(before, 1e-12))) - per_day,
               float(np.log(max(after, 1e-12))) - per_day, float(np.log(FAR_SPAN[unit] / high)))


@cache
def load_prior() -> Prior:
    """Read the fitted prior and the fixed likelihoods (cached: the files are bundled)."""
    return make_prior(read_bundled(PRIOR), PRIOR, read_bundled(FIXED), FIXED)


def make_prior(fitted: dict[str, Any], fitted_source: str,
               fixed_data: dict[str, Any], fixed_source: str) -> Prior:
    """The prior from a parsed fitted file and fixed-likelihood file, checked: every lag
    is named ``kind/tense`` after a known kind and has one probability per bin."""
    lags = {str(key): _lag(str(key), entry, fitted_source)
            for key, entry in _mapping(fitted, "lags", fitted_source).items()}
    try:
        fixed = {str(k): float(v)
                 for k, v in _mapping(fixed_data, "outside_probability", fixed_source).items()}
        support = {str(k): int(v)
                   for k, v in _mapping(fixed_data, "support_days", fixed_source).items()}
    except (TypeError, ValueError) as exc:
        raise RuleFileError(fixed_source, f"malformed: {exc!r}") from exc
    try:
        correlation = float(fitted["correlation"])
    except (KeyError, TypeError, ValueError) as exc:
        raise RuleFileError(fitted_source, f"correlation must be a number: {exc!r}") from exc
    return Prior(lags, correlation, fixed, support)


def _mapping(data: dict[str, Any], key: str, source: str) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict) or not value:
        raise RuleFileError(source, f"expected a non-empty mapping under {key!r}")
    return value


def _lag(key: str, entry: Any, source: str) -> Lag:
    kind = key.split("/")[0]
    if kind not in UNITS or not isinstance(entry, dict):
        raise RuleFileError(source, f"not a lag of a known cue kind ({', '.join(UNITS)})", key)
    try:
        return make_lag(UNITS[kind], entry["probs"], entry.get("far", 0))
    except (KeyError, TypeError, ValueError) as exc:
        raise RuleFileError(source, f"needs one probability per bin and a far mass: {exc!r}",
                            key) from exc


def log_likelihood(cue: Cue, cal: Calendar, prior: Prior) -> np.ndarray:
    """The cue's log-likelihood (a log density per day) of each candidate day.

    A fixed cue puts ``1 - outside`` of its mass evenly on the days it allows and
    ``outside`` evenly on the others, as far as candidates reach (``coarse_reach``
    days each way); a weekday of a date allows one day in seven.
    """
    if cue.kind in UNITS:
        return prior.lag(cue).log_density(offsets(cue, cal))
    outside = prior.fixed[cue.kind]
    if cue.kind == "mark":
        return _mark_likelihood(cue, cal, prior)
    if cue.kind == "notice":  # the year itself, else earlier; later only by mistake
        start = cue.spans[0][0].toordinal()
        inside = (cal.ords >= start) & (cal.ords < cue.spans[0][1].toordinal())
        before = np.log(outside / prior.support["coarse_reach"])
        after = np.log(prior.fixed["notice_after"] / prior.support["coarse_reach"])
        return np.where(inside, np.log((1 - outside - prior.fixed["notice_after"]) / 365.25),
                        np.where(cal.ords < start, before, after))
    if cue.kind == "weekday_of_date":
        inst = nearest_instance(cal, cue.month, cue.day)  # type: ignore[arg-type]
        inside = (inst - 1) % 7 + 1 == cue.weekday
        allowed = 2 * prior.support["coarse_reach"] / 7
    elif cue.kind == "yearly":  # the day kept each year, or the week after (before) it
        off = cal.ords - nearest_instance(cal, cue.month, cue.day)  # type: ignore[arg-type]
        reach = prior.support["yearly"]
        inside = (off <= 0) & (off >= -reach) if cue.tense == "future" else (off >= 0) & (off <= reach)
        allowed = 2 * prior.support["coarse_reach"] * (reach + 1) / 365.25
    elif cue.kind == "deictic_weekday":
        inside = cal.weekdays == cue.weekday
        allowed = 2 * prior.support["coarse_reach"] / 7
    elif cue.kind == "this_week":
        past = cue.tense == "past"
        inside = cal.weekdays >= cue.weekday if past else cal.weekdays <= cue.weekday
        days = 8 - cue.weekday if past else cue.weekday  # type: ignore[operator]
        allowed = 2 * prior.support["coarse_reach"] * days / 7
    else:
        inside = np.zeros(len(cal.ords), dtype=bool)
        allowed = 0
        for start, end in cue.spans:
            first, last = start.toordinal(), min(end.toordinal(), _LAST)
            inside |= (cal.ords >= first) & (cal.ords < last)
            allowed += last - first
        allowed = min(allowed, prior.support["coarse_reach"])
    other = max(1.0, 2 * prior.support["coarse_reach"] - allowed)
    return np.where(inside, np.log((1 - outside) / max(1.0, allowed)), np.log(outside / other))


def _mark_likelihood(cue: Cue, cal: Calendar, prior: Prior) -> np.ndarray:
    """An anniversary or whole-year count ("marked the second anniversary of the
    invasion"): the day itself; else the weeks after it (before it, in the future
    tense; either side with no tense), as a report of the day or a look back at it; a
    day further off only rarely (``mark_far``). Not a month named with its year: "the
    second anniversary" is said in the days around it, not months later."""
    outside, far = prior.fixed["mark"], prior.fixed["mark_far"]
    day, near = cue.spans[0][0].toordinal(), prior.support["now"]
    after = cal.ords - day
    if cue.tense == "future":
        close = (after < 0) & (after >= -near)
    elif cue.tense == "none":
        close = (after != 0) & (np.abs(after) <= near)
    else:
        close = (after > 0) & (after <= near)
    width = near * (2 if cue.tense == "none" else 1)
    other = max(1.0, 2 * prior.support["coarse_reach"] - width)
    return np.where(after == 0, np.log(1 - outside),
                    np.where(close, np.log((outside - far) / width), np.log(far / other)))


def _anchor(cue: Cue) -> int | None:
    """Ordinal of the first day a dated cue names, or None."""
    if UNITS.get(cue.kind) not in ("day", "month", "year") and cue.kind not in ("mark", "notice"):
        return None
    return date(cue.year, cue.month or 1, cue.day or 1).toordinal()  # type: ignore[arg-type]


def fine_window(cue: Cue, prior: Prior) -> tuple[int, int] | None:
    """The days near a cue where the writing day is looked for one day at a time."""
    anchor = _anchor(cue)
    reach = prior.support["fine"]
    if cue.kind in ("dateline", "full") and anchor is not None:
        return _clip(anchor - reach, anchor + reach)
    if cue.kind in ("month", "mark") and anchor is not None:
        return _clip(anchor - reach, anchor + 31 + reach)
    if cue.kind in ("now", "span", "deictic", "notice", "anchored", "caption"):
        first = min(s.toordinal() for s, _ in cue.spans)
        last = max(min(e.toordinal(), _LAST) for _, e in cue.spans)
        return _clip(first - prior.support["now"], last + prior.support["now"])
    return None


def _clip(first: int, last: int) -> tuple[int, int]:
    return max(_FIRST, first), min(_LAST, last)


def _merged(windows: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Inclusive ranges merged where they overlap or touch, in order."""
    out: list[tuple[int, int]] = []
    for first, last in sorted(windows):
        if out and first <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], last))
        else:
            out.append((first, last))
    return out


#: Cues that name a day of the year without its year: their day in every year is a candidate.
YEARLY = ("dateline_md", "weekday_of_date", "month_day", "yearly")


def yearly_windows(cues: Sequence[Cue], first: int, last: int, reach: int) -> list[tuple[int, int]]:
    """``reach`` days around a year-less dateline's month-day, a "Tuesday, Jan. 17" or
    a body's "June 15" in every year from ``first`` to ``last``: a coarse block would
    step over the very day ("Feb 20" in the year it fell on the Monday the story names;
    "June 15" with "said on Thursday" in the year June 18 was a Thursday)."""
    years = np.arange(date.fromordinal(first).year, date.fromordinal(last).year + 1)
    out: list[tuple[int, int]] = []
    for cue in cues:
        if cue.kind in YEARLY and len(years):
            days = _ordinals(years, cue.month, cue.day)  # type: ignore[arg-type]
            out += [_clip(int(d) - reach, int(d) + reach) for d in days if first <= d <= last]
    return out


def candidates(cues: Sequence[Cue], prior: Prior) -> tuple[np.ndarray, np.ndarray]:
    """Candidate days (first ordinal of each block) and how many days each stands for.

    Near a day- or month-precise cue every day is a candidate; everywhere else within
    reach of a dated cue (as far as the lags' far tails reach), one day in ``step``
    stands for its block, so a text naming years decades apart stays cheap. ``step``
    is not a multiple of 7, so the blocks meet every weekday.
    """
    windows = [w for w in (fine_window(c, prior) for c in cues) if w is not None]
    anchors = [a for a in (_anchor(c) for c in cues) if a is not None]
    anchors += [w for pair in windows for w in pair]
    if not anchors:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    # An office-holder's terms reach the candidates ("since the 1975-1990 civil war"
    # beside "defence minister Yoav Gallant"), but date no text on their own: a term
    # still running has no end.
    anchors += [min(d.toordinal(), _LAST) for c in cues if c.kind == "tenure"
                for term in c.spans for d in term if d != date.max]
    reach, step = prior.support["coarse_reach"], prior.support["coarse_step"]
    first, last = _clip(min(anchors) - reach, max(anchors) + reach)
    windows += yearly_windows(cues, first, last, prior.support["yearly"])
    fine = np.concatenate([np.empty(0, dtype=np.int64)]
                          + [np.arange(a, b + 1, dtype=np.int64) for a, b in _merged(windows)])
    while (last - first) // step > prior.support["coarse_max"] or step % 7 == 0:
        step += 1
    coarse = np.arange(first, last - step + 2, step, dtype=np.int64)
    if len(fine):
        at = np.minimum(np.searchsorted(fine, coarse), len(fine) - 1)
        coarse = coarse[~((fine[at] >= coarse) & (fine[at] < coarse + step))]
    ords = np.concatenate([fine, coarse])
    widths = np.concatenate([np.ones(len(fine), dtype=np.int64),
                             np.full(len(coarse), step, dtype=np.int64)])
    order = np.argsort(ords, kind="stable")
    return ords[order], widths[order]


def scores(cues: Sequence[Cue], cal: Calendar, prior: Prior) -> np.ndarray:
    """Each cue's log-likelihood of each candidate day: one row per cue."""
    return np.vstack([log_likelihood(c, cal, prior) for c in cues])


def divisors(cues: Sequence[Cue], correlation: float) -> np.ndarray:
    """What each cue's log-likelihood is divided by: the temperature 1 + (n - 1) *
    correlation for each of the n body cues with a fitted lag (dates and weekdays, the
    cues the correlation was fitted on), 1 for a dateline and for a cue with a fixed
    likelihood (an anchored phrase, an edition, a deictic): those already say how often
    they are wrong, and many weekdays do not make "day 300 of the war" less exact."""
    direct = np.array([c.kind.startswith("dateline") or c.kind not in UNITS for c in cues])
    temperature = 1 + max(0, int((~direct).sum()) - 1) * correlation
    return np.where(direct, 1.0, temperature)


def posterior(total: np.ndarray, widths: np.ndarray) -> np.ndarray:
    """Normalised probabilities of the candidate blocks from summed log-likelihoods."""
    weights = np.exp(total - total.max()) * widths
    return weights / weights.sum()


def shortest_interval(ords: np.ndarray, probs: np.ndarray, level: float,
                      widths: np.ndarray | None = None) -> tuple[int, int]:
    """The shortest run of days (inclusive ordinals) holding at least ``level`` of the mass."""
    lasts = ords if widths is None else ords + widths - 1
    cum = np.concatenate([[0.0], np.cumsum(probs)])
    ends = np.searchsorted(cum, cum[:-1] + level - 1e-9, side="left") - 1
    reachable = ends < len(ords)
    ends = np.clip(ends, np.arange(len(ords)), len(ords) - 1)
    spans = np.where(reachable, lasts[ends] - ords, np.iinfo(np.int64).max)
    i = int(np.argmin(spans))
    return int(ords[i]), int(lasts[ends[i]])


@dataclass(frozen=True)
class Estimate:
    """The probability of each candidate day, from the cues and their log-likelihoods."""

    cues: tuple[Cue, ...]
    ords: np.ndarray  # first day of each candidate block
    widths: np.ndarray  # days in each block
    rows: np.ndarray  # one row of log-likelihoods per cue
    probs: np.ndarray
    divisors: np.ndarray  # per cue: what its log-likelihood was divided by

    @property
    def best(self) -> int:
        """Index of the most likely day (the densest block: a coarse block's mass is
        shared by its days)."""
        return int((self.probs / self.widths).argmax())

    @property
    def most_likely(self) -> int:
        """Ordinal of the most likely day."""
        return int(self.ords[self.best])

    def interval(self, level: float) -> tuple[int, int]:
        """The shortest run of days (inclusive ordinals) holding ``level`` of the mass."""
        return shortest_interval(self.ords, self.probs, level, self.widths)

    def mass(self, first: int, last: int) -> float:
        """Probability that the day lies in ``first..last`` (inclusive ordinals)."""
        return float(self.probs[(self.ords >= first) & (self.ords + self.widths - 1 <= last)].sum())

    def weights(self) -> list[float]:
        """How strongly each cue favours the most likely day over the average candidate."""
        best, share = self.best, self.widths / self.widths.sum()
        return [round(float((row[best] - row @ share) / d), 2)
                for row, d in zip(self.rows, self.divisors)]


def estimate(cues: Sequence[Cue], prior: Prior | None = None) -> Estimate | None:
    """The estimate from ``cues``; None when no cue names a date."""
    prior = prior or load_prior()
    ords, widths = candidates(cues, prior)
    if not len(ords):
        return None
    rows = scores(cues, Calendar.of(ords), prior)
    divide = divisors(cues, prior.correlation)
    probs = posterior((rows / divide[:, None]).sum(axis=0), widths)
    return Estimate(tuple(cues), ords, widths, rows, probs, divide)
