"""Errors of the ``geo`` package (rooted in :class:`gazetteer.errors.KclmapError`)."""

from __future__ import annotations

from gazetteer.errors import KclmapError

__all__ = ["InputError"]


class InputError(KclmapError, ValueError):
    """An input file or value is unusable; the message says which and how to fix it."""
