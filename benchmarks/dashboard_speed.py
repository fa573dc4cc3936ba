"""Dashboard speed on a synthetic 100,000-event timeline, measured server-side.

Usage::

    python -m benchmarks.dashboard_speed [--events N] [--repeat R] [--store]

With ``--store`` the dashboard runs over an event store (``timeline serve --store``):
a synthetic store of N events is built once (in a child process, and kept in the
temporary folder for the next run). The first session after the store changed copies
it into the server's index (``dashboards.sql``) and is timed on its own; the initial
page is then a new session over the unchanged store. The server's memory (peak
resident set) is reported too (target < 1.5 GB).

Two figures, each the median of R runs, in wall time and in this process's CPU time
(all its threads: DuckDB's two and Python's; on a shared machine other jobs' load
stretches the wall time, barely the CPU time):

* initial page: build the store and every view, and render them into a Bokeh
  document as the server does for a new browser session (target < 3 s);
* filter change: set one filter on the store and wait for every view (timeline,
  table, detail, network, map, counts) to recompute and update its models
  (target < 0.5 s). Timed the first time each setting is asked for; the index keeps
  its answers (``dashboards.sql``), so the R-1 later runs, and a new session's page
  over an index that answered the default setting before, are reported apart.

It also reports what would be sent to the browser: the markers drawn on the
timeline (sampled above ``MAX_POINTS``), the table rows of one page (remote
pagination), and the size of each Plotly figure as JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from collections.abc import Callable

INITIAL_TARGET = 3.0
FILTER_TARGET = 0.5
MEMORY_TARGET_GB = 1.5


def _timed(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall time and median CPU time of this process (all its threads) of
    ``action`` over ``repeat`` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = _once(action)
        walls.append(wall)
        cpus.append(cpu)
    return statistics.median(walls), statistics.median(cpus)


def _once(action: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of one ``action``."""
    start, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - start, time.process_time() - cpu


def _build(df):
    """A new session's page over ``df`` (a frame, or a ``DataStore`` factory)."""
    from bokeh.document import Document

    from dashboards.layout import Dashboard

    dashboard = Dashboard(df() if callable(df) else df)
    dashboard.template().server_doc(Document())
    return dashboard


def _store_session(events: int):
    """A factory of store-backed sessions over a synthetic store of ``events`` events."""
    from dashboards.store import DataStore

    path = synthetic_store(events)

    def session() -> DataStore:
        return DataStore.from_store(str(path))
    session.path = path
    return session


def _forget(df) -> None:
    """Make the store's index forget its answers (a new session then computes them)."""
    from dashboards.sql import StoreIndex

    StoreIndex.of(df.path).forget()


def synthetic_store(events: int):
    """The path of a synthetic store of ``events`` events in the temporary folder."""
    import multiprocessing
    import tempfile
    from pathlib import Path

    from dashboards.synthetic import make_synthetic_store

    path = Path(tempfile.gettempdir()) / f"timeline-dashboard-speed-{events}.duckdb"
    # Built in a child process, so building does not count in the server's memory.
    child = multiprocessing.get_context("spawn").Process(
        target=make_synthetic_store, args=(path, events))
    child.start()
    child.join()
    if child.exitcode != 0:
        raise SystemExit(f"building the synthetic store {path} failed")
    return path


def _peak_memory_gb() -> float:
    """Peak resident memory of this process so far, in GB (Linux reports KiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2


def _filter_steps(store) -> list[tuple[str, Callable[[], None]]]:
    """(label, action) pairs; each action changes one filter, then undoes it untimed."""
    busiest = store.actor_options[0]
    middle = store.actor_options[50]
    return [
        (f"actor = {busiest} (busiest)", lambda: setattr(store, "actors", [busiest])),
        (f"actor = {middle}", lambda: setattr(store, "actors", [middle])),
        ("event type = attack", lambda: setattr(store, "event_types", ["attack"])),
        ("search 'election'", lambda: setattr(store, "search", "election")),
        ("date range: one month", lambda: setattr(
            store, "date_range", (dt.datetime(2023, 3, 1), dt.datetime(2023, 3, 31)))),
        ("min confidence 0.9", lambda: setattr(store, "min_confidence", 0.9)),
    ]


def _payload(dashboard) -> list[tuple[str, str]]:
    """What the browser receives for the unfiltered view."""
    from dashboards.views.base import PlotView
    from dashboards.views.table import EventsTable
    from dashboards.views.timeline import TimelineView

    timeline = dashboard.view(TimelineView).pane.object
    markers = sum(len(t.x) for t in timeline.data if t.mode == "markers")
    rows = [("timeline markers drawn", f"{markers:,}"),
            ("table rows sent (one page)", str(dashboard.view(EventsTable).table.page_size))]
    for view in dashboard.views:
        if isinstance(view, PlotView):
            size = len(view.pane.object.to_json()) / 1e6
            rows.append((f"{view.title.lower()} figure JSON", f"{size:.2f} MB"))
    return rows


def run(events: int, repeat: int,
        over_store: bool = False) -> list[tuple[str, float, float, float | None]]:
    """Measure; returns (step, seconds, CPU seconds, target) rows and prints the tables."""
    from dashboards.synthetic import make_synthetic_frame

    df = _store_session(events) if over_store else make_synthetic_frame(events)
    _build(make_synthetic_frame(100))  # warm imports and Panel's lazy set-up
    results = []
    if over_store:
        results.append(("first session after a store change (index built)",
                         *_timed(lambda: _build(df), 1), None))
    step = ("initial page (new session: SQL, views, models)" if over_store
            else "initial page (store + views + models)")
    if over_store:
        results.append(("initial page, nothing answered yet", *_timed(
            lambda: (_forget(df), _build(df)), repeat), INITIAL_TARGET))
    results.append((step, *_timed(lambda: _build(df), repeat), INITIAL_TARGET))
    dashboard = _build(df)
    store = dashboard.store
    again: list[tuple[float, float]] = []
    for label, action in _filter_steps(store):
        seconds = []
        for _ in range(repeat):
            seconds.append(_once(action))
            store.reset_filters()
        results.append((f"filter: {label}", *seconds[0], FILTER_TARGET))
        again += seconds[1:]
    if again:
        results.append(("filter: a setting asked for before (median)",
                        statistics.median(w for w, _ in again),
                        statistics.median(c for _, c in again), FILTER_TARGET))
    store.actors = [store.actor_options[0]]
    results.append(("filter: reset to all events",
                    *_timed(lambda: (store.reset_filters()), 1), FILTER_TARGET))
    if over_store:
        store.stories_view = True
        results.append(("switch to raw events (first time since the index was built)",
                        *_timed(lambda: setattr(store, "stories_view", False), 1),
                        FILTER_TARGET))
        both = _timed(lambda: (setattr(store, "stories_view", True),
                               setattr(store, "stories_view", False)), 1)
        results.append(("switch back to stories, then raw again (answers kept)",
                        both[0] / 2, both[1] / 2, FILTER_TARGET))
    payload = _payload(dashboard)
    if over_store:
        payload.append(("server memory, peak (target < 1.5 GB)",
                        f"{_peak_memory_gb():.2f} GB"))
    _print(events, repeat, results, payload)
    return results


def _print(events: int, repeat: int, results, payload) -> None:
    print(f"Dashboard speed, synthetic timeline of {events:,} events "
          f"(median of {repeat} runs, server-side)\n")
    width = max(len(row[0]) for row in results)
    print(f"{'step':<{width}}  {'seconds':>8}  {'CPU s':>6}  {'target':>7}  ok")
    for step, seconds, cpu, target in results:
        ok = "yes" if target is None or seconds < target else "NO"
        shown = "-" if target is None else f"{target:.1f}s"
        print(f"{step:<{width}}  {seconds:>8.3f}  {cpu:>6.3f}  {shown:>7}  {ok}")
    print()
    for label, value in payload:
        print(f"{label:<{width}}  {value:>8}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--store", action="store_true",
                        help="Serve from a synthetic event store (built once) instead.")
    args = parser.parse_args()
    run(args.events, args.repeat, args.store)


if __name__ == "__main__":
    main()
