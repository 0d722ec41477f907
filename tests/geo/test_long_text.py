"""Long text stays linear: wrapped lines join into bounded sentences, name checks bisect."""

from __future__ import annotations

import pytest

from geo.place_names import missed_names
from geo.segment import segment

_WRAPPED = [
    "ISIS militants attacked the village of Upper Zzyzx near Daquq and the\n",
    "gunmen fired on a checkpoint outside the town of Zzyzx Kabir, near Tuz, with\n",
]


@pytest.mark.parametrize("line", _WRAPPED)
@pytest.mark.parametrize("copies", [300, 1200])
def test_wrapped_text_without_sentence_end_is_cut_into_bounded_sentences(line, copies):
    text = line * copies
    segments = segment(text)
    assert max(len(s.text) for s in segments) <= 1_000 + len(line)
    assert len(segments) >= len(text) // 1_100
    for s in segments:  # offsets still point at the text (a line break read as a space)
        assert text[s.start : s.end].replace("\n", " ") == s.text


@pytest.mark.parametrize(
    "text",
    [
        "ISIS militants attacked the village of Upper Zzyzx near\nDaquq on Monday, killing\n"
        "two soldiers.",
        "Gunmen opened fire on a shepherd in\nthe village of Zzyzx Kabir, south of\nTikrit.",
    ],
)
def test_a_short_wrapped_sentence_is_still_read_as_one(text):
    (seg,) = segment(text)
    assert seg.text == text.replace("\n", " ")


def _brute(sentence, taken, actors):
    """The names as the former check found them: every name against every span."""
    out = []
    for n in missed_names(sentence, [], []):
        a, b = n.start, n.end
        if any(s <= a < e or s < b <= e for s, e in actors):
            continue
        if any(s <= a and b <= e for s, e in taken):
            continue
        out.append(n.start)
    return out


@pytest.mark.parametrize(
    ("sentence", "taken", "actors"),
    [
        ("Gunmen attacked Zzyzx village near Daquq and the town of Qarfa.", [(16, 21)], []),
        ("Gunmen attacked Zzyzx village near Daquq and the town of Qarfa.", [(10, 30)], []),
        ("Gunmen attacked Zzyzx village near Daquq and the town of Qarfa.", [(17, 21)], []),
        ("Troops of Kirkuk Operations Command in Daquq and near Qarfa.", [], [(10, 35)]),
        ("Troops of Kirkuk Operations Command in Daquq and near Qarfa.", [], [(40, 44)]),
        ("Troops in Daquq, near Qarfa and in Zzyzx.", [(10, 15), (0, 3)], [(22, 24), (20, 30)]),
    ],
)
def test_missed_names_skips_taken_and_actor_spans_as_a_full_scan_would(sentence, taken, actors):
    got = [n.start for n in missed_names(sentence, taken, actors)]
    assert got == _brute(sentence, taken, actors)


def _lookups(spotter, monkeypatch, n: int) -> int:
    from geo.placing import Placer

    letters = "bcdfghjklmnpqrstvwxz"
    names = [f"Zq{letters[i % 20]}{letters[i // 20 % 20]}oru" for i in range(n)]
    text = "Gunmen attacked posts " + ", ".join(f"near {name}" for name in names) + "."
    placer = Placer(text, spotter, segment(text), None)
    calls = []
    real = spotter.gazetteer.lookup
    monkeypatch.setattr(
        spotter.gazetteer, "lookup", lambda *a, **k: calls.append(a) or real(*a, **k)
    )
    placer.sentence_places(0, 0)
    monkeypatch.undo()
    return len(calls)


def test_resolver_calls_per_sentence_are_bounded(spotter, monkeypatch):
    few, many = _lookups(spotter, monkeypatch, 20), _lookups(spotter, monkeypatch, 80)
    assert few > 0
    assert many <= few  # beyond the bound, more names ask the resolver nothing more
