"""QGIS styles that match the HTML map: ``.qml`` files and a GeoPackage ``layer_styles`` table.

The events style turns on QGIS's temporal controller over ``event_date`` (a real Date field).
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from maps.style import LINE_STYLE, REFERENCE_STYLES, TYPE_COLOURS

__all__ = ["layer_qml", "store_styles", "write_qml"]


def _rgba(hex_colour: str, alpha: float = 1.0) -> str:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return f"{r},{g},{b},{round(alpha * 255)}"


def _marker(colour: str, size: float = 3.0) -> str:
    return (
        '<symbol type="marker" name="{n}" alpha="1" clip_to_extent="1" force_rhr="0">'
        '<layer class="SimpleMarker" pass="0" enabled="1" locked="0"><Option type="Map">'
        f'<Option name="color" type="QString" value="{_rgba(colour)}"/>'
        '<Option name="name" type="QString" value="circle"/>'
        '<Option name="outline_color" type="QString" value="35,35,35,255"/>'
        '<Option name="outline_width" type="QString" value="0.3"/>'
        f'<Option name="size" type="QString" value="{size}"/>'
        "</Option></layer></symbol>"
    )


def _events_qml() -> str:
    categories, symbols = [], []
    for i, (key, colour) in enumerate(TYPE_COLOURS.items()):
        value = "operation" if key == "operation_joint" else key
        if key == "operation_joint":
            continue
        categories.append(
            f'<category symbol="{i}" value={quoteattr(value)} '
            f'label={quoteattr(value.title())} render="true"/>'
        )
        symbols.append(_marker(colour).replace("{n}", str(i)))
    return (
        "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"
        '<qgis version="3.28.0" styleCategories="Symbology|Temporal|Labeling">'
        '<temporal enabled="1" mode="1" startField="event_date" endField="" '
        'durationField="" durationUnit="d" fixedDuration="1" accumulate="0" '
        'limitMode="0" startExpression="" endExpression=""/>'
        '<renderer-v2 type="categorizedSymbol" attr="type" symbollevels="0" enableorderby="0" '
        f'forceraster="0"><categories>{"".join(categories)}</categories>'
        f"<symbols>{''.join(symbols)}</symbols></renderer-v2>"
        "<layerGeometryType>0</layerGeometryType></qgis>"
    )


def _fill_qml(style: dict[str, object], geometry_type: int = 2) -> str:
    fill = str(style.get("fillColor", "#ffffff"))
    alpha = float(style.get("fillOpacity", 0.0)) if style.get("fill", True) else 0.0  # type: ignore[arg-type]
    line = str(style.get("color", "#000000"))
    dash = "dash" if style.get("dashArray") else "solid"
    width = float(style.get("weight", 1)) * 0.26  # type: ignore[arg-type]
    if geometry_type == 1:  # line
        layer = (
            '<layer class="SimpleLine" pass="0" enabled="1" locked="0"><Option type="Map">'
            f'<Option name="line_color" type="QString" value="{_rgba(line)}"/>'
            f'<Option name="line_style" type="QString" value="{dash}"/>'
            f'<Option name="line_width" type="QString" value="{width:.2f}"/>'
            "</Option></layer>"
        )
        sym = f'<symbol type="line" name="0" alpha="1">{layer}</symbol>'
    else:
        layer = (
            '<layer class="SimpleFill" pass="0" enabled="1" locked="0"><Option type="Map">'
            f'<Option name="color" type="QString" value="{_rgba(fill, alpha)}"/>'
            f'<Option name="outline_color" type="QString" value="{_rgba(line)}"/>'
            f'<Option name="outline_style" type="QString" value="{dash}"/>'
            f'<Option name="outline_width" type="QString" value="{width:.2f}"/>'
            "</Option></layer>"
        )
        sym = f'<symbol type="fill" name="0" alpha="1">{layer}</symbol>'
    return (
        "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"
        '<qgis version="3.28.0" styleCategories="Symbology">'
        f'<renderer-v2 type="singleSymbol" symbollevels="0" forceraster="0"><symbols>{sym}'
        f"</symbols></renderer-v2><layerGeometryType>{geometry_type}</layerGeometryType></qgis>"
    )


def layer_qml(name: str) -> str:
    """The QML style of a kclmap layer, by file/layer name."""
    if name == "events":
        return _events_qml()
    if name == "coordination_line":
        return _fill_qml(dict(LINE_STYLE), geometry_type=1)
    if name == "coordination_centres":
        return _events_qml().replace('attr="type"', 'attr="kind"')
    return _fill_qml(dict(REFERENCE_STYLES.get(name, {"color": "#333333"})))


def write_qml(name: str, path: Path) -> Path:
    """Write the ``.qml`` style of layer ``name`` to ``path``."""
    path.write_text(layer_qml(name), encoding="utf-8")
    return path


def store_styles(gpkg: Path, layers: list[str]) -> None:
    """Store each layer's style as its default in the GeoPackage's ``layer_styles`` table.

    This is where QGIS looks when a GeoPackage layer is opened.
    """
    con = sqlite3.connect(gpkg)
    try:
        con.execute(
            "CREATE TABLE IF NOT EXISTS layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, "
            "f_table_catalog TEXT(256), f_table_schema TEXT(256), f_table_name TEXT(256), "
            "f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT, styleSLD TEXT, "
            "useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30), "
            "update_time DATETIME DEFAULT CURRENT_TIMESTAMP)"
        )
        con.execute(
            "INSERT OR REPLACE INTO gpkg_contents (table_name, data_type, identifier, "
            "last_change) VALUES ('layer_styles', 'attributes', 'layer_styles', ?)",
            (datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),),
        )
        for name in layers:
            con.execute(
                "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, "
                "f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, "
                "owner, ui) VALUES ('', '', ?, 'geom', ?, ?, '', 1, ?, 'kclmap', '')",
                (name, name, layer_qml(name), escape(f"kclmap style for {name}")),
            )
        con.commit()
    finally:
        con.close()
