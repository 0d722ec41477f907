import json
from datetime import date

import pytest

from geo.articles import article_from_text, read_article
from geo.reading.html import visible_lines
from geo.reading.published import date_from_url, find_publication_date, page_date_candidates
from tests.conftest import DATA

CORPUS = DATA / "corpus"
GOLD = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", GOLD, ids=[p["file"] for p in GOLD])
def test_corpus_page_publication_date_matches_gold(page):
    article = read_article(CORPUS / "articles" / page["file"])
    got = article.published.isoformat() if article.published else None
    assert got == page["published"], (page["published_source"], page["tags"], article.warnings)


@pytest.mark.parametrize(
    ("top", "expected", "source"),
    [
        # bylines: marked, or beside a time
        ("Title of the story\nKurdistan 05:49 PM - 2021-12-04\n", date(2021, 12, 4), "page"),
        ("Title of the story\nPublished 2021/12/04 10:35\n", date(2021, 12, 4), "page"),
        ("Title\nBy Rudaw 3/11/2019\n", date(2019, 11, 3), "page"),
        ("Title\nDate: 2020-10-19T14:21:09+0000\n", date(2020, 10, 19), "page"),
        ("PRESS RELEASE | Nov. 28, 2017\nTitle\n", date(2017, 11, 28), "page"),
        ("Title\n10/5/2022 12:16 PM | Views: 1871\n", date(2022, 5, 10), "page"),
        ("Title\nFeb. 18, 2025 • 2:15 PM\n", date(2025, 2, 18), "page"),
        # a date alone on its line, day-month-year with dashes
        ("Title of the story\n07-03-2023\nRudaw\n", date(2023, 3, 7), "page"),
        # a "today" header beside a byline: the byline wins
        (
            "Saturday, 11 May 2024\nHome | News\nTitle\n28-05-2024 | 11:40\n",
            date(2024, 5, 28),
            "page",
        ),
        (
            "Monday, 16 March 2020\nTitle\nSaturday، 14 March 2020 09:12 PM\n",
            date(2020, 3, 14),
            "page",
        ),
    ],
)
def test_byline_or_date_line_is_the_publication_date(top, expected, source):
    found = find_publication_date(top + "\nISIS militants attacked a post on Monday.\n")
    assert (found.value, found.source) == (expected, source)


@pytest.mark.parametrize(
    ("top", "why"),
    [
        ("• Saturday, 11 May 2024\nlogo\nTitle\n", "'today' header"),
        ("Tuesday, 05 January 2021\nHeadline one Headline two ticker\nTitle\n", "'today' header"),
        ("Title\nPeshmerga at a post near Dibaga, August 16, 2022. Photo: Rudaw\n", "caption"),
        ("Title\n(File photo, 12 March 2020)\n", "caption"),
        ("Title\nBody text.\n© 2023 Example Media. All rights reserved.\n", "copyright year 2023"),
    ],
)
def test_today_header_caption_and_copyright_are_not_publication_dates(top, why):
    found = find_publication_date(top + "\nISIS militants attacked a post on Monday.\n")
    assert found.value is None
    assert any(why in w for w in found.warnings), found.warnings


def test_article_without_publication_date_warns_and_says_why():
    article = article_from_text(
        "• Saturday, 11 May 2024\nlogo\n\nPeshmerga and army commanders met on Tuesday.",
        source="x.txt",
    )
    assert article.published is None
    assert any("no publication date found" in w for w in article.warnings)
    assert any("'today' header" in w for w in article.warnings)


def test_date_inside_the_story_is_not_the_page_date():
    text = (
        "Title of the story\n\nThe ministry said that on 12/05/2021 militants attacked a post "
        "near Kifri, killing two fighters, and that another attack followed later that week.\n"
    )
    assert find_publication_date(text).value is None
    assert [c.role for c in page_date_candidates(text)] == ["in_text"]


def test_updated_date_is_used_only_when_nothing_else_with_a_warning():
    found = find_publication_date("Title\nUpdated: 2022-06-14 10:00\n\nBody.")
    assert (found.value, found.source) == (date(2022, 6, 14), "updated")
    assert found.warnings


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.example-news.net/english/middleeast/iraq/070320232", date(2023, 3, 7)),
        ("https://www.rudaw.net/english/middleeast/iraq/07032023-amp", date(2023, 3, 7)),
        ("https://www.rudaw.net/english/middleeast/iraq/14092019", date(2019, 9, 14)),
        ("https://www.rudaw.net/english/kurdistan/230920202", date(2020, 9, 23)),
        ("https://x.org/2021/12/08/story", date(2021, 12, 8)),
        ("https://x.org/news/story-23062024", date(2024, 6, 23)),
        ("https://x.org/2022-03-07-story", date(2022, 3, 7)),
        ("https://www.france24.com/en/live-news/20240312-two-iraqi-soldiers", date(2024, 3, 12)),
        ("https://www.kurdistan24.net/en/story/22871-Peshmerga-fighter-killed", None),
        ("https://www.inherentresolve.mil/Releases/Article/1383726/nov-28-strikes/", None),
        ("https://www.pukmedia.com/EN/Details/71602", None),
        ("https://apnews.com/3c0e5d2b8a9f4e61b7d2a4c9e0f1b6a3", None),
        ("https://x.org/story/99999999", None),  # not a date
        (None, None),
    ],
)
def test_url_path_dates(url, expected):
    assert date_from_url(url, latest=date(2026, 1, 1)) == expected


def test_url_date_is_used_when_the_page_has_none():
    article = article_from_text(
        "url: https://www.example-news.net/english/middleeast/iraq/070320232\n"
        "Rudaw\nNo date in this body of text at all.",
        source="u.txt",
    )
    assert (article.published, article.published_source) == (date(2023, 3, 7), "url")


def test_html_copyright_year_is_not_a_publication_date():
    page = (
        "<html><head><title>Attack near Kifri</title></head><body><article><h1>Attack</h1>"
        "<p>ISIS militants attacked a Peshmerga post near Kifri on Monday, killing two "
        "fighters, the ministry said in a statement.</p></article>"
        "<footer>&copy; 2023 Example Media</footer></body></html>"
    )
    article = article_from_text(page, source="p.html", html=True)
    assert article.published is None
    assert any("no publication date" in w for w in article.warnings)


def test_html_json_ld_original_date_wins_over_modified():
    article = read_article(CORPUS / "articles" / "411_wire.html")
    assert (article.published, article.published_source) == (date(2024, 3, 12), "html")


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        # weekday and date under the headline: the byline's date, not a "today" header
        ("Rudaw\nGunmen kill two soldiers near Daquq\nSunday, 12 March 2023\n", date(2023, 3, 12)),
        # above the headline, only site chrome above it: the site's "today"
        ("Iraq News | Local News\nSunday, 12 March 2023\nGunmen kill two soldiers\n", None),
        ("Title of the story\nPosted on June 14, 2022\n", date(2022, 6, 14)),
        ("Title of the story\nBy John Smith | June 14, 2022\n", date(2022, 6, 14)),
    ],
)
def test_weekday_date_is_a_today_header_only_above_the_headline(top, expected):
    found = find_publication_date(top + "\nISIS militants attacked a post on Monday.\n")
    assert found.value == expected


@pytest.mark.parametrize(
    ("url", "expected", "warned"),
    [
        (None, date(2021, 11, 3), True),  # 3/11/2021 read day first, with a warning
        ("https://x.org/2021/03/11/story", date(2021, 3, 11), False),  # the URL settles it
        ("https://x.org/2021/11/03/story", date(2021, 11, 3), False),
    ],
)
def test_ambiguous_numeric_byline_is_settled_by_the_url(url, expected, warned):
    found = find_publication_date("Title\n3/11/2021 12:10:00\n\nBody.", url=url)
    assert found.value == expected
    assert bool(found.warnings) is warned


PAGE = (
    "<html><head><title>T</title></head><body><div>Saturday, 11 May 2024</div>"
    "<nav><a>Home</a> | <a>Iraq</a> | <a>World</a></nav>"
    "<h1>Gunmen kill two soldiers near Daquq</h1>{byline}"
    "<figure><figcaption>Soldiers near Daquq, March 2, 2019. Photo: Rudaw</figcaption></figure>"
    "<p>ISIS militants attacked an army post near Daquq on Saturday, killing two soldiers, a "
    "security source told reporters at the scene.</p><footer>&copy; 2019 Rudaw</footer>"
    "</body></html>"
)


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("<div>Kurdistan 05:49 PM - 2019-11-03</div>", date(2019, 11, 3)),
        ("<p>Published 2019/11/03 10:35</p>", date(2019, 11, 3)),
        ("", None),  # only a "today" header, a caption and a copyright year: no date
    ],
)
def test_html_page_without_date_markup_is_read_like_a_text_page(byline, expected):
    article = article_from_text(PAGE.format(byline=byline), source="p.html", html=True)
    assert article.published == expected
    if expected is None:
        assert any("'today' header" in w for w in article.warnings)
        assert any("caption" in w for w in article.warnings)


def test_visible_lines_survive_control_characters_and_drop_scripts():
    page = (
        "<html><head><script>var x = 1</script></head><body><div>Saturday, 11 May 2024</div>"
        "<!-- comment --><nav><a>Home</a> | <a>Iraq</a></nav><h1>Gunmen <b>kill</b> two</h1>"
        "<script>bad()</script>tail<p>x\x01y</p></body></html>"
    )
    assert (
        visible_lines(page) == "Saturday, 11 May 2024\nHome | Iraq\nGunmen kill two\ntail\nx\x01y"
    )
