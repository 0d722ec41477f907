"""HTML pages -> main text and metadata (trafilatura) and publication date (htmldate).

Both libraries are imported on first use; a missing one is a one-line error that names the
package to install (``lxml_html_clean`` is split from lxml since 5.2 and trafilatura's text
extraction needs it).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from geo.errors import InputError

__all__ = ["html_published", "html_to_text", "visible_lines"]


def _trafilatura() -> Any:
    try:
        import trafilatura
        from lxml.html import clean  # noqa: F401  (fails early when lxml_html_clean is missing)
    except ImportError as err:
        raise InputError(
            f"reading HTML needs trafilatura and lxml_html_clean ({err}); "
            "install them with: pip install trafilatura lxml_html_clean"
        ) from err
    return trafilatura


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """The page's main text (menus, scripts, footers left out) and its title, url, sitename.

    Raises
    ------
    InputError
        The HTML reader's libraries are not installed.
    """
    trafilatura = _trafilatura()
    meta: dict[str, str] = {}
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if doc is None:
        return "", meta
    body = getattr(doc, "text", None) or ""
    for key in ("title", "url", "sitename"):
        value = getattr(doc, key, None)
        if value:
            meta[key] = str(value)
    return body, meta


def html_published(html: str, *, url: str | None = None) -> date | None:
    """The publication date in the page's markup, read by htmldate.

    htmldate reads JSON-LD ``datePublished``, ``article:published_time``, ``<time>`` and the
    URL. Only structured evidence counts (``extensive_search=False``): a copyright year or a
    date in the running text is not a publication date. The original date wins over an
    update.
    """
    try:
        from htmldate import find_date
    except ImportError as err:
        raise InputError(
            f"reading HTML dates needs htmldate ({err}): pip install htmldate"
        ) from err
    try:
        found = find_date(
            html, extensive_search=False, original_date=True, url=url, outputformat="%Y-%m-%d"
        )
    except (ValueError, TypeError, AttributeError):
        return None
    if not found:
        return None
    try:
        return date.fromisoformat(str(found)[:10])
    except ValueError:
        return None


_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 "
    "h4 h5 h6 header hr li main nav ol p pre section table td th tr ul".split()
)


def visible_lines(html: str) -> str:
    """The page's visible text, one line per block (menus, bylines and captions included).

    What a reader sees from the top of the page: the publication-date finder reads a
    byline or date line from it when the markup holds no date. Scripts, styles and the
    ``<head>`` are left out; an unparsable page gives "".
    """
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    skip = {"script", "style", "noscript", "template", "head", "svg"}
    parts: list[str] = []
    skipping = 0
    for event, node in etree.iterwalk(root, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""  # comments: tail only
        if event == "start":
            skipping += tag in skip
            if not skipping:
                parts.append("\n" if tag in _BLOCKS else "")
                parts.append(node.text or "" if tag else "")
            continue
        if not skipping and tag in _BLOCKS:
            parts.append("\n")
        skipping -= tag in skip
        if not skipping:
            parts.append(node.tail or "")
    text = "".join(parts)
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
