"""The dashboard's one escaping edge, and every figure built through it."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from dashboards import figures
from dashboards.text import (display_text, escape_column, escape_text, escaped_options,
                             markdown_escape)

#: Markup Plotly renders in labels and ticks, and HTML a browser would run.
HOSTILE = [
    "<img src=x onerror=alert('ACT')>",
    '<a href="https://evil.example">click</a>',
    "<b>bold</b>",
    '<span style="font-size:60px">big</span>',
    'phish">Click here</a> Joe Biden',
]


@pytest.mark.parametrize("value, expected", [
    ("a<b & c>d", "a&lt;b &amp; c&gt;d"),
    ("x\"'y", "x&#34;&#39;y"),
    ("&lt;", "&amp;lt;"),  # an entity in the data is text too, shown as typed
    (["a<b", "c&d"], "a&lt;b; c&amp;d"),
    (None, ""), (float("nan"), ""), (pd.NA, ""), (3, "3"),
])
def test_escape_text(value, expected):
    assert escape_text(value) == expected


def test_escape_column_matches_escape_text():
    values = pd.Series([["a<b", "c&d"], "x\"'y", *HOSTILE], dtype="object")
    assert escape_column(values).tolist() == [escape_text(v) for v in values]


def test_display_text_is_not_escaped():
    assert display_text(["<b>", "x"]) == "<b>; x"


def test_options_map_escaped_labels_to_raw_values():
    options = escaped_options(HOSTILE)
    assert list(options.values()) == HOSTILE
    assert not any(c in label for label in options for c in "<>\"'")


def test_markdown_escape_keeps_no_markup():
    shown = markdown_escape("**x** <img src=x> [l](http://e) `c`")
    assert not any(c in shown for c in "*<>[]()`")


def _hostile_frame(tiny: pd.DataFrame) -> pd.DataFrame:
    frame = tiny.copy()
    frame["actors"] = [[HOSTILE[i % len(HOSTILE)]] for i in range(len(frame))]
    frame["locations"] = [[HOSTILE[(i + 1) % len(HOSTILE)]] for i in range(len(frame))]
    frame["place"] = frame["locations"].map(lambda v: v[0])
    frame["country"] = HOSTILE[3]
    frame["event_type"] = pd.Categorical([HOSTILE[i % len(HOSTILE)] for i in range(len(frame))])
    frame["title"] = HOSTILE[1]
    return frame


def _strings(fig) -> list[str]:
    """Every string in the figure's JSON: what Plotly may render."""
    found: list[str] = []

    def walk(node: object, key: str = "") -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str) and key != "customdata":
            found.append(node)

    walk(json.loads(fig.to_json()))
    return found


@pytest.mark.parametrize("build", [
    lambda df: figures.make_timeline_figure(df, "actor"),
    lambda df: figures.make_timeline_figure(df, "event_type"),
    lambda df: figures.make_counts_figure(df, "W"),
    lambda df: figures.make_network_figure(df, 10),
    lambda df: figures.make_map_figure(df),
], ids=["timeline-actor", "timeline-type", "counts", "network", "map"])
def test_no_figure_carries_markup_from_the_data(tiny, build):
    fig = build(_hostile_frame(tiny))
    strings = _strings(fig)
    for bad in ("<img", "<a ", "</a>", "<span", 'href="', "<b>bold"):
        leaked = [s for s in strings if bad in s]
        assert not leaked, (bad, leaked)
    # The names are all there, as text.
    joined = " ".join(strings)
    assert "&lt;img src=x onerror=alert(&#39;ACT&#39;)&gt;" in joined


def test_click_data_keeps_the_raw_value(tiny):
    fig = figures.make_network_figure(_hostile_frame(tiny), 10)
    nodes = [t for t in fig.data if t.mode == "markers+text"][0]
    assert set(nodes.customdata) <= set(HOSTILE)
