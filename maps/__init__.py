"""Rendering: the interactive Folium map, static images, the report and the embed snippet.

>>> import geo, maps
>>> m = maps.build_map(geo.extract("seeds/"))   # doctest: +SKIP
>>> m                                            # displays inline in Jupyter
"""

from __future__ import annotations

from maps.build import BuildOptions, build_outputs
from maps.folium_map import (
    admin_layer,
    build_map,
    centres_layer,
    disputed_layer,
    event_layers,
    gap_band_layer,
    line_layer,
)
from maps.offline import save_map
from maps.report import report_html, snippet_html
from maps.static_map import render_static, save_figure
from maps.terrain import terrain_layer

__all__ = [
    "BuildOptions",
    "admin_layer",
    "build_map",
    "build_outputs",
    "centres_layer",
    "disputed_layer",
    "event_layers",
    "gap_band_layer",
    "line_layer",
    "render_static",
    "report_html",
    "save_figure",
    "save_map",
    "snippet_html",
    "terrain_layer",
]
