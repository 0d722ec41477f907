"""The reading and dating parts of the user-reported cases (tests/data/cases/, see its README).

Each case's expected value is asserted on the events ``extract_events`` gives for the case's
own input file: type, day-precise date and place, plus what reading must get right.
"""

import tomllib
from datetime import date

import pytest

from geo.articles import read_article, read_articles
from geo.dates import find_dates
from geo.extract import extract_events
from tests.conftest import DATA, ROOT

CASES = DATA / "cases"


def _norm(name: str | None) -> str:
    return (name or "").lower().replace("al ", "").replace("-", " ")


def _events(spotter, path):
    return extract_events(read_article(path), spotter=spotter).events


def _summary(events):
    return {(e.type, e.event_date, e.date_precision, _norm(e.place)) for e in events}


@pytest.mark.parametrize(
    ("case", "file", "expected"),
    [
        (
            "02-html-import-lxml-clean",
            "articles/strike.html",
            {
                ("airstrike", date(2022, 6, 13), "day", "makhmur"),
                ("arrest", date(2022, 6, 12), "day", "daquq"),
            },
        ),
        (
            "03-html-meta-charset-cp1252",
            "page_cp1252.html",
            {
                ("attack", date(2022, 3, 7), "day", "makhmur"),
                ("arrest", date(2022, 3, 8), "day", "khanaqin"),
            },
        ),
        (
            "07-mdy-slash-date",
            "article.txt",
            {
                ("attack", date(2021, 12, 25), "day", "daquq"),
                ("arrest", date(2021, 12, 26), "day", "hawijah"),
            },
        ),
        (
            "09-n-days-ago",
            "article.txt",
            {
                ("attack", date(2021, 12, 4), "day", "tuz khurmatu"),
                ("arrest", date(2021, 12, 1), "day", "kelar"),
            },
        ),
    ],
)
def test_case_events_are_dated_and_placed(spotter, case, file, expected):
    assert _summary(_events(spotter, CASES / case / file)) == expected


def test_case_02_html_reader_dependency_is_declared_directly():
    # a venv's own pip does not resolve lxml[html_clean] through trafilatura's extra
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = [
        d.split(">")[0].split("[")[0].strip().lower() for d in project["project"]["dependencies"]
    ]
    assert "lxml_html_clean" in names
    from lxml.html.clean import Cleaner  # noqa: F401  (importable: the HTML path works)


def test_case_02_directory_run_reads_the_html_page_and_the_txt_article():
    articles, problems = read_articles([CASES / "02-html-import-lxml-clean" / "articles"])
    assert problems == []
    assert sorted(a.source.rsplit("/", 1)[1] for a in articles) == ["brief.txt", "strike.html"]
    assert {a.published for a in articles} == {date(2022, 6, 14)}


def test_case_02_one_bad_file_does_not_cost_the_others(tmp_path):
    (tmp_path / "good.txt").write_text(
        "published: 2022-06-14\n\nPeshmerga forces clashed with ISIS militants near Kifri.",
        encoding="utf-8",
    )
    (tmp_path / "photo.html").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(300))
    articles, problems = read_articles([tmp_path])
    assert [a.source.rsplit("/", 1)[1] for a in articles] == ["good.txt"]
    assert [p.source.rsplit("/", 1)[1] for p in problems] == ["photo.html"]
    assert "JPEG" in problems[0].message


def test_case_08_ymd_slash_header_is_the_publication_date(spotter):
    path = CASES / "08-ymd-slash-pubdate" / "article.txt"
    assert read_article(path).published == date(2021, 12, 4)
    attack = next(e for e in _events(spotter, path) if "last Thursday" in e.quote)
    assert (attack.type, attack.event_date, attack.date_precision) == (
        "attack",
        date(2021, 12, 2),
        "day",
    )
    assert _norm(attack.place) == "makhmur"


def test_case_25_short_english_flash_is_english_and_dated():
    article = read_article(CASES / "25-short-english-brief" / "flash.txt")
    assert not any("English" in w for w in article.warnings)
    assert article.published == date(2021, 12, 3)
    (ref,) = find_dates(article.text, article.published)
    assert (ref.text, ref.value) == ("on Thursday night", date(2021, 12, 2))


def test_case_25_short_english_flash_yields_its_attack(spotter):
    # "militants kill three ...": the present tense of a flash is a report, not a plan.
    (event,) = _events(spotter, CASES / "25-short-english-brief" / "flash.txt")
    assert (event.type, event.event_date, event.fatalities) == ("attack", date(2021, 12, 2), 3)
    assert _norm(event.place) == "makhmur"
