"""The dashboard's layout: one store, linked views, a sidebar of controls.

``Dashboard(df)`` renders inline in Jupyter (after ``pn.extension("plotly",
"tabulator")`` in the notebook); ``Dashboard.template()`` is the served page.
``pn.extension`` itself is called only by ``dashboards/app.py``.
"""

from __future__ import annotations

import pandas as pd
import panel as pn
import param

from dashboards.loading import markdown_escape
from dashboards.store import DataStore
from dashboards.views.counts import CountsView
from dashboards.views.detail import EventDetail
from dashboards.views.downloads import DownloadPanel
from dashboards.views.input import InputPanel
from dashboards.views.map import MapView
from dashboards.views.network import NetworkView
from dashboards.views.table import EventsTable
from dashboards.views.timeline import TimelineView

TITLE = "Timeline: who did what, where and when"
ACCENT = "#1f5f8b"


def _card(title: str, *objects: object, **kwargs: object) -> pn.Card:
    options = dict(sizing_mode="stretch_width", margin=(6, 6))
    options.update(kwargs)
    return pn.Card(*objects, title=title, collapsible=False, header_background="#f4f6f8",
                   **options)


class Dashboard(pn.viewable.Viewer):
    """Every view over one ``DataStore``; filters in one view apply to all."""

    store = param.ClassSelector(class_=DataStore)
    notices = param.List(default=[], item_type=str,
                         doc="Messages shown above the views (e.g. unreadable files).")

    def __init__(self, data: pd.DataFrame | DataStore | None = None,
                 texts: dict[str, str] | None = None, **params: object) -> None:
        store = data if isinstance(data, DataStore) else DataStore(data, texts=texts or {})
        super().__init__(store=store, **params)
        self.timeline = TimelineView(store)
        self.table = EventsTable(store)
        self.detail = EventDetail(store)
        self.network = NetworkView(store)
        self.map = MapView(store)
        self.counts = CountsView(store)
        self.input = InputPanel(store)
        self.downloads = DownloadPanel(store)

    def sidebar(self) -> list[pn.viewable.Viewable]:
        """The controls: filters, article input, downloads."""
        return [
            pn.pane.Markdown("### Filters", margin=(0, 10)), self.store,
            pn.layout.Divider(),
            pn.pane.Markdown("### Add articles", margin=(0, 10)), self.input,
            pn.layout.Divider(),
            pn.pane.Markdown("### Export the filtered view", margin=(0, 10)), self.downloads,
        ]

    def main(self) -> list[pn.viewable.Viewable]:
        """The views, most used first."""
        notices = [pn.pane.Alert("\n".join(f"- {markdown_escape(n)}" for n in self.notices),
                                 alert_type="warning")] if self.notices else []
        return [
            *notices,
            _card("Timeline", self.timeline),
            pn.Row(_card("Events", self.table),
                   _card("Event detail", self.detail, width=440, height=640, scroll=True,
                         sizing_mode="fixed"),
                   sizing_mode="stretch_width"),
            pn.Row(_card("Actors", self.network), _card("Map", self.map),
                   sizing_mode="stretch_width"),
            _card("Counts over time", self.counts),
        ]

    def template(self) -> pn.template.BootstrapTemplate:
        """The served page (Bootstrap: its styles ship with Panel, nothing from a CDN)."""
        return pn.template.BootstrapTemplate(
            title=TITLE, sidebar=self.sidebar(), main=self.main(), sidebar_width=340,
            header_background=ACCENT)

    def __panel__(self) -> pn.viewable.Viewable:
        side = pn.Column(*self.sidebar(), width=330)
        return pn.Row(side, pn.Column(*self.main(), sizing_mode="stretch_width"),
                      sizing_mode="stretch_width")
