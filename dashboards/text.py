"""The dashboard's one escaping edge: every string from an article or a timeline file
passes through here before anything renders it.

Plotly renders a subset of HTML in labels, titles, legends and axis ticks (``<a href>``,
``<b>``, ``<span style>``), Bokeh's multi-choice widget renders option labels as HTML,
and HTML and Markdown panes render markup. ``escape_text`` turns a value into text that
each of those shows literally. The entities used are the ones Plotly decodes as well as
browsers (``&amp; &lt; &gt;`` and numeric ones), so a quote shows as a quote in a
Plotly label and never closes an HTML attribute.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd

from timeline.vocab import LIST_SEPARATOR as LIST_JOIN  # joins list cells for display

# "&" first, so the entities of later replacements are not escaped again.
_ENTITIES: tuple[tuple[str, str], ...] = (
    ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&#34;"), ("'", "&#39;"),
)
_TABLE = str.maketrans(dict(_ENTITIES))
# Markdown panes: its punctuation becomes numeric entities too (one pass, so the "#" and
# "&" of an entity are never escaped again); CommonMark shows an entity as its character.
_MARKDOWN_TABLE = str.maketrans({**dict(_ENTITIES),
                                 **{c: f"&#{ord(c)};" for c in "\\`*_{}[]()#!|~"}})


def display_text(value: object) -> str:
    """A cell as plain display text, not escaped: lists joined, missing values empty."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return str(_join_lists(value))  # list cells hold names: plain strings
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    return str(value)


def escape_text(value: object) -> str:
    """``value`` as markup-free text for HTML, Plotly labels and widget options."""
    return display_text(value).translate(_TABLE)


def escape_column(values: pd.Series) -> pd.Series:
    """``escape_text`` over a column, vectorised (the same entities, in the same order)."""
    if values.dtype == object:
        values = values.map(_join_lists)
    text = values.astype("str").fillna("")
    for char, entity in _ENTITIES:
        text = text.str.replace(char, entity, regex=False)
    return text


def _join_lists(value: object) -> object:
    return LIST_JOIN.join(map(str, value)) if isinstance(value, (list, tuple, np.ndarray)) \
        else value


def escaped_options(values: Iterable[str]) -> dict[str, str]:
    """Widget options ``{escaped label: raw value}``: the page shows text, filters get values."""
    return {escape_text(v): v for v in values}


def markdown_escape(text: str) -> str:
    """A message line for a Markdown pane: no HTML and no Markdown, only its characters."""
    return display_text(text).translate(_MARKDOWN_TABLE)
