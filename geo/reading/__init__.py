"""Reading article files: encodings, HTML, metadata, language and the publication date.

The pieces :mod:`geo.articles` puts together into an :class:`~geo.articles.Article`; each is
pure (bytes or text in, values out) except :func:`~geo.reading.metadata.load_sidecar`.
"""

from __future__ import annotations

from geo.reading.encoding import Decoded, declared_charset, decode_bytes
from geo.reading.language import looks_english
from geo.reading.published import PublishedDate, date_from_url, find_publication_date

__all__ = [
    "Decoded",
    "PublishedDate",
    "date_from_url",
    "declared_charset",
    "decode_bytes",
    "find_publication_date",
    "looks_english",
]
