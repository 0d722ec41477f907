"""Fuzz the article reader and the extractor: generated inputs, none may crash.

    .venv/bin/python bench/fuzz_articles.py --n 100000 --seed 1
    # or in two processes: --n 50000 --start 0  and  --n 50000 --start 50000

Each input is bytes plus a file suffix (.txt, .md or .html), made by one of several
generators: corpus pages mutated byte by byte, spliced or truncated; pages assembled from
header lines, date forms, sentences and noise; random Unicode text in a random encoding (UTF-8,
UTF-16 with or without BOM, Windows-1252); HTML with random tags and charset declarations;
and raw random bytes. Each goes through what ``read_article`` does (decode, metadata, HTML,
publication date, language) and then ``extract_events``. A file refused with an
``InputError`` is an expected outcome; any other exception is a crash, printed with the
input's index so ``--only INDEX`` replays it. Exit status 1 if anything crashed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "tests" / "data" / "corpus" / "articles"
HEADERS = [
    "url: https://www.rudaw.net/english/middleeast/iraq/{d:02d}{m:02d}{y}{s}",
    "url: https://x.org/{y}/{m}/{d}/story",
    "published: {y}-{m:02d}-{d:02d}",
    "date: {d} March {y}",
    " date {y}-{m:02d}-{d:02d} Kurdistan24",
    "Kurdistan {h:02d}:49 PM - {y}-{m:02d}-{d:02d}",
    "{d:02d}-{m:02d}-{y}",
    "{m}/{d}/{y} {h}:12 PM | Views: 12",
    "• Saturday, {d} May {y}",
    "Published {y}/{m:02d}/{d:02d} 10:35",
    "By Rudaw {d}/{m}/{y}",
    "© {y} Example Media. All rights reserved.",
    "Photo: Rudaw, {d} June {y}",
    "---",
    "title: {y}",
]
DATES = [
    "on Monday",
    "last Thursday",
    "two days ago",
    "three days earlier",
    "the next day",
    "12/25/2021",
    "31/02/2021",
    "June 23",
    "since 2014",
    "in the second quarter of 2022",
    "yesterday",
    "as of Sunday",
    "99/99/9999",
    "2021/13/45",
]
NOISE = [
    "Read More: ",
    "<script>alert(1)</script>",
    "\x00",
    "\ufeff",
    "\u202e",
    "\r\n",
    "\t",
    "&amp;",
    "﻿",
    "ـ",
    "Kerkûk",
    "هەولێر",
    "🙂",
    "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
    "(Photo: Archive)",
    "|" * 5,
    "A+ A-",
]
TAGS = ["p", "div", "article", "h1", "time", "script", "style", "nav", "footer", "meta", "a", "br"]


@dataclass
class FuzzResult:
    """What a fuzz run did: inputs tried, refused with an InputError, crashes."""

    n: int = 0
    refused: int = 0
    events: int = 0
    crashes: list[tuple[int, str]] = field(default_factory=list)
    seconds: float = 0.0


def _sentences(pages: list[str]) -> list[str]:
    out = []
    for page in pages:
        out += [s.strip() for s in page.replace("\n", " ").split(". ") if len(s.split()) > 4]
    return out or ["ISIS militants attacked a Peshmerga post near Makhmour on Monday"]


def _mutate(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        if not buf:
            break
        op = rng.random()
        i = rng.randrange(len(buf))
        if op < 0.4:
            buf[i] = rng.randrange(256)
        elif op < 0.7:
            buf[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        else:
            del buf[i : i + rng.randint(1, 50)]
    return bytes(buf)


def _assembled(rng: random.Random, sentences: list[str]) -> str:
    y, m, d = rng.randint(1985, 2040), rng.randint(0, 13), rng.randint(0, 32)
    lines = [
        rng.choice(HEADERS).format(y=y, m=m, d=d, h=rng.randint(0, 30), s=rng.choice(["", "2"]))
        for _ in range(rng.randint(0, 4))
    ]
    for _ in range(rng.randint(0, 8)):
        parts = [rng.choice(sentences)]
        for _ in range(rng.randint(0, 3)):
            parts.insert(rng.randint(0, len(parts)), rng.choice(DATES + NOISE))
        lines.append(" ".join(parts) + rng.choice([".", "", "!", "?", ". ", "\n"]))
    return rng.choice(["\n", "\n\n", "\r\n", " "]).join(lines)


def _html(rng: random.Random, text: str) -> str:
    head = rng.choice(
        [
            "",
            '<meta charset="windows-1252">',
            '<meta charset="utf-8">',
            '<meta charset="x-no-such">',
            '<meta property="article:published_time" content="2022-06-14T11:00:00+03:00">',
            '<script type="application/ld+json">{"datePublished": "2019-13-45"}</script>',
            '<script type="application/ld+json">{"datePublished": ',
        ]
    )
    body = []
    for para in text.split("\n"):
        tag = rng.choice(TAGS)
        body.append(f"<{tag}>{para}" + (f"</{tag}>" if rng.random() < 0.8 else ""))
    return f"<html><head>{head}<title>{text[:40]}</title></head><body>{''.join(body)}"


def generate(rng: random.Random, pages: list[bytes], sentences: list[str]) -> tuple[bytes, str]:
    """One fuzz input: (file bytes, suffix)."""
    kind = rng.random()
    suffix = rng.choice([".txt", ".txt", ".md", ".html"])
    if kind < 0.3 and pages:
        data = rng.choice(pages)
        if rng.random() < 0.3:
            other = rng.choice(pages)
            data = data[: rng.randrange(len(data) + 1)] + other[rng.randrange(len(other) + 1) :]
        return _mutate(rng, data), suffix
    if kind < 0.75:
        text = _assembled(rng, sentences)
        if suffix == ".html":
            text = _html(rng, text)
        encoding = rng.choice(["utf-8", "utf-8", "utf-16", "utf-16-le", "cp1252", "utf-8-sig"])
        return text.encode(encoding, errors="replace"), suffix
    if kind < 0.9:
        alphabet = rng.choice(
            ["abcdefghij ,.\n0123456789/-:", "ءابتثجحخدذرزسشص ێۆە", "\x00\x01\x7f\u200b\ufffd a"]
        )
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 600)))
        return text.encode(rng.choice(["utf-8", "utf-16"]), errors="replace"), suffix
    return bytes(rng.randrange(256) for _ in range(rng.randint(0, 800))), suffix


def run_one(data: bytes, suffix: str, spotter: object) -> int:
    """Read ``data`` as an article file would be read and extract its events (event count)."""
    from geo.articles import article_from_text
    from geo.extract import extract_events
    from geo.reading.encoding import decode_bytes

    html = suffix == ".html"
    decoded = decode_bytes(data, name="fuzz" + suffix, html=html)
    article = article_from_text(
        decoded.text, source="fuzz" + suffix, html=html, warnings=decoded.warnings
    )
    return len(extract_events(article, spotter=spotter).events)  # type: ignore[arg-type]


def fuzz(
    n: int,
    *,
    seed: int = 1,
    only: int | None = None,
    start: int = 0,
    spotter: object = None,
    progress: int = 0,
) -> FuzzResult:
    """Run inputs ``start .. start+n-1`` (or just input ``only``) through reader and extractor.

    Each input depends only on ``seed`` and its index, so a run split into ranges over
    several processes tries exactly the inputs of one long run.
    """
    from gazetteer import default_spotter
    from geo.errors import InputError

    spotter = spotter or default_spotter()
    page_bytes = [p.read_bytes() for p in sorted(CORPUS.glob("*"))] if CORPUS.exists() else []
    sentences = _sentences([p.decode("utf-8", "replace") for p in page_bytes])
    result = FuzzResult()
    began = time.perf_counter()
    for index in range(start, start + n):
        if progress and index > start and (index - start) % progress == 0:
            print(f"  {index - start:,} inputs, {len(result.crashes)} crashes", flush=True)
        rng = random.Random(f"{seed}:{index}")  # each input replays on its own
        data, suffix = generate(rng, page_bytes, sentences)
        if only is not None and index != only:
            continue
        result.n += 1
        try:
            result.events += run_one(data, suffix, spotter)
        except InputError:
            result.refused += 1
        except Exception as err:
            detail = "".join(traceback.format_exception_only(type(err), err)).strip()
            result.crashes.append((index, detail))
            if progress:  # the command line shows each crash as it happens
                print(f"CRASH input {index}: {detail}", flush=True)
    result.seconds = time.perf_counter() - began
    return result


def main() -> int:
    """Command line: run the fuzzer and print a summary line (and each crash)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0, help="index of the first input")
    parser.add_argument("--only", type=int, default=None, help="replay one input by index")
    args = parser.parse_args()
    if args.only is not None:
        args.start, args.n = args.only, 1
    result = fuzz(args.n, seed=args.seed, only=args.only, start=args.start, progress=5000)
    print(
        f"fuzz: {result.n:,} inputs, {result.refused:,} refused with a one-line InputError, "
        f"{result.events:,} events, {len(result.crashes)} crashes, {result.seconds:,.0f} s "
        f"(seed {args.seed}, inputs {args.start:,} to {args.start + args.n - 1:,})"
    )
    return 1 if result.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
