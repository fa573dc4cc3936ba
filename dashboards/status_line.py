"""A Markdown line the dashboard rewrites on every filter change (counts, pages).

When a Markdown pane's text changes, Panel sends every property of the pane again,
its style sheets included. The first time in a session those are new Bokeh models,
and Bokeh then walks every model of the page (15 to 30 ms a pane at a million events;
three such lines made a session's first filter change 0.1 s slower). The lines' style
never changes after the page is built, so ``StatusLine`` sends only what changed.
"""

from __future__ import annotations

from typing import Any

import panel as pn


class StatusLine(pn.pane.Markdown):
    """A Markdown pane whose new text reaches the browser without its style sheets."""

    def _update(self, ref: str, model: Any) -> None:
        props = self._get_properties(model.document)
        changed = {name: value for name, value in props.items()
                   if name != "stylesheets" and getattr(model, name, None) != value}
        if changed:
            model.update(**changed)
