"""Gazetteer benchmark: load time, exact, hinted, fuzzy and missing lookups per second, spotting MB/s (1 core).

Rates are given in wall time and in CPU time of this process (``time.process_time``): on a
shared machine the wall rate falls with the load of other processes, the CPU-time rate much
less, so both are printed.

    .venv/bin/python bench/bench_gazetteer.py    # or taskset -c 0 ... to pin one core
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def load_time() -> tuple[float, float]:
    """Median (wall, CPU) time of a fresh process's ``default_gazetteer()`` (import excluded)."""
    code = (
        "import time; from gazetteer import default_gazetteer; t=time.perf_counter(); "
        "c=time.process_time(); default_gazetteer(); "
        "print(time.perf_counter()-t, time.process_time()-c)"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
        ).stdout.split()
        for _ in range(5)
    ]
    return (
        statistics.median(float(r[0]) for r in runs),
        statistics.median(float(r[1]) for r in runs),
    )


def per_second(fn, items) -> tuple[float, float]:
    """Calls per second of ``fn`` over ``items`` (each item once): (wall, CPU time)."""
    start, cpu = time.perf_counter(), time.process_time()
    for item in items:
        fn(item)
    return (
        len(items) / (time.perf_counter() - start),
        len(items) / max(1e-9, time.process_time() - cpu),
    )


def conflict_map_check() -> dict[str, float]:
    """In-sample homonym check: each conflict-map settlement's own name, its point within 5 km.

    With and without its governorate as ``hint``. The marks are in the gazetteer, so this
    measures choosing among homonyms, not finding unknown spellings.
    """
    import csv

    from gazetteer import UnknownPlaceError, default_gazetteer
    from gazetteer.geometry import distance_km
    from gazetteer.model import Place

    gaz = default_gazetteer()
    path = ROOT / "geo" / "data" / "reference" / "wikipedia_iraq_conflict_map_places.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [
            r
            for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            if r["kind"] == "settlement" and r["in_iraq"] == "yes"
        ]
    out = {}
    for label, use_hint in (("no_hint", False), ("hint", True)):
        ok = 0
        for r in rows:
            point = Place(
                "p", "p", "", float(r["lon"]), float(r["lat"]), "", "", "", None, 0, 0, 0, ""
            )
            try:
                match = gaz.resolve(r["name"], hint=r["cod_adm1_en"] if use_hint else None)
            except UnknownPlaceError:
                continue
            ok += distance_km(match.place, point) <= 5.0
        out[f"conflict_map_{label}_within_5km"] = ok / len(rows)
    return out


def main() -> dict[str, float]:
    """Run every gazetteer benchmark and print a table."""
    from gazetteer import Spotter, UnknownPlaceError, default_gazetteer

    gaz = default_gazetteer()  # as the CLI and extraction load it (see its docstring)
    rng = random.Random(42)
    names = [row.name for row in rng.sample(gaz.names, 20_000)]

    def lookup(name: str) -> None:
        try:
            gaz.resolve(name)
        except UnknownPlaceError:
            pass

    exact, exact_cpu = per_second(lookup, names)

    def hinted(name: str) -> None:
        try:
            gaz.resolve(name, hint="Kirkuk")
        except UnknownPlaceError:
            pass

    hinted_names = [row.name for row in rng.sample(gaz.names, 3000)]
    hint_rate, hint_cpu = per_second(hinted, hinted_names)

    def typo(name: str) -> str:
        i = rng.randrange(1, max(2, len(name) - 1))
        return name[:i] + "z" + name[i + 1 :] + "x"

    fuzzy_names = [typo(n) for n in names[:3000]]
    fuzzy, fuzzy_cpu = per_second(lookup, fuzzy_names)

    def scrambled(name: str) -> str:
        letters = list(name.replace(" ", "").lower())
        rng.shuffle(letters)
        return "".join(letters).capitalize()

    # Names that are no place (letters of a known name shuffled): the whole cascade runs
    # before "not found"; the few that happen to be names are dropped.
    miss_names = [m for m in (scrambled(n) for n in names[3000:6000]) if gaz.lookup(m) is None]
    gaz._memo.clear()  # the filter above must not serve the timed run from the memo
    miss, miss_cpu = per_second(lookup, miss_names)
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
    load_s, load_cpu_s = load_time()
    results = {
        "load_s": load_s,
        "load_cpu_s": load_cpu_s,
        "exact_per_s": exact,
        "exact_cpu_per_s": exact_cpu,
        "hinted_per_s": hint_rate,
        "hinted_cpu_per_s": hint_cpu,
        "fuzzy_per_s": fuzzy,
        "fuzzy_cpu_per_s": fuzzy_cpu,
        "miss_per_s": miss,
        "miss_cpu_per_s": miss_cpu,
        "spotter_build_s": spot_build,
        "spot_MB_per_s": spot_raw,
        "spot_and_resolve_MB_per_s": spot_resolved,
    }
    results |= conflict_map_check()
    for k, v in results.items():
        print(f"{k:28} {v:12,.3f}")
    return results


if __name__ == "__main__":
    main()
