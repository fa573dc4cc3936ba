"""Timeline view: events on a date axis, click a marker to see its detail."""

from __future__ import annotations

import panel as pn
import param

from dashboards.figures import make_timeline_figure
from dashboards.store import DataStore


def clicked_value(click_data: dict | None) -> str | None:
    """The ``customdata`` of the first clicked point of a Plotly click event."""
    points = (click_data or {}).get("points") or []
    if not points:
        return None
    value = points[0].get("customdata")
    if isinstance(value, list):
        value = value[0] if value else None
    return None if value is None else str(value)


class TimelineView(pn.viewable.Viewer):
    """Plotly timeline of the filtered events, y by actor or event type."""

    store = param.ClassSelector(class_=DataStore)
    y = param.Selector(default="actor", objects=["actor", "event_type"])

    def __init__(self, store: DataStore, **params: object) -> None:
        super().__init__(store=store, **params)
        self.pane = pn.pane.Plotly(sizing_mode="stretch_width", config={"displaylogo": False})
        self.pane.param.watch(self._clicked, "click_data")
        self.choice = pn.widgets.RadioButtonGroup(
            options={"By actor": "actor", "By event type": "event_type"}, value=self.y,
            color="primary", variant="outline")
        self.choice.link(self, value="y")
        store.param.watch(self._redraw, "filtered")
        self.param.watch(self._redraw, "y")
        self._redraw()

    def _redraw(self, *_events: object) -> None:
        store = self.store
        self.pane.object = make_timeline_figure(store.filtered, self.y, colors=store.colors,
                                                labels=store.labels)

    def _clicked(self, event: param.parameterized.Event) -> None:
        event_id = clicked_value(event.new)
        if event_id:
            self.store.selected_event = event_id

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.Column(self.choice, self.pane, sizing_mode="stretch_width")
