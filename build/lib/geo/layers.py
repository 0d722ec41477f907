"""The reference layers as one mapping (name -> frame), and writing them for GIS users."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from geo import zones
from geo.gisio import atomic_path, write_gpkg, write_layer

if TYPE_CHECKING:
    import geopandas as gpd

    from geo.table import FieldType

__all__ = ["LAYER_TITLES", "field_types", "reference_layers", "write_reference_layers"]

# File/layer name -> the title a person sees (map layer control, QGIS).
LAYER_TITLES = {
    "coordination_line": "Coordination line (approximate)",
    "gap_band": "Security-gap band",
    "coordination_centres": "Joint coordination centres",
    "disputed_territories": "Disputed territories",
    "governorates": "Governorates",
    "districts": "Districts",
    "kurdistan_region": "Kurdistan Region",
}


def reference_layers(
    *, band_km: float = 10.0, line_file: Path | None = None
) -> dict[str, gpd.GeoDataFrame]:
    """Every reference layer, keyed by its file name (a user's line file replaces kclmap's)."""
    line = zones.load_line(line_file) if line_file else zones.coordination_line()
    return {
        "coordination_line": line,
        "gap_band": zones.gap_band(band_km, line=line),
        "coordination_centres": zones.coordination_centres(),
        "disputed_territories": zones.disputed_territories(),
        "governorates": zones.governorates(),
        "districts": zones.districts(),
        "kurdistan_region": zones.kurdistan_region(),
    }


def field_types(frame: gpd.GeoDataFrame) -> dict[str, FieldType]:
    """The GIS field type of each column, from its pandas dtype (strings for the rest)."""
    out: dict[str, FieldType] = {}
    for column, dtype in frame.dtypes.items():
        kind = str(dtype)
        out[str(column)] = (
            "float"
            if kind.startswith("float")
            else "int"
            if kind.startswith("int")
            else "bool"
            if kind == "bool"
            else "str"
        )
    return out


def write_reference_layers(
    layers: dict[str, gpd.GeoDataFrame], out_dir: Path, *, gpkg_name: str | None = "zones.gpkg"
) -> list[Path]:
    """Write each layer as RFC 7946 GeoJSON, and all of them into one GeoPackage.

    ``gpkg_name=None`` skips the GeoPackage (``kclmap build`` writes its own, with events).
    """
    written = []
    for name, frame in layers.items():
        path = out_dir / f"{name}.geojson"
        with atomic_path(path) as tmp:
            write_layer(frame, tmp, layer=name, types=field_types(frame))
        written.append(path)
    if gpkg_name is not None:
        layer_types = {n: (f, field_types(f)) for n, f in layers.items()}
        written.append(write_gpkg(layer_types, out_dir / gpkg_name))
    return written
