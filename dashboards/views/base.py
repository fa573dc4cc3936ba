"""The base of every dashboard view: it holds the store and redraws when it changes.

A view declares where it goes (``area``, ``order``, ``beside_previous``) and which
store params it follows (``follows``); ``Dashboard`` lays out whatever views it is
given. A new view is one module in this package (discovered by ``default_views``)
and its test.
"""

from __future__ import annotations

from typing import Any, ClassVar

import panel as pn
import param

from dashboards.config import DashboardConfig
from dashboards.store import DataStore


class View(pn.viewable.Viewer):
    """One linked view over a ``DataStore``.

    Subclasses build their widgets in ``setup`` and bring them up to date in
    ``redraw``, which runs once at the start, whenever a store param named in
    ``follows`` changes, and whenever one of the view's own params changes.
    """

    #: Card or sidebar heading of the view.
    title: ClassVar[str] = ""
    #: "main" (a card in the page) or "sidebar" (a section of the controls).
    area: ClassVar[str] = "main"
    #: Position among the default views (lower first); None leaves it out of the default.
    order: ClassVar[float | None] = None
    #: Share the row of the previous main view instead of starting a new one.
    beside_previous: ClassVar[bool] = False
    #: Card options (width, height, scroll...) for ``pn.Card``.
    card: ClassVar[dict[str, Any]] = {}
    #: Store params whose change triggers ``redraw``.
    follows: ClassVar[tuple[str, ...]] = ("filtered",)

    store = param.ClassSelector(class_=DataStore, constant=True,
                                doc="The session's data and filters.")
    config = param.ClassSelector(class_=DashboardConfig, default=DashboardConfig(),
                                 constant=True, doc="The served dashboard's inputs.")

    def __init__(self, store: DataStore, **params: Any) -> None:
        super().__init__(store=store, **params)
        self.setup()
        if self.follows:
            store.param.watch(self._changed, list(self.follows))
        own = [name for name in self.param if name not in ("name", "store", "config")]
        if own:
            self.param.watch(self._changed, own)
        self.redraw()

    def setup(self) -> None:
        """Build the view's widgets and panes (no drawing yet)."""

    def redraw(self) -> None:
        """Bring the view up to date with the store."""

    def _changed(self, *_events: object) -> None:
        self.redraw()


def clicked_value(click_data: dict | None) -> str | None:
    """The ``customdata`` of the first clicked point of a Plotly click event."""
    points = (click_data or {}).get("points") or []
    if not points:
        return None
    value = points[0].get("customdata")
    if isinstance(value, list):
        value = value[0] if value else None
    return None if value is None else str(value)


class PlotView(View):
    """A view drawn as one Plotly figure; ``clicked`` gets the clicked point's customdata."""

    def setup(self) -> None:
        self.pane = pn.pane.Plotly(sizing_mode="stretch_width", config={"displaylogo": False})
        self.pane.param.watch(self._click, "click_data")
        self.controls: list[pn.viewable.Viewable] = []

    def figure(self) -> object:
        """The figure for the store's current state (a pure ``make_*_figure`` call)."""
        raise NotImplementedError

    def redraw(self) -> None:
        self.pane.object = self.figure()

    def clicked(self, value: str) -> None:
        """React to a click on a point whose customdata is ``value`` (default: nothing)."""

    def _click(self, event: param.parameterized.Event) -> None:
        value = clicked_value(event.new)
        if value:
            self.clicked(value)

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.Column(*self.controls, self.pane, sizing_mode="stretch_width")
