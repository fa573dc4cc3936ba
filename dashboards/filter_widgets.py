"""The store's sidebar widgets: each reads and writes one filter param of the store."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import panel as pn
import param

from dashboards.status_line import StatusLine
from dashboards.text import escaped_options

if TYPE_CHECKING:
    from dashboards.store import DataStore


class FilterWidgets:
    """The store's sidebar widgets; each reads and writes one filter param of the store.

    Option labels are escaped (the multi-choice widget renders them as HTML); the
    values behind them are the raw names the filters compare with.
    """

    def __init__(self, store: DataStore) -> None:
        self.store = store
        self.dates = pn.widgets.DateRangeSlider(label="Dates", sizing_mode="stretch_width",
                                                start=dt.datetime(2000, 1, 1),
                                                end=dt.datetime(2000, 1, 2))
        choice = dict(search_option_limit=30, sizing_mode="stretch_width")
        self.actors = pn.widgets.MultiChoice.from_param(
            store.param.actors, label="Actors", placeholder="Any actor", **choice)
        self.places = pn.widgets.MultiChoice.from_param(
            store.param.places, label="Places", placeholder="Any place", **choice)
        self.types = pn.widgets.MultiChoice.from_param(
            store.param.event_types, label="Event types", placeholder="Any type", **choice)
        self.search = pn.widgets.TextInput.from_param(
            store.param.search, label="Search sentences", placeholder="e.g. tanks",
            sizing_mode="stretch_width")
        self.confidence = pn.widgets.FloatSlider.from_param(
            store.param.min_confidence, label="Minimum confidence", sizing_mode="stretch_width")
        self.show_wrong = pn.widgets.Checkbox.from_param(
            store.param.show_wrong, label="Show events marked wrong")
        self.stories = pn.widgets.Switch.from_param(
            store.param.stories_view, name="One row per story (off: raw events)",
            visible=store.has_stories, css_classes=["tl-stories"])
        self.show_other = pn.widgets.Switch.from_param(
            store.param.show_other, name="Show 'other' events", css_classes=["tl-show-other"])
        self.reset = pn.widgets.Button(label="Reset filters", color="light",
                                       sizing_mode="stretch_width")
        self.reset.on_click(lambda _event: store.reset_filters())
        self.summary = StatusLine(sizing_mode="stretch_width", margin=(0, 10))
        self.dates.param.watch(self._dates_changed, "value_throttled")
        store.param.watch(self._data_changed, ["data", "revision"])
        store.param.watch(self._range_changed, "date_range")
        store.param.watch(self._summarise, "filtered")
        self._data_changed()
        self._summarise()

    def _data_changed(self, *_events: object) -> None:
        """New timeline: refresh the options and the slider's bounds."""
        store = self.store
        for widget, options, chosen in ((self.actors, store.actor_options, store.actors),
                                        (self.places, store.place_options, store.places),
                                        (self.types, store.type_options, store.event_types)):
            widget.options = escaped_options(sorted(set(options) | set(chosen)))
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
        shown, total = store.selection.count(), store.n_events
        if store.stories_view and store.has_stories:
            self.summary.object = f"**{shown:,}** stories shown ({total:,} events in all)"
        else:
            self.summary.object = f"**{shown:,}** of {total:,} events shown"

    def panel(self) -> pn.viewable.Viewable:
        """The widgets in one column, summary first."""
        return pn.Column(
            self.summary, self.stories, self.dates, self.actors,
            self.places, self.types, self.search, self.confidence, self.show_other,
            self.show_wrong, self.reset, sizing_mode="stretch_width",
        )
