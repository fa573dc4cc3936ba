"""Counts over time by week or month, precision-aware."""

from __future__ import annotations

import panel as pn
import param

from dashboards.figures import make_counts_figure
from dashboards.store import DataStore


class CountsView(pn.viewable.Viewer):
    """Stacked bar chart of events per week or month by event type."""

    store = param.ClassSelector(class_=DataStore)
    freq = param.Selector(default="W", objects=["W", "M"])

    def __init__(self, store: DataStore, **params: object) -> None:
        super().__init__(store=store, **params)
        self.pane = pn.pane.Plotly(sizing_mode="stretch_width", config={"displaylogo": False})
        self.choice = pn.widgets.RadioButtonGroup(options={"Weekly": "W", "Monthly": "M"},
                                                  value=self.freq, color="primary",
                                                  variant="outline")
        self.choice.link(self, value="freq")
        store.param.watch(self._redraw, "filtered")
        self.param.watch(self._redraw, "freq")
        self._redraw()

    def _redraw(self, *_events: object) -> None:
        self.pane.object = make_counts_figure(self.store.filtered, self.freq,
                                              colors=self.store.colors)

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.Column(self.choice, self.pane, sizing_mode="stretch_width")
