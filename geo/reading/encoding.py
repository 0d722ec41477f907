"""Bytes of a user's file -> text: encodings detected, binary files refused.

Order: a byte-order mark; UTF-16 without one (zero bytes in every other position); for HTML
the charset its ``<meta>`` declares; strict UTF-8; charset_normalizer's detection (a
Western single-byte guess is read as Windows-1252, the code page English text saved on
Windows uses); last, UTF-8 with undecodable bytes replaced, with a warning. Images, PDFs,
archives and other binary files are refused with one line that names what they look like.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from geo.errors import InputError

__all__ = ["Decoded", "declared_charset", "decode_bytes"]

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.odt file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file"),
    (b"\x7fELF", "a program (ELF)"),
    (b"SQLite format 3\x00", "an SQLite database (a GeoPackage?)"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*(?P<cs>[A-Za-z0-9_.:-]+)""", re.I)
# WHATWG: pages that declare Latin-1 or ASCII are decoded as Windows-1252.
_WHATWG_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
}
# Latin-script single-byte code pages that charset_normalizer may pick for a short Windows-1252
# text (an English article with a few accented names); Arabic, Cyrillic, Greek or Hebrew
# guesses are kept as they are.
_WESTERN = frozenset(
    "cp1250 cp1252 cp1254 cp1257 cp1258 cp437 cp850 cp852 cp858 cp775 mac-roman mac-latin2 "
    "mac-iceland mac-turkish latin-1 iso8859-1 iso8859-2 iso8859-3 iso8859-4 iso8859-9 "
    "iso8859-10 iso8859-13 iso8859-14 iso8859-15 iso8859-16 hp-roman8 cp860 cp861 cp863 "
    "cp865".split()
)
# East Asian multi-byte code pages: charset_normalizer may pick one for a short, mostly ASCII
# Windows-1252 text ("É" is a half-width katakana in Shift-JIS). Reporting on Iraq in Latin
# script is never in them, so a mostly ASCII text that Windows-1252 decodes is read as that.
_EAST_ASIAN = frozenset(
    "cp932 shift_jis shift_jis_2004 shift_jisx0213 euc_jp euc_jis_2004 euc_jisx0213 iso2022_jp "
    "gb2312 gbk gb18030 hz big5 big5hkscs cp950 euc_kr cp949 johab iso2022_kr".split()
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1b")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, the codec used and warnings for the user."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag of its first 4 KB, if any."""
    m = _META_CHARSET.search(data[:4096])
    if m is None:
        return None
    name = m["cs"].decode("ascii", "replace").lower()
    name = _WHATWG_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sum(1 for i in range(0, 2 * pairs, 2) if sample[i] == 0)
    odd = sum(1 for i in range(1, 2 * pairs, 2) if sample[i] == 0)
    if odd > 0.3 * pairs and even < 0.05 * pairs:
        return "utf-16-le"
    if even > 0.3 * pairs and odd < 0.05 * pairs:
        return "utf-16-be"
    return None


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(
        1
        for ch in sample
        if (unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in _ALLOWED_CONTROLS)
        or ch == "\ufffd"
    )
    return bad / len(sample)


def _detect(data: bytes) -> tuple[str, str] | None:
    """charset_normalizer's guess as (codec, note), Western guesses read as Windows-1252."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    guess = codecs.lookup(best.encoding).name
    high = sum(1 for b in data[:200_000] if b >= 0x80)
    if guess in _EAST_ASIAN and high <= 0.3 * min(len(data), 200_000):
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return guess, f"detected as {guess}"
        return "cp1252", f"detected as {guess} but mostly ASCII: read as Windows-1252"
    if guess != "cp1252" and guess in _WESTERN:
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return guess, f"detected as {guess}"
        return "cp1252", f"detected as a Western code page ({guess}), read as Windows-1252"
    return guess, f"detected as {guess}"


def decode_bytes(data: bytes, *, name: str = "input", html: bool = False) -> Decoded:
    """Decode a user's file into text, or raise :class:`InputError` for a binary file.

    Parameters
    ----------
    data : bytes
        The whole file.
    name : str
        Shown in messages (the path).
    html : bool
        Honour a ``<meta charset>`` declaration.

    Raises
    ------
    InputError
        The bytes are an image, archive, program or other non-text data.
    """
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{name!r} looks like {what}, not a text file")
    text: str | None = None
    encoding = ""
    notes: list[str] = []
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text, encoding = data.decode(codec), codec
            except UnicodeDecodeError:
                text = None
            break
    if text is None and b"\x00" in data[:4096]:
        codec16 = _utf16_without_bom(data)
        if codec16 is not None:
            try:
                text, encoding = data.decode(codec16), codec16
            except UnicodeDecodeError as err:
                raise InputError(f"{name!r} looks binary (NUL bytes), not a text file") from err
        elif data.count(0) <= 0.01 * len(data):  # a stray NUL in a text: drop it, say so
            data = data.replace(b"\x00", b"")
            notes.append("NUL bytes removed")
        else:
            raise InputError(f"{name!r} looks binary (NUL bytes), not a text file")
    if text is None and html:
        declared = declared_charset(data)
        if declared is not None:
            try:
                text, encoding = data.decode(declared), declared
            except UnicodeDecodeError:
                notes.append(f"bytes invalid in the declared charset {declared}")
    if text is None:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            detected = _detect(data)
            if detected is not None:
                codec, note = detected
                text, encoding = data.decode(codec, errors="replace"), codec
                notes.append(f"not UTF-8: {note}")
    if text is None:
        text, encoding = data.decode("utf-8", errors="replace"), "utf-8"
        notes.append("invalid UTF-8 replaced with U+FFFD (encoding not recognised)")
    if _control_share(text) > 0.02:
        raise InputError(f"{name!r} looks binary (control characters), not a text file")
    return Decoded(text.replace("\x00", ""), encoding, tuple(notes))
