"""How often ``timeline.language.not_english`` names an English text: never, we hope.

Usage::

    python -m benchmarks.language_check [--show N]

Every English corpus of the evaluation data is checked as ``extract`` checks an
article (its body, boilerplate cut): TimeBank, AQUAINT, MEANTIME (English section),
WikiWars (development half), UCDP's source headlines and its place descriptions
(``where_description``, ACLED-style notes), and ECB+. Per corpus the table gives the
documents, how many are long enough to be judged by their words, and how many are
named (false positives), with the first ``N`` of those shown. The texts of another
language are in ``tests/data/languages.yaml`` (the corpora hold none: MEANTIME's
Italian, Spanish and Dutch sections are not distributed with it).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator, Sequence

from benchmarks.ecbplus import ECBPLUS, read_document
from benchmarks.reference_dates import MEANTIME, UCDP, meantime_text, tempeval_docs, ucdp_docs
from benchmarks.tempeval import EVAL_ROOT, parse_tml
from timeline.language import WORD, english_words, not_english, without_addresses
from timeline.text.boilerplate import split_trailing

WIKIWARS = EVAL_ROOT.parent / "wikiwars" / "dev"


def corpora() -> Iterator[tuple[str, list[str]]]:
    """(name, texts) of each English corpus found."""
    for name in ("timebank", "aquaint"):
        if (EVAL_ROOT / name).is_dir():
            yield name, [d.text for d in tempeval_docs(EVAL_ROOT / name)]
    if MEANTIME.is_dir():
        yield "meantime", [meantime_text(p)[0] for p in sorted(MEANTIME.rglob("*.xml"))]
    if WIKIWARS.is_dir():
        yield "wikiwars-dev", [parse_tml(p).text for p in sorted(WIKIWARS.glob("*.tml"))]
    if UCDP.is_file():
        yield "ucdp-headlines", [d.text for d in ucdp_docs()]
        with UCDP.open(encoding="utf-8") as lines:
            events = [json.loads(line) for line in lines]
        yield "ucdp-places", [e["where_description"] for e in events
                              if e.get("where_description")]
    if ECBPLUS.is_dir():
        yield "ecbplus", [read_document(p, set())[0] for p in sorted(ECBPLUS.rglob("*.xml"))]


def judged(text: str) -> bool:
    """Whether ``text`` is long enough to be judged by its words."""
    limits = english_words().thresholds
    sample = without_addresses(text[:limits["sample_chars"]])
    return len(WORD.findall(sample)) >= limits["min_words"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=3, help="false positives shown per corpus")
    args = parser.parse_args(argv)
    print(f"{'corpus':<16}{'docs':>7}{'judged':>8}{'named':>7}")
    for name, texts in corpora():
        bodies = [split_trailing(text)[0] for text in texts]
        named = [(body, why) for body in bodies if (why := not_english(body))]
        print(f"{name:<16}{len(bodies):>7}{sum(map(judged, bodies)):>8}{len(named):>7}")
        for body, why in named[:args.show]:
            print(f"    {why}: {body[:100]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
