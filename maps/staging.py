"""A build is one transaction: outputs go into a staging folder swapped in at the end.

The staging folder is a sibling of the output folder (same file system). When the build is
complete, other files already in the output folder are hard-linked into it (so nothing of the
user's is lost), and the two folders are exchanged in one system call (Linux
``renameat2(RENAME_EXCHANGE)``; the standard library has no binding for it and no maintained
package wraps it, hence ``ctypes``). Killing the process at any moment (SIGINT, SIGTERM,
SIGKILL) therefore leaves either the previous complete set or the new one. Where the exchange
is not possible (another OS, a mount point, the current directory) files are replaced one by
one and the caller is told the swap was not atomic.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["STAGING_TAG", "commit", "remove_stale", "staged_dir"]

STAGING_TAG = ".kclmap-staging-"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _staging_prefix(out_dir: Path) -> str:
    return f".{out_dir.name}{STAGING_TAG}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale(out_dir: Path) -> list[Path]:
    """Delete staging folders left beside ``out_dir`` by builds that were killed."""
    removed: list[Path] = []
    if not out_dir.parent.is_dir():
        return removed
    prefix = _staging_prefix(out_dir)
    for path in out_dir.parent.glob(prefix + "*"):
        pid_text = path.name[len(prefix) :].split("-", 1)[0]
        if pid_text.isdigit() and not _alive(int(pid_text)) and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically; ``False`` when the system cannot (caller falls back)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        fn = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # glibc < 2.28 or another libc
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    if fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EXDEV, errno.EBUSY, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _link_or_copy(src: Path, dst: Path) -> None:
    if src.is_dir() and not src.is_symlink():
        shutil.copytree(src, dst, symlinks=True, copy_function=_link_file)
    elif src.is_symlink():
        os.symlink(os.readlink(src), dst)
    else:
        _link_file(str(src), str(dst))


def _link_file(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _swappable(out_dir: Path) -> bool:
    cwd = Path.cwd().resolve()
    return not (os.path.ismount(out_dir) or cwd == out_dir or out_dir in cwd.parents)


def commit(staging: Path, out_dir: Path) -> str | None:
    """Put the files of ``staging`` into ``out_dir`` as one set; keep the folder's other files.

    Returns
    -------
    str or None
        ``None`` when the swap was atomic; else a one-line note saying it was file by file.
    """
    out_dir = out_dir.resolve()
    if not out_dir.exists():
        os.rename(staging, out_dir)
        return None
    new_names = {p.name for p in staging.iterdir()}
    if staging.parent != out_dir and _swappable(out_dir):
        for entry in out_dir.iterdir():
            if entry.name not in new_names and STAGING_TAG not in entry.name:
                _link_or_copy(entry, staging / entry.name)
        os.chmod(staging, out_dir.stat().st_mode & 0o7777)
        if _exchange(staging, out_dir):
            old = staging  # after the exchange the staging path holds the previous folder
            for entry in old.iterdir():  # anything created in out_dir while we linked
                if entry.name not in new_names and not (out_dir / entry.name).exists():
                    os.rename(entry, out_dir / entry.name)
            shutil.rmtree(old, ignore_errors=True)
            return None
    for name in sorted(new_names):
        target = out_dir / name
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        os.replace(staging / name, target)
    return f"outputs were replaced file by file in {str(out_dir)!r}, not swapped in at once"


@contextlib.contextmanager
def staged_dir(out_dir: Path) -> Iterator[Path]:
    """Yield an empty staging folder beside ``out_dir``; write the outputs into it.

    The staging folder is a sibling of ``out_dir``; when only ``out_dir`` itself is writable
    it goes inside it, and :func:`commit` then replaces the files one by one. The caller then
    calls :func:`commit`; whatever happens, the staging folder is gone when the
    block exits (a SIGKILL leaves it behind, and the next build removes it).
    """
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(out_dir)
    prefix = f"{_staging_prefix(out_dir)}{os.getpid()}-"
    try:
        staging = Path(tempfile.mkdtemp(dir=out_dir.parent, prefix=prefix))
    except PermissionError:  # a writable folder in a read-only parent: stage inside it
        if not out_dir.is_dir():
            raise
        remove_stale(out_dir / "x")
        staging = Path(tempfile.mkdtemp(dir=out_dir, prefix=f".x{STAGING_TAG}{os.getpid()}-"))
    os.chmod(staging, 0o777 & ~_umask())
    try:
        yield staging
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
