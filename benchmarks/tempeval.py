"""Score the temporal tagger on TimeML ``.tml`` files the TempEval-3 Task A way.

Usage::

    python -m benchmarks.tempeval [DIR ...] [--corpus wikiwars] [--mode narrative]
                                  [--no-dct] [--per-doc] [--errors N]

With no DIR, the three TempEval-3 corpora under ``../shared/eval/tempeval3/`` (relative
to the project root) are scored; ``--corpus wikiwars`` scores the WikiWars dev half
(``../shared/eval/wikiwars/dev``) in narrative mode without its DCT, as HeidelTime's
narrative mode is run. ``--mode`` and ``--no-dct`` set those for any corpus. Each file's plain text is the content of its
``<TEXT>`` element with the tags removed (entities decoded by the XML parser); gold
expressions are its ``<TIMEX3>`` elements; the document creation time (DCT) is the
value of the ``<DCT>`` TIMEX3 and is passed as ``published``.

Scoring (see ``../shared/eval/README.md``):

* relaxed: a system expression matches a gold one when their character spans overlap.
  Matching is one-to-one, largest overlap first, so one long system span cannot claim
  two gold expressions (the official scorer is more lenient there);
* strict: identical spans;
* value F1: a relaxed match counts only when the TIMEX3 value equals the gold value
  exactly; precision over system expressions, recall over gold ones;
* type accuracy: the share of relaxed matches whose type is right.
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from timeline.vocab import MODES, Mode

PROJECT_ROOT = Path(__file__).resolve().parent.parent
EVAL_ROOT = PROJECT_ROOT.parent / "shared" / "eval" / "tempeval3"
WIKIWARS = PROJECT_ROOT.parent / "shared" / "eval" / "wikiwars" / "dev"
DEFAULT_CORPORA = ("timebank", "aquaint", "platinum")
# The platinum set is the test set: its errors are never listed, so nobody tunes on it.
TEST_CORPORA = frozenset({"platinum"})


@dataclass(frozen=True)
class Timex:
    """One time expression: a character span of the document text with type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class TmlDocument:
    """A TimeML document reduced to what Task A needs."""

    name: str
    text: str
    dct: str
    timexes: tuple[Timex, ...]


Tagger = Callable[[str, str], Sequence[Timex]]


@dataclass(frozen=True)
class Counts:
    """Raw match counts; they add up across documents."""

    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0
    type: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(_fields(self), _fields(other))))

    def prf(self, hits: int) -> tuple[float, float, float]:
        """Precision, recall and F1 (in percent) for ``hits`` matches."""
        precision = 100.0 * hits / self.system if self.system else 0.0
        recall = 100.0 * hits / self.gold if self.gold else 0.0
        total = precision + recall
        return precision, recall, (2 * precision * recall / total if total else 0.0)

    @property
    def relaxed_f1(self) -> float:
        """Relaxed (overlap) F1."""
        return self.prf(self.relaxed)[2]

    @property
    def strict_f1(self) -> float:
        """Strict (identical span) F1."""
        return self.prf(self.strict)[2]

    @property
    def value_f1(self) -> float:
        """Value F1: relaxed matches with the exact gold value."""
        return self.prf(self.value)[2]

    @property
    def type_accuracy(self) -> float:
        """Share of relaxed matches with the right type."""
        return 100.0 * self.type / self.relaxed if self.relaxed else 0.0


def _fields(counts: Counts) -> tuple[int, ...]:
    return (counts.gold, counts.system, counts.relaxed, counts.strict, counts.value, counts.type)


@dataclass(frozen=True)
class ErrorRecord:
    """One disagreement with the gold standard, for error analysis."""

    doc: str
    kind: str  # missed | spurious | value | type | span
    gold: Timex | None
    system: Timex | None
    context: str


@dataclass(frozen=True)
class CorpusResult:
    """Scores of one directory of ``.tml`` files."""

    name: str
    counts: Counts
    per_doc: tuple[tuple[str, Counts], ...] = ()
    errors: tuple[ErrorRecord, ...] = ()
    seconds: float = 0.0
    documents: int = field(default=0)


# --- reading TimeML -------------------------------------------------------------------


class _TextBuilder:
    """Accumulates text pieces while tracking the running length (offsets)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str | None) -> None:
        """Append ``piece`` (None and "" are skipped)."""
        if piece:
            self.parts.append(piece)
            self.length += len(piece)


def _flatten(element: ET.Element, out: _TextBuilder, timexes: list[Timex]) -> None:
    """Append the text inside ``element`` to ``out``, recording TIMEX3 spans."""
    start, first = out.length, len(out.parts)
    out.add(element.text)
    for child in element:
        _flatten(child, out, timexes)
        out.add(child.tail)
    if element.tag == "TIMEX3":
        text = "".join(out.parts[first:])
        timexes.append(
            Timex(start, out.length, text, element.get("type", ""), element.get("value", ""))
        )


def parse_tml(path: str | Path) -> TmlDocument:
    """Read one TimeML file; raises ``ValueError`` naming the file when it is unusable."""
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ValueError(f"{path}: not well-formed XML: {exc}") from exc
    text_element = root.find("TEXT")
    if text_element is None:
        raise ValueError(f"{path}: no <TEXT> element")
    dct_element = root.find("DCT/TIMEX3")
    dct = dct_element.get("value", "") if dct_element is not None else ""
    out = _TextBuilder()
    timexes: list[Timex] = []
    # The TEXT element's own text and children, not its tail.
    out.add(text_element.text)
    for child in text_element:
        _flatten(child, out, timexes)
        out.add(child.tail)
    timexes.sort(key=lambda t: (t.start, t.end))
    return TmlDocument(path.stem, "".join(out.parts), dct, tuple(timexes))


# --- matching and scoring -------------------------------------------------------------


def _overlap(a: Timex, b: Timex) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match_spans(gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs of overlapping spans, largest first."""
    candidates = sorted(
        (-_overlap(g, s), gi, si)
        for gi, g in enumerate(gold)
        for si, s in enumerate(system)
        if _overlap(g, s) > 0
    )
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for _, gi, si in candidates:
        if gi not in used_gold and si not in used_system:
            used_gold.add(gi)
            used_system.add(si)
            pairs.append((gi, si))
    return sorted(pairs)


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return " ".join(f"{left}[{text[start:end]}]{right}".split())


def score_document(
    doc: TmlDocument, system: Sequence[Timex]
) -> tuple[Counts, list[ErrorRecord]]:
    """Count matches of ``system`` against the gold expressions of ``doc``."""
    gold = doc.timexes
    pairs = match_spans(gold, system)
    gold_spans = {(g.start, g.end) for g in gold}
    strict = len({(s.start, s.end) for s in system} & gold_spans)
    errors: list[ErrorRecord] = []
    value = type_ = 0
    for gi, si in pairs:
        g, s = gold[gi], system[si]
        value += g.value == s.value
        type_ += g.type == s.type
        kind = _pair_error(g, s)
        if kind:
            errors.append(ErrorRecord(doc.name, kind, g, s, _context(doc.text, g.start, g.end)))
    matched_gold = {gi for gi, _ in pairs}
    matched_system = {si for _, si in pairs}
    for gi, g in enumerate(gold):
        if gi not in matched_gold:
            errors.append(ErrorRecord(doc.name, "missed", g, None, _context(doc.text, g.start, g.end)))
    for si, s in enumerate(system):
        if si not in matched_system:
            errors.append(ErrorRecord(doc.name, "spurious", None, s, _context(doc.text, s.start, s.end)))
    counts = Counts(len(gold), len(system), len(pairs), strict, value, type_)
    return counts, errors


def _pair_error(gold: Timex, system: Timex) -> str:
    if gold.value != system.value:
        return "value"
    if gold.type != system.type:
        return "type"
    if (gold.start, gold.end) != (system.start, system.end):
        return "span"
    return ""


def find_times_tagger(text: str, dct: str, mode: str = Mode.NEWS) -> list[Timex]:
    """The project's tagger, with the DCT as the publication date ("" for none)."""
    from timeline.temporal.api import find_times

    frame = find_times(text, published=dct or None, mode=mode)
    return [
        Timex(int(row.start_char), int(row.end_char), str(row.text), str(row.type), str(row.value))
        for row in frame.itertuples(index=False)
    ]


def evaluate_documents(
    name: str, docs: Iterable[TmlDocument], tagger: Tagger = find_times_tagger
) -> CorpusResult:
    """Tag and score ``docs``; the result keeps per-document counts and all errors."""
    total = Counts()
    per_doc: list[tuple[str, Counts]] = []
    errors: list[ErrorRecord] = []
    began = time.perf_counter()
    for doc in docs:
        try:
            system = tagger(doc.text, doc.dct)
        except Exception as exc:  # re-raised: only adds which document broke the tagger
            exc.add_note(f"while tagging {doc.name} (DCT {doc.dct})")
            raise
        counts, doc_errors = score_document(doc, system)
        total += counts
        per_doc.append((doc.name, counts))
        errors.extend(doc_errors)
    seconds = time.perf_counter() - began
    return CorpusResult(name, total, tuple(per_doc), tuple(errors), seconds, len(per_doc))


def evaluate_dir(directory: str | Path, tagger: Tagger = find_times_tagger) -> CorpusResult:
    """Score every ``.tml`` file in ``directory`` (sorted by name)."""
    directory = Path(directory)
    paths = sorted(directory.glob("*.tml"))
    if not paths:
        raise ValueError(f"{directory}: no .tml files")
    return evaluate_documents(directory.name, (parse_tml(p) for p in paths), tagger)


# --- reporting ------------------------------------------------------------------------

_HEADER = (
    f"{'corpus':<12}{'docs':>5}{'gold':>6}{'sys':>6}"
    f"{'rel P':>7}{'rel R':>7}{'rel F1':>8}{'str P':>7}{'str R':>7}{'str F1':>8}"
    f"{'val P':>7}{'val R':>7}{'val F1':>8}{'type':>7}{'sec':>7}"
)


def format_row(name: str, counts: Counts, documents: int = 1, seconds: float = 0.0) -> str:
    """One table line: counts, relaxed/strict/value P R F1, type accuracy, time."""
    cells = [*counts.prf(counts.relaxed), *counts.prf(counts.strict), *counts.prf(counts.value)]
    scores = "".join(f"{c:>7.2f}" if i % 3 != 2 else f"{c:>8.2f}" for i, c in enumerate(cells))
    return (
        f"{name[:11]:<12}{documents:>5}{counts.gold:>6}{counts.system:>6}"
        f"{scores}{counts.type_accuracy:>7.2f}{seconds:>7.1f}"
    )


def format_table(results: Sequence[CorpusResult]) -> str:
    """The per-corpus score table."""
    lines = [_HEADER, "-" * len(_HEADER)]
    lines += [format_row(r.name, r.counts, r.documents, r.seconds) for r in results]
    return "\n".join(lines)


def format_errors(result: CorpusResult, limit: int) -> str:
    """Up to ``limit`` errors of each kind, and the most frequent missed/spurious texts."""
    if result.name in TEST_CORPORA:
        return f"({result.name}: errors not listed; it is the test set)"
    lines = [f"== errors in {result.name} =="]
    by_kind: dict[str, list[ErrorRecord]] = {}
    for error in result.errors:
        by_kind.setdefault(error.kind, []).append(error)
    for kind in ("missed", "spurious", "value", "type", "span"):
        found = by_kind.get(kind, [])
        lines.append(f"-- {kind}: {len(found)}")
        lines += [_describe(e) for e in found[:limit]]
        if kind in ("missed", "spurious") and found:
            texts = Counter(
                (e.gold or e.system).text.lower() for e in found  # type: ignore[union-attr]
            )
            common = ", ".join(f"{t!r}x{n}" for t, n in texts.most_common(limit))
            lines.append(f"   most frequent: {common}")
    return "\n".join(lines)


def _describe(error: ErrorRecord) -> str:
    gold = f"{error.gold.type} {error.gold.value} {error.gold.text!r}" if error.gold else "-"
    system = (
        f"{error.system.type} {error.system.value} {error.system.text!r}" if error.system else "-"
    )
    return f"   {error.doc}: gold {gold} | sys {system} | {error.context}"


def default_dirs() -> list[Path]:
    """The TempEval-3 corpora that exist under ``../shared/eval/tempeval3``."""
    return [EVAL_ROOT / name for name in DEFAULT_CORPORA if (EVAL_ROOT / name).is_dir()]


def main(argv: Sequence[str] | None = None, tagger: Tagger | None = None) -> int:
    """Command-line entry point; returns the exit status. ``tagger`` is for tests."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.tempeval", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dirs", nargs="*", type=Path, help="directories of .tml files")
    parser.add_argument("--per-doc", action="store_true", help="print a line per document")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="list up to N errors of each kind (never for the test set)")
    parser.add_argument("--corpus", choices=("tempeval3", "wikiwars"), default="tempeval3",
                        help="the default corpora when no DIR is given")
    parser.add_argument("--mode", choices=MODES, default=None,
                        help="find_times mode (default: news; narrative for wikiwars)")
    parser.add_argument("--no-dct", action="store_true",
                        help="do not pass the DCT (always so for wikiwars)")
    args = parser.parse_args(argv)
    wikiwars = args.corpus == "wikiwars"
    dirs = args.dirs or ([WIKIWARS] if wikiwars and WIKIWARS.is_dir() else
                         [] if wikiwars else default_dirs())
    mode = args.mode or (Mode.NARRATIVE if wikiwars else Mode.NEWS)
    no_dct = args.no_dct or wikiwars
    if tagger is None:
        def tagger(text: str, dct: str) -> list[Timex]:
            return find_times_tagger(text, "" if no_dct else dct, mode)
    if not dirs:
        print(f"no corpora found under {EVAL_ROOT}", file=sys.stderr)
        return 2
    results = []
    for directory in dirs:
        result = evaluate_dir(directory, tagger)
        results.append(result)
        if args.per_doc:
            print(f"== {result.name} per document ==")
            print("\n".join(format_row(n, c) for n, c in result.per_doc))
        if args.errors:
            print(format_errors(result, args.errors))
    print(format_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
