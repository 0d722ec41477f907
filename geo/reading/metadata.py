"""Metadata written beside or above an article: header block, YAML front matter, sidecar."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from geo.dates import find_dates

__all__ = ["load_sidecar", "parse_date_value", "sidecar_path", "split_header"]

_HEADER_KEY = re.compile(
    r"^(url|title|published|date|outlet|source|author|dateline)\s*:\s*(.*)$", re.I
)


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split a ``key: value`` header block or YAML front matter from the top of ``text``.

    Returns the keys (lower case) and the rest of the text; a text without either comes
    back whole with no keys.
    """
    meta: dict[str, str] = {}
    lines = text.splitlines(keepends=True)
    if lines and lines[0].strip() == "---":
        for i, line in enumerate(lines[1:], start=1):
            if line.strip() == "---":
                for item in lines[1:i]:
                    key, sep, value = item.partition(":")
                    if sep:
                        meta[key.strip().lower()] = value.strip().strip("'\"")
                return meta, "".join(lines[i + 1 :])
        return meta, text
    consumed = 0
    for line in lines:
        m = _HEADER_KEY.match(line.strip())
        if m is None:
            break
        meta[m.group(1).lower()] = m.group(2).strip()
        consumed += 1
    # One "key: value" line is a header only when it is plainly one (a URL, or a blank line
    # follows): "Date: 2020-10-19" inside a page is the page's, read as its byline.
    plain_url = consumed == 1 and bool(re.match(r"https?://\S+$", meta.get("url", "")))
    if consumed and (
        consumed == len(lines) or not lines[consumed].strip() or consumed >= 2 or plain_url
    ):
        return meta, "".join(lines[consumed:])
    return {}, text


def parse_date_value(value: object) -> date | None:
    """A date written as a metadata value, or ``None``.

    Reads "2022-03-07", "2022-03-07T10:00:00+03:00", "7 March 2022", "07/03/2022".
    """
    if not isinstance(value, str) or not value.strip():
        return None
    for ref in find_dates(value.strip()[:200], None):
        if ref.value is not None and ref.precision == "day":
            return ref.value
    return None


def sidecar_path(path: Path) -> Path:
    """Where the metadata sidecar of the article ``path`` lives: ``<name>.meta.json`` beside it."""
    return path.with_name(path.stem + ".meta.json")


def load_sidecar(path: Path) -> tuple[dict[str, object] | None, str | None]:
    """The ``<name>.meta.json`` beside ``path``: (keys, None), (None, warning) or (None, None)."""
    sidecar = sidecar_path(path)
    if not sidecar.exists():
        return None, None
    try:
        loaded = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        return None, f"ignored unreadable sidecar {sidecar.name}: {err}"
    if not isinstance(loaded, dict):
        return None, f"ignored sidecar {sidecar.name}: expected a JSON object"
    return loaded, None
