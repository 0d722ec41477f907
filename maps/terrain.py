"""Long terrain features (ranges, wadis) the events are placed on, drawn as thin lines.

An event "in the Hamrin mountains near Tuz" is placed at the part of the range nearest the
other places its text names (``gazetteer.shapes``); the map also draws the feature itself, from
:meth:`gazetteer.Gazetteer.shape`, so a reader sees that the point stands for a long ridge or
wadi, not a village.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

import folium

if TYPE_CHECKING:
    import geopandas as gpd

    from gazetteer import Gazetteer

__all__ = ["TERRAIN_LAYER", "TERRAIN_STYLE", "terrain_layer"]

TERRAIN_LAYER = "Terrain features"
TERRAIN_STYLE: dict[str, Any] = {"color": "#8c510a", "weight": 2, "opacity": 0.8}


def _tooltip_text(text: str) -> str:
    """HTML-escape ``text`` for a Leaflet tooltip, which folium puts in a JS template literal."""
    return html.escape(text).replace("`", "&#96;").replace("$", "&#36;")


def terrain_layer(
    events: gpd.GeoDataFrame, *, gazetteer: Gazetteer | None = None
) -> folium.FeatureGroup | None:
    """A "Terrain features" layer with the line of every long feature an event is placed on.

    Parameters
    ----------
    events : GeoDataFrame
        The event table; its ``place_id`` column holds gazetteer ids (WGS84 points).
    gazetteer : Gazetteer, optional
        Where the shapes come from (the shipped gazetteer when omitted).

    Returns
    -------
    folium.FeatureGroup or None
        One polyline per feature (lon/lat from ``Gazetteer.shape``, swapped to folium's
        lat/lon), in id order so renders are identical, with an escaped tooltip giving the
        feature's name, kind and data source; ``None`` when no event lies on such a feature.
    """
    if "place_id" not in events.columns or events.empty:
        return None
    if gazetteer is None:
        from gazetteer import default_gazetteer

        gazetteer = default_gazetteer()
    ids = sorted({pid for pid in events["place_id"] if isinstance(pid, str) and pid})
    lines = [(pid, gazetteer.shape(pid)) for pid in ids]
    drawn = [(pid, shape) for pid, shape in lines if shape is not None]
    if not drawn:
        return None
    group = folium.FeatureGroup(name=TERRAIN_LAYER, show=True)
    for pid, shape in drawn:
        place = gazetteer.get(pid)
        label = f"{place.name} ({place.kind}; source: {place.source})"
        coords = shape["coordinates"]
        if not isinstance(coords, list):
            continue
        folium.PolyLine(
            [[lat, lon] for lon, lat in coords],  # GeoJSON is lon/lat; folium wants lat/lon
            tooltip=folium.Tooltip(_tooltip_text(label)),
            **TERRAIN_STYLE,
        ).add_to(group)
    return group
