"""Map view: where events happened, with the precision of each place."""

from __future__ import annotations

import plotly.graph_objects as go

from dashboards.figures import map_figure
from dashboards.views.base import PlotView


class MapView(PlotView):
    """Geo scatter of the filtered events; clicking a place filters to it."""

    title = "Map"
    order = 50
    beside_previous = True

    def figure(self) -> go.Figure:
        return map_figure(self.store.selection.place_counts(), colors=self.store.colors)

    def clicked(self, value: str) -> None:
        self.store.places = [value]
