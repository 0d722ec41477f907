"""Compound place names as coders and reporters write them, split into their parts.

* ``Kirkuk's Rashad``: a possessive; the owner names the unit the place lies in.
* ``Mosul - Al-Zuhur``: ACLED-style "Town - Quarter".
* ``Qaryat Ghaydah (Gaida)``: a parenthetical alternative spelling or name.

Generic leading and trailing words (``Nahiyat``, ``Wadi``, ``Silsilat Jibal``, ``Aradi``,
``Oilfield``, ``Border Crossing``, ``bridge``) are handled by :func:`gazetteer.normalize.parse_query`.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

__all__ = ["Compound", "split_compound"]

_POSSESSIVE = re.compile(r"^(?P<outer>[^\W\d_][\w .-]{1,40}?)\s*['’`]s\s+(?P<inner>\S.*)$")
_PAREN = re.compile(r"^(?P<main>[^()]+?)\s*[(\[](?P<alt>[^()\[\]]+)[)\]]\s*$")
_QUARTER = re.compile(r"^(?P<town>.+?)\s+[-–—]\s+(?P<quarter>.+)$")


class Compound(NamedTuple):
    """A compound name: its form and its two parts (outer/main/town first)."""

    form: Literal["possessive", "quarter", "alternative"]
    first: str
    second: str


def split_compound(name: str) -> Compound | None:
    """Split a compound name into its parts, or return ``None`` for a simple name.

    Examples
    --------
    >>> split_compound("Kirkuk's Rashad")
    Compound(form='possessive', first='Kirkuk', second='Rashad')
    >>> split_compound("Qaryat Ghaydah (Gaida)")
    Compound(form='alternative', first='Qaryat Ghaydah', second='Gaida')
    >>> split_compound("Mosul - Al-Zuhur")
    Compound(form='quarter', first='Mosul', second='Al-Zuhur')
    """
    m = _PAREN.match(name)
    if m:
        return Compound("alternative", m["main"].strip(), m["alt"].strip())
    m = _QUARTER.match(name)
    if m:
        return Compound("quarter", m["town"].strip(), m["quarter"].strip())
    m = _POSSESSIVE.match(name)
    if m:
        return Compound("possessive", m["outer"].strip(), m["inner"].strip())
    return None
