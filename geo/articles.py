"""Read news articles from .txt, .md and .html files into :class:`Article` records.

Bytes are decoded by :mod:`geo.reading.encoding` (binary files refused). The publication date
comes, in order of trust, from a sidecar ``<name>.meta.json`` or a header block / YAML front
matter, the HTML page's markup (htmldate), the page's byline or date line, the URL's path,
then the caller's ``published=`` (for pages that state none), and last an "Updated" date;
a site's "today" header, a photo
caption's date and a copyright year are never taken, and an article without a date says so
in its warnings. Problems with one file become warnings or a :class:`ReadProblem`; they
never stop a run.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from os import PathLike
from pathlib import Path

from geo.errors import InputError
from geo.reading.encoding import decode_bytes
from geo.reading.html import html_published, html_to_text, visible_lines
from geo.reading.language import looks_english
from geo.reading.metadata import load_sidecar, parse_date_value, split_header
from geo.reading.published import find_publication_date

__all__ = [
    "ARTICLE_SUFFIXES",
    "Article",
    "ReadProblem",
    "article_from_text",
    "iter_article_paths",
    "read_article",
    "read_articles",
]

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
DEFAULT_MAX_BYTES = 5_000_000
_DATELINE = re.compile(
    r"(?m)^\s*(?:date\s+\S+\s+)?([A-Z][A-Z' -]{2,30})\s*(?:,\s*[A-Za-z ]+)?\s*\((?P<outlet>[^)]{2,40})\)\s*[–—-]"
)
_NO_DATE = (
    "no publication date found: relative dates stay unresolved "
    "(give --published YYYY-MM-DD or a <name>.meta.json sidecar)"
)


@dataclass(frozen=True, slots=True)
class Article:
    """One article: clean text plus the metadata that dates and places its events.

    ``published_source`` says where ``published`` came from: "argument" (the caller's date,
    used when the page states none),
    "metadata" (sidecar, header block, front matter), "html" (the page's markup), "page"
    (a byline or date line), "url", "updated" (only an update date), or ``None``.
    ``encoding`` is the codec the file was read with (``None`` for text given as str).
    """

    source: str
    text: str
    url: str | None = None
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    dateline: str | None = None
    warnings: tuple[str, ...] = field(default=())
    published_source: str | None = None
    encoding: str | None = None

    @property
    def content_hash(self) -> str:
        """SHA-256 (first 16 hex) of the clean text: equal articles are processed once."""
        return hashlib.sha256(" ".join(self.text.split()).encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """A file that could not be read as an article, and why (reported, never fatal)."""

    source: str
    message: str


def _published(
    text: str,
    meta: dict[str, str],
    *,
    raw_html: str | None,
    url: str | None,
    published: date | None,
) -> tuple[date | None, str | None, list[str]]:
    """The publication date, its source and warnings (see the module docstring's order)."""
    notes: list[str] = []
    for key in ("published", "date"):
        value = meta.get(key)
        if value:
            found = parse_date_value(value)
            if found is not None:
                return found, "metadata", notes
            notes.append(f"unreadable {key} {value[:40]!r} in the metadata: ignored")
    if raw_html is not None:
        found = html_published(raw_html, url=url)
        if found is not None:
            return found, "html", notes
    page = find_publication_date(visible_lines(raw_html) if raw_html else text, url=url)
    if page.value is not None and page.source != "updated":
        return page.value, page.source, [*notes, *page.warnings]
    if published is not None:  # the caller's date for a page that states none
        return published, "argument", notes
    if page.value is not None:
        return page.value, page.source, [*notes, *page.warnings]
    return None, None, [*notes, _NO_DATE, *page.warnings]


def article_from_text(
    raw: str,
    *,
    source: str,
    html: bool = False,
    sidecar: dict[str, object] | None = None,
    published: date | None = None,
    warnings: Iterable[str] = (),
    encoding: str | None = None,
) -> Article:
    """Build an :class:`Article` from decoded file content (pure: no disk access).

    Raises
    ------
    InputError
        The content has no text (or the HTML reader's libraries are missing).
    """
    notes = list(warnings)
    meta: dict[str, str] = {}
    text = raw
    if html:
        text, page_meta = html_to_text(raw)
        meta.update(
            {
                "title": page_meta.get("title", ""),
                "url": page_meta.get("url", ""),
                "outlet": page_meta.get("sitename", ""),
            }
        )
    else:
        header, text = split_header(raw)
        meta.update(header)
    for key, value in (sidecar or {}).items():
        if value not in (None, ""):
            meta[str(key).lower()] = str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        raise InputError(f"{source!r} has no text")
    if not looks_english(text):
        notes.append("text does not look like English: no events extracted")
    url = meta.get("url") or None
    when, when_source, date_notes = _published(
        text, meta, raw_html=raw if html else None, url=url, published=published
    )
    notes += date_notes
    first = next((ln.strip() for ln in text.splitlines() if len(ln.split()) >= 4), None)
    dl = _DATELINE.search(text[:2000])
    return Article(
        source=source,
        text=text,
        url=url,
        title=meta.get("title") or first,
        published=when,
        outlet=meta.get("outlet") or meta.get("source") or (dl["outlet"] if dl else None),
        dateline=meta.get("dateline") or (dl.group(1).strip().title() if dl else None),
        warnings=tuple(notes),
        published_source=when_source,
        encoding=encoding,
    )


# Table and GIS formats that are never articles, even when named one by one.
TABLE_SUFFIXES = frozenset(
    (".csv", ".tsv", ".json", ".geojson", ".gpkg", ".parquet", ".xlsx", ".xls", ".shp", ".jsonl")
)


def read_article(
    path: str | PathLike[str], *, published: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    """Read one article file; raise :class:`InputError` with a one-line reason on failure.

    An events or data table named as an article (``.csv``, ``.geojson``, ``.gpkg``...) is
    refused with a pointer to ``--events`` / ``kclmap import``: its rows are not prose.
    """
    path = Path(path)
    if path.suffix.lower() in TABLE_SUFFIXES:
        raise InputError(
            f"{str(path)!r} is a table, not an article: give events tables with --events "
            "(build) or convert them with 'kclmap import'"
        )
    try:
        size = path.stat().st_size
    except OSError as err:
        raise InputError(f"cannot read {str(path)!r}: {err.strerror}") from err
    if size > max_bytes:
        raise InputError(
            f"{str(path)!r} is {size:,} bytes, over the {max_bytes:,}-byte limit "
            "(raise it with --max-bytes)"
        )
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read {str(path)!r}: {err.strerror}") from err
    if not data.strip():
        raise InputError(f"{str(path)!r} is empty")
    html = path.suffix.lower() in (".html", ".htm")
    decoded = decode_bytes(data, name=str(path), html=html)
    notes = list(decoded.warnings)
    sidecar, sidecar_note = load_sidecar(path)
    if sidecar_note:
        notes.append(sidecar_note)
    return article_from_text(
        decoded.text,
        source=str(path),
        html=html,
        sidecar=sidecar,
        published=published,
        warnings=notes,
        encoding=decoded.encoding,
    )


def iter_article_paths(paths: Iterable[str | PathLike[str]]) -> Iterator[Path]:
    """Every article file under ``paths`` (directories recursively), sorted, sidecars skipped."""
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES:
                    yield child
        elif path.exists():
            yield path
        else:
            raise InputError(f"{str(path)!r} does not exist")


def read_articles(
    paths: Iterable[str | PathLike[str]],
    *,
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[list[Article], list[ReadProblem]]:
    """Read every article under ``paths``; duplicates (same clean text) are kept once."""
    articles: list[Article] = []
    problems: list[ReadProblem] = []
    seen: dict[str, str] = {}
    for path in iter_article_paths(paths):
        try:
            article = read_article(path, published=published, max_bytes=max_bytes)
        except InputError as err:
            problems.append(ReadProblem(str(path), str(err)))
            continue
        digest = article.content_hash
        if digest in seen:
            problems.append(ReadProblem(str(path), f"duplicate of {seen[digest]}: skipped"))
            continue
        seen[digest] = str(path)
        articles.append(article)
    return articles, problems
