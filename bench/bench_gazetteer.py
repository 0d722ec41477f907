"""Gazetteer benchmark: load time, exact and fuzzy lookups per second, spotting MB/s (1 core)."""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def load_time() -> float:
    """Median wall time of a fresh process's ``Gazetteer.load()`` (import excluded)."""
    code = (
        "import time; from gazetteer import Gazetteer; t=time.perf_counter(); "
        "Gazetteer.load(); print(time.perf_counter()-t)"
    )
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
            ).stdout
        )
        for _ in range(5)
    ]
    return statistics.median(runs)


def per_second(fn, items) -> float:
    """Calls per second of ``fn`` over ``items`` (each item once)."""
    start = time.perf_counter()
    for item in items:
        fn(item)
    return len(items) / (time.perf_counter() - start)


def main() -> dict[str, float]:
    """Run every gazetteer benchmark and print a table."""
    from gazetteer import Gazetteer, Spotter, UnknownPlaceError

    gaz = Gazetteer.load()
    rng = random.Random(42)
    names = [row.name for row in rng.sample(gaz.names, 20_000)]

    def lookup(name: str) -> None:
        try:
            gaz.resolve(name)
        except UnknownPlaceError:
            pass

    exact = per_second(lookup, names)

    def typo(name: str) -> str:
        i = rng.randrange(1, max(2, len(name) - 1))
        return name[:i] + "z" + name[i + 1 :] + "x"

    fuzzy_names = [typo(n) for n in names[:3000]]
    fuzzy = per_second(lookup, fuzzy_names)
    t = time.perf_counter()
    spotter = Spotter(gaz)
    spot_build = time.perf_counter() - t
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*")))
    big = text * 40
    t = time.perf_counter()
    spotter.spot(big, resolve=False)
    spot_raw = len(big.encode()) / 1e6 / (time.perf_counter() - t)
    t = time.perf_counter()
    spotter.spot(big)
    spot_resolved = len(big.encode()) / 1e6 / (time.perf_counter() - t)
    results = {
        "load_s": load_time(),
        "exact_per_s": exact,
        "fuzzy_per_s": fuzzy,
        "spotter_build_s": spot_build,
        "spot_MB_per_s": spot_raw,
        "spot_and_resolve_MB_per_s": spot_resolved,
    }
    for k, v in results.items():
        print(f"{k:28} {v:12,.3f}")
    return results


if __name__ == "__main__":
    main()
