"""How well ``infer_reference_date`` recovers the creation date of evaluation documents.

Usage::

    python -m benchmarks.reference_dates [--misses N]

Each document's text goes to ``infer_reference_date`` without its metadata, and the
true document creation time (DCT) is compared with the inferred interval:

* hit: the DCT lies in [start, end); miss: the interval excludes it;
* none: nothing inferred (no dateline, date line or anchored phrase in the text).

MEANTIME (Wikinews) texts are rebuilt from their tokens with the title and date line
on lines of their own, as the site prints them; TempEval-3 texts are the ``<TEXT>``
element, which carries no dateline, so "none" is the honest answer there.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from benchmarks.meantime import detokenise
from benchmarks.tempeval import DEFAULT_CORPORA, EVAL_ROOT, parse_tml

MEANTIME = EVAL_ROOT.parent / "meantime" / "intra-doc_annotation"


@dataclass
class Tally:
    """Counts for one corpus, and the widths (days) of the intervals that hit."""

    hit: int = 0
    miss: int = 0
    none: int = 0
    widths: list[int] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)


def score(docs: Iterable[tuple[str, str, str]]) -> Tally:
    """Tally ``(name, text, dct)`` documents; ``dct`` is ISO, date part used."""
    from timeline.temporal.reference import infer_reference_date

    tally = Tally()
    for name, text, dct in docs:
        truth = datetime.fromisoformat(dct[:10])
        ref = infer_reference_date(text)
        if not ref.value or ref.start is None or ref.end is None:
            tally.none += 1
        elif ref.start <= truth < ref.end:
            tally.hit += 1
            tally.widths.append((ref.end - ref.start).days)
        else:
            tally.miss += 1
            tally.misses.append(f"{name}: DCT {dct[:10]}, inferred {ref.value} ({ref.evidence[0]})")
    return tally


def meantime_text(path: Path) -> tuple[str, str]:
    """(text, DCT) of a MEANTIME CAT file: title and date line on their own lines."""
    root = ET.parse(path).getroot()
    dct = ""
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value", "")
    text, _spans = detokenise(root.findall("token"))
    return text, dct


def meantime_docs(folder: Path = MEANTIME) -> list[tuple[str, str, str]]:
    """MEANTIME documents whose DCT is an ISO date."""
    docs = []
    for path in sorted(folder.rglob("*.xml")):
        text, dct = meantime_text(path)
        if len(dct) >= 10 and dct[4] == "-":
            docs.append((path.stem, text, dct))
    return docs


def tempeval_docs(folder: Path) -> list[tuple[str, str, str]]:
    """TempEval-3 documents: the TEXT element and the DCT."""
    docs = [parse_tml(path) for path in sorted(folder.glob("*.tml"))]
    return [(d.name, d.text, d.dct) for d in docs if d.dct]


def format_row(name: str, tally: Tally) -> str:
    """One table line."""
    total = tally.hit + tally.miss + tally.none
    width = f"{statistics.median(tally.widths):.0f}" if tally.widths else "-"
    return (f"{name:<12}{total:>6}{tally.hit:>6}{tally.miss:>6}{tally.none:>6}"
            f"{100 * tally.hit / max(1, tally.hit + tally.miss):>10.1f}{width:>12}")


def main(argv: Sequence[str] | None = None) -> int:
    """Print one row per corpus found under ``../shared/eval``."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.reference_dates",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", type=int, default=0, metavar="N",
                        help="list up to N misses per corpus (never for the test set)")
    args = parser.parse_args(argv)
    corpora: list[tuple[str, list[tuple[str, str, str]]]] = []
    if MEANTIME.is_dir():
        corpora.append(("meantime", meantime_docs()))
    corpora += [(n, tempeval_docs(EVAL_ROOT / n)) for n in DEFAULT_CORPORA
                if (EVAL_ROOT / n).is_dir()]
    if not corpora:
        print(f"no corpora under {EVAL_ROOT.parent}", file=sys.stderr)
        return 2
    print(f"{'corpus':<12}{'docs':>6}{'hit':>6}{'miss':>6}{'none':>6}{'hit/dated':>10}"
          f"{'median days':>12}")
    for name, docs in corpora:
        tally = score(docs)
        print(format_row(name, tally))
        if args.misses and tally.misses and name != "platinum":
            print("\n".join(f"    {m}" for m in tally.misses[: args.misses]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
