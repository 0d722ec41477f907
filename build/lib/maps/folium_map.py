"""The interactive map (Folium): one function per layer, and ``build_map`` that puts them together.

Events travel to the browser once, as compact JSON rows; ``maps/static/kclmap.js`` draws them
(clustered points, precision circles for area-level places, escaped popups, a time slider).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING, Any

import folium
from branca.element import Element, Figure, MacroElement
from folium.elements import JSCSSMixin
from folium.plugins import Fullscreen, MarkerCluster, MeasureControl, MiniMap, Search
from folium.template import Template

from maps.style import (
    ATTRIBUTION_HTML,
    EVENT_GROUPS,
    LINE_STYLE,
    REFERENCE_STYLES,
    TYPE_COLOURS,
    group_of,
)

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = [
    "BLANK_TILE",
    "admin_layer",
    "build_map",
    "centres_layer",
    "disputed_layer",
    "event_layers",
    "gap_band_layer",
    "line_layer",
    "safe_json",
]

# A 1x1 transparent PNG: the default base layer, so the map needs no network at all.
BLANK_TILE = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB"
    "0C8AAAAASUVORK5CYII="
)
EVENT_COLUMNS = (
    "event_id",
    "type",
    "joint",
    "event_date",
    "date_precision",
    "aggregate",
    "count",
    "background",
    "place",
    "place_query",
    "precision_km",
    "lat",
    "lon",
    "actor1",
    "actor2",
    "assoc_actors",
    "fatalities",
    "source",
    "url",
    "quote",
)
AREA_KM = 15.0  # an event placed more loosely than this is drawn as a circle, not a point


def safe_json(value: Any) -> str:
    """JSON that is safe inside a <script> element (no '</script>', no HTML specials)."""
    text = json.dumps(value, ensure_ascii=False, default=str, separators=(",", ":"))
    for char, code in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, code)
    return text


def _static(name: str) -> str:
    return resources.files("maps").joinpath("static", name).read_text(encoding="utf-8")


def _cell(value: Any) -> Any:
    import math
    from datetime import date

    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item"):
        value = value.item()
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def event_rows(events: gpd.GeoDataFrame) -> dict[str, Any]:
    """The events as ``{"columns": [...], "rows": [[...]]}``: compact JSON for the browser."""
    cols = [c for c in EVENT_COLUMNS if c in events.columns]
    rows = []
    for rec in events[cols].itertuples(index=False):
        values = [_cell(v) for v in rec]
        data = dict(zip(cols, values, strict=True))
        style = group_of(str(data.get("type")), bool(data.get("joint")))
        group = next(
            (title for title, keys in EVENT_GROUPS.items() if style in keys), "Other events"
        )
        precision = data.get("precision_km") or 0
        area = bool(precision and precision > AREA_KM)
        rows.append([*values, group, style, area])
    return {"columns": [*cols, "group", "style", "area"], "rows": rows}


class _Assets(JSCSSMixin, MacroElement):
    """Leaflet.markercluster and leaflet-minimap, loaded like folium's own plugins."""

    default_js = [*MarkerCluster.default_js, *MiniMap.default_js]  # noqa: RUF012
    default_css = [*MarkerCluster.default_css, *MiniMap.default_css]  # noqa: RUF012

    def __init__(self) -> None:
        super().__init__()
        self._name = "KclmapAssets"
        self._template = Template("")


class _EventData(MacroElement):
    """Feeds the events to ``KclmapEvents`` and fills the layer-control groups."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
          var groups = {
            {%- for key, fg in this.groups %}
            {{ key|tojson }}: {{ fg.get_name() }},
            {%- endfor %}
          };
          // The rows travel as JSON text, which browsers parse far faster than a JS literal.
          var data = JSON.parse(document.getElementById({{ this.data_id|tojson }}).textContent);
          var ev = new KclmapEvents({{ this._parent.get_name() }}, data, groups,
                                    {colours: {{ this.colours }}});
          ev.draw(null);
          {% if this.slider %}ev.addTimeSlider();{% endif %}
          window.kclmapEvents = ev;
        })();
        {% endmacro %}
        """
    )

    def render(self, **kwargs: Any) -> str:
        """Put the data in a JSON script element of the page body, then render the script."""
        root = self.get_root()
        if isinstance(root, Figure):
            root.html.add_child(
                Element(
                    f'<script type="application/json" id="{self.data_id}">{self.data}</script>'
                ),
                name=self.data_id,
            )
        return super().render(**kwargs)

    def __init__(
        self,
        data: dict[str, Any],
        groups: list[tuple[str, folium.FeatureGroup]],
        *,
        slider: bool = True,
    ) -> None:
        super().__init__()
        self._name = "KclmapEvents"
        self.data = safe_json(data)
        self.data_id = f"kclmap-data-{id(self)}"
        self.groups = groups
        self.colours = safe_json(TYPE_COLOURS)
        self.slider = slider


def event_layers(
    events: gpd.GeoDataFrame, *, slider: bool = True
) -> tuple[list[folium.FeatureGroup], MacroElement]:
    """One FeatureGroup per event layer (Attacks, Operations...) and the element that fills them.

    Add the groups and then the element to your own ``folium.Map``.
    """
    groups = [(title, folium.FeatureGroup(name=title, show=True)) for title in EVENT_GROUPS]
    return [fg for _, fg in groups], _EventData(event_rows(events), groups, slider=slider)


def _geojson(
    frame: gpd.GeoDataFrame,
    name: str,
    style: dict[str, Any],
    *,
    tooltip: list[str] | None = None,
    show: bool = True,
) -> folium.GeoJson:
    data = json.loads(frame.to_json(drop_id=True))
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


def centres_layer(centres: gpd.GeoDataFrame) -> folium.FeatureGroup:
    """Joint coordination centres and fronts, each citing the article that names it."""
    import html

    group = folium.FeatureGroup(name="Joint coordination centres", show=True)
    style = REFERENCE_STYLES["coordination_centres"]
    for row in centres.itertuples(index=False):
        popup = (
            f"<b>{html.escape(str(row.name))}</b><br>{html.escape(str(row.note))}<br>"
            f"Located at: {html.escape(str(row.resolved_place))} (±{row.precision_km:g} km)<br>"
            f"Source: {html.escape(str(row.source))}<br><i>“{html.escape(str(row.quote))}”</i>"
        )
        folium.CircleMarker(
            [row.geometry.y, row.geometry.x],
            radius=9,
            color=style["color"],
            weight=3,
            fill_color=style["fillColor"],
            fill_opacity=1,
            popup=folium.Popup(popup, max_width=320),
            tooltip=html.escape(str(row.name)),
        ).add_to(group)
    return group


def _places_layer(events: gpd.GeoDataFrame, centres: gpd.GeoDataFrame | None) -> folium.GeoJson:
    """Named places (for the search box): event places and centres, as small dots."""
    import geopandas as gpd

    frames = []
    placed = events[events["place"].notna() & events.geometry.notna()]
    if len(placed):
        frames.append(
            gpd.GeoDataFrame(
                {"name": placed["place"].astype(str)},
                geometry=placed.geometry.to_numpy(),
                crs="EPSG:4326",
            )
        )
    if centres is not None and len(centres):
        frames.append(
            gpd.GeoDataFrame(
                {"name": centres["name"].astype(str)},
                geometry=centres.geometry.to_numpy(),
                crs="EPSG:4326",
            )
        )
    import pandas as pd

    places = (
        pd.concat(frames, ignore_index=True).drop_duplicates("name")
        if frames
        else gpd.GeoDataFrame({"name": []}, geometry=[], crs="EPSG:4326")
    )
    data = json.loads(gpd.GeoDataFrame(places, crs="EPSG:4326").to_json(drop_id=True))
    return folium.GeoJson(
        data,
        name="Places named",
        show=False,
        marker=folium.CircleMarker(radius=3, color="#333", fill=True, fill_opacity=0.6),
    )


class _Inert(MacroElement):
    """Make a layer's features ignore the mouse, so clicks reach the events drawn beneath."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.layer.get_name() }}.eachLayer(function (l) { l.options.interactive = false; });
        {% endmacro %}
        """
    )

    def __init__(self, layer: folium.GeoJson) -> None:
        super().__init__()
        self.layer = layer


def _legend() -> Element:
    rows = "".join(
        f'<div class="row"><span class="dot" style="background:{colour}"></span>'
        f"<span>{label}</span></div>"
        for label, colour in (
            ("Attack", TYPE_COLOURS["attack"]),
            ("Operation, joint", TYPE_COLOURS["operation_joint"]),
            ("Operation, unilateral", TYPE_COLOURS["operation"]),
            ("Airstrike", TYPE_COLOURS["airstrike"]),
            ("Arrest", TYPE_COLOURS["arrest"]),
            ("Meeting", TYPE_COLOURS["meeting"]),
            ("Agreement", TYPE_COLOURS["agreement"]),
            ("Other", TYPE_COLOURS["other"]),
        )
    )
    return Element(
        '<div class="kclmap-legend" id="kclmap-legend"><h4>kclmap events</h4>'
        + rows
        + '<div class="row"><span class="ring"></span><span>Placed to a district or region '
        "(circle = uncertainty)</span></div>"
        '<div class="row"><span class="line"></span><span>Coordination line (approximate)</span>'
        "</div>"
        '<div class="row"><span class="band"></span><span>Security-gap band</span></div>'
        '<div class="row"><span class="disp"></span><span>Disputed territories</span></div></div>'
    )


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


class _MiniMap(MacroElement):
    """An overview map drawn from the governorate outlines (no tiles, so it works offline)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
          var layer = L.geoJSON({{ this.data }}, {style: {color: "#555", weight: 1,
            fillColor: "#eee", fillOpacity: 1}});
          new L.Control.MiniMap(layer, {toggleDisplay: true, position: "bottomright",
            zoomLevelOffset: -4}).addTo({{ this._parent.get_name() }});
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

    boxes = [zones["coordination_line"].total_bounds]
    sharp = events[events.geometry.notna() & (events["precision_km"].fillna(0) <= 50)]
    if len(sharp):
        boxes.append(sharp.total_bounds)
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
    Displays inline in Jupyter like any ``folium.Map``.
    """
    import html

    if zones is None:
        from geo.layers import reference_layers

        zones = reference_layers()
    bounds = _focus_bounds(events, zones)
    m = folium.Map(
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
    centres_layer(zones["coordination_centres"]).add_to(m)
    _places = _places_layer(events, zones["coordination_centres"])
    _places.add_to(m)
    m.add_child(_Inert(_places))
    m.add_child(_Assets())
    groups, feeder = event_layers(events, slider=time_slider)
    for group in groups:
        group.add_to(m)
    m.add_child(feeder)
    folium.LayerControl(collapsed=False).add_to(m)
    Fullscreen().add_to(m)
    MeasureControl(
        primary_length_unit="kilometers",
        secondary_length_unit=None,
        primary_area_unit="sqkilometers",
        secondary_area_unit=None,
    ).add_to(m)
    Search(
        layer=_places,
        search_label="name",
        placeholder="Search a place",
        collapsed=False,
        position="topleft",
    ).add_to(m)
    m.add_child(_MiniMap(zones["governorates"]))
    root = m.get_root()
    if not isinstance(root, Figure):  # folium always roots a Map in a Figure
        raise TypeError(f"Expected the map's root to be a Figure, got {type(root).__name__}.")
    root.header.add_child(Element(f"<style>{_static('kclmap.css')}</style>"), name="kclmap_css")
    root.header.add_child(Element(f"<script>{_static('kclmap.js')}</script>"), name="kclmap_js")
    root.html.add_child(_legend())
    root.html.add_child(
        Element(f'<div class="kclmap-title" id="kclmap-title">{html.escape(title)}</div>')
    )
    m.add_child(_Control("kclmap-legend", "bottomright"))
    m.add_child(_Control("kclmap-title", "bottomleft"))
    return m
