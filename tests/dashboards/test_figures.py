"""Pure figure builders and the aggregations behind them, checked without a browser."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboards import figures, labels
from dashboards.axes import date_ticks
from dashboards.aggregate import cooccurrence, place_counts, spread_counts, spread_points
from dashboards.synthetic import make_synthetic_frame


def markers(fig) -> list:
    return [t for t in fig.data if t.mode == "markers"]


def test_timeline_by_actor_has_one_marker_per_actor(tiny):
    fig = figures.make_timeline_figure(tiny, "actor")
    ys = [y for t in markers(fig) for y in t.y]
    # e1 has two actors, e2-e4 one each, e5 none: 2 + 1 + 1 + 1 + 1 markers.
    assert sorted(ys) == sorted(["Mark Milley", "Valerii Zaluzhnyi", "Andrzej Duda",
                                 "Joe Biden", "Mark Milley", "(no actor)"])
    ids = sorted(i for t in markers(fig) for i in t.customdata)
    assert ids == ["e1", "e1", "e2", "e3", "e4", "e5"]
    assert fig.layout.xaxis.rangeslider.visible
    assert {t.type for t in markers(fig)} == {"scatter"}


def test_timeline_by_type_and_intervals(tiny):
    fig = figures.make_timeline_figure(tiny, "event_type")
    assert sorted(y for t in markers(fig) for y in t.y) == \
        ["meet", "meet", "other", "statement", "visit"]
    bars = [t for t in fig.data if t.mode == "lines"][0]
    # Only the month (e3) and week (e4) events span more than a day.
    pairs = {(str(bars.x[i])[:10], str(bars.x[i + 1])[:10]) for i in range(0, len(bars.x), 3)}
    assert pairs == {("2023-02-01", "2023-03-01"), ("2023-01-16", "2023-01-23")}
    assert all(v is None for v in bars.x[2::3])


def test_timeline_hover_is_escaped(tiny):
    tiny.loc[tiny["event_id"] == "e5", "title"] = "<script>alert(1)</script><img src=x>"
    fig = figures.make_timeline_figure(tiny, "event_type")
    hover = " ".join(h for t in markers(fig) for h in t.hovertext)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x&gt;" in hover
    assert "<script>" not in hover and "<img" not in hover
    assert "on Tuesday" in hover and "Mark Milley; Valerii Zaluzhnyi" in hover
    assert "<b>Headline</b>" in hover


def test_timeline_uses_webgl_and_samples_large_frames():
    big = make_synthetic_frame(3000, seed=1)
    fig = figures.make_timeline_figure(big, "event_type", max_points=1500)
    assert {t.type for t in markers(fig)} == {"scattergl"}
    assert sum(len(t.x) for t in markers(fig)) == 1500
    assert "sample of 1,500 of 3,000" in fig.layout.title.text
    # The sample says where every event is still counted.
    assert figures.SAMPLE_NOTE in fig.layout.title.text and fig.layout.margin.t == 75
    small = figures.make_timeline_figure(big, "event_type", max_points=500)
    assert {t.type for t in markers(small)} == {"scatter"}  # few enough for SVG
    whole = figures.make_timeline_figure(big.head(900), "event_type")
    assert "sample" not in whole.layout.title.text and whole.layout.margin.t == 50


def test_empty_frames_give_a_message(tiny):
    empty = tiny.iloc[0:0]
    for fig in (figures.make_timeline_figure(empty), figures.make_counts_figure(empty),
                figures.make_network_figure(empty), figures.make_map_figure(empty)):
        assert fig.layout.annotations[0].text.startswith("No ")


def test_bad_arguments(tiny):
    with pytest.raises(ValueError):
        figures.make_timeline_figure(tiny, "place")
    with pytest.raises(ValueError):
        spread_counts(tiny, "D")


def test_monthly_counts_spread_month_events(tiny):
    counts = spread_counts(tiny, "M")
    # January: e1, e2, e4 (its whole week is in January) and e5; February: e3 alone.
    assert counts.sum(axis=1).round(6).to_dict() == {
        pd.Timestamp("2023-01-01"): 4.0, pd.Timestamp("2023-02-01"): 1.0}


def test_weekly_counts_do_not_pile_month_events_on_the_first(tiny):
    counts = spread_counts(tiny, "W")
    visit = counts["visit"][counts["visit"] > 0].round(6)
    # February 2023 has 28 days; weeks start on Monday. Feb 1-5 fall in the week of
    # Jan 30 (5 days), then three full weeks, then Feb 27-28 (2 days).
    assert visit.to_dict() == {
        pd.Timestamp("2023-01-30"): round(5 / 28, 6), pd.Timestamp("2023-02-06"): 0.25,
        pd.Timestamp("2023-02-13"): 0.25, pd.Timestamp("2023-02-20"): 0.25,
        pd.Timestamp("2023-02-27"): round(2 / 28, 6)}
    week16 = counts.loc[pd.Timestamp("2023-01-16")]
    assert week16[["meet", "statement", "other"]].round(6).tolist() == [2.0, 1.0, 1.0]


def test_counts_figure_stacks_types(tiny):
    fig = figures.make_counts_figure(tiny, "M")
    assert fig.layout.barmode == "stack"
    assert {t.name for t in fig.data} == {"meet", "other", "statement", "visit"}
    total = sum(sum(t.y) for t in fig.data)
    assert total == pytest.approx(5.0)


def test_cooccurrence_and_network(tiny):
    nodes, edges = cooccurrence(tiny, top_n=10)
    assert nodes.to_dict() == {"Mark Milley": 2, "Andrzej Duda": 1, "Joe Biden": 1,
                               "Valerii Zaluzhnyi": 1}
    assert edges.values.tolist() == [["Mark Milley", "Valerii Zaluzhnyi", 1]]
    fig = figures.make_network_figure(tiny, top_n=2)
    node_trace = [t for t in fig.data if t.mode == "markers+text"][0]
    # Ties at one event are broken by name: Andrzej Duda comes before Joe Biden.
    assert list(node_trace.customdata) == ["Mark Milley", "Andrzej Duda"]
    assert node_trace.marker.size[0] > node_trace.marker.size[1]


def test_map_places_precision_and_colour(tiny):
    table = place_counts(tiny)
    assert sorted(zip(table["place"], table["place_precision"], table["count"])) == [
        ("Davos", "city", 1), ("Kyiv", "city", 1), ("Poland", "country", 1)]
    fig = figures.make_map_figure(tiny)
    assert all(t.type == "scattergeo" for t in fig.data)
    symbols = {p: s for t in fig.data for p, s in zip(t.customdata, t.marker.symbol)}
    # Poland's country is unknown in this row: no outline to shade, an open diamond.
    assert symbols == {"Davos": "circle", "Kyiv": "circle", "Poland": "diamond-open"}
    colours = {t.name: t.marker.color for t in fig.data}
    assert len(set(colours.values())) == len(colours)


def test_country_level_events_shade_the_country_not_a_point(tiny):
    tiny["country"] = ["Poland", "Switzerland", "Ukraine", "", ""]
    fig = figures.make_map_figure(tiny)
    shaded = [t for t in fig.data if t.type == "choropleth"]
    assert len(shaded) == 1 and list(shaded[0].locations) == ["POL"]
    assert "1 events known only to the country" in shaded[0].hovertext[0]
    assert list(shaded[0].customdata) == ["Poland"]  # a click filters to the place
    points = {p for t in fig.data if t.type == "scattergeo" for p in t.customdata}
    assert points == {"Davos", "Kyiv"}


def test_markers_sharing_a_point_are_spread_around_it():
    points = pd.DataFrame({"latitude": [50.0, 50.0, 50.0, 10.0],
                           "longitude": [30.0, 30.0, 30.0, 5.0], "count": [1, 2, 3, 4]})
    spread = spread_points(points, radius=1.0)
    assert spread.iloc[3][["latitude", "longitude"]].tolist() == [10.0, 5.0]
    moved = spread.iloc[:3]
    assert len({(round(a, 6), round(b, 6)) for a, b in
                zip(moved["latitude"], moved["longitude"])}) == 3
    assert moved["latitude"].mean() == pytest.approx(50.0)
    assert (moved["latitude"] - 50.0).abs().max() <= 1.0


def test_network_edges_grow_with_shared_events(tiny):
    extra = tiny.iloc[[0, 0, 1]].assign(event_id=["x1", "x2", "x3"])
    extra.at[extra.index[2], "actors"] = ["Andrzej Duda", "Joe Biden"]
    fig = figures.make_network_figure(pd.concat([tiny, extra], ignore_index=True))
    lines = [t for t in fig.data if t.mode == "lines"]
    widths = sorted(t.line.width for t in lines)
    assert len(widths) == 2 and widths[0] < widths[1]
    hovers = [h for t in fig.data if t.mode == "markers" for h in t.hovertext]
    assert "Mark Milley — Valerii Zaluzhnyi: 3 shared events" in hovers
    labels_shown = [t for t in fig.data if t.mode == "markers+text"][0].text
    assert "Mark Milley" in labels_shown


def test_type_colours_are_fixed_whatever_the_session():
    one, two = labels.type_colors(["visit", "meet"]), labels.type_colors(["meet", "other"])
    assert one["meet"] == two["meet"] == labels.type_color("meet")
    assert two["other"] == labels.OTHER_COLOR
    taxonomy = labels.taxonomy_colors()
    assert len(set(taxonomy.values())) == len(taxonomy)  # every type its own colour
    # An imported type gets a colour from its name alone, never a taxonomy type's.
    assert labels.type_color("Battles") == labels.type_color("Battles")
    assert labels.type_color("Battles") not in taxonomy.values()


def test_confidence_and_precision_on_markers_and_hover(tiny):
    fig = figures.make_timeline_figure(tiny, "event_type")
    by_id = {i: (o, w, h) for t in markers(fig) for i, o, w, h in
             zip(t.customdata, t.marker.opacity, t.marker.line.width, t.hovertext)}
    assert by_id["e1"][0] == pytest.approx(0.3 + 0.7 * 0.8)
    assert by_id["e5"][0] == pytest.approx(0.3 + 0.7 * 0.2)
    assert by_id["e1"][1] > 0 and by_id["e3"][1] == 0  # day outlined, month not
    assert "confidence: 0.80" in by_id["e1"][2] and "precision: day" in by_id["e1"][2]
    assert "Feb 2023 (precision: month)" in by_id["e3"][2]


def test_day_data_gets_date_ticks_and_buttons_end_at_the_last_date(tiny):
    fig = figures.make_timeline_figure(tiny[tiny["granularity"] == "day"], "event_type")
    assert fig.layout.xaxis.dtick == 86_400_000
    assert all("%H" not in stop.value for stop in fig.layout.xaxis.tickformatstops)
    buttons = {b.label: b.args[0]["xaxis.range"] for b in fig.layout.updatemenus[0].buttons}
    assert buttons["1w"] == ["2023-01-11 00:00", "2023-01-19 00:00"]
    assert buttons["1y"] == ["2022-01-18 00:00", "2023-01-19 00:00"]
    hours = date_ticks(pd.Series(pd.to_datetime(["2023-01-17"])), has_hours=True)
    assert "dtick" not in hours and "%H" in hours["tickformatstops"][0]["value"]



def _figures(frame: pd.DataFrame) -> list:
    return [figures.make_timeline_figure(frame, "actor"),
            figures.make_timeline_figure(frame, "event_type", max_points=1500),
            figures.make_counts_figure(frame, "W"), figures.make_network_figure(frame),
            figures.make_map_figure(frame)]


@pytest.mark.parametrize("size", [0, 5, 3000])
def test_figures_built_unvalidated_equal_a_validated_rebuild(tiny, size):
    """Figures skip Plotly's validation for speed: a validated rebuild must accept each
    one (a misspelt property raises) and give the browser the same JSON (a title given
    as a bare string, which validation would turn into ``{"text": ...}``, differs)."""
    import json

    import plotly.graph_objects as go

    frame = tiny if size == 5 else make_synthetic_frame(size) if size else tiny.iloc[:0]
    for fig in _figures(frame):
        rebuilt = go.Figure(fig.to_dict())
        assert json.loads(fig.to_json()) == json.loads(rebuilt.to_json())
        for built in fig.data:  # Panel sends numpy arrays as binary, pandas objects not
            assert not any(isinstance(v, (pd.Series, pd.Index)) for v in built._props.values())
