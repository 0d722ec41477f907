"""Villages in coder-note phrasings: how often is the event placed at the village named?

Draws villages of Kirkuk, Diyala, Salah al-Din, Ninewa and Anbar from the shipped gazetteer,
writes each the way coders and reporters do (no "Qaryat", "al-" for the article's
assimilated forms, "Tal" for "Tall", no apostrophes or diacritics) into one of four sentence
frames that give its district and governorate, extracts the sentence and counts events placed
within 10 km of the village's point (ACLED precision 1). Sentences are generated from the
reference data, so no corpus sentence is reused; a namesake elsewhere in Iraq is the usual miss.

    .venv/bin/python bench/bench_village_notes.py --seed 21 --n 40
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
import unicodedata
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gazetteer import Place, default_spotter  # noqa: E402
from geo.articles import article_from_text  # noqa: E402
from geo.extract import extract_events  # noqa: E402

GOVERNORATES = {
    "Kirkuk": "Kirkuk",
    "Diyala": "Diyala",
    "Salah Al-Din": "Salah al-Din",
    "Ninewa": "Ninewa",
    "Al-Anbar": "Anbar",
}
FRAMES = (
    "On 12 March 2023, IS militants attacked a PMF position near {v} village ({d} district, "
    "{g}), killing 1 fighter.",
    "On 12 March 2023, unidentified gunmen killed a shepherd in {v} ({d} district, {g}).",
    "Gunmen killed two farmers on Sunday in the village of {v} in {d} district, {g} province.",
    "A roadside bomb wounded two soldiers on Sunday near the village of {v}, in {g}'s {d} "
    "district.",
)


def reporting_spelling(name: str) -> str:
    """A gazetteer name as reporting writes it ("Qaryat Tall adh Dhahab" -> "Tal al-Dhahab")."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    plain = re.sub(r"^Qaryat\s+", "", plain).replace("`", "").replace("'", "")
    plain = re.sub(r"\b(?:adh|ash|ar|az|as|at|ad|an|al)\s+", "al-", plain)
    return re.sub(r"\bTall\b", "Tal", plain)


def km(a: Place, lat: float, lon: float) -> float:
    """Haversine distance in km between ``a`` and (lat, lon)."""
    p1, p2 = math.radians(a.lat), math.radians(lat)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon - a.lon) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    spotter = default_spotter()
    rng = random.Random(args.seed)
    villages = [
        p
        for p in spotter.gazetteer.places
        if p.kind == "village" and p.admin1 in GOVERNORATES and p.admin2
    ]
    right = unplaced = 0
    for village in rng.sample(villages, args.n):
        text = rng.choice(FRAMES).format(
            v=reporting_spelling(village.name),
            d=village.admin2.replace("Al-", ""),
            g=GOVERNORATES[village.admin1],
        )
        article = article_from_text(text, source="note.txt", published=date(2023, 3, 16))
        events = extract_events(article, spotter=spotter).events
        event = events[0] if events else None
        if event is not None and event.lat is not None and event.lon is not None:
            if km(village, event.lat, event.lon) <= 10:
                right += 1
                continue
        elif event is not None:
            unplaced += 1
        if args.verbose:
            print(f"miss: {village.name} ({village.admin2}) -> {event and event.place}: {text}")
    print(f"villages placed within 10 km: {right}/{args.n}, unplaced {unplaced} (seed {args.seed})")


if __name__ == "__main__":
    main()
