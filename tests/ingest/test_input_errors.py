"""Bad input files: each gives a ParseError with a clear one-line message, or a decoding note (no database)."""

import codecs
import json

import pytest

from monitoring.ingest.parsers import (
    InputLimits,
    ParseError,
    decode_bytes,
    detect_format,
    exception_summary,
    iter_json_records,
    parse_press_text,
    text_repair,
    value_repair,
)
from monitoring.ingest.parsers.json_records import json_extent


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


def test_invalid_utf8_is_read_as_cp1252_and_says_so():
    text, note = decode_bytes("Quote: “Façade”".encode("cp1252"), source="old.txt")
    assert text == "Quote: “Façade”"
    assert note == "decoded as cp1252 (detected; not valid UTF-8)"


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


# --- Limits and unstorable characters: one bad record is reported, the records around it are read. ---

DEEP = 100_000


def good(headline: str) -> str:
    return json.dumps({"headline": headline, "body": "Body."})


def deep_record(levels: int = DEEP) -> str:
    return '{"headline": "Deep", "body": "B.", "x": ' + "[" * levels + "]" * levels + "}"


def headlines_and_errors(items) -> tuple[list[str], list[str]]:
    items = list(items)
    records = [record["headline"] for _, _, record in items if isinstance(record, dict)]
    return records, [str(record) for _, _, record in items if isinstance(record, ParseError)]


@pytest.mark.parametrize(
    ("text", "nesting"),
    [
        ('{"a": [1, {"b": 2}]}', 3),
        ('{"a": "[[[[ {{{{ not brackets \\" ]]"}', 1),
        ("[[], [[]], {}]", 3),
        (deep_record(), DEEP + 1),
    ],
)
def test_json_extent_measures_nesting_without_recursion(text, nesting):
    assert json_extent(text) == (len(text), nesting)


def test_json_extent_of_an_unclosed_value():
    assert json_extent('{"a": [1, 2') == (None, 2)
    assert json_extent('{"a": "never closed}') == (None, 1)


def test_deeply_nested_record_in_a_json_list_fails_alone():
    text = f"[\n{good('A')},\n{deep_record()},\n{good('B')}\n]"
    records, errors = headlines_and_errors(iter_json_records(text, source="deep.json"))
    assert records == ["A", "B"]
    assert errors == ["deep.json: record 2 (line 3): 100,001 levels of nesting is over IMPORT_MAX_JSON_DEPTH (64)"]


def test_deeply_nested_jsonl_line_fails_alone():
    text = f"{good('A')}\n{deep_record()}\n{good('B')}\n"
    records, errors = headlines_and_errors(iter_json_records(text, source="feed.jsonl"))
    assert records == ["A", "B"]
    assert errors == ["feed.jsonl: record 2 (line 2): 100,001 levels of nesting is over IMPORT_MAX_JSON_DEPTH (64)"]


def test_deeply_nested_single_object():
    [(_, _, error)] = list(iter_json_records(deep_record(), source="deep.json"))
    assert str(error) == "deep.json: line 1: 100,001 levels of nesting is over IMPORT_MAX_JSON_DEPTH (64)"


def test_nesting_limit_is_configurable():
    text = '[{"headline": "A", "body": "x", "meta": {"a": {"b": 1}}}]'
    assert headlines_and_errors(iter_json_records(text, source="a.json", limits=InputLimits(max_json_depth=3)))[0]
    _, errors = headlines_and_errors(iter_json_records(text, source="a.json", limits=InputLimits(max_json_depth=2)))
    assert errors == ["a.json: record 1 (line 1): 3 levels of nesting is over IMPORT_MAX_JSON_DEPTH (2)"]


def test_detect_format_of_a_deep_first_line_does_not_recurse():
    assert detect_format("feed.txt", f"{deep_record()}\n{good('B')}\n") == "jsonl"


@pytest.mark.parametrize("jsonl", [True, False])
def test_record_over_the_size_limit_fails_alone(jsonl):
    big = json.dumps({"headline": "Big", "body": "é" * 600})  # 1,200 bytes of body: bytes are counted, not characters
    records = [good("A"), big, good("B")]
    text = "\n".join(records) if jsonl else "[" + ",\n".join(records) + "]"
    items = list(iter_json_records(text, source="feed", jsonl=jsonl, limits=InputLimits(max_bytes=1000)))
    found, errors = headlines_and_errors(items)
    assert found == ["A", "B"]
    assert errors == [f"feed: record 2 (line 2): {len(big.encode()):,} bytes is over IMPORT_MAX_BYTES (1,000)"]


def test_text_repair_replaces_nul_and_lone_surrogates():
    assert text_repair("a\x00b\ud800c\udfffd") == ("a\ufffdb\ufffdc\ufffdd", 3)
    assert text_repair("Café 😀") == ("Café 😀", 0)


def test_value_repair_reaches_keys_and_nested_strings():
    record = json.loads('{"headline": "A\\u0000", "photos": [{"caption": "\\ud800"}], "k\\udc00": 1, "n": 2}')
    repaired, replaced = value_repair(record)
    assert replaced == 3
    assert repaired == {"headline": "A\ufffd", "photos": [{"caption": "\ufffd"}], "k\ufffd": 1, "n": 2}
    assert json.dumps(repaired, ensure_ascii=False).encode("utf-8")  # storable: no surrogate left


def test_nul_characters_in_utf16_text_are_replaced_and_noted():
    text, note = decode_bytes("Headline\x00\n\nBody.".encode("utf-16"), source="a.txt")
    assert text == "Headline\ufffd\n\nBody."
    assert note == "decoded as UTF-16 (BOM); replaced 1 NUL or lone surrogate character(s) with U+FFFD"


def test_exception_summary_is_one_short_line():
    assert exception_summary(RecursionError("maximum recursion depth exceeded\nmore")) == (
        "RecursionError: maximum recursion depth exceeded"
    )
    assert exception_summary(KeyError()) == "KeyError"


@pytest.mark.parametrize("jsonl", [True, False])
def test_depth_limit_set_past_what_the_decoder_follows_still_fails_alone(jsonl):
    records = [good("A"), deep_record(), good("B")]
    text = "\n".join(records) if jsonl else "[" + ",\n".join(records) + "]"
    items = list(iter_json_records(text, source="feed", jsonl=jsonl, limits=InputLimits(max_json_depth=10**6)))
    found, errors = headlines_and_errors(items)
    assert found == ["A", "B"]
    assert len(errors) == 1 and errors[0].startswith("feed: record 2 (line 2): invalid JSON: nested too deeply")


@pytest.mark.parametrize("jsonl", [True, False])
def test_integer_too_long_to_convert_fails_alone(jsonl):
    records = [good("A"), '{"headline": "Long", "body": "x", "n": ' + "9" * 5_000 + "}", good("B")]
    text = "\n".join(records) if jsonl else "[" + ",\n".join(records) + "]"
    found, errors = headlines_and_errors(iter_json_records(text, source="feed", jsonl=jsonl))
    assert found == ["A", "B"]
    assert len(errors) == 1 and errors[0].startswith("feed: record 2 (line 2): invalid JSON: ValueError: Exceeds")
