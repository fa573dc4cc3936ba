"""Event detail: the source sentence in context, how its date was resolved, corrections."""

from __future__ import annotations

import pandas as pd
import panel as pn

from dashboards.highlight import sentence_in_context, sentence_spans
from dashboards.store import CORRECTION
from dashboards.text import display_text, escape_text
from dashboards.views.base import View

_STYLE = """
.tl-detail {font-size: 15px; line-height: 1.55; white-space: pre-wrap;}
.tl-context {color: #777;}
.tl-sentence {color: #111;}
mark.tl-time {background: #ffe08a; padding: 0 2px; border-radius: 3px;}
mark.tl-actor {background: #cfe3ff; padding: 0 2px; border-radius: 3px;}
mark.tl-place {background: #d5f5d5; padding: 0 2px; border-radius: 3px;}
.tl-facts td {padding: 2px 10px 2px 0; vertical-align: top;}
.tl-facts td:first-child {color: #666; white-space: nowrap;}
.tl-legend mark {margin-right: 6px;}
"""
_LEGEND = ('<div class="tl-legend"><mark class="tl-time">time</mark>'
           '<mark class="tl-actor">actor</mark><mark class="tl-place">place</mark></div>')


def _value(row: pd.Series, column: str) -> str:
    """A cell as display text ('' when missing), not yet escaped."""
    value = row.get(column)
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, float) and not pd.isna(value):
        return f"{value:.2f}"
    if value is pd.NaT:
        return ""
    return display_text(value)


def resolution_facts(row: pd.Series) -> list[tuple[str, str]]:
    """(label, text) pairs saying what the event is and how its date was resolved."""
    def show(column: str) -> str:
        return _value(row, column) or "—"

    time_text = _value(row, "time_text")
    dated = bool(_value(row, "date"))
    expression = (f"“{time_text}” → {show('time_value')}" if time_text
                  else "none: dated by the article's publication date" if dated
                  else "none, and the article has no publication date")
    facts = [
        ("Event", f"{show('event_type')} (trigger: {show('trigger')})"),
        ("Actors", show("actors")), ("Places", show("locations")),
        ("Date", f"{_value(row, 'date') or 'undated'} · precision: {show('granularity')}"),
        ("Interval", f"{show('start')} to {show('end')} (end exclusive)"),
        ("Time expression", expression),
        ("Anchor", show("anchor")),
        ("Chosen from", show("time_source")),
        ("Rule", show("time_rule")),
        ("Reason", show("time_reason")),
        ("Confidence", show("confidence")),
        ("Reference date", f"{show('reference_date')} ({show('reference_source')})"),
        ("Article", show("title")), ("URL", show("url")),
    ]
    facts += [(label, _value(row, column)) for label, column in
              (("Mapped place", "place"), ("Note", "note"), ("Tags", "tags"),
               ("Correction", CORRECTION)) if _value(row, column)]
    return facts


def detail_html(row: pd.Series, body: str | None) -> str:
    """Safe HTML for one event: highlighted sentence in context, then the facts table."""
    sentence = _value(row, "sentence")
    spans = sentence_spans(sentence, _value(row, "time_text"), list(row["actors"]),
                           list(row["locations"]))
    text = sentence_in_context(sentence, spans, body, int(row["sentence_start"]),
                               int(row["sentence_end"]))
    facts = "".join(f"<tr><td>{escape_text(k)}</td><td>{escape_text(v)}</td></tr>"
                    for k, v in resolution_facts(row))
    return (f'{_LEGEND}<div class="tl-detail">{text}</div>'
            f'<table class="tl-facts">{facts}</table>')


#: The correction form: (event field, label, row column shown as the starting value).
EDIT_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("date", "Date (2023-01-17, 2023-W03, 2023-01 or 2023)", "time_value"),
    ("event_type", "Event type", "event_type"),
    ("actors", "Actors (separated by ;)", "actors"),
    ("place", "Place", "place"),
    ("tags", "Tags (separated by ;)", "tags"),
    ("note", "Note", "note"),
)


def form_value(row: pd.Series, field: str, column: str) -> str:
    """The text a correction field starts with for ``row``."""
    if field == "date" and not _value(row, column):
        return "" if pd.isna(row["date"]) else f"{row['date']:%Y-%m-%d}"
    return _value(row, column)


class EventDetail(View):
    """Shows the selected event; the analyst corrects its fields or marks it wrong.

    Over an event store each change is recorded there with the editor's name (the
    logged-in user, else the name typed here) and survives reloads and restarts.
    """

    title = "Event detail"
    order = 30
    beside_previous = True
    # Only the sentence and facts scroll inside the card, so the correction form below
    # them is in view whenever the card is; the card is never taller than the window
    # under the page's header (a laptop's browser leaves about 650 of 768 pixels).
    card = {"width": 440, "height": 640, "sizing_mode": "fixed",
            "styles": {"max-height": "calc(100vh - 80px)", "min-height": "480px"}}
    follows = ("selected_event", "selection")

    def setup(self) -> None:
        self.body = pn.pane.HTML(sizing_mode="stretch_width", stylesheets=[_STYLE],
                                 css_classes=["event-detail"])
        self.fields = {field: (pn.widgets.TextAreaInput if field == "note"
                               else pn.widgets.TextInput)(label=label, sizing_mode="stretch_width")
                       for field, label, _column in EDIT_FIELDS}
        self.new_date = self.fields["date"]
        user = pn.state.user if pn.state.curdoc is not None else None
        if user:
            self.store.editor = user
        self.editor = pn.widgets.TextInput.from_param(
            self.store.param.editor, label="Your name", disabled=bool(user),
            description="Recorded with each correction and mark.",
            sizing_mode="stretch_width")
        self.save = pn.widgets.Button(label="Save corrections", color="primary")
        self.wrong = pn.widgets.Button(label="Mark wrong", color="danger", variant="outline")
        self.status = pn.pane.Alert(visible=False, alert_type="success", margin=(5, 10))
        self.save.on_click(self._correct)
        self.wrong.on_click(self._mark_wrong)

    def redraw(self) -> None:
        row = self.store.event(self.store.selected_event)
        self.save.disabled = self.wrong.disabled = row is None
        if row is None:
            self.body.object = ("<p style='color:#666'>Click a marker on the timeline or a "
                                "row of the table to see its source sentence.</p>")
            return
        body = self.store.texts.get(_value(row, "doc_id"))
        self.body.object = detail_html(row, body)
        for field, _label, column in EDIT_FIELDS:
            self.fields[field].value = form_value(row, field, column)
        self.wrong.label = "Not wrong after all" if bool(row["wrong"]) else "Mark wrong"

    def changes(self) -> list[tuple[str, str]]:
        """(field, new text) for each form field that differs from the selected event."""
        row = self.store.event(self.store.selected_event)
        if row is None:
            return []
        return [(field, self.fields[field].value) for field, _label, column in EDIT_FIELDS
                if self.fields[field].value.strip() != form_value(row, field, column).strip()]

    def _correct(self, _event: object) -> None:
        from timeline.errors import StoreError

        event_id, changes = self.store.selected_event, self.changes()
        if not event_id or not changes:
            return
        try:
            for field, value in changes:
                self.store.edit(event_id, field, value)
        except (StoreError, ValueError) as exc:
            self._say(f"Not saved: {exc}", "danger")
            return
        names = ", ".join(field.replace("_", " ") for field, _value in changes)
        self._say(f"Saved ({names}); the row is flagged as corrected.")

    def _mark_wrong(self, _event: object) -> None:
        row = self.store.event(self.store.selected_event)
        if row is not None:
            wrong = not bool(row["wrong"])
            self.store.mark_wrong(row["event_id"], wrong)
            self._say("Marked wrong: hidden from the views (see 'Show events marked wrong') "
                      "and kept, flagged, in downloads." if wrong else "No longer marked wrong.")

    def _say(self, text: str, kind: str = "success") -> None:
        self.status.param.update(object=text, alert_type=kind, visible=True)

    def __panel__(self) -> pn.viewable.Viewable:
        # The sentence and facts take the height the form leaves and scroll; the form
        # keeps its own, two fields a line (the date's label, which names its formats,
        # takes the whole width).
        evidence = pn.Column(self.body, scroll=True, sizing_mode="stretch_both",
                             css_classes=["tl-evidence"])
        pairs = [widget for field, widget in self.fields.items() if field != "date"]
        fields = pn.GridBox(*pairs, self.editor, ncols=2, sizing_mode="stretch_width")
        form = pn.Column(self.new_date, fields, pn.Row(self.save, self.wrong), self.status,
                         sizing_mode="stretch_width",
                         styles={"border-top": "1px solid #dee2e6"})
        return pn.Column(evidence, form, sizing_mode="stretch_both")
