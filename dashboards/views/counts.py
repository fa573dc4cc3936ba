"""Counts over time by week or month, precision-aware."""

from __future__ import annotations

import panel as pn
import param
import plotly.graph_objects as go

from dashboards.figures import counts_figure
from dashboards.views.base import PlotView


class CountsView(PlotView):
    """Stacked bar chart of events per week or month by event type."""

    title = "Counts over time"
    order = 60

    freq = param.Selector(default="W", objects=["W", "M"])

    def setup(self) -> None:
        super().setup()
        choice = pn.widgets.RadioButtonGroup(options={"Weekly": "W", "Monthly": "M"},
                                             value=self.freq, color="primary",
                                             variant="outline")
        choice.link(self, value="freq")
        self.controls = [choice]

    def figure(self) -> go.Figure:
        selection = self.store.selection
        return counts_figure(selection.spread_counts(self.freq), self.freq,
                             colors=self.store.colors, focus=selection.date_focus())
