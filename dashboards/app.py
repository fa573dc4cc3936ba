"""Entry file of the dashboard: ``panel serve dashboards/app.py``.

It opens on the bundled sample corpus. Other inputs come from ``--args PATH...
[--timeline FILE] [--store DB]`` and the environment (see ``dashboards.config``).
``timeline serve`` does not go through the environment: it passes a
``DashboardConfig`` to ``page``. This is the only module that calls ``pn.extension``.
"""

from __future__ import annotations

import sys

import pandas as pd
import panel as pn

from dashboards.config import DashboardConfig
from dashboards.layout import Dashboard
from dashboards.loading import cached_source
from dashboards.store import DataStore
from dashboards.offline import geo_assets_script


def load_extensions() -> None:
    """Plotly, Tabulator and notifications; the map's base layer is inlined, not fetched."""
    pn.extension("plotly", "tabulator", notifications=True,
                 js_files={"timeline_geo": geo_assets_script()})


def create_dashboard(df: pd.DataFrame | None = None,
                     texts: dict[str, str] | None = None) -> Dashboard:
    """A dashboard over ``df`` (the sample corpus when None); see ``dashboards``."""
    from dashboards import create_dashboard as create

    return create(df, texts)


def build_app(df: pd.DataFrame | None = None,
              texts: dict[str, str] | None = None) -> pn.template.BootstrapTemplate:
    """The served page over ``df`` (the sample corpus when None)."""
    return create_dashboard(df, texts).template()


def page(config: DashboardConfig) -> pn.template.BootstrapTemplate:
    """One session's page over the config's inputs.

    Files are loaded once per process; an event store is read for each session, so
    a browser refresh shows what was ingested or edited since.
    """
    load_extensions()
    if config.store:
        dashboard = Dashboard(DataStore.from_store(config.store), config=config)
    else:
        source = cached_source(config)
        dashboard = Dashboard(source.events, texts=source.texts,
                              notices=list(source.problems), config=config)
    return dashboard.template()


def app_from_arguments(argv: list[str] | None = None) -> pn.template.BootstrapTemplate:
    """The page for the inputs given by ``--args`` or the environment."""
    return page(DashboardConfig.from_environment(sys.argv[1:] if argv is None else argv))


if __name__.startswith("bokeh"):
    app_from_arguments().servable(title="timeline")
