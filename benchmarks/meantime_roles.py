"""Score actor1 / actor2 and places against MEANTIME's event participants.

Usage::

    python -m benchmarks.meantime_roles [DIR]

MEANTIME links event mentions to entity mentions with PropBank roles
(``HAS_PARTICIPANT``: ``Arg0`` the agent, ``Arg1`` the patient or theme) and marks
entities of type ``LOC``. For every gold event mention our event at that trigger is
looked up (by character offsets, as ``benchmarks.meantime`` does) and:

* actor1 is right when it names an ``Arg0`` participant, actor2 when it names an
  ``Arg1`` one: the words of our name as written (``actor1_text``) or our standard
  name overlap the participant's words, or the name of the entity the participant
  refers to (MEANTIME's ``REFERS_TO`` and the entity's ``TAG_DESCRIPTOR``: "He" is
  Steve Jobs, so an actor1 "Steve Jobs" names him), ignoring case and function words;
* a place is right when one of our locations overlaps the words of a participant in
  the location role (``Argm-LOC``) or of a ``LOC`` entity in any role but ``Arg0``: the
  agent ("the White House said", "the EU banned", "we") is an actor, not where the
  event happened (scored as a place before, it made 39 of the 142 gold places).

Precision is over our events at gold triggers that name an actor1 (actor2, a place);
recall over gold event mentions with an Arg0 (Arg1, a LOC participant).
"""

from __future__ import annotations

import argparse
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: MEANTIME's name of the location role (PropBank's AM-LOC).
LOCATION_ROLES = frozenset({"Argm-LOC", "AM-LOC"})

from benchmarks.meantime import MEANTIME, document_text

#: Words that never decide a match between two names.
FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "and", "in", "on", "for", "to", "'s", "its",
                            "his", "her", "their", "forces", "military"})


@dataclass(frozen=True)
class GoldRoles:
    """One gold event mention: its trigger span and its participants' words by role."""

    start: int
    end: int
    arg0: tuple[str, ...]
    arg1: tuple[str, ...]
    places: tuple[str, ...]


def read_roles(path: Path) -> tuple[str, str, list[GoldRoles]]:
    """(text, DCT, gold roles of every event mention with a participant) of one file."""
    root = ET.parse(path).getroot()
    text, dct, spans = document_text(root)
    markables = root.find("Markables")
    mention_span = {}
    for tag in ("EVENT_MENTION", "ENTITY_MENTION"):
        for mention in markables.iter(tag):
            anchors = [spans[a.get("t_id")] for a in mention.findall("token_anchor")
                       if a.get("t_id") in spans]
            if anchors:
                mention_span[mention.get("m_id")] = (anchors[0][0], anchors[-1][1])
    entity_type = {e.get("m_id"): e.get("ent_type", "") for e in markables.iter("ENTITY")}
    entity_name = {e.get("m_id"): e.get("TAG_DESCRIPTOR", "") for e in markables.iter("ENTITY")}
    mention_type, mention_name = {}, {}
    for link in root.iter("REFERS_TO"):
        target = link.find("target")
        for source in link.findall("source"):
            if target is not None:
                mention_type[source.get("m_id")] = entity_type.get(target.get("m_id"), "")
                mention_name[source.get("m_id")] = entity_name.get(target.get("m_id"), "")
    roles: dict[str, dict[str, list[str]]] = {}
    for link in root.iter("HAS_PARTICIPANT"):
        source, target = link.find("source"), link.find("target")
        if source is None or target is None or target.get("m_id") not in mention_span:
            continue
        start, end = mention_span[target.get("m_id")]
        words = roles.setdefault(source.get("m_id"), {"Arg0": [], "Arg1": [], "LOC": []})
        role = link.get("sem_role", "")
        # The participant as written and the entity it refers to ("He": Steve Jobs).
        names = [text[start:end], *filter(None, [mention_name.get(target.get("m_id"))])]
        if role in {"Arg0", "Arg1"}:
            words[role] += names
        if role in LOCATION_ROLES or (mention_type.get(target.get("m_id")) == "LOC"
                                      and role != "Arg0"):
            words["LOC"] += names
    gold = [GoldRoles(*mention_span[m], tuple(w["Arg0"]), tuple(w["Arg1"]), tuple(w["LOC"]))
            for m, w in roles.items() if m in mention_span]
    return text, dct, sorted(gold, key=lambda g: g.start)


def words(name: str) -> set[str]:
    return {w for w in re.findall(r"[\w'-]+", name.lower()) if w not in FUNCTION_WORDS}


def names_match(ours: Iterable[str], gold: Iterable[str]) -> bool:
    """True when one of our names shares a content word with a gold participant."""
    gold_words = [words(g) for g in gold]
    return any(words(o) & g for o in ours if o for g in gold_words)


def score(gold: Sequence[GoldRoles], rows: Sequence[dict[str, Any]]) -> dict[str, list[int]]:
    """Counts per measure: [right, ours given, gold given] for actor1, actor2, place."""
    counts = {"actor1": [0, 0, 0], "actor2": [0, 0, 0], "place": [0, 0, 0]}
    for event in gold:
        hit = next((r for r in rows if r["trigger_start"] < event.end
                    and event.start < r["trigger_end"]), None)
        pairs = {
            "actor1": ([hit["actor1"], hit["actor1_text"]] if hit else [], event.arg0),
            "actor2": ([hit["actor2"], hit["actor2_text"]] if hit else [], event.arg1),
            "place": (list(hit["locations"]) if hit else [], event.places),
        }
        for key, (ours, theirs) in pairs.items():
            ours = [o for o in ours if o]
            counts[key][1] += bool(ours)
            counts[key][2] += bool(theirs)
            counts[key][0] += bool(ours and theirs and names_match(ours, theirs))
    return counts


def main(argv: list[str] | None = None) -> None:
    import pandas as pd

    from timeline.model import Article
    from timeline.pipeline import extract

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", default=str(MEANTIME / "intra-doc_annotation"))
    args = parser.parse_args(argv)
    documents = {p.stem: read_roles(p) for p in sorted(Path(args.folder).rglob("*.xml"))}
    articles = [Article(id=name, body=text,
                        published=pd.Timestamp(dct).to_pydatetime() if dct else None)
                for name, (text, dct, _) in documents.items()]
    frame = extract(articles)
    by_doc = {name: group.to_dict("records") for name, group in frame.groupby("doc_id")}
    totals = {"actor1": [0, 0, 0], "actor2": [0, 0, 0], "place": [0, 0, 0]}
    for name, (_, _, gold) in documents.items():
        for key, (right, ours, theirs) in score(gold, by_doc.get(name, [])).items():
            totals[key] = [totals[key][0] + right, totals[key][1] + ours, totals[key][2] + theirs]
    print(f"MEANTIME participants: {len(documents)} documents\n")
    print("| role | right | ours given | gold given | precision | recall |")
    print("|---|---|---|---|---|---|")
    for key, (right, ours, theirs) in totals.items():
        print(f"| {key} | {right} | {ours} | {theirs} | {right / (ours or 1):.1%} | "
              f"{right / (theirs or 1):.1%} |")


if __name__ == "__main__":
    main()
