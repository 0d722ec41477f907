"""Extraction time against article length: it must grow linearly (seconds per MB constant).

    python bench/bench_length.py                  # 100, 200, 400 and 800 KB
    python bench/bench_length.py 1000 3000 10000  # sizes in KB: the issue's 1, 3 and 10 MB
    python bench/bench_length.py --wrapped 200 1000  # one wrapped line repeated, no sentence end

Wall and CPU time of the extraction alone (the file is built in memory, so ``--max-bytes``
does not apply); CPU time is the steadier figure on a shared machine.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


_WRAPPED = "ISIS militants attacked the village of Upper Zzyzx near Daquq and the\n"


def main(
    sizes_kb: tuple[int, ...] = (100, 200, 400, 800), wrapped: bool = False
) -> dict[str, float]:
    """Extract one long article made of the seed articles repeated to each size.

    ``wrapped``: the article is instead one soft-wrapped line that never ends a sentence,
    repeated to each size (the case where joining wrapped lines made one huge sentence).
    """
    from gazetteer import default_spotter
    from geo.articles import read_article
    from geo.extract import extract_events

    spotter = default_spotter()
    seeds = [read_article(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    unit = "\n\n".join(a.text for a in seeds)
    extract_events(seeds[0], spotter=spotter)  # warm the lazy indexes
    results = {}
    for kb in sizes_kb:
        if wrapped:
            text = _WRAPPED * max(1, kb * 1024 // len(_WRAPPED))
        else:
            copies = max(1, kb * 1024 // len(unit.encode()))
            # each copy numbered, so no sentence repeats verbatim (no cache can help)
            text = "\n\n".join(unit.replace(". ", f". Report {i}. ", 2) for i in range(copies))
        article = replace(seeds[0], text=text)
        start, cpu_start = time.perf_counter(), time.process_time()
        extract_events(article, spotter=spotter)
        elapsed = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
        size_mb = len(text.encode()) / 1e6
        results[f"s_per_mb_at_{kb}kb"] = elapsed / size_mb
        results[f"cpu_s_per_mb_at_{kb}kb"] = cpu / size_mb
        print(
            f"{size_mb:6.2f} MB  {elapsed:7.2f} s wall  {cpu:7.2f} s CPU  "
            f"{cpu / size_mb:6.2f} CPU s/MB",
            flush=True,
        )
    return results


if __name__ == "__main__":
    sizes = tuple(int(a) for a in sys.argv[1:] if a.isdigit())
    main(sizes or (100, 200, 400, 800), wrapped="--wrapped" in sys.argv[1:])
