"""Shared fixtures: the shipped gazetteer and spotter, built once per session."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from gazetteer import Gazetteer, Spotter, default_gazetteer, default_spotter

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"


# No test writes the user's extraction cache (~/.cache/kclmap): commands run under pytest
# (in this process or as subprocesses) cache into a throw-away folder unless a test says.
os.environ["KCLMAP_CACHE_DIR"] = tempfile.mkdtemp(prefix="kclmap-test-cache-")
atexit.register(shutil.rmtree, os.environ["KCLMAP_CACHE_DIR"], ignore_errors=True)


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="session")
def spotter() -> Spotter:
    return default_spotter()
