"""Write every output of ``kclmap build`` into one directory, as one transaction.

The files are written into a staging folder that replaces the output folder's set at the end
(:mod:`maps.staging`): an interrupted build leaves the previous complete set, never a mix.
The same events and options give byte-identical files (no random ids, no timestamps), except
the GeoPackage's internal timestamps (its attribute content is identical).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from geo.analysis import Zones, enrich, summary_tables
from geo.datasets import overlap_summary
from geo.gisio import atomic_path, write_events, write_gpkg
from geo.layers import field_types, reference_layers, write_reference_layers
from geo.table import FIELD_TYPES
from geo.zones import disputed_belt, iraq_outline, krg_area
from maps.element_ids import stable_ids
from maps.folium_map import build_map
from maps.offline import save_map
from maps.qgis import store_styles, write_qml
from maps.report import report_html, snippet_html
from maps.staging import commit, staged_dir
from maps.static_map import Extent, render_static, save_figure

if TYPE_CHECKING:
    import geopandas as gpd
    from matplotlib.figure import Figure

__all__ = ["OUTPUTS", "BuildOptions", "build_outputs"]

# The parts ``kclmap build --only`` can pick, in the order they are written.
OUTPUTS = ("geojson", "gpkg", "map", "static", "snippet", "report", "stats")

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
    only: frozenset[str] | None = None  # a subset of OUTPUTS; None writes everything
    # More files of the same set (file name -> UTF-8 text), e.g. unresolved.csv.
    extra_files: dict[str, str] = field(default_factory=dict)

    def wants(self, part: str) -> bool:
        """True when ``part`` (one of ``OUTPUTS``) is to be written."""
        return self.only is None or part in self.only


def _check_name(name: str) -> None:
    """A file name of the set must stay inside the output folder."""
    if not name or name in (".", "..") or Path(name).name != name or "\\" in name:
        raise ValueError(f"Expected a plain file name for an output, instead got: {name!r}.")


def build_outputs(
    events: gpd.GeoDataFrame,
    out_dir: str | PathLike[str],
    options: BuildOptions | None = None,
    *,
    step: Step | None = None,
) -> list[Path]:
    """Map, GIS files, images, snippet and report for ``events``; return the files written.

    Every file is first written into a staging folder beside ``out_dir``; the whole set then
    replaces the previous one at once. Files in ``out_dir`` that are not part of the set are
    kept. ``options.warnings`` receives what the user should know (assets not inlined, a swap
    that could not be atomic).

    Raises
    ------
    ValueError
        A name in ``options.extra_files`` that is not a plain file name.
    OSError
        ``out_dir`` or its parent cannot be written (nothing of the previous set is lost).
    """
    out_dir = Path(out_dir)
    options = options if options is not None else BuildOptions()
    say = step or (lambda _msg: None)
    for name in options.extra_files:
        _check_name(name)
    with staged_dir(out_dir) as staging:
        names = [p.name for p in _write_set(events, staging, options, say)]
        for name, text in sorted(options.extra_files.items()):
            with atomic_path(staging / name) as tmp:
                tmp.write_text(text, encoding="utf-8")
            names.append(name)
        say("swapping the new files in")
        note = commit(staging, out_dir)
    if note:
        options.warnings.append(note)
    return [out_dir / name for name in names]


def _write_set(
    events: gpd.GeoDataFrame, out_dir: Path, options: BuildOptions, say: Step
) -> list[Path]:
    """Write the whole set into ``out_dir`` (the staging folder)."""
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

    if options.wants("geojson"):
        say("GeoJSON and QGIS styles")
        written.append(write_events(enriched, out_dir / "events.geojson"))
        written.append(write_qml("events", out_dir / "events.qml"))
        # The layers also go into kclmap.gpkg below, with the events: no zones.gpkg here.
        for path in write_reference_layers(zones, out_dir, gpkg_name=None):
            written += [path, write_qml(path.stem, path.with_suffix(".qml"))]
    if options.wants("gpkg"):
        say("GeoPackage")
        layers = {"events": (enriched, FIELD_TYPES)} | {
            n: (f, field_types(f)) for n, f in zones.items()
        }
        gpkg = out_dir / "kclmap.gpkg"
        with atomic_path(gpkg) as tmp:
            write_gpkg(layers, tmp)
            store_styles(tmp, list(layers))
        written.append(gpkg)

    if options.wants("map"):
        say("interactive map")
        folium_map = build_map(enriched, zones=zones, title=options.title)
        stable_ids(folium_map.get_root())  # no random element ids: the same bytes each run
        missing = save_map(folium_map, out_dir / "map.html", cdn=options.cdn)
        if missing:
            options.warnings.append("not inlined (need network): " + ", ".join(missing))
        written.append(out_dir / "map.html")

    figure = None
    if options.wants("static") or options.wants("report"):
        say("static map")
        figure = render_static(enriched, zones, title=options.title, extent=options.extent)
    if figure is not None and options.wants("static"):
        for name in ("map.png", "map.svg"):
            written.append(save_figure(figure, out_dir / name, dpi=options.dpi))

    if options.wants("snippet"):
        say("snippet")
        with atomic_path(out_dir / "snippet.html") as tmp:
            tmp.write_text(snippet_html("map.html", title=options.title), encoding="utf-8")
        written.append(out_dir / "snippet.html")
    if not (options.wants("report") or options.wants("stats")):
        _close(figure)
        return written
    say("report and counts")
    tables = summary_tables(enriched)
    if figure is not None and options.wants("report"):
        with atomic_path(out_dir / "report.html") as tmp:
            tmp.write_text(
                report_html(enriched, tables, map_figure=figure, title=options.title),
                encoding="utf-8",
            )
        written.append(out_dir / "report.html")
    _close(figure)
    if options.wants("stats"):
        stats: dict[str, object] = {k: v.to_dict("records") for k, v in tables.items()}
        if "same_as" in enriched.columns:  # events of several datasets, linked by link_sources
            stats["cross_source"] = overlap_summary(enriched)
        with atomic_path(out_dir / "stats.json") as tmp:
            tmp.write_text(json.dumps(stats, default=str, indent=1), encoding="utf-8")
        written.append(out_dir / "stats.json")
    return written


def _close(figure: Figure | None) -> None:
    """Close a matplotlib figure: pyplot keeps every figure alive until it is closed."""
    if figure is not None:
        import matplotlib.pyplot as plt

        plt.close(figure)
