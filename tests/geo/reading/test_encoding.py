import codecs

import pytest

from geo.articles import read_article
from geo.errors import InputError
from geo.reading.encoding import declared_charset, decode_bytes
from tests.conftest import DATA

TEXT = (
    "ISIS militants attacked a Peshmerga post near Makhmûr on Monday, killing two fighters, "
    "“the ministry” said. Xaneqîn, Kerkûk."
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # with a BOM
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # without one
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-32"), "utf-32"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_text_is_decoded_whatever_its_encoding(data, encoding):
    decoded = decode_bytes(data)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


def test_guessed_encoding_is_reported():
    decoded = decode_bytes(TEXT.encode("cp1252"))
    assert any("Windows-1252" in w for w in decoded.warnings)
    assert decode_bytes(TEXT.encode("utf-8")).warnings == ()


@pytest.mark.parametrize(
    ("head", "charset"),
    [
        (b'<meta charset="windows-1252">', "cp1252"),
        (b"<meta charset=utf-8>", "utf-8"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "cp1252"),
        (b'<meta charset="no-such-codec">', None),
        (b"<p>no declaration</p>", None),
    ],
)
def test_declared_charset(head, charset):
    assert declared_charset(b"<html><head>" + head + b"</head>") == charset


def test_html_meta_charset_is_honoured():
    path = DATA / "cases" / "03-html-meta-charset-cp1252" / "page_cp1252.html"
    article = read_article(path)
    assert article.encoding == "cp1252"
    assert "Mexmûr" in article.text
    assert "Xaneqîn" in article.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4, "looks like a JPEG image"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "looks like a PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "looks like a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "looks like a ZIP archive"),
        (bytes([0, 1, 2, 3, 250, 251, 0, 9]) * 50, "looks binary"),
        (bytes(range(1, 32)) * 40, "looks binary"),  # control characters, no NUL
    ],
)
def test_binary_input_is_refused_with_one_line(data, message):
    with pytest.raises(InputError, match=message):
        decode_bytes(data, name="photo.jpg")


def test_binary_article_file_is_refused(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)))
    with pytest.raises(InputError, match=r"photo\.txt.*JPEG"):
        read_article(path)


def test_utf16_article_is_text_not_binary(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(("published: 2023-01-05\n\n" + TEXT).encode("utf-16-le"))
    article = read_article(path)
    assert "Makhmûr" in article.text
    assert article.published is not None


def test_stray_nul_in_text_is_removed_with_a_warning():
    decoded = decode_bytes(
        b"ISIS militants attacked\x00 a post near Kifri on Monday. " + b"More text. " * 20
    )
    assert "\x00" not in decoded.text
    assert "NUL bytes removed" in decoded.warnings


def test_arabic_code_page_guess_is_kept_not_read_as_windows_1252():
    text = (
        "Attack in مخمور today by militants near the town of Kirkuk. "
        "هاجم مسلحو داعش موقعا للبيشمركة قرب مخمور"
    )
    decoded = decode_bytes(text.encode("cp1256"))
    assert decoded.encoding == "cp1256"
    assert decoded.text == text


@pytest.mark.parametrize(
    "text",
    [
        "event_id;type;quote\r\n0000000000000000;attack;\xc9\r\n",  # found by hypothesis
        "a;b;\xcd\r\nx;y;\xcd\r\n",
        "place;notes\r\nQal\xe9at Sukkar;caf\xe9\r\n",
    ],
)
def test_short_windows_1252_text_is_not_read_as_an_east_asian_code_page(text):
    decoded = decode_bytes(text.encode("cp1252"), name="t.csv")
    assert decoded.text == text


def test_east_asian_text_keeps_its_code_page():
    text = "日本語のテキストです。これは日本語の文章です。"
    assert decode_bytes(text.encode("shift_jis"), name="t.txt").text == text


class _Guess:
    def __init__(self, encoding: str) -> None:
        self.encoding = encoding

    def best(self) -> "_Guess":
        return self


@pytest.mark.parametrize("guess", ["hp_roman8", "cp865", "mac_roman", "cp1254"])
def test_a_western_code_page_guess_for_windows_1252_bytes_is_read_as_windows_1252(
    monkeypatch, guess
):
    # found by hypothesis: "AA½" saved by Excel in Windows-1252, guessed as HP Roman-8 ("AA§")
    import charset_normalizer

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda data: _Guess(guess))
    text = "event_id;quote\r\n0000000000000000;AA\xbd\r\n"
    decoded = decode_bytes(text.encode("cp1252"), name="t.csv")
    assert (decoded.encoding, decoded.text) == ("cp1252", text)
