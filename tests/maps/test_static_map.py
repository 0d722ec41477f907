"""The static map as a cartographer lays it out: checked on the drawn figure itself."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from matplotlib.collections import PathCollection
from matplotlib.colors import to_hex

from geo.analysis import enrich
from geo.gisio import read_events
from geo.layers import reference_layers
from maps.event_data import derived_codes
from maps.legend import TYPE_LABELS
from maps.static_map import LAND, render_static
from maps.style import ATTRIBUTION_TEXT
from tests.conftest import DATA

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def events():
    return enrich(read_events(DATA / "map_events.csv"))


@pytest.fixture(scope="module")
def figure(events):
    fig = render_static(events, reference_layers())
    fig.canvas.draw()
    return fig


def _map_axes(fig):
    return next(ax for ax in fig.axes if ax.get_title())


def _box(artist, fig):
    return artist.get_window_extent(renderer=fig.canvas.get_renderer())


def test_legend_sits_beside_the_map_not_on_it(figure):
    ax = _map_axes(figure)
    legends = [a.get_legend() for a in figure.axes if a.get_legend() is not None]
    assert len(legends) == 1
    assert not _box(legends[0], figure).overlaps(_box(ax, figure))


def test_attribution_has_its_own_strip_below_the_scale_bar(figure):
    ax = _map_axes(figure)
    texts = [t for a in figure.axes for t in a.texts if "OCHA" in t.get_text()]
    assert len(texts) == 1
    assert texts[0].get_text().replace("\n", " ") == ATTRIBUTION_TEXT
    assert _box(texts[0], figure).y1 < _box(ax, figure).y0


def test_neighbouring_countries_are_land_not_sea(figure):
    ax = _map_axes(figure)
    assert to_hex(ax.get_facecolor()) == LAND
    assert "IRAN" in [t.get_text() for t in ax.texts]


def test_region_wide_events_are_not_drawn_as_circles(figure, events):
    ax = _map_axes(figure)
    drawn = int((derived_codes(events)["drawn_as"] < 2).sum())
    centres = len(reference_layers()["coordination_centres"])
    points = sum(len(c.get_offsets()) for c in ax.collections if isinstance(c, PathCollection))
    # Scatter symbols only: one per drawn event and one per centre or front; no buffers.
    assert points - centres == drawn
    assert f"{len(events) - drawn} event(s) placed only to a region" in " ".join(
        t.get_text() for t in _map_legend_texts(figure)
    )


def _map_legend_texts(fig):
    return [t for a in fig.axes if a.get_legend() for t in a.get_legend().get_texts()]


def test_labels_cover_no_event_symbol(figure):
    ax = _map_axes(figure)
    symbols = np.concatenate(
        [
            ax.transData.transform(c.get_offsets())
            for c in ax.collections
            if isinstance(c, PathCollection)
        ]
    )
    labels = [a for a in ax.texts if a.get_text() and a.get_text().isupper() is False]
    assert len(labels) >= 3
    for label in labels:
        box = _box(label, figure)
        inside = (
            (symbols[:, 0] > box.x0)
            & (symbols[:, 0] < box.x1)
            & (symbols[:, 1] > box.y0)
            & (symbols[:, 1] < box.y1)
        )
        assert not inside.any(), label.get_text()


def test_the_front_is_labelled_as_a_front(figure):
    ax = _map_axes(figure)
    assert "Hamrin–Qaratapa front" in [t.get_text() for t in ax.texts]
    assert "Front (at its named anchor)" in [t.get_text() for t in _map_legend_texts(figure)]


@pytest.mark.parametrize(
    "label",
    [
        *TYPE_LABELS.values(),
        "Placed to a district (ring, colour by type)",
        "Joint coordination centre",
        "Front (at its named anchor)",
        "Coordination line (approximate)",
        "Security-gap band",
        "Disputed territories",
        "Neighbouring countries",
    ],
)
def test_static_legend_lists_every_symbol(figure, label):
    assert label in [t.get_text() for t in _map_legend_texts(figure)]
