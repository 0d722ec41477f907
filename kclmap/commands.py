"""The sub-commands: each is a ``configure(parser)`` and a ``run(args) -> exit code`` pair."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from kclmap import cmd_extract, cmd_gazetteer

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
}
