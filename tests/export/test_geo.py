"""GeoJSON (RFC 7946), read back with the geojson library."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from timeline.export import read_timeline, registry, write_file

geojson = pytest.importorskip("geojson")


def test_a_feature_collection_of_points_in_lon_lat_order(
    tmp_path: Path, timeline_frame: pd.DataFrame,
) -> None:
    path = tmp_path / "events.geojson"
    write_file(timeline_frame, path)
    with open(path, encoding="utf-8") as stream:
        collection = geojson.load(stream)
    assert isinstance(collection, geojson.FeatureCollection) and collection.is_valid
    placed, unplaced = collection["features"]
    assert placed["geometry"]["type"] == "Point"
    assert placed["geometry"]["coordinates"] == [19.94, 50.06]  # [longitude, latitude]
    assert placed["properties"]["place_precision"] == "region"
    assert placed["properties"]["geo_precision"] == 2
    assert placed["properties"]["granularity"] == "day"
    assert placed["properties"]["actors"] == ["Mark Milley", "Valerii Zaluzhnyi"]
    assert unplaced["geometry"] is None  # kept, with the null geometry RFC 7946 allows


def test_reading_back_gives_the_same_frame(tmp_path: Path,
                                           timeline_frame: pd.DataFrame) -> None:
    path = tmp_path / "events.geojson"
    write_file(timeline_frame, path)
    pd.testing.assert_frame_equal(read_timeline(path), timeline_frame)


def test_the_suffix_picks_geojson() -> None:
    assert registry.format_for("map.GeoJSON") == "geojson"


def test_a_file_that_is_not_a_feature_collection_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.geojson"
    path.write_text('{"type": "Point", "coordinates": [1, 2]}', encoding="utf-8")
    with pytest.raises(ValueError, match="x.geojson.*not a GeoJSON FeatureCollection"):
        read_timeline(path)
