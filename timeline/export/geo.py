"""GeoJSON (RFC 7946): a FeatureCollection of events for QGIS, kepler.gl and web maps.

Each event is a Feature: a ``Point`` at ``[longitude, latitude]`` (WGS84, in that
order, as RFC 7946 section 3.1.1 requires), and every column of the timeline as a
property (dates as ISO 8601 text, lists as arrays). ``place_precision`` (city, region or
country) and ``geo_precision`` (ACLED's code) say how much the point can be trusted, ``granularity`` the same for the
date; a country-precision event sits at the country's centroid. An event without
coordinates keeps its place in the file with a ``null`` geometry (RFC 7946 section
3.2), so nothing is dropped; map tools skip such features.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from timeline.errors import InputError

if TYPE_CHECKING:
    import pandas as pd


def write_geojson(df: pd.DataFrame, stream: IO[str]) -> None:
    """Write ``df`` as one GeoJSON FeatureCollection."""
    json.dump(to_geojson(df), stream, ensure_ascii=False, allow_nan=False)
    stream.write("\n")


def to_geojson(df: pd.DataFrame) -> dict[str, Any]:
    """The FeatureCollection for ``df`` as a dict."""
    # pandas writes the records (dates as ISO text, NaN as null); geometry is built here.
    records = json.loads(df.to_json(orient="records", date_format="iso", date_unit="us",
                                    double_precision=15)) if len(df) else []
    return {"type": "FeatureCollection", "features": [_feature(r) for r in records]}


def _feature(record: dict[str, Any]) -> dict[str, Any]:
    lon, lat = record.get("longitude"), record.get("latitude")
    geometry = None
    if isinstance(lon, (int, float)) and isinstance(lat, (int, float)):
        geometry = {"type": "Point", "coordinates": [lon, lat]}
    return {"type": "Feature", "geometry": geometry, "properties": record}


def read_geojson(path: Path) -> pd.DataFrame:
    """The properties of each Feature, coordinates taken from the geometry."""
    import pandas as pd

    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"malformed JSON: {exc.msg}", exc.lineno) from exc
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise InputError(str(path), "not a GeoJSON FeatureCollection")
    rows = []
    for number, feature in enumerate(document.get("features") or [], start=1):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise InputError(str(path), f"feature {number} is not a GeoJSON Feature")
        row = dict(feature.get("properties") or {})
        geometry = feature.get("geometry")
        if isinstance(geometry, dict) and geometry.get("type") == "Point":
            row["longitude"], row["latitude"] = geometry["coordinates"][:2]
        rows.append(row)
    return pd.DataFrame.from_records(rows) if rows else pd.DataFrame()
