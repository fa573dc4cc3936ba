"""Dashboard speed as a user feels it, measured in a real browser (Playwright + Chromium).

Usage::

    python -m benchmarks.browser_speed [--events N] [--store] [--repeat R] [--chromium PATH]

Serves the dashboard on a free loopback port itself (the bundled sample, or with
``--events N`` a synthetic timeline of N events through ``TIMELINE_SYNTHETIC``, or
with ``--events N --store`` a synthetic event store of N events, built once and kept
in the temporary folder as ``benchmarks.dashboard_speed --store`` does), then
measures, each as the median of R runs:

* new session: from opening the page in a fresh browser context until the timeline
  figure is drawn (Plotly's ``plotly_afterplot`` with markers), after one warm-up
  session that loads the corpus into the server;
* filter change: from pressing Enter in "Search sentences" until both the timeline has
  been redrawn and the events table shows other rows.

Targets: new session < 2 s on the sample and < 4 s at 100,000 events; filter change
< 0.5 s on the sample and < 1 s at 100,000 events; over a store of 1,000,000 events
the page is usable (timeline drawn) in < 5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from timeline.vocab import SYNTHETIC_ENV

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
#: (new session, filter change) targets in seconds, for the sample and at 100,000 events.
TARGETS = {"sample": (2.0, 0.5), "100k": (4.0, 1.0), "store": (5.0, 1.0)}
#: Search terms that each keep a part of the events (sample, synthetic).
TERMS = {"sample": ("Biden", "Ukraine", "said", "Russia"),
         "synthetic": ("Kyiv", "Berlin", "Tokyo", "Paris")}

# Finds Plotly plots and Tabulator tables through Bokeh's shadow roots.
_FIND = """
window.__tlFind = (selector, top) => {
  const found = [];
  const walk = (root) => {
    root.querySelectorAll(selector).forEach((el) => found.push(el));
    root.querySelectorAll("*").forEach((el) => { if (el.shadowRoot) walk(el.shadowRoot); });
  };
  walk(top || document);
  return found;
};
window.__tlTimeline = () => window.__tlFind(".js-plotly-plot")[0];
window.__tlTableText = () => {
  const table = window.__tlFind(".events-table")[0];
  if (!table) return "";
  const rows = window.__tlFind(".tabulator-row", table.shadowRoot || table);
  return rows.length + "|" + (rows.length ? rows[0].innerText : "");
};
"""
_DRAWN = """() => {
  const el = window.__tlTimeline && window.__tlTimeline();
  return !!(el && el._fullLayout && el.data && el.data.some((t) => t.mode === "markers"));
}"""
_ARM = """() => {
  const el = window.__tlTimeline();
  window.__tlPlotted = false;
  window.__tlTableBefore = window.__tlTableText();
  el.once("plotly_afterplot", () => { window.__tlPlotted = true; });
}"""
_UPDATED = """() => window.__tlPlotted &&
  window.__tlTableText() !== window.__tlTableBefore"""


def _start_server(port: int, events: int, store: str | None = None) -> subprocess.Popen:
    arguments = ["--store", store] if store else []
    code = ("from dashboards.config import DashboardConfig;"
            "from dashboards.server import ServerOptions, serve;"
            f"serve(DashboardConfig.from_environment({arguments!r}), ServerOptions(port={port}))")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if not store:
        env[SYNTHETIC_ENV] = str(events)
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _wait_for(url: str, server: subprocess.Popen, timeout: float = 300.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the dashboard server exited early")
        try:
            with urllib.request.urlopen(url, timeout=30):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f}s")


def _new_session(browser, url: str):
    """Open the page in a fresh context; return (seconds until drawn, context, page)."""
    context = browser.new_context(viewport={"width": 1600, "height": 1200})
    page = context.new_page()
    page.add_init_script(_FIND)
    start = time.perf_counter()
    page.goto(url, timeout=600_000)
    page.wait_for_function(_DRAWN, polling="raf", timeout=600_000)
    return time.perf_counter() - start, context, page


def _filter_change(page, term: str) -> float:
    """Seconds from Enter in the search box until timeline and table are updated."""
    page.evaluate(_ARM)
    box = page.get_by_placeholder("e.g. tanks")
    box.fill(term)
    start = time.perf_counter()
    box.press("Enter")
    page.wait_for_function(_UPDATED, polling="raf", timeout=600_000)
    return time.perf_counter() - start


def measure(url: str, repeat: int, terms: tuple[str, ...], chromium: str) -> dict[str, float]:
    """Median new-session and filter-change seconds over ``repeat`` runs each."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True,
                                     args=["--no-sandbox", "--disable-gpu"])
        first, context, _ = _new_session(browser, url)  # the server loads the corpus
        context.close()
        sessions = []
        for _ in range(repeat):
            seconds, context, page = _new_session(browser, url)
            sessions.append(seconds)
            context.close()
        seconds, context, page = _new_session(browser, url)
        page.wait_for_timeout(2000)  # let the other views settle before filtering
        filters = [_filter_change(page, terms[i % len(terms)]) for i in range(repeat)]
        context.close()
        browser.close()
    return {"first session (cold server)": first,
            "new session": statistics.median(sessions),
            "filter change": statistics.median(filters)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=0,
                        help="synthetic events (0: the bundled sample)")
    parser.add_argument("--store", action="store_true",
                        help="serve a synthetic event store of --events events")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--port", type=int, default=0, help="0: a free loopback port")
    parser.add_argument("--chromium", default=CHROMIUM)
    args = parser.parse_args(argv)
    port = args.port or _free_port()
    url = f"http://127.0.0.1:{port}/"
    store = None
    if args.store:
        from benchmarks.dashboard_speed import synthetic_store

        store = str(synthetic_store(args.events))
    server = _start_server(port, args.events, store)
    try:
        _wait_for(url, server)
        terms = TERMS["synthetic" if args.events else "sample"]
        figures = measure(url, args.repeat, terms, args.chromium)
    finally:
        server.terminate()
        server.wait(timeout=30)
    label = f"{args.events:,} synthetic events" if args.events else "the bundled sample"
    label += " in an event store" if store else ""
    session_target, filter_target = TARGETS[
        "store" if store else "100k" if args.events else "sample"]
    targets = {"new session": session_target, "filter change": filter_target}
    print(f"Browser speed on {label} (median of {args.repeat}):")
    for name, seconds in figures.items():
        target = targets.get(name)
        verdict = "" if target is None else (
            f"  target < {target:g} s: {'met' if seconds < target else 'NOT met'}")
        print(f"  {name:30s} {seconds:6.2f} s{verdict}")


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


if __name__ == "__main__":
    main()
