"""Static maps for reports (matplotlib + geopandas, no tile download): PNG and SVG.

Drawn in UTM zone 38N so the scale bar is true; title, legend, scale bar, north arrow and the
data attribution are always on the figure.
"""

from __future__ import annotations

from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.gisio import atomic_path
from maps.style import ATTRIBUTION_TEXT, LINE_STYLE, TYPE_COLOURS

if TYPE_CHECKING:
    import geopandas as gpd
    from matplotlib.figure import Figure

__all__ = ["NEIGHBOURS", "Extent", "around_extent", "render_static", "save_figure"]

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


# Neighbouring countries, labelled where they fall inside the extent (lon, lat of the label).
NEIGHBOURS = (
    ("TURKEY", 42.6, 37.55),
    ("SYRIA", 41.85, 36.75),
    ("IRAN", 46.2, 34.0),
    ("SAUDI ARABIA", 42.5, 30.0),
    ("KUWAIT", 47.6, 29.3),
    ("JORDAN", 38.6, 32.0),
)
LAND = "#ece9e2"  # neutral land tone for the countries around Iraq
IRAQ_LAND = "#fbfaf6"
SEA = "#cfe2f0"


def _place_labels(ax: Any, items: list[tuple[str, float, float, float]], points: Any) -> None:
    """Write each label at the first of eight offsets that covers no symbol and no other label.

    ``items`` are ``(text, x, y, fontsize)`` in data coordinates (UTM 38N); ``points`` an
    ``(n, 2)`` array of symbol positions to keep clear. A label with no free spot is dropped.
    """
    import matplotlib.patheffects as pe
    import numpy as np

    fig = ax.figure
    fig.canvas.draw()  # fixes the transform for the final size
    to_px = ax.transData.transform
    sym = to_px(points) if len(points) else np.empty((0, 2))
    taken: list[tuple[float, float, float, float]] = []
    px_per_pt = fig.dpi / 72
    offsets = ((7, 4), (7, -12), (-7, 4), (-7, -12), (0, 9), (0, -16), (10, -4), (-10, -4))
    for text, x, y, size in items:
        cx, cy = to_px((x, y))
        w = len(text) * size * 0.6 * px_per_pt
        h = size * 1.25 * px_per_pt
        for dx, dy in offsets:
            x0 = cx + dx * px_per_pt - (w if dx < 0 else w / 2 if dx == 0 else 0)
            y0 = cy + dy * px_per_pt
            box = (x0, y0, x0 + w, y0 + h)
            clear_syms = not len(sym) or not np.any(
                (sym[:, 0] > box[0] - 6)
                & (sym[:, 0] < box[2] + 6)
                & (sym[:, 1] > box[1] - 6)
                & (sym[:, 1] < box[3] + 6)
            )
            clear_labels = all(
                box[2] < t[0] or box[0] > t[2] or box[3] < t[1] or box[1] > t[3] for t in taken
            )
            if clear_syms and clear_labels:
                taken.append(box)
                ax.annotate(
                    text,
                    (x, y),
                    xytext=(box[0] - cx, box[1] - cy),
                    textcoords="offset pixels",
                    fontsize=size,
                    ha="left",
                    va="bottom",
                    zorder=12,
                    annotation_clip=True,
                    path_effects=[pe.withStroke(linewidth=2.2, foreground="white")],
                )
                break


def _extent_box(zones: dict[str, gpd.GeoDataFrame], extent: Extent | None) -> Any:
    """The map window in UTM 38N: the line with 60 km around it, or the given lon/lat box."""
    if extent is None:
        minx, miny, maxx, maxy = zones["coordination_line"].to_crs(UTM).total_bounds
        pad = 60_000
        return (minx - pad, miny - pad, maxx + pad, maxy + pad)
    import geopandas as gpd
    import shapely

    box = gpd.GeoSeries([shapely.box(*extent)], crs="EPSG:4326").to_crs(UTM).total_bounds
    return tuple(box)


def _legend_handles(*, area: bool, listed: int) -> list[Any]:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from maps.legend import TYPE_LABELS

    handles: list[Any] = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor=TYPE_COLOURS[k],
            markeredgecolor="#222",
            markersize=7,
            label=TYPE_LABELS[k],
        )
        for k in TYPE_COLOURS
    ]
    if area:
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markerfacecolor="white",
                markeredgecolor="#555",
                markeredgewidth=2,
                markersize=8,
                label="Placed to a district (ring, colour by type)",
            )
        )
    handles += [
        Line2D(
            [],
            [],
            marker="s",
            linestyle="",
            markerfacecolor="#ffffbf",
            markeredgecolor="black",
            markersize=8,
            label="Joint coordination centre",
        ),
        Line2D(
            [],
            [],
            marker="^",
            linestyle="",
            markerfacecolor="#67001f",
            markeredgecolor="white",
            markersize=9,
            label="Front (at its named anchor)",
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
        Line2D([], [], color="#555555", linewidth=0.8, label="Governorate boundary"),
        Patch(facecolor=IRAQ_LAND, edgecolor="#999", label="Iraq"),
        Patch(facecolor=LAND, edgecolor="#999", label="Neighbouring countries"),
    ]
    if listed:
        handles.append(
            Patch(
                facecolor="none",
                edgecolor="none",
                label=f"{listed} event(s) placed only to a region\nor governorate: not drawn",
            )
        )
    return handles


def render_static(
    events: gpd.GeoDataFrame,
    zones: dict[str, gpd.GeoDataFrame],
    *,
    title: str = "Security incidents along the Kurdistan Coordination Line",
    extent: Extent | None = None,
    figsize: tuple[float, float] = (12, 8),
) -> Figure:
    """A report-ready static map of ``events`` over the reference layers (UTM 38N).

    Laid out as a map: the legend beside the map, the attribution in its own strip below,
    Iraq on a neutral land tone among its neighbours, labels placed clear of the symbols.
    Events placed only to a region or governorate are counted in the legend, not drawn;
    events placed to a district are rings, not uncertainty circles.
    """
    import textwrap

    import numpy as np
    from matplotlib_scalebar.scalebar import ScaleBar

    from maps.event_data import derived_codes
    from maps.places import label_places

    plt = _mpl()
    # Fixed frames: the map, the legend beside it, the attribution in its own strip below.
    fig = plt.figure(figsize=figsize)
    ax = fig.add_axes((0.01, 0.07, 0.74, 0.86))
    ax.set_anchor("C")
    key = fig.add_axes((0.765, 0.07, 0.225, 0.86))
    key.axis("off")
    strip = fig.add_axes((0.01, 0.0, 0.98, 0.055))
    strip.axis("off")
    ax.set_facecolor(LAND)
    gov = zones["governorates"].to_crs(UTM)
    gov.plot(ax=ax, facecolor=IRAQ_LAND, edgecolor="#555555", linewidth=0.8, zorder=1)
    zones["districts"].to_crs(UTM).plot(
        ax=ax, facecolor="none", edgecolor="#b5b5b5", linewidth=0.3, zorder=2
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
    box = _extent_box(zones, extent)
    symbols: list[Any] = []
    listed = 0
    any_area = False
    if len(events):
        derived = derived_codes(events)
        drawn_as = derived["drawn_as"]
        listed = int((drawn_as == 2).sum())
        keep = drawn_as < 2
        placed = events[keep].to_crs(UTM)
        colours = np.array([TYPE_COLOURS[s] for s in derived["_styles"]], dtype=object)[
            derived["style"][keep]
        ]
        area = drawn_as[keep] == 1
        any_area = bool(area.any())
        xy = np.column_stack([placed.geometry.x.to_numpy(), placed.geometry.y.to_numpy()])
        if area.any():
            ax.scatter(
                xy[area, 0],
                xy[area, 1],
                s=60,
                facecolor="white",
                edgecolor=list(colours[area]),
                linewidth=2.2,
                zorder=9,
            )
        if (~area).any():
            ax.scatter(
                xy[~area, 0],
                xy[~area, 1],
                s=42,
                c=list(colours[~area]),
                edgecolor="#222222",
                linewidth=0.6,
                zorder=10,
            )
        symbols.append(xy)
    centres = zones["coordination_centres"].to_crs(UTM)
    front = (
        (centres["kind"] == "front").to_numpy()
        if "kind" in centres
        else np.zeros(len(centres), bool)
    )
    cxy = np.column_stack([centres.geometry.x.to_numpy(), centres.geometry.y.to_numpy()])
    ax.scatter(
        cxy[~front, 0],
        cxy[~front, 1],
        marker="s",
        s=46,
        facecolor="#ffffbf",
        edgecolor="black",
        zorder=8,
    )
    ax.scatter(
        cxy[front, 0],
        cxy[front, 1],
        marker="^",
        s=70,
        facecolor="#67001f",
        edgecolor="white",
        zorder=8,
    )
    symbols.append(cxy)
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
    key.legend(
        handles=_legend_handles(area=any_area, listed=listed),
        loc="upper left",
        fontsize=7.5,
        frameon=False,
        borderaxespad=0,
    )
    strip.text(
        0,
        0.5,
        "\n".join(textwrap.wrap(ATTRIBUTION_TEXT, 190)),
        fontsize=5.5,
        color="#444",
        va="center",
        transform=strip.transAxes,
    )
    # Labels: neighbouring countries, centres and fronts, governorate capitals; clear of symbols.
    import geopandas as gpd

    countries = gpd.GeoSeries(
        gpd.points_from_xy([c[1] for c in NEIGHBOURS], [c[2] for c in NEIGHBOURS]),
        crs="EPSG:4326",
    ).to_crs(UTM)
    for (name, _lon, _lat), pt in zip(NEIGHBOURS, countries, strict=True):
        inside = box[0] < pt.x < box[2] and box[1] < pt.y < box[3]
        if inside and not gov.intersects(pt).any():
            ax.text(
                pt.x,
                pt.y,
                name,
                fontsize=9,
                color="#8a8578",
                ha="center",
                va="center",
                fontstyle="italic",
                zorder=1.5,
            )
    labels = label_places()
    caps = gpd.GeoSeries(gpd.points_from_xy(labels["lon"], labels["lat"]), crs="EPSG:4326").to_crs(
        UTM
    )
    items = [
        (str(row.name if row.kind == "front" else row.resolved_place), g.x, g.y, 7.0)
        for row, g in zip(centres.itertuples(), centres.geometry, strict=True)
        if row.place_kind != "governorate"
    ]
    items += [
        (name, g.x, g.y, 7.5)
        for name, tier, g in zip(labels["name"], labels["tier"], caps, strict=True)
        if tier == 1 and box[0] < g.x < box[2] and box[1] < g.y < box[3]
    ]
    items = list({item[0]: item for item in reversed(items)}.values())[::-1]  # one per name
    points = np.concatenate(symbols) if symbols else np.empty((0, 2))
    _place_labels(ax, items, points)
    return fig


def save_figure(fig: Figure, path: str | PathLike[str], *, dpi: int = 150) -> Path:
    """Save ``fig`` as PNG or SVG (by suffix), atomically."""
    path = Path(path)
    _mpl()
    fmt = path.suffix.lstrip(".").lower()
    # No creation date and a fixed id salt in SVGs: the same map gives the same bytes.
    metadata: dict[str, Any] = {"Date": None} if fmt == "svg" else {}
    with atomic_path(path) as tmp, _mpl().rc_context({"svg.hashsalt": "kclmap"}):
        fig.savefig(tmp, dpi=dpi, format=fmt, metadata=metadata)
    _mpl().close(fig)  # still saveable; pyplot need not keep every figure alive
    return path
