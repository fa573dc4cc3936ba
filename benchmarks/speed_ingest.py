"""Scaling of extraction on this machine: 1 process, 2 processes, a 2-worker Dask cluster.

Usage::

    python -m benchmarks.speed_ingest [--articles N]

The corpus is N copies of the bundled seed article, each with its own id. Printed, in
articles per second (best of ``--repeat`` runs; the model is loaded before timing):

* ``extract`` in one process, and with ``n_process=2``;
* ``Store.ingest`` on a 2-worker Dask ``LocalCluster`` (one thread per worker), which
  includes committing every partition to a fresh store;
* ``Store.ingest`` in one process, into a fresh store: the ingest rate;
* the scaling efficiency: 2 workers / 1 worker (target >= 1.7x).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

TARGET = 1.7


def _ingest(articles: list, **options) -> None:
    from timeline.store import Store

    with tempfile.TemporaryDirectory() as folder:
        Store(Path(folder) / "bench.duckdb").ingest(articles, "2023-01-19", **options)


def main(argv: list[str] | None = None) -> None:
    from dask.distributed import Client, LocalCluster

    from benchmarks.speed_extract import best_rate as _best
    from benchmarks.speed_extract import seed_articles as _articles
    from timeline.pipeline import extract

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    articles, n, r = _articles(args.articles), args.articles, args.repeat
    extract(articles[:2], "2023-01-19")  # warm up: model, rules, gazetteers
    one = _best(n, lambda: extract(articles, "2023-01-19"), r)
    two = _best(n, lambda: extract(articles, "2023-01-19", n_process=2), r)
    ingest_one = _best(n, lambda: _ingest(articles), r)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        _ingest(articles[:8], client=client, batch_size=4)  # warm up: each worker loads the model
        dask_two = _best(n, lambda: _ingest(articles, client=client, batch_size=25), r)
    print(f"{n} seed-sized articles ({len(articles[0].body)} characters of body each)\n")
    print("| run | articles/s | vs 1 process |")
    print("|---|---|---|")
    for name, rate in (("extract, 1 process", one), ("extract, 2 processes", two),
                       ("ingest into a store, 1 process", ingest_one),
                       ("ingest on a 2-worker Dask LocalCluster", dask_two)):
        print(f"| {name} | {rate:.1f} | {rate / one:.2f}x |")
    best = max(two, dask_two) / one
    verdict = "meets" if best >= TARGET else "misses"
    print(f"\nscaling efficiency, 2 workers / 1: {two / one:.2f}x (processes), "
          f"{dask_two / one:.2f}x (Dask); target >= {TARGET}x: {verdict}")


if __name__ == "__main__":
    main()
