"""Cross-document event coreference on ECB+: our stories against the gold chains.

Usage::

    python -m benchmarks.ecbplus [--topics 36-45]

Each ECB+ document of the test topics (36-45, as is customary) is rebuilt as text and
extracted; our stories (``timeline.store.stories.group_events``) are compared with the
gold cross-document chains over the gold action mentions our events cover (an event
whose trigger overlaps the mention), restricted to the sentences ECB+ marks as
reliably annotated. A same-lemma-within-topic baseline over the same mentions is
scored in the same run. Scores: MUC, B-cubed, CEAF-e and CoNLL F1.
"""

from __future__ import annotations

import argparse
import csv
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from benchmarks.coref_scores import conll
from benchmarks.meantime import detokenise

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ECBPLUS = PROJECT_ROOT.parent / "shared" / "eval" / "ecbplus"
ACTION_TAGS = ("ACTION_", "NEG_")


@dataclass(frozen=True)
class Mention:
    """A gold action mention: where it is and which real-world event it refers to."""

    doc: str
    topic: str
    start: int
    end: int
    instance: str


def selected_sentences(root: Path = ECBPLUS) -> set[tuple[str, str]]:
    """(document name, sentence number) pairs whose annotation ECB+ vouches for."""
    with (root / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as handle:
        return {(f"{row['Topic']}_{row['File']}", row["Sentence Number"])
                for row in csv.DictReader(handle)}


def read_document(path: Path, selected: set[tuple[str, str]]) -> tuple[str, list[Mention]]:
    """The text of one document and its gold action mentions in selected sentences."""
    root = ET.parse(path).getroot()
    tokens = root.findall("token")
    text, spans = detokenise(tokens)
    sentence_of = {t.get("t_id"): t.get("sentence") for t in tokens}
    markables = root.find("Markables")
    chain = {}
    for relation in root.find("Relations") or []:
        target = relation.find("target")
        name = relation.get("note") or relation.get("r_id")
        for source in relation.findall("source"):
            chain[source.get("m_id")] = name if target is not None else ""
    doc, topic = path.stem, path.stem.split("_")[0]
    mentions = []
    for element in markables:
        anchors = [a.get("t_id") for a in element.findall("token_anchor")]
        if not element.tag.startswith(ACTION_TAGS) or not anchors:
            continue
        if (doc, sentence_of.get(anchors[0])) not in selected:
            continue
        instance = chain.get(element.get("m_id")) or f"{doc}:{element.get('m_id')}"
        start, end = spans[anchors[0]][0], spans[anchors[-1]][1]
        mentions.append(Mention(doc, topic, start, end, instance))
    return text, mentions


def main(argv: list[str] | None = None) -> None:
    from timeline.model import Article
    from timeline.pipeline import extract
    from timeline.store.stories import group_events

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--topics", default="36-45", help="topic range, e.g. 36-45")
    args = parser.parse_args(argv)
    low, high = (int(x) for x in args.topics.split("-"))
    selected = selected_sentences()
    articles, gold = [], []
    for topic in range(low, high + 1):
        for path in sorted((ECBPLUS / "ECB+" / str(topic)).glob("*.xml")):
            text, mentions = read_document(path, selected)
            articles.append(Article(id=path.stem, body=text))
            gold.extend(mentions)
    events = extract(articles).reset_index(drop=True)
    story = {}
    for number, positions in enumerate(group_events(events)):
        for i in positions:
            story[i] = number
    by_doc: dict[str, list[int]] = {}
    for i, doc in enumerate(events["doc_id"]):
        by_doc.setdefault(doc, []).append(i)
    key, ours, lemma = {}, {}, {}
    for n, mention in enumerate(gold):
        hit = next((i for i in by_doc.get(mention.doc, [])
                    if events.at[i, "trigger_start"] < mention.end
                    and mention.start < events.at[i, "trigger_end"]), None)
        if hit is None:
            continue
        key[n], ours[n] = mention.instance, story[hit]
        lemma[n] = (mention.topic, events.at[hit, "trigger"])
    print(f"ECB+ topics {args.topics}: {len(articles)} documents, {len(gold)} gold action "
          f"mentions in selected sentences, {len(key)} covered by our events "
          f"({len(key) / max(1, len(gold)):.1%}); {len(events)} events, "
          f"{len(set(story.values()))} stories")
    print()
    print("| system | MUC F1 | B3 F1 | CEAF-e F1 | **CoNLL F1** |")
    print("|---|---|---|---|---|")
    for name, response in (("same lemma within topic (baseline)", lemma),
                           ("timeline stories", ours)):
        scores = conll(key, response)
        print(f"| {name} | {scores['MUC'][2]:.1%} | {scores['B3'][2]:.1%} | "
              f"{scores['CEAF-e'][2]:.1%} | **{scores['CoNLL'][2]:.1%}** |")


if __name__ == "__main__":
    main()
