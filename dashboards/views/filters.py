"""Filter widgets bound to the store's params (date range, actors, places, types...)."""

from __future__ import annotations

import datetime as dt

import panel as pn
import param

from dashboards.store import DataStore


class FilterPanel(pn.viewable.Viewer):
    """Sidebar widgets; each one reads and writes one filter param of the store."""

    store = param.ClassSelector(class_=DataStore)

    def __init__(self, store: DataStore, **params: object) -> None:
        super().__init__(store=store, **params)
        self.dates = pn.widgets.DateRangeSlider(label="Dates", sizing_mode="stretch_width",
                                                start=dt.datetime(2000, 1, 1),
                                                end=dt.datetime(2000, 1, 2))
        self.actors = pn.widgets.MultiChoice.from_param(
            store.param.actors, label="Actors", placeholder="Any actor",
            search_option_limit=30, sizing_mode="stretch_width")
        self.places = pn.widgets.MultiChoice.from_param(
            store.param.places, label="Places", placeholder="Any place",
            search_option_limit=30, sizing_mode="stretch_width")
        self.types = pn.widgets.MultiChoice.from_param(
            store.param.event_types, label="Event types", placeholder="Any type",
            sizing_mode="stretch_width")
        self.search = pn.widgets.TextInput.from_param(
            store.param.search, label="Search sentences", placeholder="e.g. tanks",
            sizing_mode="stretch_width")
        self.confidence = pn.widgets.FloatSlider.from_param(
            store.param.min_confidence, label="Minimum confidence", sizing_mode="stretch_width")
        self.show_wrong = pn.widgets.Checkbox.from_param(
            store.param.show_wrong, label="Show events marked wrong")
        self.reset = pn.widgets.Button(label="Reset filters", color="light",
                                       sizing_mode="stretch_width")
        self.reset.on_click(lambda _event: store.reset_filters())
        self.summary = pn.pane.Markdown(sizing_mode="stretch_width", margin=(0, 10))
        self.dates.param.watch(self._dates_changed, "value_throttled")
        store.param.watch(self._data_changed, "data")
        store.param.watch(self._range_changed, "date_range")
        store.param.watch(self._summarise, "filtered")
        self._data_changed()
        self._summarise()

    def _data_changed(self, *_events: object) -> None:
        """New timeline: refresh the options and the slider's bounds."""
        store = self.store
        self.actors.options = sorted(set(store.actor_options) | set(store.actors))
        self.places.options = sorted(set(store.place_options) | set(store.places))
        self.types.options = sorted(set(store.type_options) | set(store.event_types))
        bounds = store.date_bounds
        self.dates.disabled = bounds is None
        if bounds is not None:
            self.dates.param.update(start=bounds[0], end=bounds[1],
                                    value=store.date_range or bounds)

    def _dates_changed(self, event: param.parameterized.Event) -> None:
        bounds = self.store.date_bounds
        # The full extent means "no date filter", so new events outside it still show.
        full = bounds is not None and tuple(event.new) == (bounds[0], bounds[1])
        self.store.date_range = None if full else tuple(event.new)

    def _range_changed(self, event: param.parameterized.Event) -> None:
        bounds = self.store.date_bounds
        if bounds is not None:
            self.dates.value = event.new or bounds

    def _summarise(self, *_events: object) -> None:
        store = self.store
        self.summary.object = f"**{len(store.filtered):,}** of {len(store.data):,} events shown"

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.Column(
            self.summary, self.dates, self.actors, self.places, self.types, self.search,
            self.confidence, self.show_wrong, self.reset, sizing_mode="stretch_width",
        )
