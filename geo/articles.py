"""Read news articles from .txt, .md and .html files into :class:`Article` records.

Metadata comes, in order of trust, from a sidecar ``<name>.meta.json``, a header block or YAML
front matter at the top of the file, the HTML page's own metadata (trafilatura), the text's
opening lines, and last the URL's path. Problems with one file become warnings or a
:class:`ReadProblem`; they never stop a run.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from os import PathLike
from pathlib import Path

from geo.dates import parse_publication_date
from geo.errors import InputError

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
_HEADER_KEY = re.compile(
    r"^(url|title|published|date|outlet|source|author|dateline)\s*:\s*(.*)$", re.I
)
_URL_DATE = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?:/|$)"),
    re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"),
    re.compile(r"(?<!\d)(?P<d>[0-3]\d)(?P<m>[01]\d)(?P<y>(?:19|20)\d\d)(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"),
)
_ENGLISH = frozenset(
    "the of and to in a is that for on was with as by at from were said have has it an be "
    "this are which forces their".split()
)
_DATELINE = re.compile(
    r"(?m)^\s*(?:date\s+\S+\s+)?([A-Z][A-Z' -]{2,30})\s*(?:,\s*[A-Za-z ]+)?\s*\((?P<outlet>[^)]{2,40})\)\s*[–—-]"
)


@dataclass(frozen=True, slots=True)
class Article:
    """One article: clean text plus the metadata that dates and places its events."""

    source: str
    text: str
    url: str | None = None
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    dateline: str | None = None
    warnings: tuple[str, ...] = field(default=())

    @property
    def content_hash(self) -> str:
        """SHA-256 (first 16 hex) of the clean text: equal articles are processed once."""
        return hashlib.sha256(" ".join(self.text.split()).encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """A file that could not be read as an article, and why (reported, never fatal)."""

    source: str
    message: str


def _date_from_url(url: str | None) -> date | None:
    if not url:
        return None
    for pattern in _URL_DATE:
        m = pattern.search(url)
        if m:
            try:
                return date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
    return None


def _parse_iso_date(value: object) -> date | None:
    if isinstance(value, str) and value.strip():
        found = parse_publication_date("date " + value.strip())
        if found is not None:
            return found
    return None


def _split_header(text: str) -> tuple[dict[str, str], str]:
    """Split a ``key: value`` header block or YAML front matter from the top of ``text``."""
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
    if consumed and (consumed == len(lines) or not lines[consumed].strip() or consumed >= 2):
        return meta, "".join(lines[consumed:])
    return {}, text


def _looks_english(text: str) -> bool:
    words = re.findall(r"[A-Za-z]+", text[:5000].lower())
    if len(words) < 8:
        return (
            bool(words)
            and len(re.findall(r"[^\W\d_]", text[:2000])) < 3 * len(" ".join(words)) + 10
        )
    return sum(w in _ENGLISH for w in words) / len(words) > 0.08


def _html_to_text(html: str) -> tuple[str, dict[str, str]]:
    import trafilatura

    meta: dict[str, str] = {}
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if doc is None:
        return "", meta
    body = getattr(doc, "text", None) or ""
    for key in ("title", "date", "url", "sitename"):
        value = getattr(doc, key, None)
        if value:
            meta[key] = str(value)
    return body, meta


def article_from_text(
    raw: str,
    *,
    source: str,
    html: bool = False,
    sidecar: dict[str, object] | None = None,
    published: date | None = None,
    warnings: Iterable[str] = (),
) -> Article:
    """Build an :class:`Article` from decoded file content (pure: no disk access)."""
    notes = list(warnings)
    meta: dict[str, str] = {}
    text = raw
    if html:
        text, page_meta = _html_to_text(raw)
        meta.update(
            {
                "title": page_meta.get("title", ""),
                "url": page_meta.get("url", ""),
                "published": page_meta.get("date", ""),
                "outlet": page_meta.get("sitename", ""),
            }
        )
    else:
        header, text = _split_header(raw)
        meta.update(header)
    for key, value in (sidecar or {}).items():
        if value not in (None, ""):
            meta[str(key).lower()] = str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        raise InputError(f"{source!r} has no text")
    if not _looks_english(text):
        notes.append("text does not look like English: no events extracted")
    url = meta.get("url") or None
    when = (
        published
        or _parse_iso_date(meta.get("published") or meta.get("date"))
        or parse_publication_date("\n".join(text.strip().splitlines()[:6])[:400])
        or _date_from_url(url)
    )
    if when is None:
        notes.append(
            "no publication date found: relative dates stay unresolved "
            "(give --published YYYY-MM-DD or a <name>.meta.json sidecar)"
        )
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
    )


def read_article(
    path: str | PathLike[str], *, published: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    """Read one article file; raise :class:`InputError` with a one-line reason on failure."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as err:
        raise InputError(f"cannot read {str(path)!r}: {err.strerror}") from err
    if size > max_bytes:
        raise InputError(
            f"{str(path)!r} is {size:,} bytes, over the {max_bytes:,}-byte limit "
            "(raise it with --max-bytes)"
        )
    data = path.read_bytes()
    if not data.strip():
        raise InputError(f"{str(path)!r} is empty")
    if b"\x00" in data[:4096]:
        raise InputError(f"{str(path)!r} looks binary (NUL bytes), not an article")
    notes = []
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError:
        raw = data.decode("utf-8", errors="replace")
        notes.append("invalid UTF-8 replaced with U+FFFD")
    sidecar_path = path.with_name(path.stem + ".meta.json")
    sidecar: dict[str, object] | None = None
    if sidecar_path.exists():
        try:
            loaded = json.loads(sidecar_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            notes.append(f"ignored unreadable sidecar {sidecar_path.name}: {err}")
        else:
            sidecar = loaded if isinstance(loaded, dict) else None
    html = path.suffix.lower() in (".html", ".htm")
    return article_from_text(
        raw, source=str(path), html=html, sidecar=sidecar, published=published, warnings=notes
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
