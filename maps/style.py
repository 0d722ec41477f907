"""One palette for every output (HTML map, QGIS styles, static image), so they agree."""

from __future__ import annotations

from typing import Any

__all__ = [
    "ATTRIBUTION_HTML",
    "ATTRIBUTION_TEXT",
    "EVENT_GROUPS",
    "LINE_STYLE",
    "REFERENCE_STYLES",
    "TYPE_COLOURS",
    "group_of",
]

# Event type -> colour (ColorBrewer Set1-like, distinguishable for common colour blindness).
TYPE_COLOURS = {
    "attack": "#d7191c",
    "airstrike": "#7b3294",
    "arrest": "#e66101",
    "operation": "#2c7bb6",
    "operation_joint": "#1a9641",
    "meeting": "#f4a582",
    "agreement": "#b8860b",
    "other": "#636363",
}
# Map layer title -> the event types (and joint flag) it shows.
EVENT_GROUPS: dict[str, tuple[str, ...]] = {
    "Attacks": ("attack",),
    "Operations (joint)": ("operation_joint",),
    "Operations (unilateral)": ("operation",),
    "Airstrikes and arrests": ("airstrike", "arrest"),
    "Meetings and agreements": ("meeting", "agreement"),
    "Other events": ("other",),
}
Style = dict[str, Any]
LINE_STYLE: Style = {"color": "#b2182b", "weight": 3, "dashArray": "8 6", "opacity": 0.9}
REFERENCE_STYLES: dict[str, Style] = {
    "gap_band": {"color": "#ef8a62", "weight": 0, "fillColor": "#ef8a62", "fillOpacity": 0.25},
    "disputed_territories": {
        "color": "#7570b3",
        "weight": 1.5,
        "fillColor": "#7570b3",
        "fillOpacity": 0.08,
        "dashArray": "2 4",
    },
    "governorates": {"color": "#404040", "weight": 1.6, "fillColor": "#f7f7f7", "fillOpacity": 0.6},
    "districts": {"color": "#969696", "weight": 0.6, "fill": False},
    "kurdistan_region": {
        "color": "#1b7837",
        "weight": 1,
        "fillColor": "#a6dba0",
        "fillOpacity": 0.15,
    },
    "coordination_centres": {"color": "#000000", "fillColor": "#ffffbf"},
}
ATTRIBUTION_TEXT = (
    "Boundaries: OCHA COD-AB Iraq 2019 (CSO/OCHA, CC BY-IGO 3.0). Place names: GeoNames "
    "(CC BY 4.0), Who's On First (whosonfirst.org/docs/licenses), OurAirports (public domain), "
    "Wikipedia/Wikimapia/UNHCR feature points (CC BY-SA); places from Wikipedia's Iraqi "
    "insurgency detailed map module (Wikipedia contributors, CC BY-SA 4.0). Coordination line, "
    "gap band and disputed belt: kclmap approximations."
)
ATTRIBUTION_HTML = (
    'Boundaries &copy; <a href="https://data.humdata.org/dataset/cod-ab-irq">OCHA COD-AB Iraq'
    "</a> (CSO/OCHA, CC BY-IGO 3.0) | Names &copy; "
    '<a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0), '
    '<a href="https://whosonfirst.org/docs/licenses/">Who\'s On First</a>, OurAirports, '
    '<a href="https://en.wikipedia.org/wiki/Module:Iraqi_insurgency_detailed_map">Wikipedia'
    "</a> contributors "
    '(<a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>) | '
    "Line, band and disputed belt: kclmap, approximate"
)


def group_of(event_type: str, joint: bool | None) -> str:
    """The style key of an event: its type, with joint operations apart."""
    if event_type == "operation" and joint:
        return "operation_joint"
    return event_type if event_type in TYPE_COLOURS else "other"
