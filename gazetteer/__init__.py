"""kclmap's offline gazetteer: resolve Iraqi and Kurdish place names to points, honestly.

Resolving needs no network and loads in a fraction of a second::

    >>> from gazetteer import default_gazetteer
    >>> default_gazetteer().resolve("Qaratapa").place.admin2
    'Kifri'
"""

from __future__ import annotations

from functools import cache

from gazetteer.errors import GazetteerError, KclmapError, UnknownPlaceError
from gazetteer.geocoder import OfflineGazetteer, OnlineFallback
from gazetteer.model import Match, Place
from gazetteer.resolver import Gazetteer
from gazetteer.spotter import Mention, Spotter

__all__ = [
    "Gazetteer",
    "GazetteerError",
    "KclmapError",
    "Match",
    "Mention",
    "OfflineGazetteer",
    "OnlineFallback",
    "Place",
    "Spotter",
    "UnknownPlaceError",
    "default_gazetteer",
    "default_spotter",
]


@cache
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process and kept for its lifetime.

    A library leaves the caller's garbage collector alone; a process that owns its lifetime
    (the extraction workers, ``geo/engine/local.py``) may :func:`gc.freeze` it after loading.
    """
    return Gazetteer.load()


@cache
def default_spotter() -> Spotter:
    """A spotter over the shipped gazetteer, built once per process."""
    return Spotter(default_gazetteer())
