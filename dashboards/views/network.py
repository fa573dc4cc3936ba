"""Actor network view: co-occurrence of the top actors; click an actor to filter."""

from __future__ import annotations

import panel as pn
import param

from dashboards.figures import make_network_figure
from dashboards.store import DataStore
from dashboards.views.timeline import clicked_value


class NetworkView(pn.viewable.Viewer):
    """Co-occurrence network; clicking a node filters every view to that actor."""

    store = param.ClassSelector(class_=DataStore)
    top_n = param.Integer(default=25, bounds=(5, 100))

    def __init__(self, store: DataStore, **params: object) -> None:
        super().__init__(store=store, **params)
        self.pane = pn.pane.Plotly(sizing_mode="stretch_width", config={"displaylogo": False})
        self.pane.param.watch(self._clicked, "click_data")
        self.slider = pn.widgets.IntSlider.from_param(self.param.top_n, label="Top N actors",
                                                      width=220)
        self.hint = pn.pane.Markdown("Click an actor to filter every view to it.",
                                     styles={"color": "#666"}, margin=(0, 10))
        store.param.watch(self._redraw, "filtered")
        self.param.watch(self._redraw, "top_n")
        self._redraw()

    def _redraw(self, *_events: object) -> None:
        self.pane.object = make_network_figure(self.store.filtered, self.top_n)

    def _clicked(self, event: param.parameterized.Event) -> None:
        actor = clicked_value(event.new)
        if actor:
            self.store.actors = [actor]

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.Column(pn.Row(self.slider, self.hint), self.pane, sizing_mode="stretch_width")
