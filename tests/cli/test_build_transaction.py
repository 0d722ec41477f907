"""A build is one transaction: killed at any moment, the output folder holds one complete set."""

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from maps import staging
from maps.staging import STAGING_TAG, commit, remove_stale, staged_dir
from tests.cli.conftest import ROBUST
from tests.conftest import ROOT, SEEDS


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _stage(out: Path, files: dict[str, str]) -> Path:
    with staged_dir(out) as stage:
        for name, text in files.items():
            (stage / name).write_text(text)
        commit(stage, out)
    return out


def test_first_build_renames_the_staging_folder_into_place(tmp_path):
    out = _stage(tmp_path / "out", {"map.html": "new", "stats.json": "{}"})
    assert _files(out) == {"map.html": b"new", "stats.json": b"{}"}
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_rebuild_replaces_the_set_and_keeps_the_users_files(tmp_path):
    out = tmp_path / "out"
    _stage(out, {"map.html": "old", "report.html": "old"})
    (out / "notes.txt").write_text("mine")
    (out / "sub").mkdir()
    (out / "sub" / "draft.qgz").write_text("project")
    inode = (out / "notes.txt").stat().st_ino
    _stage(out, {"map.html": "new", "stats.json": "{}"})
    assert _files(out) == {
        "map.html": b"new",
        "notes.txt": b"mine",
        "report.html": b"old",  # not part of the new set: kept, never wiped
        "stats.json": b"{}",
    }
    assert (out / "notes.txt").stat().st_ino == inode  # the same file, not a copy
    assert (out / "sub" / "draft.qgz").read_text() == "project"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_folder_permissions_survive_the_swap(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o750)
    _stage(out, {"map.html": "new"})
    assert out.stat().st_mode & 0o777 == 0o750


def test_failed_build_leaves_the_previous_set_and_no_staging(tmp_path):
    out = _stage(tmp_path / "out", {"map.html": "old"})

    def fail_midway():
        with staged_dir(out) as stage:
            (stage / "map.html").write_text("half")
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        fail_midway()
    assert _files(out) == {"map.html": b"old"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_staging_left_by_a_killed_build_is_removed_by_the_next(tmp_path):
    out = _stage(tmp_path / "out", {"map.html": "old"})
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    leftover = tmp_path / f".out{STAGING_TAG}{dead.stdout.strip()}-abc"
    leftover.mkdir()
    alive = tmp_path / f".out{STAGING_TAG}{os.getpid()}-xyz"  # a running build's: kept
    alive.mkdir()
    assert remove_stale(out) == [leftover]
    assert alive.exists()


def test_without_an_atomic_exchange_files_are_replaced_and_the_user_is_told(tmp_path, monkeypatch):
    out = _stage(tmp_path / "out", {"map.html": "old", "notes.txt": "mine"})
    monkeypatch.setattr(staging, "_exchange", lambda a, b: False)
    with staged_dir(out) as stage:
        (stage / "map.html").write_text("new")
        note = commit(stage, out)
    assert "file by file" in note
    assert _files(out) == {"map.html": b"new", "notes.txt": b"mine"}


def test_read_only_parent_stages_inside_the_output_folder(tmp_path, monkeypatch):
    out = _stage(tmp_path / "out", {"map.html": "old"})
    real = staging.tempfile.mkdtemp

    def refuse_parent(dir, prefix):
        if Path(dir) == out.parent:
            raise PermissionError(13, "Permission denied", dir)
        return real(dir=dir, prefix=prefix)

    monkeypatch.setattr(staging.tempfile, "mkdtemp", refuse_parent)
    with staged_dir(out) as stage:
        assert stage.parent == out.resolve()
        (stage / "map.html").write_text("new")
        assert "file by file" in commit(stage, out)
    assert _files(out) == {"map.html": b"new"}
    assert [p.name for p in out.iterdir()] == ["map.html"]


# ---- killing real builds ------------------------------------------------------------------


def _signature(out: Path) -> dict[str, str]:
    """Hash of every file of a build (the GeoPackage by its events layer: it stores times)."""
    import pyogrio

    sig = {}
    for path in sorted(out.iterdir()):
        if path.suffix == ".gpkg":
            frame = pyogrio.read_dataframe(path, layer="events")
            sig[path.name] = hashlib.sha256(
                frame.drop(columns="geometry").to_csv().encode()
            ).hexdigest()
        elif path.is_file():
            sig[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return sig


def _build(inputs: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "kclmap", "build", str(inputs), "-o", str(out)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_builds_killed_at_random_moments_leave_one_complete_set(tmp_path):
    """Reference sets A (one article) and B (the seeds); then build the other set over the
    one in place and kill it after a random delay with SIGINT, SIGTERM or SIGKILL."""
    sets = {"A": ROBUST / "good.txt", "B": SEEDS}
    refs = {}
    for name, inputs in sets.items():
        start = time.monotonic()
        assert _build(inputs, tmp_path / f"ref{name}").wait() == 0
        refs[name] = (_signature(tmp_path / f"ref{name}"), time.monotonic() - start)
    assert refs["A"][0] != refs["B"][0]
    out = tmp_path / "out"
    assert _build(sets["A"], out).wait() == 0
    current = "A"
    rng = random.Random(int(os.environ.get("KCLMAP_KILL_SEED", "11")))
    # four kills, and more (up to twelve) until one lands during a build: on a loaded machine
    # the builds' times vary, and a kill after the end proves nothing
    kills = [signal.SIGKILL, signal.SIGTERM, signal.SIGINT] * 4
    interrupted = 0
    for n, sig in enumerate(kills):
        if n >= 4 and interrupted:
            break
        other = "B" if current == "A" else "A"
        proc = _build(sets[other], out)
        time.sleep(rng.uniform(0.2, refs[other][1] * 1.1))
        proc.send_signal(sig)
        proc.wait()
        found = _signature(out)
        assert found in (refs["A"][0], refs["B"][0]), f"mixed set after {sig!r}"
        interrupted += found == refs[current][0]
        current = "A" if found == refs["A"][0] else "B"
    assert interrupted, "no kill landed during a build: the test proved nothing"
    # the next build cleans what the killed ones left behind
    assert _build(sets["A"], out).wait() == 0
    assert _signature(out) == refs["A"][0]
    assert not [p for p in tmp_path.iterdir() if STAGING_TAG in p.name]
