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
    expression = (f"“{time_text}” → {show('time_value')}" if time_text
                  else "none: dated by the article's publication date")
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
    if _value(row, CORRECTION):
        facts.append(("Correction", _value(row, CORRECTION)))
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


class EventDetail(View):
    """Shows the selected event; lets the analyst correct its date or mark it wrong."""

    title = "Event detail"
    order = 30
    beside_previous = True
    card = {"width": 440, "height": 640, "scroll": True, "sizing_mode": "fixed"}
    follows = ("selected_event", "data")

    def setup(self) -> None:
        self.body = pn.pane.HTML(sizing_mode="stretch_width", stylesheets=[_STYLE],
                                 css_classes=["event-detail"])
        self.new_date = pn.widgets.DatePicker(label="Correct date to", width=160)
        self.correct = pn.widgets.Button(label="Correct date", color="primary",
                                         align="end")
        self.wrong = pn.widgets.Button(label="Mark wrong", color="danger",
                                       variant="outline", align="end")
        self.status = pn.pane.Alert(visible=False, alert_type="success", margin=(5, 10))
        self.correct.on_click(self._correct)
        self.wrong.on_click(self._mark_wrong)

    def redraw(self) -> None:
        row = self.store.event(self.store.selected_event)
        self.correct.disabled = self.wrong.disabled = row is None
        if row is None:
            self.body.object = ("<p style='color:#666'>Click a marker on the timeline or a "
                                "row of the table to see its source sentence.</p>")
            return
        body = self.store.texts.get(_value(row, "doc_id"))
        self.body.object = detail_html(row, body)
        # An undated event starts with an empty picker, not the previous event's date.
        self.new_date.value = None if pd.isna(row["date"]) else row["date"].date()

    def _correct(self, _event: object) -> None:
        event_id, day = self.store.selected_event, self.new_date.value
        if event_id and day is not None:
            self.store.correct_date(event_id, day)
            self._say(f"Date corrected to {day:%Y-%m-%d}; the row is flagged as corrected.")

    def _mark_wrong(self, _event: object) -> None:
        if self.store.selected_event:
            self.store.mark_wrong(self.store.selected_event)
            self._say("Marked wrong: hidden from the views (see 'Show events marked wrong') "
                      "and flagged in exports.")

    def _say(self, text: str) -> None:
        self.status.param.update(object=text, visible=True)

    def __panel__(self) -> pn.viewable.Viewable:
        controls = pn.Row(self.new_date, self.correct, self.wrong)
        return pn.Column(self.body, controls, self.status, sizing_mode="stretch_width")
