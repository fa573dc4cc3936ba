"""The dashboard's layout: one store, the views it is given, a sidebar of controls.

``Dashboard(df)`` renders inline in Jupyter (after ``pn.extension("plotly",
"tabulator")`` in the notebook); ``Dashboard.template()`` is the served page.
``pn.extension`` itself is called only by ``dashboards/app.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import panel as pn
import param

from dashboards.config import DashboardConfig
from dashboards.store import DataStore
from dashboards.text import markdown_escape
from dashboards.views import default_views
from dashboards.views.base import View

TITLE = "Timeline: who did what, where and when"
ACCENT = "#1f5f8b"

#: Something that makes a view: a ``View`` subclass, or any callable of the same shape.
ViewFactory = Callable[..., View]


def _card(title: str, *objects: object, **kwargs: object) -> pn.Card:
    options: dict[str, Any] = dict(sizing_mode="stretch_width", margin=(6, 6))
    options.update(kwargs)
    return pn.Card(*objects, title=title, collapsible=False, header_background="#f4f6f8",
                   **options)


class Dashboard(pn.viewable.Viewer):
    """Views over one ``DataStore``; filters in one view apply to all.

    ``views`` are view classes (``default_views()`` when omitted), each called with
    the store and the config, and laid out by their ``area``, ``order`` and
    ``beside_previous``; ``dashboard.view(ViewClass)`` finds one.
    """

    store = param.ClassSelector(class_=DataStore, constant=True)
    config = param.ClassSelector(class_=DashboardConfig, default=DashboardConfig(),
                                 constant=True)
    notices = param.List(default=[], item_type=str,
                         doc="Messages shown above the views (e.g. unreadable files).")

    def __init__(self, data: pd.DataFrame | DataStore | None = None,
                 texts: dict[str, str] | None = None,
                 views: Sequence[ViewFactory] | None = None, **params: Any) -> None:
        store = data if isinstance(data, DataStore) else DataStore(data, texts=texts or {})
        super().__init__(store=store, **params)
        factories = default_views() if views is None else list(views)
        self.views: list[View] = [make(store, config=self.config) for make in factories]

    def view(self, kind: type[View]) -> View:
        """The dashboard's view of class ``kind`` (KeyError when it has none)."""
        for view in self.views:
            if isinstance(view, kind):
                return view
        raise KeyError(kind.__name__)

    def sidebar(self) -> list[pn.viewable.Viewable]:
        """The controls: the store's filters, then the sidebar views."""
        items: list[pn.viewable.Viewable] = [
            pn.pane.Markdown("### Filters", margin=(0, 10)), self.store]
        for view in self.views:
            if view.area == "sidebar":
                items += [pn.layout.Divider(),
                          pn.pane.Markdown(f"### {view.title}", margin=(0, 10)), view]
        return items

    def main(self) -> list[pn.viewable.Viewable]:
        """The main views as cards, a view marked ``beside_previous`` in its row."""
        rows: list[list[pn.Card]] = []
        for view in self.views:
            if view.area != "main":
                continue
            card = _card(view.title, view, **view.card)
            if view.beside_previous and rows:
                rows[-1].append(card)
            else:
                rows.append([card])
        notices = [pn.pane.Alert("\n".join(f"- {markdown_escape(n)}" for n in self.notices),
                                 alert_type="warning")] if self.notices else []
        return [*notices, *(row[0] if len(row) == 1
                            else pn.Row(*row, sizing_mode="stretch_width") for row in rows)]

    def template(self) -> pn.template.BootstrapTemplate:
        """The served page (Bootstrap: its styles ship with Panel, nothing from a CDN)."""
        return pn.template.BootstrapTemplate(
            title=TITLE, sidebar=self.sidebar(), main=self.main(), sidebar_width=340,
            header_background=ACCENT)

    def __panel__(self) -> pn.viewable.Viewable:
        side = pn.Column(*self.sidebar(), width=330)
        return pn.Row(side, pn.Column(*self.main(), sizing_mode="stretch_width"),
                      sizing_mode="stretch_width")
