"""How ``extract`` grows with the size of one text: time and peak memory.

Usage::

    python -m benchmarks.growth_extract [--small 100000] [--large 1000000] [--repeat 1]

Two texts of each size: news (TimeBank and AQUAINT articles from
``../shared/eval/tempeval3/``, joined with blank lines, repeated when too short) and
junk (date-like words, names and numbers with no line break at all, so it is cut at
sentence ends and spaces). Each run is a fresh process: the model is loaded and warmed
up first, then ``extract`` is timed in CPU seconds of the process (best of
``--repeat``; wall time on a shared machine measures the neighbours) and the
process's peak resident memory read. Printed: seconds and peak MB per size, and
the ratios. Linear
growth gives a time ratio near the size ratio (10); the target is <= 12, and at most
1.5 GB peak at 1 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TEMPEVAL = PROJECT_ROOT.parent / "shared" / "eval" / "tempeval3"
JUNK = ("the war in Ukraine is nearing its 1st day after 9/11 and two days later last week "
        "next Tuesday the following this week on Tuesday he said Jan 19 (Reuters) - "
        "Milley met Zaluzhnyi in Kyiv 12 3 2023 05 17th 4th 1990s mid- Feb 29 ")
MAX_RATIO = 12.0
MAX_PEAK_MB = 1536


def news_text(size: int) -> str:
    """``size`` characters of real news articles separated by blank lines."""
    from benchmarks.tempeval import parse_tml

    texts = [parse_tml(path).text.strip() for corpus in ("timebank", "aquaint")
             for path in sorted((TEMPEVAL / corpus).glob("*.tml"))]
    joined = "\n\n".join(texts)
    while len(joined) < size:
        joined = f"{joined}\n\n{joined}"
    return joined[:size]


def junk_text(size: int) -> str:
    return (JUNK * (size // len(JUNK) + 1))[:size]


def measure(kind: str, size: int, repeat: int) -> dict[str, float]:
    """Seconds (best of ``repeat``), events and peak MB of ``extract`` in this process."""
    from timeline.pipeline import extract

    text = news_text(size) if kind == "news" else junk_text(size)
    extract("General Mark Milley met Valerii Zaluzhnyi in Davos, Switzerland, on Tuesday.",
            "2023-01-19")  # warm up: model, rules, gazetteers, geonames
    best, events = float("inf"), 0
    for _ in range(repeat):
        began = time.process_time()
        events = len(extract(text, "2023-01-19"))
        best = min(best, time.process_time() - began)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": best, "events": events, "peak_mb": peak}


def _run(kind: str, size: int, repeat: int) -> dict[str, float]:
    command = [sys.executable, "-m", "benchmarks.growth_extract", "--measure", kind,
               str(size), "--repeat", str(repeat)]
    out = subprocess.run(command, check=True, capture_output=True, text=True, cwd=PROJECT_ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=100_000)
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=1, help="runs per figure; the best counts")
    parser.add_argument("--kinds", default="news,junk")
    parser.add_argument("--measure", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure[0], int(args.measure[1]), args.repeat)))
        return
    print(f"{'text':6}{'size':>10}{'events':>8}{'CPU s':>10}{'peak MB':>10}")
    for kind in args.kinds.split(","):
        small, large = _run(kind, args.small, args.repeat), _run(kind, args.large, args.repeat)
        for size, got in ((args.small, small), (args.large, large)):
            print(f"{kind:6}{size:>10,}{got['events']:>8}{got['seconds']:>10.1f}"
                  f"{got['peak_mb']:>10.0f}")
        ratio = large["seconds"] / small["seconds"]
        verdict = "ok" if ratio <= MAX_RATIO and large["peak_mb"] <= MAX_PEAK_MB else "MISSES"
        print(f"{kind:6} time ratio x{ratio:.1f} for x{args.large / args.small:.0f} the size "
              f"(target <= {MAX_RATIO:.0f}), peak {large['peak_mb']:.0f} MB "
              f"(target <= {MAX_PEAK_MB}): {verdict}")


if __name__ == "__main__":
    main()
