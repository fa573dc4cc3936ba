"""Status lines (table and narrative pages, the filters' summary) send only their text.

A Markdown pane re-sends its style sheets with each new text; the first time in a
session they are new Bokeh models and Bokeh walks the whole page again. The lines must
still show their new text in the page's models.
"""

from __future__ import annotations

import pytest

pytest.importorskip("panel")

from bokeh.document import Document  # noqa: E402
from bokeh.document.models import DocumentModelManager  # noqa: E402

from dashboards.layout import Dashboard  # noqa: E402
from dashboards.status_line import StatusLine  # noqa: E402
from dashboards.synthetic import make_synthetic_frame  # noqa: E402
from dashboards.store import DataStore  # noqa: E402
from dashboards.views.narrative import NarrativeView  # noqa: E402


def _model_text(pane: StatusLine) -> str:
    """The text every model of the pane holds (the page may render it more than once)."""
    texts = {model.text for model, _parent in pane._models.values()}
    assert len(texts) == 1
    return texts.pop()


def test_a_filter_change_rewrites_the_lines_without_walking_the_page(
        monkeypatch: pytest.MonkeyPatch) -> None:
    dashboard = Dashboard(DataStore(make_synthetic_frame(300)))
    dashboard.template().server_doc(Document())
    narrative = dashboard.view(NarrativeView)
    summary = dashboard.store.filter_widgets.summary
    assert isinstance(narrative.position, StatusLine) and isinstance(summary, StatusLine)
    walks: list[int] = []
    recompute = DocumentModelManager.recompute
    monkeypatch.setattr(DocumentModelManager, "recompute",
                        lambda self: (walks.append(1), recompute(self))[1])
    dashboard.store.event_types = ["attack"]
    shown = dashboard.store.selection.count()
    assert 0 < shown < 300
    assert f"of {shown:,}, oldest first" in _model_text(narrative.position)
    assert f"{shown:,}" in _model_text(summary) and "of 300 events shown" in _model_text(summary)
    assert walks == []
