"""The HTML map's legend: one row per colour or symbol the map can show, and what it means."""

from __future__ import annotations

import html

from maps.style import TYPE_COLOURS

__all__ = ["LEGEND_SYMBOLS", "TYPE_LABELS", "legend_html"]

TYPE_LABELS = {
    "attack": "Attack",
    "operation_joint": "Operation, joint",
    "operation": "Operation, unilateral",
    "airstrike": "Airstrike",
    "arrest": "Arrest",
    "meeting": "Meeting",
    "agreement": "Agreement",
    "other": "Other event",
}
# CSS class of each legend swatch -> its label (the type dots are added from TYPE_COLOURS).
LEGEND_SYMBOLS = {
    "area": "Event placed to a district or sub-district (hover: its radius)",
    "cluster": "Cluster of events (number inside; zoom in to split)",
    "centre": "Joint coordination centre",
    "front": "Front named in reporting (drawn at its named anchor)",
    "line": "Coordination line (approximate)",
    "band": "Security-gap band",
    "disp": "Disputed territories",
    "admin": "Governorate / district boundary",
    "label": "Governorate capital / district seat",
}
GRID_LABEL = "Events per grid cell (darker: more); zoom in for the events"


def legend_html(*, listed: int, undated: int, grid: bool) -> str:
    """The legend element (id ``kclmap-legend``) and the list of events not drawn.

    ``listed``: events placed only to a region or governorate, or not placed (not drawn, listed
    in ``#kclmap-listed``); ``undated``: events with no date; ``grid``: the table is large
    enough to be drawn as grid counts at low zoom.
    """
    rows = [
        f'<div class="row" data-symbol="{key}"><span class="dot" style="background:{colour}">'
        f"</span><span>{html.escape(TYPE_LABELS[key])}</span></div>"
        for key, colour in TYPE_COLOURS.items()
    ]
    symbols = dict(LEGEND_SYMBOLS)
    if grid:
        symbols = {"grid": GRID_LABEL, **symbols}
    rows += [
        f'<div class="row" data-symbol="{key}"><span class="sw {key}"></span>'
        f"<span>{html.escape(label)}</span></div>"
        for key, label in symbols.items()
    ]
    notes = []
    if listed:
        notes.append(
            f"{listed} event(s) placed only to a region or governorate, or not placed, are not "
            "drawn: see the list below."
        )
    if undated:
        notes.append(f"{undated} undated event(s): their own toggle, bottom left.")
    note = "".join(f'<p class="note">{html.escape(n)}</p>' for n in notes)
    return (
        '<div class="kclmap-legend" id="kclmap-legend"><details open>'
        '<summary class="title">Legend</summary>'
        + "".join(rows)
        + note
        + '</details><details id="kclmap-listed" class="kclmap-listed" hidden></details></div>'
    )
