"""Shared fixtures: the shipped gazetteer and spotter, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import Gazetteer, Spotter, default_gazetteer, default_spotter

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="session")
def spotter() -> Spotter:
    return default_spotter()
