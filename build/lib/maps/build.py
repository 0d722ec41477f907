"""Write every output of ``kclmap build`` into one directory, each file atomically."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from geo.analysis import Zones, enrich, summary_tables
from geo.gisio import atomic_path, write_events, write_gpkg
from geo.layers import field_types, reference_layers, write_reference_layers
from geo.table import FIELD_TYPES
from geo.zones import disputed_belt, iraq_outline, krg_area
from maps.folium_map import build_map
from maps.offline import save_map
from maps.qgis import store_styles, write_qml
from maps.report import report_html, snippet_html
from maps.static_map import Extent, render_static, save_figure

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["BuildOptions", "build_outputs"]

Step = Callable[[str], None]


@dataclass
class BuildOptions:
    """What ``build_outputs`` draws and how."""

    line_file: Path | None = None
    band_km: float = 10.0
    cdn: bool = False
    dpi: int = 150
    extent: Extent | None = None
    title: str = "Security incidents along the Kurdistan Coordination Line"
    warnings: list[str] = field(default_factory=list)


def build_outputs(
    events: gpd.GeoDataFrame, out_dir: Path, options: BuildOptions, *, step: Step | None = None
) -> list[Path]:
    """Map, GIS files, images, snippet and report for ``events``; return the files written."""
    say = step or (lambda _msg: None)
    out_dir.mkdir(parents=True, exist_ok=True)
    say("reference layers")
    zones = reference_layers(band_km=options.band_km, line_file=options.line_file)
    z = Zones(
        zones["coordination_line"].geometry.union_all(),
        krg_area(),
        disputed_belt(),
        iraq_outline(),
        options.band_km,
    )
    say("enriching events")
    enriched = enrich(events, zones_=z)
    written: list[Path] = []

    say("GeoJSON and QGIS styles")
    written.append(write_events(enriched, out_dir / "events.geojson"))
    written.append(write_qml("events", out_dir / "events.qml"))
    # The layers also go into kclmap.gpkg below, with the events: no zones.gpkg here.
    for path in write_reference_layers(zones, out_dir, gpkg_name=None):
        written += [path, write_qml(path.stem, path.with_suffix(".qml"))]
    say("GeoPackage")
    layers = {"events": (enriched, FIELD_TYPES)} | {
        n: (f, field_types(f)) for n, f in zones.items()
    }
    gpkg = out_dir / "kclmap.gpkg"
    with atomic_path(gpkg) as tmp:
        write_gpkg(layers, tmp)
        store_styles(tmp, list(layers))
    written.append(gpkg)

    say("interactive map")
    missing = save_map(
        build_map(enriched, zones=zones, title=options.title), out_dir / "map.html", cdn=options.cdn
    )
    if missing:
        options.warnings.append("not inlined (need network): " + ", ".join(missing))
    written.append(out_dir / "map.html")

    say("static map")
    figure = render_static(enriched, zones, title=options.title, extent=options.extent)
    for name in ("map.png", "map.svg"):
        written.append(save_figure(figure, out_dir / name, dpi=options.dpi))

    say("snippet and report")
    with atomic_path(out_dir / "snippet.html") as tmp:
        tmp.write_text(snippet_html("map.html", title=options.title), encoding="utf-8")
    written.append(out_dir / "snippet.html")
    tables = summary_tables(enriched)
    with atomic_path(out_dir / "report.html") as tmp:
        tmp.write_text(
            report_html(enriched, tables, map_figure=figure, title=options.title), encoding="utf-8"
        )
    written.append(out_dir / "report.html")
    with atomic_path(out_dir / "stats.json") as tmp:
        tmp.write_text(
            json.dumps({k: v.to_dict("records") for k, v in tables.items()}, default=str, indent=1),
            encoding="utf-8",
        )
    written.append(out_dir / "stats.json")
    return written
