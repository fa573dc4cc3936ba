"""Timeline view: events on a date axis, click a marker to see its detail."""

from __future__ import annotations

import panel as pn
import param
import plotly.graph_objects as go

from dashboards.figures import MAX_POINTS, make_timeline_figure
from dashboards.views.base import PlotView


class TimelineView(PlotView):
    """Plotly timeline of the filtered events, y by actor or event type."""

    title = "Timeline"
    order = 10

    y = param.Selector(default="actor", objects=["actor", "event_type"])

    def setup(self) -> None:
        super().setup()
        choice = pn.widgets.RadioButtonGroup(
            options={"By actor": "actor", "By event type": "event_type"}, value=self.y,
            color="primary", variant="outline")
        choice.link(self, value="y")
        self.controls = [choice]

    def figure(self) -> go.Figure:
        store = self.store
        markers = store.selection.markers(MAX_POINTS)
        return make_timeline_figure(markers.rows, self.y, colors=store.colors,
                                    labels=markers.labels, top_actors=markers.top_actors,
                                    total=markers.total)

    def clicked(self, value: str) -> None:
        self.store.selected_event = value
