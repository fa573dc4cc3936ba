"""Events table: remote pagination, header filters, text never rendered as HTML."""

from __future__ import annotations

import panel as pn

from dashboards.aggregate import TABLE_COLUMNS
from dashboards.views.base import View

PAGE_SIZE = 12
# Tabulator's "plaintext" and "textarea" formatters escape HTML, so a sentence holding
# "<script>" is shown as those characters and never parsed as markup. The cells stay
# raw (escaping them too would show "&lt;"), and header filters match the raw text.
_FORMATTERS = {name: {"type": "plaintext"} for name in TABLE_COLUMNS}
_FORMATTERS.update(sentence={"type": "textarea"}, headline={"type": "textarea"})
_FORMATTERS.pop("confidence")
_HEADER_FILTERS = {
    "type": {"type": "input", "func": "like", "placeholder": "type…"},
    "actors": {"type": "input", "func": "like", "placeholder": "actor…"},
    "places": {"type": "input", "func": "like", "placeholder": "place…"},
}


class EventsTable(View):
    """The filtered events, one page at a time; clicking a row selects the event."""

    title = "Events"
    order = 20

    def setup(self) -> None:
        self.table = pn.widgets.Tabulator(
            self.store.table_rows(), pagination="remote", page_size=PAGE_SIZE, show_index=False,
            disabled=True, selectable=1, hidden_columns=["event_id"],
            header_filters=_HEADER_FILTERS, formatters=_FORMATTERS,
            widths={"date": 105, "type": 95, "actors": 160, "places": 130, "sentence": 400,
                    "precision": 105, "time expression": 150, "confidence": 110,
                    "headline": 260, "correction": 130},
            layout="fit_data_table", sizing_mode="stretch_width", height=560,
            theme="simple", css_classes=["events-table"],
        )
        self.table.on_click(self._clicked)

    def redraw(self) -> None:
        self.table.value = self.store.table_rows()

    def _clicked(self, event: object) -> None:
        row = getattr(event, "row", None)
        if row is not None and 0 <= row < len(self.table.value):
            self.store.selected_event = str(self.table.value["event_id"].iloc[row])

    def __panel__(self) -> pn.viewable.Viewable:
        return self.table
