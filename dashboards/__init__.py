"""Panel dashboards over a timeline frame.

``create_dashboard(df)`` returns an object that renders in Jupyter (call
``pn.extension("plotly", "tabulator")`` in the notebook first) and
``panel serve dashboards/app.py`` serves the same app. Imports are lazy so that
``import dashboards`` does not load Panel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from dashboards.layout import Dashboard


def create_dashboard(df: pd.DataFrame | None = None,
                     texts: dict[str, str] | None = None) -> Dashboard:
    """A linked dashboard over ``df`` (the bundled sample when None)."""
    from dashboards.layout import Dashboard

    if df is None:
        from dashboards.config import DashboardConfig
        from dashboards.loading import cached_source

        source = cached_source(DashboardConfig())
        return Dashboard(source.events, texts=source.texts, notices=list(source.problems))
    return Dashboard(df, texts=texts)


def __getattr__(name: str) -> Any:
    # The pure figure builders, importable without Panel: dashboards.make_map_figure...
    if name.startswith("make_") and name.endswith("_figure"):
        from dashboards import figures

        return getattr(figures, name)
    raise AttributeError(f"module 'dashboards' has no attribute {name!r}")
