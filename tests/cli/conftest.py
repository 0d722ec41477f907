"""Helpers for the command-line tests: run ``kclmap`` in-process and capture its output."""

from __future__ import annotations

from pathlib import Path

import pytest

from kclmap.cli import main
from tests.conftest import DATA

ROBUST = DATA / "robust"


def kclmap(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``kclmap ARGV``."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def read_only_folder(tmp_path: Path) -> Path:
    """A folder this process cannot write to, even as root (sysfs refuses new files)."""
    import os

    if os.geteuid() == 0:
        return Path("/sys/kernel")
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    return folder
