"""Speed of ``find_times`` against ``dateparser.search_dates`` on the seed article.

Usage::

    python -m benchmarks.speed_times [--runs N] [FILE]

Both run in this process on the same text, each warmed up first (imports, rule
compilation, dateparser's language data), then timed over N runs; the table shows
the median and the ratio. The target is a ratio of at least 10.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from timeline.sample import seed_path

SEED = seed_path()  # the bundled copy of the seed article
PUBLISHED = "2023-01-19"
TARGET_RATIO = 10.0


def median_seconds(run: Callable[[], object], runs: int, warmup: int = 3) -> float:
    """Median wall time of ``run()`` over ``runs`` calls, after ``warmup`` untimed ones."""
    for _ in range(warmup):
        run()
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def measure(text: str, runs: int) -> list[tuple[str, float, int]]:
    """(name, median seconds, expressions found) for each contender."""
    from dateparser.search import search_dates

    from timeline.temporal.api import find_times

    contenders: list[tuple[str, Callable[[], object]]] = [
        ("dateparser.search_dates", lambda: search_dates(text, languages=["en"]) or []),
        (f"find_times(published={PUBLISHED})", lambda: find_times(text, PUBLISHED)),
        ("find_times (date inferred)", lambda: find_times(text)),
    ]
    rows = []
    for name, run in contenders:
        seconds = median_seconds(run, runs)
        rows.append((name, seconds, len(run())))  # type: ignore[arg-type]
    return rows


def format_table(rows: Sequence[tuple[str, float, int]]) -> str:
    """The table: median milliseconds, matches, and speed-up over the first row."""
    baseline = rows[0][1]
    lines = [f"{'contender':<36}{'median ms':>11}{'found':>7}{'speed-up':>10}", "-" * 64]
    for name, seconds, found in rows:
        lines.append(f"{name:<36}{seconds * 1000:>11.2f}{found:>7}{baseline / seconds:>9.1f}x")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table; exit status 1 when find_times misses the target ratio."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.speed_times", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", type=Path, default=SEED, help="article text file")
    parser.add_argument("--runs", type=int, default=30, help="timed runs per contender")
    args = parser.parse_args(argv)
    if not args.file.exists():
        print(f"{args.file}: not found", file=sys.stderr)
        return 2
    text = args.file.read_text(encoding="utf-8")
    rows = measure(text, args.runs)
    print(f"{args.file.name}: {len(text)} characters, median of {args.runs} runs")
    print(format_table(rows))
    ratio = rows[0][1] / rows[1][1]
    verdict = "meets" if ratio >= TARGET_RATIO else "MISSES"
    print(f"find_times is {ratio:.1f}x faster than dateparser: {verdict} the {TARGET_RATIO:.0f}x target")
    return 0 if ratio >= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
