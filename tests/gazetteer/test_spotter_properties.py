"""Property-based tests of toponym spotting: never a crash, offsets always point at the name."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

# Text built from place names the gazetteer knows, glue words, punctuation, Arabic script,
# combining marks and control characters, so mentions are found inside hostile surroundings.
_PIECES = st.sampled_from(
    [
        "Kirkuk",
        "Makhmour",
        "Mexmûr",
        "Qara Tapa",
        "Tuz Khurmatu",
        "Daquq",
        "Hawija",
        "كركوك",
        "Kirkuk's Rashad",
        " near ",
        " south of ",
        ", ",
        ". ",
        "\n",
        "\t",
        "\u0301",
        "\x00",
        "'",
        "’",
        "-",
        "İ",
        "ß",
    ]
)
_TEXTS = st.one_of(st.lists(_PIECES, max_size=25).map("".join), st.text(max_size=200))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=_TEXTS)
@example(text="Kirkuk\u0301 and Makhmour")
@example(text="İİİ Kirkuk ßß Daquq")
def test_spotted_offsets_always_slice_the_mention(spotter, text):
    mentions = spotter.spot(text)
    last_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end  # in order, never overlapping
        last_end = m.end
