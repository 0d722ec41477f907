"""The GeoPackage as an analyst opens it: in real QGIS (Debian's python3-qgis), headless.

Runs ``qgis_probe.py`` with the system Python that has QGIS; skipped, saying why, where QGIS
is not installed (``apt-get install python3-qgis``).
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("qgis_probe.py")
SYSTEM_PYTHON = shutil.which("python3", path="/usr/bin")


def _has_qgis() -> bool:
    if SYSTEM_PYTHON is None:
        return False
    found = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import qgis.core"], capture_output=True, check=False, timeout=120
    )
    return found.returncode == 0


pytestmark = pytest.mark.skipif(
    not _has_qgis(),
    reason="QGIS is not installed for /usr/bin/python3 (apt-get install python3-qgis)",
)


@pytest.fixture(scope="module")
def opened(built, tmp_path_factory):
    runtime = tmp_path_factory.mktemp("xdg")
    runtime.chmod(0o700)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(runtime))
    done = subprocess.run(
        [SYSTEM_PYTHON, str(PROBE), str(built / "kclmap.gpkg")],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout), done.stderr


def test_qgis_opens_the_geopackage_without_warnings(opened):
    report, stderr = opened
    gdal_warnings = [line for line in stderr.splitlines() if line.startswith(("Warning", "ERROR"))]
    assert gdal_warnings == []
    assert [m for m in report["messages"] if m["level"] >= 1] == []


def test_every_layer_draws_at_least_one_symbol(opened):
    from geo.layers import LAYER_TITLES

    report, _ = opened
    layers = report["layers"]
    assert set(layers) == {"events", *LAYER_TITLES}
    for name, layer in layers.items():
        assert layer["valid"], name
        assert layer["symbols"] >= 1, f"{name}: its style gives no feature a symbol"
        assert layer["painted_pixels"] > 0, f"{name}: nothing drawn"


def test_events_of_other_datasets_get_their_own_shape(opened):
    report, _ = opened
    (expression,) = report["layers"]["events"]["data_defined"]
    assert "\"dataset\" = 'acled' THEN 'square'" in expression
