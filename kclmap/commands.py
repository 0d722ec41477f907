"""The sub-commands: each is a ``configure(parser)`` and a ``run(args) -> exit code`` pair."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from kclmap import cmd_build, cmd_evaluate, cmd_extract, cmd_gazetteer, cmd_import, cmd_zones

__all__ = ["COMMANDS"]

Configure = Callable[[argparse.ArgumentParser], None]
Run = Callable[[argparse.Namespace], int]

COMMANDS: dict[str, tuple[Configure, Run, str]] = {
    "geocode": (
        cmd_gazetteer.configure_geocode,
        cmd_gazetteer.run_geocode,
        "Resolve place names to coordinates with the offline gazetteer.",
    ),
    "places": (
        cmd_gazetteer.configure_places,
        cmd_gazetteer.run_places,
        "List the place names mentioned in a text file, with offsets and resolutions.",
    ),
    "extract": (
        cmd_extract.configure,
        cmd_extract.run,
        "Extract dated, typed, geocoded events from news articles.",
    ),
    "evaluate": (
        cmd_evaluate.configure,
        cmd_evaluate.run,
        "Score extraction against your own annotated articles (precision, recall, F1).",
    ),
    "import": (
        cmd_import.configure,
        cmd_import.run,
        "Read an ACLED or UCDP GED table into a kclmap events file.",
    ),
    "zones": (
        cmd_zones.configure_zones,
        cmd_zones.run_zones,
        "Write the reference layers (line, gap band, disputed territories...) for GIS.",
    ),
    "enrich": (
        cmd_zones.configure_enrich,
        cmd_zones.run_enrich,
        "Add district, distance to the line, side and gap-band columns to events.",
    ),
    "stats": (
        cmd_zones.configure_stats,
        cmd_zones.run_stats,
        "Count events by district, type and month, and by distance from the line.",
    ),
    "build": (
        cmd_build.configure_build,
        cmd_build.run_build,
        "Build the map, GIS files, images, snippet and report from articles or events.",
    ),
    "report": (
        cmd_build.configure_report,
        cmd_build.run_report,
        "Write one self-contained HTML report for an events file.",
    ),
}
