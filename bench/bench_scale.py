"""Scaling benchmarks: extraction at 1k/10k/100k synthetic articles, 1 and 2 workers, the
cache, the Dask engine, and enrichment of 1M/10M events (local and Dask).

Each run is a real ``kclmap`` command in a subprocess; CPU time is that of the command and
all its children (user + system); the 1-minute load average tells how busy the machine was;
peak memory is the largest sum of the
resident memory of the command and all its child processes, sampled every 0.1 s (pages the
forked workers share with their parent are counted in each, so this overstates), and the
largest sum of their proportional set size (PSS: shared pages split between the processes
that share them), sampled about once a second, with its peak in each tenth of the run.

    python bench/bench_scale.py extract 1000 10000       # corpus sizes
    python bench/bench_scale.py enrich 1000000 10000000  # event counts
Results are appended as JSON lines to bench/out/scale.jsonl.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
KCLMAP = [sys.executable, "-m", "kclmap"]


def measure(argv: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    """Wall time (s) and peak resident memory of the process tree (MiB) of one command."""
    import resource

    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # stderr to a file, not a pipe: a pipe nobody reads until the end fills up and stalls
    # a command that warns a lot
    errfile = tempfile.TemporaryFile()
    proc = subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=errfile, env={**os.environ, **(env or {})}
    )
    parent = psutil.Process(proc.pid)
    peak = peak_pss = 0
    parent_cpu = 0.0
    pss_samples: list[tuple[float, int]] = []  # (seconds, PSS of the tree), about once a second
    ticks = 0
    while proc.poll() is None:
        try:
            times = parent.cpu_times()
            parent_cpu = times.user + times.system
            tree = [parent, *parent.children(recursive=True)]
            rss = sum(p.memory_info().rss for p in tree if p.is_running())
            if ticks % 10 == 0:  # PSS reads smaps: too slow for every tick
                pss = sum(p.memory_full_info().pss for p in tree if p.is_running())
                pss_samples.append((time.perf_counter() - start, pss))
                peak_pss = max(peak_pss, pss)
        except psutil.Error:
            rss = 0
        peak = max(peak, rss)
        ticks += 1
        time.sleep(0.1)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    errfile.seek(0)
    err = errfile.read().decode(errors="replace")
    errfile.close()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(argv)} failed ({proc.returncode}): {err[-2000:]}")
    return {
        "seconds": round(elapsed, 2),
        "cpu_seconds": round(cpu, 2),
        "parent_cpu_seconds": round(parent_cpu, 2),
        "peak_mib": round(peak / 2**20),
        "peak_pss_mib": round(peak_pss / 2**20),
        "pss_mib_by_tenth": _by_tenth(pss_samples, elapsed),
        "load_avg_1m": os.getloadavg()[0],
        "stderr_tail": err[-300:],
    }


def _by_tenth(samples: list[tuple[float, int]], elapsed: float) -> list[int]:
    """The largest PSS (MiB) in each tenth of the run: flat memory shows as a flat list."""
    tenths = [0] * 10
    for t, pss in samples:
        i = min(9, int(10 * t / elapsed)) if elapsed > 0 else 0
        tenths[i] = max(tenths[i], round(pss / 2**20))
    return tenths


def record(row: dict[str, Any]) -> None:
    """Append one result to bench/out/scale.jsonl and print it."""
    row = {"when": time.strftime("%Y-%m-%d %H:%M"), "machine": platform.machine(), **row}
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "scale.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(row) + "\n")
    print(json.dumps({k: v for k, v in row.items() if k != "stderr_tail"}), flush=True)


def corpus(n: int) -> Path:
    """The seeded synthetic corpus of ``n`` articles under bench/out (made once)."""
    from bench.corpus import generate

    folder = OUT / f"corpus-{n}"
    stamp = folder / ".complete"
    if not stamp.exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate(n, folder, seed=7)
        stamp.write_text("seed 7\n")
    return folder


def corpus_extra(n: int, start: int) -> Path:
    """``n`` more seeded articles, numbered from ``start`` (the articles a feed adds)."""
    from bench.corpus import generate

    folder = OUT / f"corpus-extra-{start}-{n}"
    stamp = folder / ".complete"
    if not stamp.exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate(n, folder, seed=7, start=start)
        stamp.write_text("seed 7\n")
    return folder


def bench_extract(
    n: int, *, dask: bool = True, cache: bool = True, jobs_list: tuple[int, ...] = (1, 2)
) -> None:
    """One and two workers without cache, cold and warm cache, the Dask engine."""
    folder = corpus(n)
    with tempfile.TemporaryDirectory(dir=OUT) as tmp:
        out = Path(tmp) / "events.gpkg"
        base = [*KCLMAP, "extract", str(folder), "-o", str(out), "-q"]
        for jobs in jobs_list:
            r = measure([*base, "--no-cache", "--jobs", str(jobs)])
            record({"bench": "extract", "articles": n, "jobs": jobs, "engine": "local", **r})
        if dask:
            r = measure([*base, "--no-cache", "--engine", "dask", "--jobs", "2"])
            record({"bench": "extract", "articles": n, "jobs": 2, "engine": "dask", **r})
        if cache:
            env = {"KCLMAP_CACHE_DIR": str(Path(tmp) / "cache")}
            r = measure([*base, "--jobs", "2"], env)
            record({"bench": "extract-cache-cold", "articles": n, "jobs": 2, **r})
            r = measure([*base, "--jobs", "2"], env)
            record({"bench": "extract-cache-rerun", "articles": n, "jobs": 2, **r})
            # the folder grows by 1 %: only the new articles are extracted, the file rewritten
            grown = corpus_extra(n // 100, n)
            grown_base = [*KCLMAP, "extract", str(folder), str(grown), "-o", str(out), "-q"]
            r = measure([*grown_base, "--jobs", "2"], env)
            record({"bench": "extract-cache-grown", "articles": n + n // 100, "jobs": 2, **r})


def events_parquet(n: int, parts: int) -> Path:
    """``n`` synthetic events as a folder of ``parts`` GeoParquet files (made once)."""
    from bench.bench_enrich import synthetic

    folder = OUT / f"events-{n}.parquet"
    stamp = OUT / f".events-{n}.complete"
    if not stamp.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        per = n // parts
        for i in range(parts):
            frame = synthetic(per, seed=i)
            frame["event_id"] = frame["event_id"].map(lambda s, i=i: f"p{i}{s}")
            frame.to_parquet(folder / f"part.{i:06d}.parquet", index=False)
        stamp.write_text("ok\n")
    return folder


def bench_enrich(n: int, *, local: bool = True) -> None:
    """``kclmap enrich`` of GeoParquet events, local (one file in memory) and Dask."""
    folder = events_parquet(n, max(1, n // 250_000))
    with tempfile.TemporaryDirectory(dir=OUT) as tmp:
        if local:
            r = measure([*KCLMAP, "enrich", str(folder), "-o", str(Path(tmp) / "local.parquet")])
            record({"bench": "enrich", "events": n, "engine": "local", **r})
        r = measure(
            [
                *KCLMAP,
                "enrich",
                str(folder),
                "-o",
                str(Path(tmp) / "dask.parquet"),
                "--engine",
                "dask",
                "--jobs",
                "2",
            ]
        )
        record({"bench": "enrich", "events": n, "engine": "dask", "jobs": 2, **r})


def main() -> None:
    """``extract N...`` or ``enrich N...``.

    Skip parts with ``--no-dask``, ``--no-cache``, ``--two-only`` (extract) or ``--no-local``
    (enrich).
    """
    what, sizes = sys.argv[1], [int(a) for a in sys.argv[2:] if a.isdigit()]
    for n in sizes:
        if what == "extract":
            bench_extract(
                n,
                dask="--no-dask" not in sys.argv,
                cache="--no-cache" not in sys.argv,
                jobs_list=(2,) if "--two-only" in sys.argv else (1, 2),
            )
        elif what == "enrich":
            bench_enrich(n, local="--no-local" not in sys.argv)


if __name__ == "__main__":
    main()
