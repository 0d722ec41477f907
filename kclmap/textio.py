"""Reading user text files with clear errors (shared by the commands)."""

from __future__ import annotations

import codecs
from pathlib import Path

from gazetteer.errors import KclmapError

__all__ = ["decode_text", "read_text_file"]


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes, name: str) -> str:
    """Text of a file's bytes: by its byte-order mark, else UTF-8 (bad bytes replaced).

    Raises
    ------
    KclmapError
        The bytes are not text (NUL bytes or many control characters without a UTF-16/32
        mark: an image, an archive, a program).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    head = data[:8192]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in head or controls > len(head) // 20:
        raise KclmapError(f"{name!r} looks binary (not a text file); expected UTF-8 text")
    return data.decode("utf-8", errors="replace")


def read_text_file(path: Path, *, max_bytes: int = 50_000_000) -> str:
    """Read ``path`` as UTF-8 (undecodable bytes replaced), with one-line errors."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise KclmapError(f"{str(path)!r} is {size:,} bytes, over the {max_bytes:,} limit")
        return decode_text(path.read_bytes(), str(path))
    except IsADirectoryError as err:
        raise KclmapError(f"{str(path)!r} is a directory; expected a text file") from err
    except FileNotFoundError as err:
        raise KclmapError(f"{str(path)!r} does not exist") from err
    except OSError as err:
        raise KclmapError(f"cannot read {str(path)!r}: {err.strerror}") from err
