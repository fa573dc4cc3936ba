"""Score the temporal tagger on MEANTIME's time expressions, the TempEval-3 Task A way.

Usage::

    python -m benchmarks.meantime_timex [DIR] [--per-doc] [--errors N]

With no DIR, the English MEANTIME documents under
``../shared/eval/meantime/intra-doc_annotation/`` (relative to the project root) are
read, one ``corpus_*`` folder at a time. Each CAT XML file gives tokens, rebuilt into
text with character offsets the same way ``benchmarks.meantime`` does (title and
dateline on lines of their own, body sentences as one paragraph), and ``TIMEX3``
markables spanning token anchors.

The document creation time (the TIMEX3 with ``functionInDocument="CREATION_TIME"``) is
passed as ``published``. Like TimeML's ``<DCT>``, it is metadata: its dateline tokens are
left out of the text and it is not a gold expression. TIMEX3s without token anchors
(implicit times such as a duration's end point) are not in the text and not scored.
MEANTIME annotates only the title and the first few sentences of an article (whatever
kind of markable), so the text ends with the last sentence that has a markable.

Scoring, error listing and the table are those of ``benchmarks.tempeval``.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from benchmarks.meantime import MEANTIME
from benchmarks.meantime import detokenise, iso_date
from benchmarks.tempeval import (
    CorpusResult,
    Counts,
    Tagger,
    Timex,
    TmlDocument,
    evaluate_documents,
    find_times_tagger,
    format_errors,
    format_row,
    format_table,
)

ANNOTATION = MEANTIME / "intra-doc_annotation"


def _creation_time(root: ET.Element) -> ET.Element | None:
    """The DCT markable; two files leave it unmarked, so fall back on the dateline's."""
    timexes = list(root.iter("TIMEX3"))
    found = next((t for t in timexes if t.get("functionInDocument") == "CREATION_TIME"), None)
    if found is not None:
        return found
    sentence = {t.get("t_id"): t.get("sentence") for t in root.findall("token")}
    return next((t for t in timexes if t.findall("token_anchor")
                 and sentence.get(t.find("token_anchor").get("t_id")) == "1"), None)


def _unannotated(root: ET.Element, tokens: list[ET.Element]) -> frozenset[str]:
    """Ids of the tokens after the last sentence that has any markable.

    MEANTIME annotates only the title and the first sentences of each article; the
    rest is left out of the text so that expressions found there are not counted as
    spurious.
    """
    sentence = {t.get("t_id"): int(t.get("sentence", "0")) for t in tokens}
    anchored = [sentence[a.get("t_id")] for a in root.iter("token_anchor")
                if a.get("t_id") in sentence]
    last = max(anchored, default=-1)
    return frozenset(t_id for t_id, number in sentence.items() if number > last)


def read_timex_document(path: str | Path) -> TmlDocument:
    """Read one CAT XML file into text, DCT and gold TIMEX3 spans.

    Raises ``ValueError`` naming the file when it is not well-formed XML.
    """
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ValueError(f"{path}: not well-formed XML: {exc}") from exc
    creation = _creation_time(root)
    dct = "" if creation is None else iso_date(creation.get("value", ""))
    # Without a usable DCT the dateline stays in the text (and in the gold), so the
    # tagger can still read the date from it.
    dateline = frozenset(a.get("t_id") for a in creation.findall("token_anchor")) if (
        creation is not None and dct) else frozenset()
    tokens = root.findall("token")
    text, spans = detokenise(tokens, dateline | _unannotated(root, tokens))
    timexes = []
    for timex in root.iter("TIMEX3"):
        anchors = [spans[a.get("t_id")] for a in timex.findall("token_anchor")
                   if a.get("t_id") in spans]
        if not anchors:
            continue
        start, end = anchors[0][0], anchors[-1][1]
        timexes.append(Timex(start, end, text[start:end], timex.get("type", ""),
                             timex.get("value", "")))
    timexes.sort(key=lambda t: (t.start, t.end))
    return TmlDocument(path.stem, text, dct, tuple(timexes))


def evaluate_folder(folder: str | Path, tagger: Tagger = find_times_tagger) -> CorpusResult:
    """Score every ``.xml`` file under ``folder`` (sorted by path)."""
    folder = Path(folder)
    paths = sorted(folder.rglob("*.xml"))
    if not paths:
        raise ValueError(f"{folder}: no .xml files")
    return evaluate_documents(folder.name, (read_timex_document(p) for p in paths), tagger)


def total(results: Sequence[CorpusResult]) -> CorpusResult:
    """All results added up into one row named ``meantime``."""
    counts = sum((r.counts for r in results), Counts())
    return CorpusResult("meantime", counts, (), (),
                        sum(r.seconds for r in results), sum(r.documents for r in results))


def main(argv: Sequence[str] | None = None, tagger: Tagger | None = None) -> int:
    """Command-line entry point; returns the exit status. ``tagger`` is for tests."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.meantime_timex",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path, default=ANNOTATION,
                        help="a folder of CAT XML files, or of corpus_* folders")
    parser.add_argument("--per-doc", action="store_true", help="print a line per document")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="list up to N errors of each kind")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"no MEANTIME corpus at {args.folder}", file=sys.stderr)
        return 2
    folders = sorted(p for p in args.folder.glob("corpus_*") if p.is_dir()) or [args.folder]
    results = [evaluate_folder(f, tagger or find_times_tagger) for f in folders]
    for result in results:
        if args.per_doc:
            print(f"== {result.name} per document ==")
            print("\n".join(format_row(n, c) for n, c in result.per_doc))
        if args.errors:
            print(format_errors(result, args.errors))
    rows = results + [total(results)] if len(results) > 1 else results
    print(format_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
