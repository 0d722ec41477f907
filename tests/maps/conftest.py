"""Build the outputs once per session for the map, GIS and browser tests."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from geo.pipeline import extract
from maps.build import BuildOptions, build_outputs
from tests.conftest import DATA, SEEDS

# The layer names a person must find in the map's layer control (issue 6).
EXPECTED_LAYERS = [
    "Attacks",
    "Operations (joint)",
    "Operations (unilateral)",
    "Meetings and agreements",
    "Coordination line (approximate)",
    "Security-gap band",
    "Joint coordination centres",
    "Disputed territories",
    "Governorates and districts",
]


@pytest.fixture(scope="session")
def seed_events(spotter):
    hostile = extract(DATA / "hostile", spotter=spotter)
    seeds = extract(SEEDS, spotter=spotter)
    return pd.concat([seeds, hostile], ignore_index=True)


@pytest.fixture(scope="session")
def built(tmp_path_factory, seed_events) -> Path:
    out = tmp_path_factory.mktemp("build")
    build_outputs(seed_events, out, BuildOptions())
    return out
