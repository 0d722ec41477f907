"""A seeded synthetic news corpus in the styles of the development corpus, for the benchmarks.

Every article is assembled from templates written for this generator (no outlet's text): a
page header in one of several outlets' layouts, a dateline, two to five event paragraphs
(attacks, joint and unilateral operations, airstrikes, arrests, meetings, agreements) with real
place names from the disputed territories, context and quote paragraphs, and page noise (menus,
"Read More:" links). The same ``seed`` and ``n`` always give the same files.

    python bench/corpus.py 10000 bench/out/corpus-10k [--seed 7]
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

PLACES = (
    "Makhmour",
    "Qara Tapa",
    "Daquq",
    "Hawija",
    "Tuz Khurmatu",
    "Khanaqin",
    "Jalawla",
    "Kifri",
    "Sinjar",
    "Rabia",
    "Bashiqa",
    "Tel Keppe",
    "Altun Kupri",
    "Dibis",
    "Sargaran",
    "Wadi al-Shay",
    "Qarachogh",
    "Gwer",
    "Mandali",
    "Sulaiman Bek",
    "Amerli",
    "Zummar",
    "Bartella",
    "Hamdaniya",
    "Shirqat",
    "Riyadh",
    "Rashad",
    "Taza",
    "Laylan",
    "Kirkuk",
)
PROVINCES = ("Kirkuk", "Diyala", "Nineveh", "Saladin", "Erbil")
FORCES = (
    "Peshmerga forces",
    "the Iraqi army",
    "the Federal Police",
    "Iraqi counter-terrorism forces",
    "the Popular Mobilization Forces",
    "Kurdish Asayish forces",
)
OUTLETS = ("Kurdistan 24", "Rudaw", "Shafaq News", "NRT", "PUKmedia", "INA")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBERS = ("two", "three", "four", "five", "six", "seven")

EVENTS = (
    "{num_cap} {victims} were killed and {num2} others wounded when ISIS militants attacked "
    "their positions near {place} on {weekday} night, a security source told {outlet}.",
    "An improvised explosive device struck a vehicle carrying {victims} on the road between "
    "{place} and {place2} on {weekday}, killing {num} of them, local officials said.",
    "ISIS gunmen kidnapped {num} shepherds from a village south of {place} late on "
    "{weekday}, according to the district's mayor.",
    "{force_cap} and {force2} launched a joint operation on {weekday} to clear ISIS "
    "hideouts in the hills around {place}, the Ministry of Peshmerga said in a statement.",
    "{force_cap} carried out a search operation in the orchards near {place} on {weekday} "
    "and destroyed {num} tunnels used by the militants.",
    "Iraqi F-16 jets struck an ISIS hideout in the {valley} valley near {place} on "
    "{weekday}, killing {num} militants, the Security Media Cell said.",
    "Coalition aircraft carried out an airstrike on ISIS positions west of {place} on "
    "{weekday}, the coalition said.",
    "Security forces arrested {num} suspected ISIS members in {place} on {weekday}, the "
    "{province} police said.",
    "Kurdish and Iraqi military commanders met in {place} on {weekday} to discuss closing "
    "the security gap between their lines.",
    "Erbil and Baghdad agreed on {weekday} to form two new joint brigades to secure the "
    "areas between {place} and {place2}, officials said.",
)
CONTEXT = (
    "The area lies in the disputed territories claimed by both Erbil and Baghdad, where a "
    "security vacuum has allowed the remnants of the group to regroup since October 2017.",
    "Residents of the surrounding villages have long complained that the gap between "
    "Peshmerga and Iraqi army lines leaves them exposed to night raids.",
    "Officials in {province} province have repeatedly called for more coordination between "
    "the two forces along the front line.",
    "The group lost its last territory in Iraq in 2017 but its cells remain active in the "
    "rugged terrain of {province} and neighbouring provinces.",
)
QUOTES = (
    '"We need more joint operations to stop these attacks," a local official in {place} told '
    "{outlet}, speaking on condition of anonymity.",
    '"The militants move at night and hide in the valleys by day," a Peshmerga commander said.',
)
NOISE = (
    "Read More: {place} farmers count losses after summer fires",
    "Home  Kurdistan  Iraq  World  Opinion  Video",
    "Share this article: Facebook | Twitter | WhatsApp",
    "Related: Security forces on alert ahead of religious holiday",
)


def _fill(template: str, rng: random.Random) -> str:
    place, place2 = rng.sample(PLACES, 2)
    force, force2 = rng.sample(FORCES, 2)
    num = rng.choice(NUMBERS)
    return template.format(
        place=place,
        place2=place2,
        force_cap=force[0].upper() + force[1:],
        force2=force2,
        num=num,
        num_cap=num.capitalize(),
        num2=rng.choice(NUMBERS),
        victims=rng.choice(("soldiers", "Peshmerga fighters", "policemen", "civilians")),
        weekday=rng.choice(WEEKDAYS),
        outlet=rng.choice(OUTLETS),
        province=rng.choice(PROVINCES),
        valley=rng.choice(("Zghaitun", "Shay", "Tuz", "Hamrin")),
    )


def article(i: int, rng: random.Random) -> str:
    """The text of article ``i``: header, dateline, events, context, quotes and noise."""
    published = date(2018, 1, 1) + timedelta(days=rng.randrange(0, 7 * 365))
    outlet = rng.choice(OUTLETS)
    slug = f"{i:07d}-{rng.getrandbits(32):08x}"
    header = rng.choice(
        (
            f"url: https://news.example.org/en/story/{slug}\ntitle: Security report {i}\n"
            f"published: {published.isoformat()}\noutlet: {outlet}\n\n",
            f"url: https://news.example.org/{published:%Y/%m/%d}/{slug}\n date "
            f"{published.isoformat()} {outlet}\n",
            f"---\ntitle: Security update {i}\npublished: {published.isoformat()}\n---\n",
        )
    )
    place = rng.choice(PLACES).upper()
    paragraphs = [rng.choice(NOISE).format(place=rng.choice(PLACES))]
    lead = _fill(rng.choice(EVENTS), rng)
    paragraphs.append(f"{place} ({outlet}) – {lead}")
    for _ in range(rng.randint(1, 4)):
        paragraphs.append(_fill(rng.choice(EVENTS), rng))
        if rng.random() < 0.6:
            paragraphs.append(_fill(rng.choice(CONTEXT), rng))
    paragraphs.append(_fill(rng.choice(QUOTES), rng))
    paragraphs.append(_fill(rng.choice(CONTEXT), rng))
    paragraphs.append(rng.choice(NOISE).format(place=rng.choice(PLACES)))
    return header + "\n\n".join(paragraphs) + "\n"


def generate(n: int, out_dir: Path, *, seed: int = 7, start: int = 0) -> list[Path]:
    """Write articles ``start .. start + n - 1`` into ``out_dir`` (100 per sub-folder)."""
    paths = []
    for i in range(start, start + n):
        rng = random.Random(seed * 1_000_003 + i)
        path = out_dir / f"{i // 100:05d}" / f"{i:07d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article(i, rng), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 7
    written = generate(int(sys.argv[1]), Path(sys.argv[2]), seed=seed)
    print(f"wrote {len(written)} articles to {sys.argv[2]}")
