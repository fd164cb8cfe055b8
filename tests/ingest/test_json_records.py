"""JSON and JSON Lines records: parsing, format detection, per-record errors."""

import datetime as dt

import pytest

from monitoring.ingest.parsers import ParseError, detect_format, iter_json_records, parse_record

RECORD = {
    "headline": "Ministers agree on ferry routes",
    "body": 'Transport ministers met on Tuesday.\n\nTimetables\n\n"We start in June," said Wang Lihua, China\'s minister of transport.',
    "outlet": "Eastern Horizon",
    "published": "2024-06-11",
    "updated": "2024-06-12T08:00:00+02:00",
    "url": "https://example.org/ferries",
    "byline": ["Kim Jong-suk", "Ana Ruiz"],
    "language": "en",
    "tags": ["transport"],
    "photos": [
        {"file": "ferry.jpg", "caption": "Wang Lihua at the port of Busan.", "credit": "LIAM FERREIRA/COASTWIRE"}
    ],
}


def test_record_fields():
    article = parse_record(RECORD)
    assert article.headline == "Ministers agree on ferry routes"
    assert (article.published, article.updated) == (dt.date(2024, 6, 11), dt.date(2024, 6, 12))
    assert (article.outlet, article.url, article.language) == ("Eastern Horizon", "https://example.org/ferries", "en")
    assert article.bylines == ["Kim Jong-suk", "Ana Ruiz"]
    assert article.subheadings == ["Timetables"]
    [photo] = article.photos
    assert (photo.file, photo.photographer, photo.agency, photo.pictured) == (
        "ferry.jpg",
        "Liam Ferreira",
        "Coastwire",
        ["Wang Lihua"],
    )
    [quote] = article.quotes
    assert (quote.speaker, quote.kind, quote.text) == ("Wang Lihua", "direct", "We start in June")
    assert article.warnings == []


def test_record_byline_string_and_written_date():
    article = parse_record(
        {"headline": "H", "body": "B.", "byline": "By Ana Ruiz and Tom Bell in Lagos", "published": "March 18, 2024"}
    )
    assert article.bylines == ["Ana Ruiz", "Tom Bell"]
    assert article.published == dt.date(2024, 3, 18)


def test_record_tags_merge_with_keyword_rules():
    article = parse_record(RECORD, keyword_rules=[("maritime", ["ferry", "port"]), ("transport", ["ministers"])])
    assert article.tags == ["transport", "maritime"]


def test_unknown_keys_are_reported_not_dropped_silently():
    article = parse_record({"headline": "H", "body": "B.", "section": "World", "photos": [{"caption": "C", "size": 3}]})
    assert article.warnings == ['unknown key "photos[1].size" ignored', 'unknown key "section" ignored']


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"body": "B."}, 'story.json: record 3 (line 7): missing "headline"'),
        ({"headline": "H"}, 'story.json: record 3 (line 7): missing "body"'),
        ({"headline": "  ", "body": "B."}, 'story.json: record 3 (line 7): "headline" is empty'),
        ({"headline": 12, "body": "B."}, 'story.json: record 3 (line 7): "headline" must be a string, got int'),
        ({"headline": "H", "body": ["B."]}, 'story.json: record 3 (line 7): "body" must be a string, got list'),
        (
            {"headline": "H", "body": "B.", "published": "last Tuesday"},
            "story.json: record 3 (line 7): unparseable date in \"published\": 'last Tuesday'",
        ),
        (
            {"headline": "H", "body": "B.", "updated": "2024-02-30"},
            "story.json: record 3 (line 7): unparseable date in \"updated\": '2024-02-30'",
        ),
        (
            {"headline": "H", "body": "B.", "tags": "climate"},
            'story.json: record 3 (line 7): "tags" must be a list of strings, got string',
        ),
        (
            {"headline": "H", "body": "B.", "byline": 5},
            'story.json: record 3 (line 7): "byline" must be a list of strings, got int',
        ),
        (
            {"headline": "H", "body": "B.", "outlet": ["A"]},
            'story.json: record 3 (line 7): "outlet" must be a string, got list',
        ),
        (
            {"headline": "H", "body": "B.", "photos": {"file": "a.jpg"}},
            'story.json: record 3 (line 7): "photos" must be a list, got object',
        ),
        (
            {"headline": "H", "body": "B.", "photos": ["a.jpg"]},
            'story.json: record 3 (line 7): "photos" item 1 must be an object, got string',
        ),
        (["H", "B."], "story.json: record 3 (line 7): expected a JSON object, got list"),
    ],
)
def test_bad_records_raise_a_clear_parse_error(record, message):
    with pytest.raises(ParseError) as caught:
        parse_record(record, source="story.json", record_no=3, line=7)
    assert str(caught.value) == message
    assert (caught.value.source, caught.value.record, caught.value.line) == ("story.json", 3, 7)


def test_json_list_yields_records_with_line_numbers():
    text = '[\n  {"headline": "A", "body": "x"},\n\n  {"headline": "B",\n   "body": "y"}\n]\n'
    items = list(iter_json_records(text, source="a.json"))
    assert [(number, line, record["headline"]) for number, line, record in items] == [(1, 2, "A"), (2, 4, "B")]


def test_json_single_object():
    [(number, line, record)] = list(iter_json_records('{"headline": "A", "body": "x"}', source="a.json"))
    assert (number, line, record["headline"]) == (1, 1, "A")


def test_malformed_json_gives_one_error():
    [(number, line, error)] = list(iter_json_records('{"headline": "A",\n "body": }', source="a.json"))
    assert isinstance(error, ParseError)
    assert str(error) == "a.json: line 2: invalid JSON: Expecting value (column 10)"


def test_bad_jsonl_line_among_good_ones():
    text = '{"headline": "A", "body": "x"}\n{"headline": "B", "body": \n\n{"headline": "C", "body": "z"}\n[1]\n'
    items = list(iter_json_records(text, source="feed.jsonl"))
    assert [(number, line) for number, line, _ in items] == [(1, 1), (2, 2), (3, 4), (4, 5)]
    assert items[0][2]["headline"] == "A" and items[2][2]["headline"] == "C"
    assert str(items[1][2]) == "feed.jsonl: record 2 (line 2): invalid JSON: Expecting value (column 27)"
    assert str(items[3][2]) == "feed.jsonl: record 4 (line 5): expected a JSON object, got list"


def test_error_in_a_json_list_keeps_earlier_records():
    text = '[{"headline": "A", "body": "x"},\n {"headline": "B" "body": "y"}]'
    items = list(iter_json_records(text, source="a.json"))
    assert items[0][2]["headline"] == "A"
    assert isinstance(items[1][2], ParseError) and items[1][2].line == 2


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("story.txt", "Headline\n\nBody.", "press"),
        ("story", "Headline\n\nBody.", "press"),
        ("story.json", '{"headline": "A"}', "json"),
        ("story.json", '[{"headline": "A"}]', "json"),
        ("feed.jsonl", '{"headline": "A"}', "jsonl"),
        ("feed.ndjson", '{"headline": "A"}', "jsonl"),
        ("feed.json", '{"headline": "A"}\n{"headline": "B"}\n', "jsonl"),
        ("export.txt", '{\n  "headline": "A"\n}', "json"),
        ("export.txt", '{"headline": "A"}\n{"headline": "B"}', "jsonl"),
    ],
)
def test_detect_format(name, text, expected):
    assert detect_format(name, text) == expected


def test_iter_json_records_detects_jsonl():
    items = list(iter_json_records('{"headline": "A", "body": "x"}\n{"headline": "B", "body": "y"}\n', source="x.json"))
    assert [record["headline"] for _, _, record in items] == ["A", "B"]
