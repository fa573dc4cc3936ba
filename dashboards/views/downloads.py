"""Downloads of the filtered view, one button per format in ``DOWNLOADS``.

Each file is written by ``timeline.export`` (the CLI's writer), so a download and
``timeline extract -o`` give the same bytes. A new download is one ``Download`` entry.
"""

from __future__ import annotations

import io
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pandas as pd
import panel as pn

from dashboards.views.base import View


@dataclass(frozen=True)
class Download:
    """One download button: the export format name, its file suffix and label."""

    fmt: str
    suffix: str
    label: str


DOWNLOADS: tuple[Download, ...] = (
    Download("csv", "csv", "Download CSV"),
    Download("jsonl", "jsonl", "Download JSON Lines"),
)


def export_bytes(df: pd.DataFrame, fmt: str, suffix: str | None = None) -> bytes:
    """``df`` written by ``timeline.export`` (the CLI's writer) in ``fmt``, as bytes."""
    from timeline.export import write_file

    with tempfile.TemporaryDirectory(prefix="timeline-export-") as folder:
        path = Path(folder) / f"timeline.{suffix or fmt}"
        write_file(df, path, fmt)
        return path.read_bytes()


class DownloadPanel(View):
    """A button per download format; each exports exactly the rows the filters keep."""

    title = "Export the filtered view"
    area = "sidebar"
    order = 90
    follows = ()

    downloads: ClassVar[tuple[Download, ...]] = DOWNLOADS

    def setup(self) -> None:
        self.buttons = {
            item.fmt: pn.widgets.FileDownload(
                callback=lambda item=item: self._export(item.fmt),
                filename=f"timeline.{item.suffix}", label=item.label, color="success",
                variant="solid" if i == 0 else "outline", sizing_mode="stretch_width")
            for i, item in enumerate(self.downloads)}

    def _export(self, fmt: str) -> io.BytesIO:
        item = next(d for d in self.downloads if d.fmt == fmt)
        return io.BytesIO(export_bytes(self.store.filtered, item.fmt, item.suffix))

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.Column(*self.buttons.values(), sizing_mode="stretch_width")
