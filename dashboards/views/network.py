"""Actor network view: co-occurrence of the top actors; click an actor to filter."""

from __future__ import annotations

import panel as pn
import param
import plotly.graph_objects as go

from dashboards.figures import network_figure
from dashboards.views.base import PlotView


class NetworkView(PlotView):
    """Co-occurrence network; clicking a node filters every view to that actor."""

    title = "Actors"
    order = 40

    top_n = param.Integer(default=25, bounds=(5, 100))

    def setup(self) -> None:
        super().setup()
        slider = pn.widgets.IntSlider.from_param(self.param.top_n, label="Top N actors",
                                                 width=220)
        hint = pn.pane.Markdown("Click an actor to filter every view to it.",
                                styles={"color": "#666"}, margin=(0, 10))
        self.controls = [pn.Row(slider, hint)]

    def figure(self) -> go.Figure:
        return network_figure(*self.store.selection.cooccurrence(self.top_n), self.top_n)

    def clicked(self, value: str) -> None:
        self.store.actors = [value]
