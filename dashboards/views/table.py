"""Events table: remote pagination, header filters, text never rendered as HTML.

In memory the widget pages the whole filtered frame itself (and its header filters
apply to all of it). Over an event store the selection is paged in SQL
(``LIMIT``/``OFFSET``): the widget holds one page and the pager below turns it, so a
million events never reach the server's Python; the header filters then narrow the
page shown (the sidebar's filters narrow everything).
"""

from __future__ import annotations

import panel as pn

from dashboards.aggregate import TABLE_COLUMNS
import param

from dashboards.status_line import StatusLine
from dashboards.views.base import View

PAGE_SIZE = 12
# Tabulator's "textarea" formatter escapes HTML, so a sentence holding "<script>" is
# shown as those characters and never parsed as markup. The cells stay raw (escaping
# them too would show "&lt;"), and header filters match the raw text. It also wraps
# (white-space: pre-wrap): a long sentence, actor list or headline grows its row
# instead of being cut at the column's edge.
_FORMATTERS = {name: {"type": "textarea"} for name in TABLE_COLUMNS if name != "confidence"}
# The sentence takes a share of the table's width (at least enough to read a line), so
# beside the date it fits in a narrow card and widens on a wide screen; the other
# columns keep fixed widths and the table scrolls sideways to them.
_WIDTHS = {"date": 105, "sentence": "45%", "type": 95, "actors": 160, "places": 130,
           "precision": 105, "time expression": 150, "confidence": 110, "headline": 260,
           "correction": 130}
_SENTENCE_MIN_WIDTH = 280
# A word longer than its column (a URL, "military_aid" in a narrow type column) breaks
# rather than running under the next cell.
_CELL_STYLE = ".tabulator-cell {overflow-wrap: anywhere;}"
_HEADER_FILTERS = {
    "type": {"type": "input", "func": "like", "placeholder": "type…"},
    "actors": {"type": "input", "func": "like", "placeholder": "actor…"},
    "places": {"type": "input", "func": "like", "placeholder": "place…"},
}


class EventsTable(View):
    """The filtered events, one page at a time; clicking a row selects the event."""

    title = "Events"
    order = 20

    page = param.Integer(default=0, bounds=(0, None), doc="Page shown (paged in SQL).")

    def setup(self) -> None:
        paged = self.store.selection.paged
        self.table = pn.widgets.Tabulator(
            self._rows(), pagination=None if paged else "remote", page_size=PAGE_SIZE,
            show_index=False,
            disabled=True, selectable=1, hidden_columns=["event_id"],
            header_filters=_HEADER_FILTERS, formatters=_FORMATTERS, widths=_WIDTHS,
            configuration={"columns": [{"field": "sentence",
                                        "minWidth": _SENTENCE_MIN_WIDTH}]},
            layout="fit_data_table", sizing_mode="stretch_width", height=560,
            theme="simple", css_classes=["events-table"], stylesheets=[_CELL_STYLE],
        )
        self.table.on_click(self._clicked)
        self.earlier = pn.widgets.Button(label="◀ Newer", width=100)
        self.later = pn.widgets.Button(label="Older ▶", width=100)
        self.position = StatusLine(margin=(0, 10))
        self.earlier.on_click(lambda _e: self._turn(-1))
        self.later.on_click(lambda _e: self._turn(1))
        self.pager = pn.Row(self.earlier, self.later, self.position, visible=paged)
        self.store.param.watch(self._first_page, ["filtered"])

    def _rows(self) -> object:
        selection = self.store.selection
        if not selection.paged:
            return selection.table_rows()
        return selection.table_page(self.page * PAGE_SIZE, PAGE_SIZE)

    def _first_page(self, *_events: object) -> None:
        self.page = 0

    def _turn(self, step: int) -> None:
        total = self.store.selection.count()
        self.page = min(max(0, self.page + step), max(0, (total - 1) // PAGE_SIZE))

    def redraw(self) -> None:
        self.table.value = self._rows()
        if self.store.selection.paged:
            total, first = self.store.selection.count(), self.page * PAGE_SIZE
            self.earlier.disabled = self.page == 0
            self.later.disabled = first + PAGE_SIZE >= total
            self.position.object = (f"Rows {min(first + 1, total):,}–"
                                    f"{min(first + PAGE_SIZE, total):,} of {total:,}, "
                                    "newest first")

    def _clicked(self, event: object) -> None:
        row = getattr(event, "row", None)
        if row is not None and 0 <= row < len(self.table.value):
            self.store.selected_event = str(self.table.value["event_id"].iloc[row])

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.Column(self.table, self.pager, sizing_mode="stretch_width")
