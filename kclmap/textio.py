"""Reading user text files with clear errors (shared by the commands)."""

from __future__ import annotations

from pathlib import Path

from gazetteer.errors import KclmapError
from geo.errors import InputError
from geo.reading.encoding import decode_bytes

__all__ = ["read_text_file"]


def read_text_file(
    path: Path, *, max_bytes: int = 50_000_000, warnings: list[str] | None = None
) -> str:
    """Read ``path`` as text whatever its encoding, with one-line errors.

    The encoding is detected as for articles (:func:`geo.reading.encoding.decode_bytes`:
    BOM, UTF-16, UTF-8, then charset_normalizer, Windows-1252 for Western guesses); what was
    guessed is appended to ``warnings`` when given.

    Raises
    ------
    KclmapError
        The path is missing, a directory, unreadable, over ``max_bytes`` or binary (an
        image, archive or other non-text file).
    """
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise KclmapError(f"{str(path)!r} is {size:,} bytes, over the {max_bytes:,} limit")
        data = path.read_bytes()
    except IsADirectoryError as err:
        raise KclmapError(f"{str(path)!r} is a directory; expected a text file") from err
    except FileNotFoundError as err:
        raise KclmapError(f"{str(path)!r} does not exist") from err
    except OSError as err:
        raise KclmapError(f"cannot read {str(path)!r}: {err.strerror}") from err
    try:
        decoded = decode_bytes(data, name=str(path))
    except InputError as err:
        raise KclmapError(str(err)) from err
    if warnings is not None:
        warnings.extend(f"{path.name}: {w}" for w in decoded.warnings)
    return decoded.text
