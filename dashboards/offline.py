"""Keep the served page working without internet access.

Plotly's geo maps fetch their base layer (``world_110m.json``) from a CDN unless it
is already in ``window.PlotlyGeoAssets``. The file ships in ``dashboards/assets``
(see the README there) and is handed to the page as an inline script, so the map
renders offline.
"""

from __future__ import annotations

import base64
import functools
from pathlib import Path

ASSETS = Path(__file__).resolve().parent / "assets"
TOPOJSON = "world_110m"


@functools.cache
def geo_assets_script() -> str:
    """A ``data:`` URL of a script registering the world topojson with Plotly."""
    topology = (ASSETS / f"{TOPOJSON}.json").read_text(encoding="utf-8")
    script = ("window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};"
              "window.PlotlyGeoAssets.topojson = window.PlotlyGeoAssets.topojson || {};"
              f"window.PlotlyGeoAssets.topojson[{TOPOJSON!r}] = {topology};")
    encoded = base64.b64encode(script.encode("utf-8")).decode("ascii")
    return f"data:text/javascript;base64,{encoded}"
