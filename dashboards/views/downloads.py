"""Downloads of the filtered view: spreadsheet-safe CSV and JSON Lines."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pandas as pd
import panel as pn
import param

from dashboards.store import DataStore


def export_bytes(df: pd.DataFrame, fmt: str) -> bytes:
    """``df`` written by ``timeline.export`` (the CLI's writer) in ``fmt``, as bytes."""
    from timeline.export import write_file

    with tempfile.TemporaryDirectory(prefix="timeline-export-") as folder:
        path = Path(folder) / f"timeline.{fmt}"
        write_file(df, path, fmt)
        return path.read_bytes()


class DownloadPanel(pn.viewable.Viewer):
    """Two download buttons; each exports exactly the rows the filters keep."""

    store = param.ClassSelector(class_=DataStore)

    def __init__(self, store: DataStore, **params: object) -> None:
        super().__init__(store=store, **params)
        self.csv = pn.widgets.FileDownload(
            callback=lambda: self._export("csv"), filename="timeline.csv",
            label="Download CSV", color="success",
            sizing_mode="stretch_width")
        self.jsonl = pn.widgets.FileDownload(
            callback=lambda: self._export("jsonl"), filename="timeline.jsonl",
            label="Download JSON Lines", color="success", variant="outline",
            sizing_mode="stretch_width")

    def _export(self, fmt: str) -> io.BytesIO:
        return io.BytesIO(export_bytes(self.store.filtered, fmt))

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.Column(self.csv, self.jsonl, sizing_mode="stretch_width")
