"""Input controls: paste an article or upload files, then extract into the timeline."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import pandas as pd
import panel as pn

from dashboards.backing import ingest_articles
from dashboards.loading import (UPLOAD_SUFFIXES, LoadReport, extract_articles, pasted_article,
                                read_uploads)
from dashboards.text import markdown_escape
from dashboards.upload import CheckedFileInput
from dashboards.views.base import View
from timeline.dating import notes_of
from timeline.dating import summary as dating_summary

log = logging.getLogger(__name__)


class InputPanel(View):
    """Paste text or upload txt/html/jsonl/csv; events join the timeline on screen.

    Files over the config's ``max_upload_mb`` are refused by the page itself; the
    server checks the size again, since a page can be bypassed.
    """

    title = "Add articles"
    area = "sidebar"
    order = 80
    follows = ()

    @property
    def limit_mb(self) -> float:
        """The upload limit in MB."""
        return self.config.max_upload_mb

    def setup(self) -> None:
        self.text = pn.widgets.TextAreaInput(
            label="Paste an article", placeholder="Paste article text here…",
            height=140, sizing_mode="stretch_width")
        self.files = CheckedFileInput(accept=",".join(UPLOAD_SUFFIXES),
                                      max_bytes=int(self.limit_mb * 1024 * 1024),
                                      limit_label=f"{self.limit_mb:g} MB",
                                      sizing_mode="stretch_width")
        self.published = pn.widgets.DatePicker(
            label="Published on (empty: inferred)", sizing_mode="stretch_width")
        self.run = pn.widgets.Button(label="Extract events", color="primary",
                                     sizing_mode="stretch_width")
        self.progress = pn.indicators.Progress(value=0, max=1, visible=False,
                                               sizing_mode="stretch_width", height=12)
        self.status = pn.pane.Alert(visible=False, margin=(5, 5), sizing_mode="stretch_width")
        self.run.on_click(self._run)

    def _gather(self) -> LoadReport:
        """Articles from the text box and the file input, with any problems."""
        report = LoadReport(problems=list(self.files.refused))
        names, contents = self.files.filename, self.files.value
        if contents:
            read = read_uploads(zip(names, contents), self.limit_mb)
            report.articles += read.articles
            report.problems += read.problems
        if self.text.value.strip():
            report.articles.append(pasted_article(self.text.value))
        return report

    async def _run(self, _event: object) -> None:
        self.run.disabled = True
        try:
            report = await asyncio.to_thread(self._gather)
            if not report.articles:
                self._show(report.problems or ["Nothing to extract: paste text or "
                                               "choose files first."], "warning")
                return
            self.progress.param.update(value=0, max=len(report.articles), visible=True)
            loop = asyncio.get_running_loop()

            def progress(done: int, _total: int) -> None:
                # Runs in the worker thread; widget updates go back to the event loop.
                loop.call_soon_threadsafe(setattr, self.progress, "value", done)

            published = pd.Timestamp(self.published.value) if self.published.value else None
            try:
                line, events = await asyncio.to_thread(self._extract, report, published,
                                                       progress)
            except Exception as exc:  # the UI boundary: report any failure, keep the app
                log.exception("extraction failed")
                self._show([f"Extraction failed: {exc}", *report.problems], "danger")
                return
            texts = {a.id: a.body for a in report.articles}
            if line is not None:
                self.store.reload(texts)
                summary = f"Added to the event store: {line}."
            else:
                added = self.store.add_events(events, texts)
                summary = (f"{len(report.articles)} article(s) read, {added} new event(s) "
                           "added to the timeline.")
            dating = notes_of(events)  # beside the success message: never silent
            if dating:
                summary += f" {dating_summary(dating).capitalize()}."
            warn = report.problems or dating
            self._show([summary, *(n.message for n in dating), *report.problems],
                       "warning" if warn else "success")
            self.text.value = ""
        finally:
            self.run.disabled = False
            self.progress.visible = False

    def _extract(self, report: LoadReport, published: pd.Timestamp | None,
                 progress: Callable[[int, int], None]) -> tuple[str | None, pd.DataFrame]:
        """Off the event loop: the new events, or (over a store) ingest and re-read it."""
        path = self.store.store_path
        if path:
            line = ingest_articles(path, report.articles, published, progress,
                                   report.problems)
            return line, pd.DataFrame()
        return None, extract_articles(report.articles, published, progress, report.problems)

    def _show(self, lines: list[str], kind: str) -> None:
        # Alert renders Markdown: escape what came from file names or file contents.
        text = "\n".join(f"- {markdown_escape(line)}" for line in lines)
        self.status.param.update(object=text, alert_type=kind, visible=True)

    def __panel__(self) -> pn.viewable.Viewable:
        hint = pn.pane.Markdown(f"txt, html, jsonl or csv; at most {self.limit_mb:g} MB "
                                "per file.", styles={"color": "#666", "font-size": "12px"},
                                margin=(0, 10))
        return pn.Column(self.text, self.files, hint, self.published, self.run,
                         self.progress, self.status, sizing_mode="stretch_width")
