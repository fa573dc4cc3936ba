"""Narrative view: the filtered events read in date order, one entry after another.

The habit of TimelineJS readers: each entry gives the date at its precision, the event
type, the actors and the place, the source sentence with its time expression
highlighted, and the source article. When the timeline carries stories (a
``story_id`` column), each story is one entry, told by its most confident event and
naming how many reports it gathers. Every article string is escaped
(``dashboards.text``); a source becomes a link only for an http(s) URL.
"""

from __future__ import annotations

import pandas as pd
import panel as pn
import param

from dashboards.highlight import highlight, sentence_spans
from dashboards.labels import date_text, type_color
from dashboards.status_line import StatusLine
from dashboards.text import display_text, escape_text
from dashboards.views.base import View

PAGE_SIZE = 10
STORY = "story_id"
_STYLE = """
.tabulator-cell {white-space: normal !important; cursor: pointer;}
.tl-entry, .tl-entry div {white-space: normal;}
.tl-entry {border-left: 4px solid var(--tl-color, #888); padding: 4px 12px; margin: 2px 0;}
.tl-entry .tl-when {font-weight: 600; color: #1f3b57;}
.tl-entry .tl-type {display: inline-block; padding: 0 6px; margin-left: 8px; border-radius: 8px;
  color: white; font-size: 12px;}
.tl-entry .tl-who {color: #444; font-size: 13px;}
.tl-entry .tl-says {font-size: 15px; line-height: 1.5; margin: 4px 0;}
.tl-entry .tl-source {color: #666; font-size: 12px;}
.tl-entry.tl-selected {background: #f2f7fc;}
mark.tl-time {background: #ffe08a; padding: 0 2px; border-radius: 3px;}
"""


def is_web_url(url: str) -> bool:
    """True for an http(s) URL, the only kind the narrative turns into a link."""
    return url.strip().lower().startswith(("http://", "https://"))


def source_html(title: str, url: str) -> str:
    """The source as escaped text; a link (new tab, no referrer) only for http(s) URLs."""
    name = escape_text(title or url or "unknown source")
    if url and is_web_url(url):
        return (f'<a href="{escape_text(url.strip())}" target="_blank" '
                f'rel="noopener noreferrer nofollow">{name}</a>')
    return name + (f" ({escape_text(url)})" if url and url != title else "")


def entry_html(row: pd.Series, when: str, reports: int = 1, selected: bool = False) -> str:
    """One narrative entry as safe HTML (every article string escaped)."""
    sentence = display_text(row.get("sentence"))
    spans = sentence_spans(sentence, display_text(row.get("time_text")), [], [])
    event_type = display_text(row.get("event_type")) or "unknown"
    actors = display_text(row.get("actors")) or "no actor named"
    places = display_text(row.get("locations")) or "no place named"
    more = f" · {reports} reports" if reports > 1 else ""
    css = "tl-entry tl-selected" if selected else "tl-entry"
    color = type_color(event_type)
    source = source_html(display_text(row.get("title")), display_text(row.get("url")))
    return (f'<div class="{css}" style="--tl-color: {color}">'
            f'<div><span class="tl-when">{escape_text(when)}</span>'
            f'<span class="tl-type" style="background: {color}">{escape_text(event_type)}</span>'
            f'</div><div class="tl-who">{escape_text(actors)} — {escape_text(places)}</div>'
            f'<div class="tl-says">{highlight(sentence, spans)}</div>'
            f'<div class="tl-source">Source: {source}{escape_text(more)}</div></div>')


def narrative_entries(df: pd.DataFrame) -> pd.DataFrame:
    """The rows the narrative tells, in date order (undated last), with a ``_reports`` count.

    Without stories every event is an entry. With a ``story_id`` column each story is
    one entry: its most confident event (earliest on ties) stands for it.
    """
    rows = df.assign(_reports=1)
    if STORY in df.columns and df[STORY].notna().any():
        story = df[STORY].astype("str").where(df[STORY].notna(), df["event_id"].astype("str"))
        rows = rows.assign(_story=story, _reports=story.map(story.value_counts()))
        rows = rows.sort_values(["confidence", "date"], ascending=[False, True],
                                kind="stable", na_position="last")
        rows = rows.drop_duplicates("_story")
    return rows.sort_values("date", kind="stable", na_position="last")


class NarrativeView(View):
    """The filtered events (or stories) as a story read top to bottom; linked to the detail."""

    title = "Narrative"
    order = 35
    follows = ("filtered", "selected_event")

    page = param.Integer(default=0, bounds=(0, None))

    def setup(self) -> None:
        # One table of ready-made entries: a click on an entry selects its event. A
        # pane and a button per entry would cost ~30 models per session.
        self.entries = pn.widgets.Tabulator(
            pd.DataFrame({"event_id": [], "entry": []}), show_index=False, disabled=True,
            selectable=False, hidden_columns=["event_id"], header_filters=False,
            formatters={"entry": {"type": "html"}}, layout="fit_columns",
            configuration={"headerVisible": False}, widths={"entry": "100%"},
            sizing_mode="stretch_width", stylesheets=[_STYLE], theme="simple",
            css_classes=["tl-narrative"])
        self.entries.on_click(self._clicked)
        self.earlier = pn.widgets.Button(label="◀ Earlier", width=100)
        self.later = pn.widgets.Button(label="Later ▶", width=100)
        self.position = StatusLine(margin=(0, 10))
        self.earlier.on_click(lambda _e: self._turn(-1))
        self.later.on_click(lambda _e: self._turn(1))
        self.store.param.watch(self._first_page, ["filtered"])

    def _first_page(self, *_events: object) -> None:
        self.page = 0

    def _turn(self, step: int) -> None:
        self.page = max(0, self.page + step)

    def _clicked(self, event: object) -> None:
        row = getattr(event, "row", None)
        if row is not None and 0 <= row < len(self.entries.value):
            self.store.selected_event = str(self.entries.value["event_id"].iloc[row])

    def redraw(self) -> None:
        selection = self.store.selection
        shown, total = selection.narrative(self.page * PAGE_SIZE, PAGE_SIZE)
        pages = max(1, -(-total // PAGE_SIZE))
        page = min(self.page, pages - 1)
        if page != self.page:
            shown, _total = selection.narrative(page * PAGE_SIZE, PAGE_SIZE)
        self.earlier.disabled, self.later.disabled = page == 0, page >= pages - 1
        first = page * PAGE_SIZE + 1 if total else 0
        self.position.object = (f"Entries {first}–{page * PAGE_SIZE + len(shown)} "
                                f"of {total:,}, oldest first; click one for its detail")
        whens = date_text(shown["date"], shown["granularity"])
        selected = self.store.selected_event
        html = [entry_html(row, when, int(row["_reports"]), str(row["event_id"]) == selected)
                for (_, row), when in zip(shown.iterrows(), whens)]
        self.entries.value = pd.DataFrame({"event_id": shown["event_id"].astype("str").tolist(),
                                           "entry": html})

    def __panel__(self) -> pn.viewable.Viewable:
        pager = pn.Row(self.earlier, self.later, self.position)
        return pn.Column(pager, self.entries, sizing_mode="stretch_width",
                         css_classes=["tl-narrative-view"])
