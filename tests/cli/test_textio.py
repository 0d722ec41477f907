import pytest

from gazetteer.errors import KclmapError
from kclmap.textio import read_text_file

NAMES = "Kirkuk\nMakhmûr\nXaneqîn\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"])
def test_names_file_is_read_in_any_encoding(tmp_path, encoding):
    path = tmp_path / "names.txt"
    path.write_bytes(NAMES.encode(encoding))
    assert read_text_file(path) == NAMES


def test_guessed_encoding_is_reported(tmp_path):
    path = tmp_path / "names.txt"
    path.write_bytes(NAMES.encode("cp1252"))
    notes: list[str] = []
    read_text_file(path, warnings=notes)
    assert notes
    assert "names.txt" in notes[0]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)), "JPEG"),
        (bytes(range(256)) * 8, "looks binary"),
    ],
)
def test_binary_file_is_one_line_error(tmp_path, data, message):
    path = tmp_path / "photo.jpg"
    path.write_bytes(data)
    with pytest.raises(KclmapError, match=message):
        read_text_file(path)


@pytest.mark.parametrize(
    ("make", "message"), [("dir", "is a directory"), ("none", "does not exist")]
)
def test_unreadable_paths(tmp_path, make, message):
    path = tmp_path / "x"
    if make == "dir":
        path.mkdir()
    with pytest.raises(KclmapError, match=message):
        read_text_file(path)
