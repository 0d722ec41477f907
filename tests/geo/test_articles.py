import json
from datetime import date

import pytest

from geo.articles import article_from_text, read_article, read_articles
from geo.errors import InputError
from tests.conftest import DATA, SEEDS


def test_header_block_gives_url_title_and_date():
    article = read_article(DATA / "articles" / "a01_ambush_qaratapa.txt")
    assert article.published == date(2023, 3, 14)
    assert article.url is not None
    assert article.url.endswith("qara-tapa")
    assert article.title == "Two Peshmerga killed in ISIS ambush near Qara Tapa"


def test_sidecar_metadata_is_used():
    article = read_article(DATA / "articles" / "a12_sidecar.txt")
    assert (article.published, article.outlet) == (date(2023, 7, 12), "Example News")


def test_html_main_text_is_extracted_without_scripts_and_menus():
    article = read_article(DATA / "articles" / "a09_airstrike_arrest.html")
    assert "F-16 jets struck" in article.text
    assert "tracker" not in article.text
    assert article.published == date(2023, 9, 16)


def test_yaml_front_matter():
    article = article_from_text(
        "---\ntitle: T\npublished: 2022-03-07\n---\nBody text here now.", source="x.md"
    )
    assert (article.title, article.published) == ("T", date(2022, 3, 7))


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.org/2021/12/08/story", date(2021, 12, 8)),
        ("https://x.org/news/story-23062024", date(2024, 6, 23)),
        ("https://x.org/2022-03-07-story", date(2022, 3, 7)),
    ],
)
def test_url_path_gives_date_when_page_has_none(url, expected):
    article = article_from_text(
        f"url: {url}\n\nNo date in this body of text at all.", source="u.txt"
    )
    assert article.published == expected


def test_seed_dates_and_datelines():
    dates = {p.name[:3]: read_article(p).published for p in sorted(SEEDS.glob("*.txt"))}
    assert dates == {
        "000": date(2022, 8, 9),
        "001": None,  # its top line "• Saturday, 11 May 2024" is the site's "today" header
        "002": date(2021, 12, 4),
        "003": None,
        "004": date(2022, 7, 4),
    }
    assert read_article(next(SEEDS.glob("000_*"))).dateline == "Erbil"


def test_missing_date_gives_warning(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("An article body without any date at all in it.", encoding="utf-8")
    article = read_article(path)
    assert article.published is None
    assert any("no publication date" in w for w in article.warnings)


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "is empty"), (b"\x00\x01\x02binary\x00", "looks binary"), (b"   \n  ", "is empty")],
)
def test_bad_files_raise_one_line_errors(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_article(path)


def test_oversized_file_is_refused_with_the_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 1000)
    with pytest.raises(InputError, match="over the 100-byte limit"):
        read_article(path, max_bytes=100)


def test_windows_1252_text_is_detected_not_mangled(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(
        "published: 2023-01-01\n\nISIS attacked a post near Makhmûr on Monday, the "
        "ministry said in a statement about the café.".encode("cp1252")
    )
    article = read_article(path)
    assert "Makhmûr" in article.text
    assert "café" in article.text
    assert article.encoding == "cp1252"
    assert any("not UTF-8" in w and "Windows-1252" in w for w in article.warnings)


def test_directory_run_skips_bad_files_and_duplicates(tmp_path):
    (tmp_path / "a.txt").write_text("published: 2023-01-01\n\nSome news text here today.")
    (tmp_path / "b.txt").write_text("published: 2023-01-01\n\nSome news text here today.")
    (tmp_path / "c.txt").write_bytes(b"")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.md").write_text("Other news text for the sub folder here.")
    (tmp_path / "a.meta.json").write_text(json.dumps({"outlet": "X"}))
    articles, problems = read_articles([tmp_path])
    assert sorted(a.source.rsplit("/", 1)[1] for a in articles) == ["a.txt", "d.md"]
    assert sorted(p.message.split(" ")[0] for p in problems) == [
        "'" + str(tmp_path / "c.txt") + "'",
        "duplicate",
    ]


@pytest.mark.parametrize(
    ("text", "expected", "source"),
    [
        ("Title\n07-03-2023\n\nBody of the story.", date(2023, 3, 7), "page"),  # page's own
        ("Title\n\nBody of the story.", date(2022, 1, 5), "argument"),  # the page has none
        ("published: 2021-02-02\n\nBody of the story.", date(2021, 2, 2), "metadata"),
    ],
)
def test_published_argument_is_for_pages_that_state_no_date(text, expected, source):
    article = article_from_text(text, source="a.txt", published=date(2022, 1, 5))
    assert (article.published, article.published_source) == (expected, source)
    assert not any("no publication date" in w for w in article.warnings)
