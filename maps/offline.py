"""Save a Folium map as one self-contained HTML file that works from ``file://`` offline.

Leaflet and plugin assets are inlined from the ``folium-offline`` package, which ships them
keyed by the very CDN URLs folium links to; with ``cdn=True`` the small linked HTML is kept.
"""

from __future__ import annotations

import re
from functools import cache
from os import PathLike
from typing import TYPE_CHECKING

from geo.gisio import atomic_path

if TYPE_CHECKING:
    import folium

__all__ = ["inline_assets", "render_html", "save_map"]

_SCRIPT = re.compile(r'<script[^>]*\ssrc="(?P<url>https?://[^"]+)"[^>]*>\s*</script>')
_CSS = re.compile(r'<link[^>]*\shref="(?P<url>https?://[^"]+\.css)"[^>]*/?>')
_CSS_URL = re.compile(r"url\((?![\"']?data:)[^)]*\)")


@cache
def _resources() -> dict[str, str]:
    """URL -> file content, from folium-offline's tables."""
    try:
        from offlinefolium import elements, features
    except ImportError as err:  # declared dependency; guard for partial installs
        raise ImportError(
            "Offline maps need the 'folium-offline' package (pip install folium-offline), "
            "or pass cdn=True / --cdn."
        ) from err
    table: dict[str, str] = {}
    for module in (elements, features):
        for name in ("_res", "_vres"):
            table.update(getattr(module, name, {}) or {})
    return table


def _key(url: str) -> str:
    return url.split("?", maxsplit=1)[0]


def inline_assets(html: str) -> tuple[str, list[str]]:
    """Replace CDN <script>/<link> tags with inline copies; return the HTML and missing URLs."""
    table = _resources()
    missing: list[str] = []

    def script(m: re.Match[str]) -> str:
        body = table.get(_key(m["url"]))
        if body is None:
            missing.append(m["url"])
            return m.group(0)
        return "<script>" + body.replace("</script", "<\\/script") + "</script>"

    def css(m: re.Match[str]) -> str:
        body = table.get(_key(m["url"]))
        if body is None:
            missing.append(m["url"])
            return m.group(0)
        # Images and fonts these stylesheets point to are not shipped: drop the references so
        # the browser does not request files that are not there.
        return "<style>" + _CSS_URL.sub("none", body) + "</style>"

    html = _SCRIPT.sub(script, html)
    html = _CSS.sub(css, html)
    return html, missing


def render_html(m: folium.Map, *, cdn: bool = False) -> tuple[str, list[str]]:
    """The map's HTML; offline (inlined) unless ``cdn``; with the list of assets not inlined."""
    html = m.get_root().render()
    if cdn:
        return html, []
    return inline_assets(html)


def save_map(m: folium.Map, path: str | PathLike[str], *, cdn: bool = False) -> list[str]:
    """Write the map atomically; return the asset URLs that could not be inlined."""
    html, missing = render_html(m, cdn=cdn)
    with atomic_path(path) as tmp:
        tmp.write_text(html, encoding="utf-8")
    return missing
