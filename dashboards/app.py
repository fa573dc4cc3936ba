"""Entry file of the dashboard: ``panel serve dashboards/app.py``.

It opens on the bundled sample corpus. Other inputs, in order of precedence:

* ``panel serve dashboards/app.py --args PATH... [--timeline FILE]``
* environment: ``TIMELINE_PATHS`` (paths separated by the OS path separator),
  ``TIMELINE_FILE`` (a timeline written by ``timeline extract``), and
  ``TIMELINE_SYNTHETIC=N`` (a synthetic timeline of N events, for trying the speed).

``timeline serve`` sets the environment and serves this same file. This is the only
module that calls ``pn.extension``.
"""

from __future__ import annotations

import argparse
import os
import sys

import pandas as pd
import panel as pn

from dashboards.layout import Dashboard
from dashboards.loading import cached_source
from dashboards.offline import geo_assets_script
from timeline.vocab import FILE_ENV, PATHS_ENV, SYNTHETIC_ENV

# The map's base layer is inlined so that nothing is fetched from a CDN.
pn.extension("plotly", "tabulator", notifications=True,
             js_files={"timeline_geo": geo_assets_script()})


def parse_args(argv: list[str]) -> tuple[tuple[str, ...], str | None, int]:
    """Paths, timeline file and synthetic size from ``--args`` and the environment."""
    parser = argparse.ArgumentParser(prog="dashboards/app.py", add_help=False)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--timeline", default=None)
    args, _unknown = parser.parse_known_args(argv)
    paths = tuple(args.paths) or tuple(
        p for p in os.environ.get(PATHS_ENV, "").split(os.pathsep) if p)
    timeline = args.timeline or os.environ.get(FILE_ENV) or None
    synthetic = int(os.environ.get(SYNTHETIC_ENV, "0") or 0)
    return paths, timeline, synthetic


def create_dashboard(df: pd.DataFrame | None = None,
                     texts: dict[str, str] | None = None) -> Dashboard:
    """A dashboard over ``df`` (the sample corpus when None); see ``dashboards``."""
    from dashboards import create_dashboard as create

    return create(df, texts)


def build_app(df: pd.DataFrame | None = None,
              texts: dict[str, str] | None = None) -> pn.template.BootstrapTemplate:
    """The served page over ``df`` (the sample corpus when None)."""
    return create_dashboard(df, texts).template()


def app_from_arguments(argv: list[str] | None = None) -> pn.template.BootstrapTemplate:
    """The page for the inputs given by ``--args`` or the environment."""
    source = cached_source(*parse_args(sys.argv[1:] if argv is None else argv))
    dashboard = Dashboard(source.events, texts=source.texts, notices=list(source.problems))
    return dashboard.template()


if __name__.startswith("bokeh"):
    app_from_arguments().servable(title="timeline")
