"""Reading user text files with clear errors (shared by the commands)."""

from __future__ import annotations

from pathlib import Path

from gazetteer.errors import KclmapError

__all__ = ["read_text_file"]


def read_text_file(path: Path, *, max_bytes: int = 50_000_000) -> str:
    """Read ``path`` as UTF-8 (undecodable bytes replaced), with one-line errors."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise KclmapError(f"{str(path)!r} is {size:,} bytes, over the {max_bytes:,} limit")
        return path.read_bytes().decode("utf-8", errors="replace")
    except IsADirectoryError as err:
        raise KclmapError(f"{str(path)!r} is a directory; expected a text file") from err
    except FileNotFoundError as err:
        raise KclmapError(f"{str(path)!r} does not exist") from err
    except OSError as err:
        raise KclmapError(f"cannot read {str(path)!r}: {err.strerror}") from err
