"""Static maps for reports (matplotlib + geopandas, no tile download): PNG and SVG.

Drawn in UTM zone 38N so the scale bar is true; title, legend, scale bar, north arrow and the
data attribution are always on the figure.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.gisio import atomic_path
from maps.style import ATTRIBUTION_TEXT, LINE_STYLE, TYPE_COLOURS, group_of

if TYPE_CHECKING:
    import geopandas as gpd
    from matplotlib.figure import Figure

__all__ = ["Extent", "around_extent", "render_static", "save_figure"]

UTM = "EPSG:32638"
Extent = tuple[float, float, float, float]  # lon_min, lat_min, lon_max, lat_max


def _mpl() -> Any:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as err:
        raise ImportError(
            "Static maps need matplotlib: pip install 'kclmap[dev]' or "
            "pip install matplotlib matplotlib-scalebar"
        ) from err
    return plt


def around_extent(lon: float, lat: float, radius_km: float) -> Extent:
    """A lon/lat box of ``radius_km`` around a point (square in UTM 38N)."""
    import geopandas as gpd
    import shapely

    centre = gpd.GeoSeries([shapely.Point(lon, lat)], crs="EPSG:4326").to_crs(UTM)
    box = centre.buffer(radius_km * 1000, cap_style="square").to_crs("EPSG:4326")
    minx, miny, maxx, maxy = box.total_bounds
    return (float(minx), float(miny), float(maxx), float(maxy))


def render_static(
    events: gpd.GeoDataFrame,
    zones: dict[str, gpd.GeoDataFrame],
    *,
    title: str = "Security incidents along the Kurdistan Coordination Line",
    extent: Extent | None = None,
    figsize: tuple[float, float] = (10, 8),
) -> Figure:
    """A report-ready static map of ``events`` over the reference layers."""
    import matplotlib.patheffects as pe
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib_scalebar.scalebar import ScaleBar

    plt = _mpl()
    fig, ax = plt.subplots(figsize=figsize, layout="constrained")
    ax.set_facecolor("#dce9f2")
    gov = zones["governorates"].to_crs(UTM)
    gov.plot(ax=ax, facecolor="#f4f4f1", edgecolor="#555555", linewidth=0.8, zorder=1)
    zones["districts"].to_crs(UTM).plot(
        ax=ax, facecolor="none", edgecolor="#aaaaaa", linewidth=0.3, zorder=2
    )
    zones["disputed_territories"].to_crs(UTM).plot(
        ax=ax, facecolor="#7570b3", alpha=0.12, edgecolor="#7570b3", linewidth=0.6, zorder=3
    )
    zones["gap_band"].to_crs(UTM).plot(
        ax=ax, facecolor="#ef8a62", alpha=0.35, edgecolor="none", zorder=4
    )
    zones["coordination_line"].to_crs(UTM).plot(
        ax=ax, color=LINE_STYLE["color"], linewidth=1.8, linestyle="--", zorder=5
    )
    placed = events[events.geometry.notna()].to_crs(UTM)
    if len(placed):
        joint = placed["joint"].fillna(False).astype(bool)
        styles = [group_of(str(t), j) for t, j in zip(placed["type"], joint, strict=True)]
        colours = [TYPE_COLOURS[s] for s in styles]
        radius = placed["precision_km"].fillna(0).to_numpy()
        area = radius > 15
        if area.any():
            placed[area].buffer(radius[area] * 1000).plot(
                ax=ax,
                facecolor="none",
                edgecolor=[c for c, a in zip(colours, area, strict=True) if a],
                linestyle=":",
                linewidth=1.0,
                zorder=6,
            )
        if (~area).any():
            placed[~area].plot(
                ax=ax,
                color=[c for c, a in zip(colours, area, strict=True) if not a],
                markersize=42,
                edgecolor="#222222",
                linewidth=0.6,
                zorder=9,
            )
    centres = zones["coordination_centres"].to_crs(UTM)
    centres.plot(ax=ax, marker="s", color="#ffffbf", edgecolor="black", markersize=46, zorder=8)
    for row in centres.itertuples():
        if row.place_kind != "governorate":
            ax.annotate(
                str(row.resolved_place),
                (row.geometry.x, row.geometry.y),
                xytext=(6, 4),
                textcoords="offset points",
                fontsize=7,
                zorder=9,
                path_effects=[pe.withStroke(linewidth=2.5, foreground="white")],
            )
    if extent is None:
        line_box = zones["coordination_line"].to_crs(UTM).total_bounds
        minx, miny, maxx, maxy = line_box
        pad = 60_000
        ax.set_xlim(minx - pad, maxx + pad)
        ax.set_ylim(miny - pad, maxy + pad)
    else:
        import geopandas as gpd
        import shapely

        box = gpd.GeoSeries([shapely.box(*extent)], crs="EPSG:4326").to_crs(UTM).total_bounds
        ax.set_xlim(box[0], box[2])
        ax.set_ylim(box[1], box[3])
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_title(title, fontsize=13, fontweight="bold")
    ax.add_artist(ScaleBar(1, units="m", location="lower left", box_alpha=0.8))
    ax.annotate(
        "N",
        xy=(0.965, 0.95),
        xytext=(0.965, 0.84),
        xycoords="axes fraction",
        ha="center",
        va="center",
        fontsize=12,
        fontweight="bold",
        arrowprops={"arrowstyle": "-|>", "color": "black", "lw": 1.5},
    )
    handles: list[Any] = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor=TYPE_COLOURS[k],
            markeredgecolor="#222",
            markersize=7,
            label=label,
        )
        for k, label in (
            ("attack", "Attack"),
            ("operation_joint", "Operation, joint"),
            ("operation", "Operation, unilateral"),
            ("airstrike", "Airstrike"),
            ("arrest", "Arrest"),
            ("meeting", "Meeting"),
            ("agreement", "Agreement"),
        )
    ]
    handles += [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor="none",
            markeredgecolor="#555",
            markersize=9,
            label="Placed to an area (circle = uncertainty)",
        ),
        Line2D(
            [],
            [],
            marker="s",
            linestyle="",
            markerfacecolor="#ffffbf",
            markeredgecolor="black",
            label="Joint coordination centre",
        ),
        Line2D(
            [],
            [],
            color=LINE_STYLE["color"],
            linestyle="--",
            label="Coordination line (approximate)",
        ),
        Patch(facecolor="#ef8a62", alpha=0.35, label="Security-gap band"),
        Patch(facecolor="#7570b3", alpha=0.15, edgecolor="#7570b3", label="Disputed territories"),
    ]
    ax.legend(handles=handles, loc="upper left", fontsize=7.5, framealpha=0.9)
    fig.text(0.01, 0.005, ATTRIBUTION_TEXT, fontsize=5.5, color="#444", wrap=True)
    return fig


def save_figure(fig: Figure, path: Path, *, dpi: int = 150) -> Path:
    """Save ``fig`` as PNG or SVG (by suffix), atomically."""
    _mpl()
    with atomic_path(path) as tmp:
        fig.savefig(tmp, dpi=dpi, format=path.suffix.lstrip(".").lower())
    return path
