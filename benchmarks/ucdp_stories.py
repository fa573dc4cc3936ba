"""Do reports of one UCDP event end in one story, and reports of different events not?

Usage::

    python -m benchmarks.ucdp_stories [--limit N]

Every source headline of the UCDP GED Ukraine events (``../shared/eval/ucdp``) is
extracted as an article published on the headline's date. A headline is placed in
the story of its first event that is not a statement (else its first event);
headlines without any event are not scored, and a headline text cited by two UCDP
events is left out as ambiguous. Pairs of headlines are then scored: precision is the
share of pairs we put in one story that UCDP codes as one event, recall the share of
UCDP's same-event pairs that we put in one story. A baseline that puts all headlines
of one day in one story is scored beside it.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from benchmarks.coref_scores import pairwise

PROJECT_ROOT = Path(__file__).resolve().parent.parent
UCDP = PROJECT_ROOT.parent / "shared" / "eval" / "ucdp" / "ucdp_ged_ukraine.jsonl"


def read_headlines(path: Path = UCDP, limit: int | None = None) -> list[tuple[str, str, str]]:
    """(UCDP event id, headline, date) for each unambiguous source headline."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    rows = rows[:limit] if limit else rows
    cited = Counter((s["headline"], s["date"]) for r in rows for s in r["sources"])
    return [(r["id"], s["headline"], s["date"]) for r in rows for s in r["sources"]
            if s["headline"].strip() and cited[(s["headline"], s["date"])] == 1]


def main(argv: list[str] | None = None) -> None:
    from timeline.model import Article
    from timeline.pipeline import extract
    from timeline.published import parse_published
    from timeline.store.stories import group_events

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N UCDP events")
    parser.add_argument("-j", "--processes", type=int, default=2)
    args = parser.parse_args(argv)
    headlines = read_headlines(limit=args.limit)
    articles = [Article(id=f"h{n}", body=text, published=parse_published(day).to_pydatetime())
                for n, (_, text, day) in enumerate(headlines)]
    events = extract(articles, n_process=args.processes).reset_index(drop=True)
    story = {i: n for n, positions in enumerate(group_events(events)) for i in positions}
    chosen: dict[str, int] = {}
    for i, row in events.sort_values(["doc_id", "trigger_start"]).iterrows():
        current = chosen.get(row["doc_id"])
        if current is None or (events.at[current, "event_type"] == "statement"
                               and row["event_type"] != "statement"):
            chosen[row["doc_id"]] = i
    key = {doc: headlines[int(doc[1:])][0] for doc in chosen}
    ours = {doc: story[i] for doc, i in chosen.items()}
    same_day = {doc: headlines[int(doc[1:])][2] for doc in chosen}
    print(f"UCDP GED Ukraine: {len(headlines)} headlines, {len(chosen)} with an event "
          f"({len(chosen) / max(1, len(headlines)):.1%}); "
          f"{len(set(key.values()))} UCDP events among them")
    print()
    print("| grouping | pairwise precision | pairwise recall | F1 |")
    print("|---|---|---|---|")
    for name, response in (("one story per publication day (baseline)", same_day),
                           ("timeline stories", ours)):
        p, r, f = pairwise(key, response)
        print(f"| {name} | {p:.1%} | {r:.1%} | {f:.1%} |")


if __name__ == "__main__":
    main()
