"""Downloads of the filtered view, in every format the export registry offers.

Each file is written by ``timeline.export`` (the CLI's writer), so a download and
``timeline extract -o`` give the same bytes. A new download is a new registry entry.
"""

from __future__ import annotations

import io

import pandas as pd
import panel as pn

from dashboards.views.base import View
from timeline.export import registry


def export_bytes(df: pd.DataFrame, fmt: str) -> bytes:
    """``df`` written by ``timeline.export`` (the CLI's writer) in ``fmt``, as bytes."""
    return registry.to_bytes(df, fmt)


class DownloadPanel(View):
    """A format picker and a download button: the filtered events, those marked wrong flagged."""

    title = "Export the filtered view"
    area = "sidebar"
    order = 90
    follows = ()

    def setup(self) -> None:
        formats = registry.downloads()
        self.format = pn.widgets.Select(
            label="Format", options={fmt.label: fmt.name for fmt in formats},
            value=formats[0].name, sizing_mode="stretch_width")
        self.button = pn.widgets.FileDownload(
            callback=lambda: self._export(self.format.value), color="success",
            sizing_mode="stretch_width", **self._names(formats[0].name))
        self.format.param.watch(lambda event: self.button.param.update(
            **self._names(event.new)), "value")

    @staticmethod
    def _names(fmt: str) -> dict[str, str]:
        """The file name and button label for a download in ``fmt``."""
        entry = registry.get(fmt)
        return {"filename": f"timeline{entry.suffix}", "label": f"Download {entry.label}"}

    def _export(self, fmt: str) -> io.BytesIO:
        return io.BytesIO(export_bytes(self.store.download_rows(), fmt))

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.Column(self.format, self.button, sizing_mode="stretch_width")
