"""The interactive map (Folium): one function per layer, and ``build_map`` that puts them together.

Events travel to the browser once, as column-wise JSON (``maps.event_data``);
``maps/static/kclmap.js`` draws them (clustered points, area markers, grid counts for large
tables, escaped popups, time slider, undated and confidence toggles, place search and labels).
"""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING, Any

import folium
from branca.element import Element, Figure, MacroElement
from folium.elements import JSCSSMixin
from folium.plugins import Fullscreen, GroupedLayerControl, MeasureControl, MiniMap
from folium.template import Template

from maps.event_data import AREA_KM, EVENT_COLUMNS, LISTED_KM, event_rows, safe_json
from maps.event_layers import RawHtml, event_layers
from maps.legend import legend_html
from maps.places import label_places, search_places
from maps.style import ATTRIBUTION_HTML, LINE_STYLE, REFERENCE_STYLES
from maps.terrain import terrain_layer

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = [
    "AREA_KM",
    "BLANK_TILE",
    "EVENT_COLUMNS",
    "LISTED_KM",
    "KclmapMap",
    "admin_layer",
    "build_map",
    "centres_layer",
    "disputed_layer",
    "event_layers",
    "event_rows",
    "gap_band_layer",
    "line_layer",
    "safe_json",
]

CENTRE_STYLES: dict[str, dict[str, Any]] = {
    "centre": {
        "radius": 8,
        "color": "#000000",
        "weight": 3,
        "fill_color": "#ffffbf",
        "fill_opacity": 1.0,
    },
    "front": {
        "radius": 9,
        "color": "#67001f",
        "weight": 4,
        "dash_array": "5 3",
        "fill_color": "#ffffff",
        "fill_opacity": 0.5,
    },
}
# A 1x1 transparent PNG: the default base layer, so the map needs no network at all.
BLANK_TILE = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB"
    "0C8AAAAASUVORK5CYII="
)


class KclmapMap(folium.Map):
    """A ``folium.Map`` whose inline Jupyter display is self-contained (no CDN, works offline).

    It loads Leaflet and jQuery (folium's popups use it) only: kclmap draws no Bootstrap
    widgets or awesome-markers, so Bootstrap and the icon fonts are left out.
    """

    default_js = [js for js in folium.Map.default_js if js[0] in ("leaflet", "jquery")]  # noqa: RUF012
    default_css = [css for css in folium.Map.default_css if css[0] == "leaflet_css"]  # noqa: RUF012

    def _repr_html_(self, **kwargs: Any) -> str:
        from maps.offline import inline_assets

        root = self.get_root()
        page, _missing = inline_assets(root.render(**kwargs))
        return (
            f'<iframe srcdoc="{html.escape(page)}" style="width:100%;height:600px;border:none" '
            "allowfullscreen></iframe>"
        )


WEB_TOLERANCE_DEG = 0.0005  # ~50 m: invisible at the zooms the map is read at, a third the size


def _web_geometry(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Reference outlines simplified by ~50 m and snapped to 4 decimals, for the web map only.

    The GIS outputs keep the full geometry; the browser parses and draws far less.
    """
    import shapely

    out = frame.copy()
    geoms = shapely.simplify(out.geometry.to_numpy(), WEB_TOLERANCE_DEG, preserve_topology=True)
    out["geometry"] = shapely.set_precision(geoms, 1e-4, mode="pointwise")
    return out


def _geojson(
    frame: gpd.GeoDataFrame,
    name: str,
    style: dict[str, Any],
    *,
    tooltip: list[str] | None = None,
    show: bool = True,
) -> folium.GeoJson:
    data = json.loads(_web_geometry(frame).to_json(drop_id=True))
    kwargs: dict[str, Any] = {}
    if tooltip:
        kwargs["tooltip"] = folium.GeoJsonTooltip(fields=tooltip)
    return folium.GeoJson(
        data, name=name, style_function=lambda _f: dict(style), show=show, **kwargs
    )


def line_layer(line: gpd.GeoDataFrame) -> folium.GeoJson:
    """The coordination line (approximate), dashed, with its method in a tooltip."""
    return _geojson(
        line[["name", "method", "uncertainty_km", "geometry"]],
        "Coordination line (approximate)",
        LINE_STYLE,
        tooltip=["name", "uncertainty_km", "method"],
    )


def gap_band_layer(band: gpd.GeoDataFrame) -> folium.GeoJson:
    """The security-gap band."""
    return _geojson(
        band[["name", "geometry"]],
        "Security-gap band",
        REFERENCE_STYLES["gap_band"],
        tooltip=["name"],
    )


def disputed_layer(disputed: gpd.GeoDataFrame) -> folium.GeoJson:
    """The disputed territories (UNAMI 2009 districts)."""
    return _geojson(
        disputed[["unami_name", "governorate", "geometry"]],
        "Disputed territories",
        REFERENCE_STYLES["disputed_territories"],
        tooltip=["unami_name", "governorate"],
    )


def admin_layer(governorates: gpd.GeoDataFrame, districts: gpd.GeoDataFrame) -> folium.FeatureGroup:
    """Governorates and districts: the vector basemap that is always there, even offline."""
    group = folium.FeatureGroup(name="Governorates and districts", show=True)
    _geojson(
        governorates[["name", "geometry"]],
        "Governorates",
        REFERENCE_STYLES["governorates"],
        tooltip=["name"],
    ).add_to(group)
    _geojson(
        districts[["name", "governorate", "geometry"]], "Districts", REFERENCE_STYLES["districts"]
    ).add_to(group)
    return group


def _centre_popup(row: Any) -> str:
    return (
        f"<b>{html.escape(str(row.name))}</b><br>{html.escape(str(row.note))}<br>"
        f"Located at: {html.escape(str(row.resolved_place))} (±{row.precision_km:g} km)<br>"
        f"Source: {html.escape(str(row.source))}<br><i>“{html.escape(str(row.quote))}”</i>"
    )


def _centre_markers(centres: gpd.GeoDataFrame, *, front: bool) -> folium.FeatureGroup:
    """Centres or fronts as canvas markers, drawn under the events and never over them."""
    name = "Fronts (named anchor)" if front else "Joint coordination centres"
    style = CENTRE_STYLES["front" if front else "centre"]
    group = folium.FeatureGroup(name=name, show=True)
    for row in centres.itertuples(index=False):
        if (str(getattr(row, "kind", "")) == "front") != front:
            continue
        label = str(row.name)
        folium.CircleMarker(
            [row.geometry.y, row.geometry.x],  # folium wants (lat, lon)
            popup=folium.Popup(_centre_popup(row), max_width=320),
            tooltip=folium.Tooltip(
                html.escape(label),
                permanent=front,
                direction="left",
                class_name="kclmap-front-label" if front else "",
            ),
            **style,
        ).add_to(group)
    return group


def centres_layer(centres: gpd.GeoDataFrame) -> folium.FeatureGroup:
    """Joint coordination centres, each citing the article that names it.

    Fronts (``kind == "front"``) are not centres: ``fronts_layer`` draws them.
    """
    return _centre_markers(centres, front=False)


def fronts_layer(centres: gpd.GeoDataFrame) -> folium.FeatureGroup:
    """Fronts named in the reporting (``kind == "front"``), labelled as fronts."""
    return _centre_markers(centres, front=True)


class _Labels(MacroElement):
    """Governorate capitals and district seats as text labels, shown by zoom (kclmap.js)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        kclmapAddLabels({{ this._parent.get_name() }}, {{ this.group.get_name() }},
                        {{ this.data }});
        {% endmacro %}
        """
    )

    def __init__(self, group: folium.FeatureGroup) -> None:
        super().__init__()
        self.group = group
        self.data = safe_json(label_places())


class _SearchIndex(MacroElement):
    """The gazetteer places the search box knows, as a JSON script element."""

    _template = Template("")

    def __init__(self, element_id: str) -> None:
        super().__init__()
        self.element_id = element_id

    def render(self, **kwargs: Any) -> str:
        """Put the index in the page body."""
        self.element_id = f"kclmap-places-{self.get_name()}"
        root = self.get_root()
        if isinstance(root, Figure):
            root.html.add_child(
                RawHtml(
                    f'<script type="application/json" id="{self.element_id}">'
                    f"{safe_json(search_places())}</script>"
                ),
                name=self.element_id,
            )
        return super().render(**kwargs)


class _Control(MacroElement):
    """Put an HTML element (by id) into a Leaflet control corner."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
          var C = L.Control.extend({options: {position: {{ this.position|tojson }}},
            onAdd: function () { var el = document.getElementById({{ this.element_id|tojson }});
              L.DomEvent.disableClickPropagation(el); return el; }});
          {{ this._parent.get_name() }}.addControl(new C());
        })();
        {% endmacro %}
        """
    )

    def __init__(self, element_id: str, position: str) -> None:
        super().__init__()
        self.element_id = element_id
        self.position = position


class _MiniMap(JSCSSMixin, MacroElement):
    """An overview map drawn from the governorate outlines (no tiles, so it works offline)."""

    default_js = list(MiniMap.default_js)  # noqa: RUF012
    default_css = list(MiniMap.default_css)  # noqa: RUF012

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
          var layer = L.geoJSON({{ this.data }}, {style: {color: "#555", weight: 1,
            fillColor: "#eee", fillOpacity: 1}});
          new L.Control.MiniMap(layer, {toggleDisplay: true, position: "bottomright",
            zoomLevelOffset: -4, minimized: true}).addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, governorates: gpd.GeoDataFrame) -> None:
        super().__init__()
        simple = governorates[["name", "geometry"]].copy()
        simple["geometry"] = simple.geometry.simplify(0.03, preserve_topology=True)
        self.data = safe_json(json.loads(simple.to_json(drop_id=True)))


def _focus_bounds(events: gpd.GeoDataFrame, zones: dict[str, gpd.GeoDataFrame]) -> Any:
    """The line's extent, widened to take in every precisely placed event."""
    import numpy as np
    import pandas as pd

    boxes = [zones["coordination_line"].total_bounds]
    if len(events) and {"lat", "lon"} <= set(events.columns):
        if "precision_km" in events.columns:
            precision = pd.to_numeric(events["precision_km"], errors="coerce").fillna(0)
            sharp = (precision <= LISTED_KM).to_numpy()
        else:
            sharp = np.ones(len(events), dtype=bool)
        lat = pd.to_numeric(events["lat"], errors="coerce").to_numpy()[sharp]
        lon = pd.to_numeric(events["lon"], errors="coerce").to_numpy()[sharp]
        ok = ~(np.isnan(lat) | np.isnan(lon))
        if ok.any():
            boxes.append(np.array([lon[ok].min(), lat[ok].min(), lon[ok].max(), lat[ok].max()]))
    b = np.array(boxes)
    return [b[:, 0].min() - 0.3, b[:, 1].min() - 0.3, b[:, 2].max() + 0.3, b[:, 3].max() + 0.3]


def build_map(
    events: gpd.GeoDataFrame,
    *,
    zones: dict[str, gpd.GeoDataFrame] | None = None,
    title: str = "kclmap: security incidents along the coordination line",
    time_slider: bool = True,
) -> folium.Map:
    """The full interactive map: event layers, reference layers, controls, legend, attribution.

    ``zones`` is the mapping from ``geo.layers.reference_layers()`` (computed when omitted).
    Returns a :class:`KclmapMap`, a ``folium.Map`` that displays inline in Jupyter offline.
    """
    if zones is None:
        from geo.layers import reference_layers

        zones = reference_layers()
    bounds = _focus_bounds(events, zones)
    m = KclmapMap(
        location=[35.4, 44.2], zoom_start=7, tiles=None, control_scale=True, prefer_canvas=True
    )
    # Set the view first: fitting it after the events are drawn re-clusters them all.
    m.fit_bounds([[bounds[1], bounds[0]], [bounds[3], bounds[2]]])
    folium.TileLayer(
        BLANK_TILE, name="No tiles (offline)", attr=ATTRIBUTION_HTML, overlay=False, control=True
    ).add_to(m)
    for name, url, attr in (
        ("OpenStreetMap", "OpenStreetMap", None),
        ("OpenTopoMap", "OpenTopoMap", None),
        (
            "Esri World Imagery",
            "https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}",
            "Imagery &copy; Esri, Maxar, Earthstar Geographics",
        ),
    ):
        folium.TileLayer(
            url,
            name=f"{name} (online)",
            attr=f"{attr} | {ATTRIBUTION_HTML}" if attr else None,
            overlay=False,
            control=True,
            show=False,
        ).add_to(m)
    admin_layer(zones["governorates"], zones["districts"]).add_to(m)
    disputed_layer(zones["disputed_territories"]).add_to(m)
    gap_band_layer(zones["gap_band"]).add_to(m)
    line_layer(zones["coordination_line"]).add_to(m)
    terrain = terrain_layer(events)  # ranges and wadis that events are placed on
    if terrain is not None:
        terrain.add_to(m)
    centres_layer(zones["coordination_centres"]).add_to(m)
    fronts_layer(zones["coordination_centres"]).add_to(m)
    labels = folium.FeatureGroup(name="Place labels", show=True)
    labels.add_to(m)
    groups, feeder = event_layers(events, slider=time_slider)
    by_dataset = any(" | " in g.layer_name for g in groups)
    for group in groups:
        if by_dataset:
            group.control = False
        group.add_to(m)
    # One map per page (build_map makes its own Figure): a fixed id keeps renders identical.
    search = _SearchIndex("kclmap-places")
    m.add_child(search)
    feeder.search = search
    m.add_child(feeder)
    m.add_child(_Labels(labels))
    # With one group of layers per dataset, the reference layers' control folds away.
    folium.LayerControl(collapsed=by_dataset).add_to(m)
    if by_dataset:
        by_set: dict[str, list[folium.FeatureGroup]] = {}
        for group in groups:
            dataset, _, _layer = group.layer_name.partition(" | ")
            by_set.setdefault(f"Events: {dataset}", []).append(group)
        GroupedLayerControl(by_set, exclusive_groups=False, collapsed=False).add_to(m)
    Fullscreen().add_to(m)
    MeasureControl(
        primary_length_unit="kilometers",
        secondary_length_unit=None,
        primary_area_unit="sqkilometers",
        secondary_area_unit=None,
    ).add_to(m)
    m.add_child(_MiniMap(zones["governorates"]))
    root = m.get_root()
    if not isinstance(root, Figure):  # folium always roots a Map in a Figure
        raise TypeError(f"Expected the map's root to be a Figure, got {type(root).__name__}.")
    root.html.add_child(
        Element(
            legend_html(listed=feeder.listed, undated=feeder.undated, grid=feeder.grids != "[]")
        )
    )
    root.html.add_child(
        Element(f'<div class="kclmap-title" id="kclmap-title">{html.escape(title)}</div>')
    )
    m.add_child(_Control("kclmap-legend", "bottomleft"))
    m.add_child(_Control("kclmap-title", "bottomleft"))
    return m
