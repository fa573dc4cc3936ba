"""Score event anchoring against MEANTIME's event-to-time links.

Usage::

    python -m benchmarks.meantime [DIR] [--errors N]

With no DIR, the English MEANTIME documents under
``../shared/eval/meantime/intra-doc_annotation/`` (relative to the project root) are
read. Each CAT XML file gives tokens (rebuilt into text with character offsets),
the document creation time (the TIMEX3 with ``functionInDocument="CREATION_TIME"``,
passed as ``published``) and event mentions. An event mention's gold time is the
``TIME`` of the event instance it refers to in ``list_instances.csv``.

For every gold event mention with a time, the event we extract at that trigger (by
character offset) is looked up and its TIMEX3 value compared with the gold one:

* found: we have an event at the trigger (trigger recall);
* exact: our ``time_value`` equals the gold value;
* date agrees: our point date, cut to the gold value's precision, equals it (our
  "2007-10-17T18:40" agrees with gold "2007-10-17", our "2007-10-15" with "2007-10");
* accuracy = correct / found (precision over the events we dated at gold triggers);
  recall = correct / gold; F1 from the two.

A baseline that dates every found event with the creation time is printed beside it
(scored as "date agrees"), with a breakdown by expression vs publication date.
"""

from __future__ import annotations

import argparse
import csv
import re
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MEANTIME = PROJECT_ROOT.parent / "shared" / "eval" / "meantime"
NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "'s", "n't", ")", "%", "?", "!", "'", "''"})
NO_SPACE_AFTER = frozenset({"(", "$", "``"})


@dataclass(frozen=True)
class GoldEvent:
    """A gold event mention: its trigger's character span and linked time value."""

    start: int
    end: int
    text: str
    value: str


@dataclass(frozen=True)
class Document:
    """A MEANTIME document rebuilt as text, with its DCT and gold anchored events."""

    name: str
    text: str
    dct: str
    events: tuple[GoldEvent, ...]


def instance_times(path: Path) -> dict[str, str]:
    """Event instance id -> TIME from ``list_instances.csv`` (tab separated)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t")
        header = next(rows)
        at = {name.lstrip("#"): i for i, name in enumerate(header)}
        return {row[at["ID"]]: row[at["TIME"]] for row in rows
                if len(row) > at["TIME"] and row[at["TYPE"]] == "EVENT" and row[at["TIME"]]}


def detokenise(tokens: list[ET.Element], skip: frozenset[str] = frozenset()
          ) -> tuple[str, dict[str, tuple[int, int]]]:
    """Detokenised text and each token's character span; ``skip`` holds token ids left out."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    length, sentence, previous = 0, None, ""
    for token in tokens:
        if token.get("t_id") in skip:
            continue
        word = token.text or ""
        if sentence is not None and token.get("sentence") != sentence:
            # Title and date line stand apart; body sentences form one paragraph.
            sep = "\n" if sentence in {"0", "1"} else " "
        elif not parts or word in NO_SPACE_BEFORE or previous in NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        parts.append(sep + word)
        length += len(sep)
        spans[token.get("t_id", "")] = (length, length + len(word))
        length += len(word)
        sentence, previous = token.get("sentence"), word
    return "".join(parts), spans


def document_text(root: ET.Element) -> tuple[str, str, dict[str, tuple[int, int]]]:
    """(text, DCT, token spans) of a CAT XML document, the dateline left out."""
    markables = root.find("Markables")
    creation = next((t for t in markables.iter("TIMEX3")
                     if t.get("functionInDocument") == "CREATION_TIME"), None)
    if creation is None:  # two files leave it unmarked: take the dateline's expression
        sentence = {t.get("t_id"): t.get("sentence") for t in root.findall("token")}
        creation = next((t for t in markables.iter("TIMEX3") if t.findall("token_anchor")
                         and sentence.get(t.find("token_anchor").get("t_id")) == "1"), None)
    dct = "" if creation is None else iso_date(creation.get("value", ""))
    # The dateline is metadata (it is passed as the publication date), not text; a
    # document whose DCT has no usable value keeps it, to infer the date from.
    dateline = frozenset(a.get("t_id") for a in creation.findall("token_anchor")) if (
        creation is not None and dct) else frozenset()
    text, spans = detokenise(root.findall("token"), dateline)
    return text, dct, spans


def read_document(path: Path, times: dict[str, str]) -> Document:
    """Parse one CAT XML file into text, DCT and gold anchored event mentions."""
    root = ET.parse(path).getroot()
    markables = root.find("Markables")
    text, dct, spans = document_text(root)
    instance = {e.get("m_id"): e.get("instance_id", "") for e in markables.iter("EVENT")}
    refers: dict[str, str] = {}
    for link in root.iter("REFERS_TO"):
        target = link.find("target")
        for source in link.findall("source"):
            if target is not None:
                refers[source.get("m_id")] = target.get("m_id")
    gold = []
    for mention in markables.iter("EVENT_MENTION"):
        value = gold_value(times.get(instance.get(refers.get(mention.get("m_id"), ""), ""), ""))
        anchors = [spans[a.get("t_id")] for a in mention.findall("token_anchor")
                   if a.get("t_id") in spans]
        if value and anchors:
            start, end = anchors[0][0], anchors[-1][1]
            gold.append(GoldEvent(start, end, text[start:end], value))
    return Document(path.stem, text, dct, tuple(gold))


def iso_date(value: str) -> str:
    """A DCT as YYYY-MM-DD; a few files write DD-MM-YYYY. "" when unusable."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value):
        return value[:10]
    match = re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", value)
    return f"{match[3]}-{match[2]}-{match[1]}" if match else ""


def gold_value(value: str) -> str:
    """A gold TIME with unknown parts dropped ("2008-02-XX" -> "2008-02"); "" if none known."""
    parts = value.split("-")
    while parts and "X" in parts[-1].upper():
        parts.pop()
    return "-".join(parts)


def read_corpus(folder: Path) -> list[Document]:
    """Every document under ``folder`` with the instance times beside the corpus."""
    times = instance_times(MEANTIME / "list_instances.csv")
    return [read_document(p, times) for p in sorted(folder.rglob("*.xml"))]


def score(documents: Iterable[Document], frame: pd.DataFrame) -> pd.DataFrame:
    """One row per gold event mention: what we found there and whether it agrees."""
    rows = []
    by_doc = {name: group for name, group in frame.groupby("doc_id")}
    for doc in documents:
        ours = by_doc.get(doc.name)
        for gold in doc.events:
            hit = None
            if ours is not None:
                overlap = ours[(ours["trigger_start"] < gold.end)
                               & (gold.start < ours["trigger_end"])]
                hit = overlap.iloc[0] if len(overlap) else None
            value = "" if hit is None else str(hit["time_value"] or "")
            source = "" if hit is None else str(hit["time_source"])
            point = "" if hit is None or pd.isna(hit["date"]) else hit["date"].strftime("%Y-%m-%d")
            rows.append({"doc": doc.name, "trigger": gold.text, "gold": gold.value,
                         "ours": value, "source": source, "found": hit is not None,
                         "exact": value == gold.value,
                         "agrees": bool(point) and point[:len(gold.value)] == gold.value,
                         "dct_agrees": hit is not None and doc.dct[:len(gold.value)] == gold.value})
    return pd.DataFrame(rows)


def summary(scored: pd.DataFrame) -> pd.DataFrame:
    """Accuracy, precision, recall and F1 for our anchoring and the DCT baseline."""
    gold = len(scored)
    found = int(scored["found"].sum())
    table = []
    for name, column in (("timeline: exact TIMEX3 value", "exact"),
                         ("timeline: date agrees", "agrees"),
                         ("baseline: DCT, date agrees", "dct_agrees")):
        correct = int((scored[column] & scored["found"]).sum())
        precision = correct / found if found else 0.0
        recall = correct / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if correct else 0.0
        table.append({"system": name, "gold": gold, "found": found, "correct": correct,
                      "accuracy": precision, "precision": precision, "recall": recall, "f1": f1})
    return pd.DataFrame(table)


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print its tables."""
    from timeline.pipeline import extract
    from timeline.model import Article

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", default=str(MEANTIME / "intra-doc_annotation"))
    parser.add_argument("--errors", type=int, default=0, help="list this many disagreements")
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args(argv)
    documents = read_corpus(Path(args.folder))
    articles = [Article(id=d.name, body=d.text,
                        published=pd.Timestamp(d.dct[:10]).to_pydatetime() if d.dct else None)
                for d in documents]
    began = time.perf_counter()
    frame = extract(articles, n_process=args.processes)
    seconds = time.perf_counter() - began
    scored = score(documents, frame)
    print(f"MEANTIME: {len(documents)} documents, {len(scored)} gold event mentions with a "
          f"time, {len(frame)} extracted events in {seconds:.1f}s\n")
    print(summary(scored).to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    found = scored[scored["found"]]
    by_source = found.groupby("source").agg(events=("agrees", "size"), agrees=("agrees", "mean"),
                                            dct_agrees=("dct_agrees", "mean"))
    print("\nby how our date was found:\n" + by_source.to_string(float_format=lambda v: f"{v:.3f}"))
    print("\ngold values by granularity:", dict(Counter(len(v) for v in scored["gold"])))
    if args.errors:
        wrong = found[~found["agrees"]].head(args.errors)
        print("\n" + wrong[["doc", "trigger", "gold", "ours", "source"]].to_string(index=False))


if __name__ == "__main__":
    main()
