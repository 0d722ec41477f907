"""The exception hierarchy shared by every kclmap package (rooted here, the lowest layer)."""

from __future__ import annotations

__all__ = ["GazetteerError", "KclmapError", "UnknownPlaceError"]


class KclmapError(Exception):
    """Root of every error kclmap raises on purpose."""


class GazetteerError(KclmapError):
    """The gazetteer's data is missing or unreadable."""


class UnknownPlaceError(GazetteerError, LookupError):
    """A name matched no place well enough; ``suggestions`` lists the nearest names.

    ``reason`` says why when a match was refused on purpose (a city of a neighbouring country).
    """

    def __init__(self, query: str, suggestions: tuple[str, ...] = (), *, reason: str = "") -> None:
        self.query = query
        self.suggestions = suggestions
        self.reason = reason
        why = f" ({reason})" if reason else ""
        hint = f" Did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(f"No place matches {query!r}{why}.{hint}")
