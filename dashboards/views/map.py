"""Map view: where events happened, with the precision of each place."""

from __future__ import annotations

import panel as pn
import param

from dashboards.figures import make_map_figure
from dashboards.store import DataStore
from dashboards.views.timeline import clicked_value


class MapView(pn.viewable.Viewer):
    """Geo scatter of the filtered events; clicking a place filters to it."""

    store = param.ClassSelector(class_=DataStore)

    def __init__(self, store: DataStore, **params: object) -> None:
        super().__init__(store=store, **params)
        self.pane = pn.pane.Plotly(sizing_mode="stretch_width", config={"displaylogo": False})
        self.pane.param.watch(self._clicked, "click_data")
        store.param.watch(self._redraw, "filtered")
        self._redraw()

    def _redraw(self, *_events: object) -> None:
        self.pane.object = make_map_figure(self.store.filtered, colors=self.store.colors)

    def _clicked(self, event: param.parameterized.Event) -> None:
        place = clicked_value(event.new)
        if place:
            self.store.places = [place]

    def __panel__(self) -> pn.viewable.Viewable:
        return self.pane
