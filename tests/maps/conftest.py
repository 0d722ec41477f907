"""Build the outputs once per session for the map, GIS and browser tests."""

from __future__ import annotations

import os
import shutil
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


CHROMIUM_PATH = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def chromium():
    """Headless Chromium (skipped, or failed on CI, when it is not installed).

    One per test module: Playwright's sync API allows one running instance at a time, and
    other modules (tests/cli) start their own.
    """
    if CHROMIUM_PATH is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("Chromium is not installed: CI must run the browser tests")
        pytest.skip("Chromium is not installed (apt-get install chromium): browser tests not run")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM_PATH,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


def open_offline(browser, path: Path, ready: str = "window.kclmapDrawn !== undefined"):
    """A page showing ``path`` from file:// with every network request aborted.

    Returns ``(page, errors)``; ``errors`` collects console errors and uncaught exceptions.
    """
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route(
        "**/*",
        lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort(),
    )
    page.goto(path.as_uri())
    page.wait_for_function(ready, timeout=30_000)
    return page, errors
