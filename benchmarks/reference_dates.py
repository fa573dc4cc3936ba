"""How well ``infer_reference_date`` recovers the creation date of evaluation documents.

Usage::

    python -m benchmarks.reference_dates [--misses N]

Each document's text goes to ``infer_reference_date`` without its metadata, twice: as
scraped, and with its date lines removed (the timestamp or "Published" lines and the
dateline at the top: what a reader has when the page's date is lost). Per corpus and
way, the table gives the share of documents dated at all, the share of those whose
90% interval holds the true date (DCT), the share whose most likely day is the true
day, and the median interval width in days; the undated ones are split into those with
no cue at all and those whose only cues name no year (weekdays, month-days, months),
with how many of the latter point to the true month of the year. For the dated ones it
says how many hold a cue naming a day within a week of the truth: without one, a most
likely day that is the true day is luck, so that share bounds the exact-day share.
The calibration table then compares the
stated probability of intervals (50%, 80%, 90%, 95%) with the share that held the
truth, over the development corpora with the date lines removed.

UCDP documents are the source headlines of its coded events, dated by their outlet.
MEANTIME (Wikinews) texts are rebuilt from their tokens with the title and date line
on lines of their own, as the site prints them; TempEval-3 texts are the ``<TEXT>``
element. TimeBank, AQUAINT and MEANTIME are the development corpora the lags were
fitted on (``benchmarks.fit_reference_prior``); platinum is the test set, never fitted.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.meantime import detokenise
from benchmarks.tempeval import DEFAULT_CORPORA, EVAL_ROOT, parse_tml

MEANTIME = EVAL_ROOT.parent / "meantime" / "intra-doc_annotation"
UCDP = EVAL_ROOT.parent / "ucdp" / "ucdp_ged_ukraine.jsonl"
LEVELS = (0.5, 0.8, 0.9, 0.95)
#: The corpora the lags are fitted on and calibrated against. UCDP's headlines are
#: reported, not fitted: a headline is not an article, and the few that name a date
#: name it differently ("ceasefire since February 15").
DEVELOPMENT = ("meantime", "timebank", "aquaint")


@dataclass(frozen=True)
class Doc:
    """A document's name, text and true creation date (ISO; the date part is used)."""

    name: str
    text: str
    dct: str


@dataclass
class Tally:
    """Counts for one corpus and one way of presenting it."""

    docs: int = 0
    dated: int = 0
    inside: int = 0
    exact: int = 0
    widths: list[int] = field(default_factory=list)
    # dated documents with a day-precise cue naming a day within a week of the truth
    near: int = 0
    misses: list[str] = field(default_factory=list)
    # undated documents by the evidence they hold: "no cue", or "year-less" cues only;
    # of those, how many point to the true month of the year ("month right")
    undated: dict[str, int] = field(
        default_factory=lambda: {"no cue": 0, "year-less": 0, "month right": 0})
    # stated level -> (inside, dated)
    levels: dict[float, list[int]] = field(default_factory=lambda: {lv: [0, 0] for lv in LEVELS})


def strip_date_lines(text: str) -> str:
    """``text`` without the date lines and dateline a page prints at its top."""
    from timeline.temporal.reference_cues import load_cues
    from timeline.text.dateline import dateline_end

    patterns = [regex for _, _, regex in load_cues().datelines]
    lines = text.split("\n")
    seen = 0
    for i, line in enumerate(lines):
        if seen >= load_cues().windows["head_lines"]:
            break
        if not line.strip():
            continue
        seen += 1
        stripped = line.strip()
        for regex in patterns:
            match = regex.match(stripped)
            if match:
                stripped = stripped[match.end():].lstrip(" .,;:|-—–")
        lines[i] = stripped[dateline_end(stripped):] if stripped else ""
    return "\n".join(lines)


def _undated_kind(text: str, truth: date) -> tuple[str, bool]:
    """What an undated document holds: no cue at all, or only cues without a year
    (weekdays, month-days, months, "today" beside a weekday); and whether those cues
    point to the true month of the year."""
    from timeline.temporal.reference import find_cues
    from timeline.text.boilerplate import split_trailing

    cues = find_cues(split_trailing(text)[0])
    return ("year-less", _month_of_year(cues) == truth.month) if cues else ("no cue", False)


def _month_of_year(cues: Sequence[Any]) -> int | None:
    """The month of the year that year-less cues make most likely (weighed by the same
    model over 28 years, a whole cycle of weekdays and leap years), or None."""
    import numpy as np

    from timeline.temporal.reference_model import (
        Calendar, divisors, load_prior, posterior, scores,
    )

    ords = np.arange(date(2001, 1, 1).toordinal(), date(2029, 1, 1).toordinal())
    cal, prior = Calendar.of(ords), load_prior()
    if not any(c.kind in ("month_day", "month_only", "weekday_of_date") for c in cues):
        return None
    rows = scores(cues, cal, prior) / divisors(cues, prior.correlation)[:, None]
    probs = posterior(rows.sum(axis=0), np.ones(len(ords), dtype=np.int64))
    return int(np.bincount(cal.months, weights=probs, minlength=12).argmax()) + 1


#: Cues that name a day (with or without its year), and how near the truth one must be.
DAY_CUES = ("dateline", "dateline_md", "full", "month_day", "deictic", "mark")
NEAR_DAYS = 7


def _near_day(cues: Sequence[Any], truth: int) -> bool:
    """Whether a cue names a day within ``NEAR_DAYS`` of the true day (a year-less one
    in the year nearest it): without one, a most likely day that is the true day is luck."""
    import numpy as np

    from timeline.temporal.reference_model import Calendar, nearest_instance

    cal = Calendar.of(np.array([truth]))
    for cue in cues:
        if cue.kind in ("mark", "deictic"):  # the day itself
            day = cue.spans[0][0].toordinal()
        elif cue.kind not in DAY_CUES:
            continue
        elif cue.year is not None:
            day = date(cue.year, cue.month, cue.day).toordinal()
        else:
            day = int(nearest_instance(cal, cue.month, cue.day)[0])
        if abs(day - truth) <= NEAR_DAYS:
            return True
    return False


def score(docs: Sequence[Doc], misses: int = 0) -> Tally:
    """Tally documents against their DCT."""
    from timeline.temporal.reference import estimate

    tally = Tally()
    for doc in docs:
        tally.docs += 1
        truth = date.fromisoformat(doc.dct[:10]).toordinal()
        est = estimate(doc.text)
        if est is None:
            kind, month_right = _undated_kind(doc.text, date.fromordinal(truth))
            tally.undated[kind] += 1
            tally.undated["month right"] += month_right
            continue
        tally.dated += 1
        first, last = est.interval(0.9)
        if first <= truth <= last:
            tally.inside += 1
        elif len(tally.misses) < misses:
            tally.misses.append(f"{doc.name}: DCT {doc.dct[:10]}, inferred "
                                f"{date.fromordinal(first)}..{date.fromordinal(last)}")
        tally.exact += est.most_likely == truth
        tally.near += _near_day(est.cues, truth)
        tally.widths.append(last - first + 1)
        for level in LEVELS:
            a, b = est.interval(level)
            tally.levels[level][0] += a <= truth <= b
            tally.levels[level][1] += 1
    return tally


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}" if whole else "-"


def format_row(name: str, way: str, tally: Tally) -> str:
    """One table line."""
    width = f"{statistics.median(tally.widths):.0f}" if tally.widths else "-"
    return (f"{name:<10}{way:<14}{tally.docs:>6}{_share(tally.dated, tally.docs):>8}"
            f"{_share(tally.inside, tally.dated):>8}{_share(tally.exact, tally.dated):>8}{width:>8}")


def format_calibration(tallies: Sequence[Tally]) -> str:
    """Stated probability against the share of intervals that held the truth."""
    lines = ["stated   observed   (development corpora, date lines removed)"]
    for level in LEVELS:
        inside = sum(t.levels[level][0] for t in tallies)
        dated = sum(t.levels[level][1] for t in tallies)
        lines.append(f"{100 * level:>5.0f}%   {_share(inside, dated):>7}%")
    return "\n".join(lines)


def meantime_text(path: Path) -> tuple[str, str]:
    """(text, DCT) of a MEANTIME CAT file: title and date line on their own lines."""
    root = ET.parse(path).getroot()
    dct = ""
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value", "")
    text, _spans = detokenise(root.findall("token"))
    return text, dct


def meantime_docs(folder: Path = MEANTIME) -> list[Doc]:
    """MEANTIME documents whose DCT is an ISO date."""
    docs = []
    for path in sorted(folder.rglob("*.xml")):
        text, dct = meantime_text(path)
        if re.match(r"\d{4}-\d{2}-\d{2}", dct):
            docs.append(Doc(path.stem, text, dct))
    return docs


def tempeval_docs(folder: Path) -> list[Doc]:
    """TempEval-3 documents: the TEXT element and the DCT."""
    docs = [parse_tml(path) for path in sorted(folder.glob("*.tml"))]
    return [Doc(d.name, d.text, d.dct) for d in docs if d.dct]


def ucdp_docs(path: Path = UCDP) -> list[Doc]:
    """UCDP source headlines, each with its date (distinct headline and date pairs)."""
    seen: dict[tuple[str, str], Doc] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            for source in json.loads(line).get("sources", []):
                text, day = source.get("headline", ""), source.get("date", "")
                if text and re.match(r"\d{4}-\d{2}-\d{2}$", day):
                    seen.setdefault((text, day), Doc(f"ucdp-{len(seen)}", text, day))
    return list(seen.values())


def corpora() -> list[tuple[str, list[Doc]]]:
    """Every corpus found under ``../shared/eval``, development corpora first."""
    found: list[tuple[str, list[Doc]]] = []
    if MEANTIME.is_dir():
        found.append(("meantime", meantime_docs()))
    if UCDP.is_file():
        found.append(("ucdp", ucdp_docs()))
    found += [(n, tempeval_docs(EVAL_ROOT / n)) for n in DEFAULT_CORPORA if (EVAL_ROOT / n).is_dir()]
    return found


def development_corpora() -> list[tuple[str, list[Doc]]]:
    """The corpora the lags may be fitted on (never the platinum test set)."""
    return [(n, docs) for n, docs in corpora() if n in DEVELOPMENT]


def main(argv: Sequence[str] | None = None) -> int:
    """Print one row per corpus and way, then the calibration table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.reference_dates",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", type=int, default=0, metavar="N",
                        help="list up to N misses per corpus (never for the test set)")
    args = parser.parse_args(argv)
    found = corpora()
    if not found:
        print(f"no corpora under {EVAL_ROOT.parent}", file=sys.stderr)
        return 2
    print(f"{'corpus':<10}{'text':<14}{'docs':>6}{'dated':>8}{'inside':>8}{'exact':>8}{'width':>8}")
    stripped_dev: list[Tally] = []
    for name, docs in found:
        for way, texts in (("as scraped", docs),
                           ("no date line", [Doc(d.name, strip_date_lines(d.text), d.dct)
                                             for d in docs])):
            tally = score(texts, 0 if name == "platinum" else args.misses)
            print(format_row(name, way, tally))
            if tally.dated < tally.docs:
                print(f"    undated: {tally.undated['no cue']} with no cue, "
                      f"{tally.undated['year-less']} with only year-less cues "
                      f"({tally.undated['month right']} pointing to the true month)")
            if tally.dated:
                print(f"    a cue names a day within {NEAR_DAYS} days of the truth in "
                      f"{tally.near} of {tally.dated} dated ({_share(tally.near, tally.dated)}%)")
            print("\n".join(f"    {m}" for m in tally.misses))
            if way == "no date line" and name in DEVELOPMENT:
                stripped_dev.append(tally)
    print("(dated, inside, exact: % of docs, % of dated, % of dated; width: median days)")
    print(format_calibration(stripped_dev))
    return 0


if __name__ == "__main__":
    sys.exit(main())
