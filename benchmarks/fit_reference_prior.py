"""Fit how far news is from the dates it mentions, and the correlation that calibrates it.

Usage::

    python -m benchmarks.fit_reference_prior [--check]

On every development document with a known creation date (TimeBank and AQUAINT
``<DCT>``, MEANTIME's date line; never the platinum test set, nor UCDP's headlines)
the cues of ``infer_reference_date`` are read and each one's offset from the true date is counted:
days after a full date per tense, months after a month, years after a year, days from
the nearest "Oct. 19", weekdays back from the writing day. Dateline cues are counted
on the texts as scraped, body cues on the texts with the date lines removed. The
counts, smoothed toward the kind's pooled counts, become
``timeline/resources/reference_prior.yaml``; then the correlation between the cues of
one text (the body cues' temperature is 1 + (n - 1) * correlation for n of them) is
the smallest one
whose 90% intervals hold the true date for at least 90% of the development documents
dated with the date lines removed. ``--check`` prints the fit without writing it.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import numpy as np
import yaml

from benchmarks.reference_dates import Doc, development_corpora, strip_date_lines

OUT = Path(__file__).resolve().parent.parent / "timeline" / "resources" / "reference_prior.yaml"
#: Pseudo-counts: in all, spread evenly over the offsets (for smoothing), and of the
#: pooled distribution (for a tense).
SMOOTH_PSEUDO = 2.0
POOL_PSEUDO = 10.0
MIN_TENSE = 10
CORRELATIONS = (*(i / 100 for i in range(51)), 0.6, 0.7, 0.85, 1.0)
TARGET = 0.90


def _cues(doc: Doc) -> list:
    from timeline.temporal.reference import find_cues
    from timeline.text.boilerplate import split_trailing

    scraped = [c for c in find_cues(split_trailing(doc.text)[0]) if c.kind.startswith("dateline")]
    body = [c for c in find_cues(split_trailing(strip_date_lines(doc.text))[0])
            if not c.kind.startswith("dateline")]
    return scraped + body


def count(docs: Sequence[Doc]) -> dict[str, list[int]]:
    """Offsets of every fitted cue from its document's true date, by ``kind/tense``."""
    from timeline.temporal.reference_model import UNITS, Calendar, offsets

    found: dict[str, list[int]] = defaultdict(list)
    for doc in docs:
        cal = Calendar.of(np.array([date.fromisoformat(doc.dct[:10]).toordinal()]))
        for cue in _cues(doc):
            if cue.kind in UNITS:
                off = int(offsets(cue, cal)[0])
                if not cue.kind.startswith("dateline"):  # a dateline has no tense
                    found[f"{cue.kind}/{cue.tense}"].append(off)
                found[f"{cue.kind}/all"].append(off)
    if "dateline/all" in found:  # a year-less dateline: the dated ones, folded onto a year
        found["dateline_md/all"] += [o for o in found["dateline/all"] if -183 <= o <= 182]
    return found


def histogram(unit: str, offs: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """Counts per bin of ``unit`` and the counts before and after every bin."""
    from timeline.temporal.reference_model import bins

    edges = bins(unit)
    counts = np.zeros(len(edges))
    far = np.zeros(2)
    for o in offs:
        for i, (a, b) in enumerate(edges):
            if a <= o <= b:
                counts[i] += 1
                break
        else:
            far[int(o > 0)] += 1
    return counts, far


def smooth(unit: str, counts: np.ndarray, far: np.ndarray,
           pool: tuple[np.ndarray, np.ndarray] | None,
           kind: str = "") -> tuple[list[float], list[float]]:
    """Probabilities per bin and far (before, after), with pseudo-counts (toward
    ``pool`` if given), made unimodal (see ``unimodal``), or kernel-smoothed for a
    year-less date read from the body (see ``KERNEL``)."""
    from timeline.temporal.reference_model import FAR_SPAN, bins

    widths = np.array([b - a + 1 for a, b in bins(unit)], dtype=float)
    if pool is None:
        far_width = FAR_SPAN.get(unit, 0)
        share = SMOOTH_PSEUDO / (widths.sum() + 2 * far_width)
        c, f = counts + share * widths, far + share * far_width
    else:
        c, f = counts + POOL_PSEUDO * pool[0], far + POOL_PSEUDO * pool[1]
    if unit in UNIMODAL or kind in UNIMODAL_KINDS:
        c = unimodal(c, widths)
    elif unit in KERNEL:
        c = kernel_smooth(c, widths)
    total = c.sum() + f.sum()
    return [float(f"{x / total:.4g}") for x in c], [float(f"{x / total:.4g}") for x in f]


#: Units whose lag is made unimodal: news is mostly about the recent past, and a date
#: is the less likely the farther the writing is from the most common lag.
UNIMODAL = ("day", "month", "year")
#: Units whose one-day bins are smoothed with ``KERNEL_WEIGHTS``: a hundred year-less
#: "Oct. 19" over a year of offsets left single days at a millionth beside days at four
#: hundredths, a veto that was sampling, not news; their mode is too noisy to make
#: them unimodal around it.
KERNEL = ("yearless_day",)
#: Kinds made unimodal whatever their unit: a year-less dateline ("KYIV, Jan 19
#: (Reuters) -") is a dateline folded onto a year, the writing day itself nearly always,
#: not a body's "Oct. 19"; spread over two days each side by ``KERNEL`` it put the
#: writing day on the dateline's day only one time in three, and lost to any hint of
#: a day a week away.
UNIMODAL_KINDS = ("dateline_md",)
KERNEL_WEIGHTS = (1.0, 2.0, 3.0, 2.0, 1.0)


def kernel_smooth(counts: np.ndarray, widths: np.ndarray) -> np.ndarray:
    """``counts`` with each run of one-day bins averaged with its neighbours
    (``KERNEL_WEIGHTS``, renormalised at the run's ends); the run's mass is kept."""
    out = counts.astype(float).copy()
    single = np.flatnonzero(widths == 1)
    if not len(single):
        return out
    first, last = int(single[0]), int(single[-1]) + 1
    run = counts[first:last].astype(float)
    kernel = np.array(KERNEL_WEIGHTS)
    smoothed = np.convolve(run, kernel, mode="same") / np.convolve(
        np.ones(len(run)), kernel, mode="same")
    out[first:last] = smoothed * run.sum() / smoothed.sum()
    return out


def unimodal(counts: np.ndarray, widths: np.ndarray) -> np.ndarray:
    """``counts`` with their density (count per offset) made non-increasing away from
    the densest bin on both sides (pool-adjacent-violators), mass kept per side.

    A few dozen cues spread over dozens of bins leave holes that are sampling, not
    news: "September 2022" five months before the writing is not rarer than thirteen.
    """
    mode = int(np.argmax(counts / widths))
    right = _decreasing(counts[mode:], widths[mode:])
    left = _decreasing(counts[:mode + 1][::-1], widths[:mode + 1][::-1])[::-1]
    return np.concatenate([left[:-1], right])


def _decreasing(counts: np.ndarray, widths: np.ndarray) -> np.ndarray:
    """The non-increasing density fit (weighted by width) of ``counts``, as counts."""
    blocks: list[list[float]] = []  # [mass, width, bins]
    for c, w in zip(counts, widths):
        blocks.append([float(c), float(w), 1])
        while len(blocks) > 1 and blocks[-1][0] / blocks[-1][1] > blocks[-2][0] / blocks[-2][1]:
            m, w2, n = blocks.pop()
            blocks[-1] = [blocks[-1][0] + m, blocks[-1][1] + w2, blocks[-1][2] + n]
    density = np.concatenate([np.full(int(n), m / w) for m, w, n in blocks])
    return density * widths


def week_offsets(tense: str) -> list[int]:
    """The date offsets a weekday's offsets 0..6 stand for in ``tense``: a past
    "Tuesday" read on Thursday is 2 days back, a future "Tuesday" read on Thursday is 5
    days ahead (weekday offset 2, date offset -5)."""
    if tense == "future":
        return [0, *range(-6, 0)]
    return list(range(7))


def borrow_week(lags: dict[str, dict]) -> None:
    """Shape the first week after a dated mention like the week after a weekday mention.

    Few full dates fall within a week before the writing day, too few to tell day 0
    from day 1; weekday mentions ("said on Tuesday") are the same lag, seen hundreds of
    times. The mass a day-precise kind gives to offsets 0..6 is kept and shared out as
    the weekday lag of the same tense shares it.
    """
    from timeline.temporal.reference_model import bins

    for unit_kind in ("full", "month_day"):
        edges = bins("day" if unit_kind == "full" else "yearless_day")
        for key, entry in lags.items():
            if not key.startswith(f"{unit_kind}/"):
                continue
            tense = key.split("/")[1]
            week = [edges.index((o, o)) for o in week_offsets(tense)]
            weekday = lags.get(f"weekday/{tense}", lags["weekday/all"])["probs"]
            total = sum(entry["probs"][i] for i in week)
            for i, share in zip(week, weekday, strict=True):
                entry["probs"][i] = float(f"{total * share / sum(weekday):.4g}")


def fit_lags(found: dict[str, list[int]]) -> dict[str, dict]:
    """Smoothed distributions: ``kind/all`` for each kind, ``kind/tense`` when frequent enough."""
    from timeline.temporal.reference_model import UNITS

    lags: dict[str, dict] = {}
    for kind, unit in UNITS.items():
        pooled = found.get(f"{kind}/all", [])
        probs, far = smooth(unit, *histogram(unit, pooled), None, kind)
        lags[f"{kind}/all"] = {"n": len(pooled), "probs": probs, "far": far}
        pool = (np.array(probs), np.array(far))
        for key in sorted(k for k in found if k.startswith(f"{kind}/") and k != f"{kind}/all"):
            if len(found[key]) >= MIN_TENSE:
                p, f = smooth(unit, *histogram(unit, found[key]), pool, kind)
                lags[key] = {"n": len(found[key]), "probs": p, "far": f}
    borrow_week(lags)
    return lags


def coverage(docs: Sequence[Doc], correlation: float) -> tuple[float, int]:
    """Share of dated documents (date lines removed) whose 90% interval holds the truth."""
    from timeline.temporal.reference_model import divisors, posterior, shortest_interval

    inside = dated = 0
    for doc, (ords, widths, cues), rows in scored(docs):
        if ords is None:
            continue
        total = (rows / divisors(cues, correlation)[:, None]).sum(axis=0)
        first, last = shortest_interval(ords, posterior(total, widths), TARGET, widths)
        dated += 1
        inside += first <= date.fromisoformat(doc.dct[:10]).toordinal() <= last
    return inside / max(1, dated), dated


_SCORED: dict[int, list] = {}


def scored(docs: Sequence[Doc]) -> list:
    """(doc, candidate ordinals, summed log-likelihoods) with the current prior; cached."""
    from timeline.temporal import reference_model as model
    from timeline.temporal.reference import find_cues
    from timeline.text.boilerplate import split_trailing

    key = id(docs)
    if key not in _SCORED:
        prior = model.load_prior()
        rows = []
        for doc in docs:
            cues = find_cues(split_trailing(strip_date_lines(doc.text))[0])
            ords, widths = model.candidates(cues, prior)
            if not len(ords):
                rows.append((doc, (None, None, cues), None))
                continue
            scores = model.scores(cues, model.Calendar.of(ords), prior)
            rows.append((doc, (ords, widths, cues), scores))
        _SCORED[key] = rows
    return _SCORED[key]


def write(lags: dict[str, dict], correlation: float, path: Path = OUT) -> None:
    """Write the prior file (its header says how it was made)."""
    header = ("# Fitted by `python -m benchmarks.fit_reference_prior` on the development corpora\n"
              "# (TimeBank, AQUAINT, MEANTIME): do not edit by hand. For each cue kind and tense\n"
              "# (`kind/tense`; `kind/all` pools the tenses): n cues seen, the probability of\n"
              "# each offset bin (timeline/temporal/reference_model.py `bins`) and of an offset\n"
              "# beyond them (far). The summed log-likelihoods of n cues are divided by\n"
              "# 1 + (n - 1) * correlation.\n")
    body = yaml.safe_dump({"correlation": correlation, "lags": lags}, sort_keys=False,
                          default_flow_style=None, width=100)
    path.write_text(header + body, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Fit, print a summary, and write the prior unless ``--check``."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fit_reference_prior",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="print the fit, write nothing")
    args = parser.parse_args(argv)
    docs = [d for _, corpus in development_corpora() for d in corpus]
    if not docs:
        print("no development corpora under ../shared/eval", file=sys.stderr)
        return 2
    lags = fit_lags(count(docs))
    for key, entry in lags.items():
        print(f"{key:<24}{entry['n']:>6} cues")
    from timeline.resource_files import read_bundled
    from timeline.temporal import reference_model as model

    path = OUT if not args.check else Path(OUT.parent / ".reference_prior.check.yaml")
    write(lags, 0.0, path)
    read_bundled.cache_clear()  # the file just written, not the one read before
    model.load_prior.cache_clear()
    original, model.PRIOR = model.PRIOR, path.name
    try:
        correlation = CORRELATIONS[-1]
        for rho in CORRELATIONS:
            share, dated = coverage(docs, rho)
            print(f"correlation {rho:<5} inside the 90% interval: {100 * share:.1f}% of {dated}")
            if share >= TARGET:
                correlation = rho
                break
    finally:
        model.PRIOR = original
        read_bundled.cache_clear()
        model.load_prior.cache_clear()
    write(lags, correlation, path)
    if args.check:
        path.unlink()
    print(f"correlation {correlation}; {'checked' if args.check else f'wrote {OUT.name}'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
