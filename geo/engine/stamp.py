"""Is an output up to date? The digest of a run's inputs and the signature of what it wrote.

A run that writes ``events.gpkg`` from a folder records, in the cache file, a :class:`RunStamp`:
the SHA-256 of its inputs (every article's cache key in path order, see
:func:`geo.engine.cache.cache_key`, which covers the extractor's version, the path, the bytes,
the sidecar and ``--published``), the version of the code and libraries that write files and
the run's settings (output format, schema, ``--min-confidence``...), the signature of each file
it wrote (size, modification and change times in ns, inode), and its closing summary. A rerun
whose digest and settings are the same and whose files are still the ones it wrote has
nothing to do, and says so instead of rewriting them.

A run is never stamped when an input could not be fingerprinted (unreadable, oversized, no
cache) or a problem may not recur on the same bytes (a read error, an extraction that raised):
the next run tries again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path

from geo.engine.cache import extractor_version

__all__ = ["InputsDigest", "RunStamp", "code_version", "file_signature", "settings_key"]

# libraries whose version can change the bytes written
_LIBRARIES = ("pyogrio", "geopandas", "pandas", "shapely", "numpy")


@cache
def code_version() -> str:
    """A hash (16 hex) of the extractor's version, geo's writers and the writing libraries.

    ``geo/engine`` (left out of :func:`extractor_version`: it only schedules work) is in,
    with the installed versions of pyogrio, geopandas, pandas, shapely and numpy. A
    command adds its own code to the settings it stamps (see :func:`settings_key`).
    """
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(extractor_version().encode())
    for path in sorted(root.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}=={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}: none".encode())
    return digest.hexdigest()[:16]


class InputsDigest:
    """The running SHA-256 of a run's inputs: ``(source, cache key)`` pairs in path order.

    :attr:`hexdigest` is ``None`` once a source had no key (unreadable, too big, no cache).
    """

    def __init__(self) -> None:
        self._hash = hashlib.sha256()
        self._complete = True
        self.count = 0

    def add(self, source: str, key: str | None) -> None:
        """Feed one article file and its cache key (``None``: it could not be fingerprinted)."""
        self.count += 1
        if key is None:
            self._complete = False
            return
        self._hash.update(source.encode() + b"\0" + key.encode() + b"\0")

    def update(self, pairs: Iterable[tuple[str, str | None]]) -> InputsDigest:
        """Feed many pairs; returns ``self``."""
        for source, key in pairs:
            self.add(source, key)
        return self

    @property
    def hexdigest(self) -> str | None:
        """The digest (64 hex), or ``None`` when a source could not be fingerprinted."""
        return self._hash.hexdigest() if self._complete and self.count else None


def file_signature(path: Path) -> str | None:
    """``"size:mtime_ns:ctime_ns:inode"`` of ``path``, or ``None`` when it does not exist.

    The change time cannot be set by users (``touch -r``, ``cp -p`` and ``rsync -t`` all
    update it), and a file replaced by another one has another inode.
    """
    try:
        st = path.stat()
    except OSError:
        return None
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"


def settings_key(settings: Mapping[str, object]) -> str:
    """The run's settings and :func:`code_version` as one canonical string."""
    return json.dumps({"code": code_version(), **settings}, sort_keys=True, default=str)


@dataclass
class RunStamp:
    """What a completed run read and wrote.

    Attributes
    ----------
    digest
        :attr:`InputsDigest.hexdigest` of its inputs.
    settings
        :func:`settings_key` of its settings.
    outputs
        Each file it wrote (absolute path) -> :func:`file_signature` (``None``: none written).
    lines
        The run's closing summary, told again by a rerun that finds nothing changed.
    code
        The run's exit code.
    """

    digest: str
    settings: str
    outputs: dict[str, str | None] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    code: int = 0

    def outputs_hold(self) -> bool:
        """Every output is still the file this run wrote (or still absent)."""
        return all(file_signature(Path(p)) == sig for p, sig in self.outputs.items())

    def holds(self, digest: str | None, settings: str) -> bool:
        """Same inputs and settings, and every output still the file this run wrote."""
        return (
            digest is not None
            and digest == self.digest
            and settings == self.settings
            and self.outputs_hold()
        )

    def to_json(self) -> str:
        """The stamp as JSON text (stored in the cache)."""
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | None) -> RunStamp | None:
        """The stamp stored as ``text``, or ``None`` when it is not one (or ``text`` is None)."""
        if text is None:
            return None
        try:
            data = json.loads(text)
            return cls(
                digest=str(data["digest"]),
                settings=str(data["settings"]),
                outputs={str(k): v for k, v in dict(data["outputs"]).items()},
                lines=[str(line) for line in data["lines"]],
                code=int(data["code"]),
            )
        except (ValueError, TypeError, KeyError):
            return None
