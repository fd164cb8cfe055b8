"""Bad input files: each gives a ParseError with a clear one-line message, or a decoding note."""

import codecs

import pytest

from monitoring.ingest.parsers import ParseError, decode_bytes, parse_press_text


def test_plain_utf8_has_no_note():
    assert decode_bytes("Café talks\n\nBody.".encode(), source="a.txt") == ("Café talks\n\nBody.", None)


def test_utf8_bom_is_stripped():
    text, note = decode_bytes(codecs.BOM_UTF8 + b"Headline\n", source="a.txt")
    assert (text, note) == ("Headline\n", "UTF-8 BOM removed")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(encoding):
    data = "Headline ü\n".encode(encoding)
    if encoding != "utf-16":
        data = (codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE) + data
    text, note = decode_bytes(data, source="a.txt")
    assert (text, note) == ("Headline ü\n", "decoded as UTF-16 (BOM)")


def test_invalid_utf8_falls_back_to_cp1252_and_says_so():
    text, note = decode_bytes("Quote: “Façade”".encode("cp1252"), source="old.txt")
    assert text == "Quote: “Façade”"
    assert note == "decoded as cp1252 (not valid UTF-8)"


@pytest.mark.parametrize("data", [b"", b"   \n\n\t"])
def test_empty_file(data):
    with pytest.raises(ParseError) as caught:
        decode_bytes(data, source="empty.txt")
    assert str(caught.value) == "empty.txt: empty file"


def test_binary_file_with_nul_bytes():
    with pytest.raises(ParseError) as caught:
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", source="photo.txt")
    assert str(caught.value) == "photo.txt: binary file (contains NUL bytes), not text"


def test_binary_file_of_control_bytes():
    with pytest.raises(ParseError) as caught:
        decode_bytes(bytes(range(1, 32)) * 20, source="blob.txt")
    assert str(caught.value) == "blob.txt: binary file (mostly non-text bytes), not text"


def test_parse_error_message_shapes():
    assert (
        str(ParseError('missing "headline"', source="story.json", record=3, line=7))
        == 'story.json: record 3 (line 7): missing "headline"'
    )
    assert str(ParseError("invalid JSON", source="a.json", line=2)) == "a.json: line 2: invalid JSON"
    assert str(ParseError("empty file", source="a.txt")) == "a.txt: empty file"


def test_empty_press_text():
    with pytest.raises(ParseError) as caught:
        parse_press_text("\n\n  \n", source="blank.txt")
    assert str(caught.value) == "blank.txt: empty article"
