"""Articles as JSON: one object, a list of objects, or JSON Lines (one object a line)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from .article import ParsedArticle, ParsedPhoto
from .dates import date_parse
from .errors import ParseError, exception_summary
from .limits import InputLimits, over_limit
from .mentions import caption_people
from .press_text import PARAGRAPH_BREAK, KeywordRules, article_complete, body_split, credit_split, split_names

_KNOWN_KEYS = {"headline", "body", "outlet", "published", "updated", "url", "byline", "language", "tags", "photos"}
_PHOTO_KEYS = {"file", "caption", "credit"}
_DECODER = json.JSONDecoder()
_DEFAULT_LIMITS = InputLimits()


_JSON_TYPE_NAMES = {dict: "object", list: "list", str: "string", bool: "boolean", type(None): "null"}


def _type_name(value: Any) -> str:
    """The JSON name of a value's type, for messages ("got list", "got int")."""
    return _JSON_TYPE_NAMES.get(type(value), type(value).__name__)


def _optional_string(record: dict[str, Any], key: str, fail: Any) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise fail(f'"{key}" must be a string, got {_type_name(value)}')
    return value.strip() or None


def _string_list(value: Any, key: str, fail: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise fail(f'"{key}" must be a list of strings, got {_type_name(value)}')
    return [item.strip() for item in value if item.strip()]


def parse_record(
    record: Any,
    *,
    keyword_rules: KeywordRules = (),
    source: str = "<record>",
    record_no: int | None = None,
    line: int | None = None,
    outlets: Iterable[str] = (),
) -> ParsedArticle:
    """Parse one JSON article record; the body goes through the same extraction as press text."""

    def fail(message: str) -> ParseError:
        return ParseError(message, source=source, record=record_no, line=line)

    if not isinstance(record, dict):
        raise fail(f"expected a JSON object, got {_type_name(record)}")
    for key in ("headline", "body"):
        if key not in record:
            raise fail(f'missing "{key}"')
        if not isinstance(record[key], str):
            raise fail(f'"{key}" must be a string, got {_type_name(record[key])}')
    headline = record["headline"].strip()
    if not headline:
        raise fail('"headline" is empty')
    article = ParsedArticle(headline=headline, body="")
    article.outlet = _optional_string(record, "outlet", fail)
    article.url = _optional_string(record, "url", fail)
    article.language = _optional_string(record, "language", fail)
    for key in ("published", "updated"):
        value = _optional_string(record, key, fail)
        if value is not None:
            date = date_parse(value)
            if date is None:
                raise fail(f'unparseable date in "{key}": {value!r}')
            setattr(article, key, date)

    byline = record.get("byline")
    if isinstance(byline, str):
        article.bylines = split_names(re.sub(r"^By\s+", "", byline.strip()))
    else:
        article.bylines = _string_list(byline, "byline", fail)
    tags = _string_list(record.get("tags"), "tags", fail)

    body = record["body"].replace("\r\n", "\n").strip()
    body_split(PARAGRAPH_BREAK.split(body) if body else [], article)

    photos = record.get("photos")
    if photos is not None and not isinstance(photos, list):
        raise fail(f'"photos" must be a list, got {_type_name(photos)}')
    for number, photo in enumerate(photos or [], start=1):
        if not isinstance(photo, dict):
            raise fail(f'"photos" item {number} must be an object, got {_type_name(photo)}')
        caption = _optional_string(photo, "caption", fail) or ""
        credit = _optional_string(photo, "credit", fail)
        photographer, agency = credit_split(credit, pair=not credit.isupper()) if credit else (None, None)
        article.photos.append(
            ParsedPhoto(
                caption=caption,
                credit=credit,
                photographer=photographer,
                agency=agency,
                pictured=caption_people(caption),
                file=_optional_string(photo, "file", fail),
            )
        )
        for key in sorted(set(photo) - _PHOTO_KEYS):
            article.warnings.append(f'unknown key "photos[{number}].{key}" ignored')

    for key in sorted(set(record) - _KNOWN_KEYS):
        article.warnings.append(f'unknown key "{key}" ignored')
    if not article.body:
        article.warnings.append("no body text")
    return article_complete(article, keyword_rules, tags, outlets=outlets)


def _json_error(error: json.JSONDecodeError) -> str:
    return f"invalid JSON: {error.msg} (column {error.colno})"


# A JSON string (escapes included), a bracket, or a quote opening a string that is never closed.
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]|"', re.DOTALL)


def json_extent(text: str, start: int = 0, end: int | None = None) -> tuple[int | None, int]:
    """Where the array or object opening at `start` closes (None if it never does) and how deeply it nests.

    Found without recursion: the standard decoder recurses once per level, so a record nested 100,000 deep must be
    measured before it is decoded. Only strings and brackets are looked at; invalid JSON is left to the decoder.
    """
    depth = deepest = 0
    for token in _JSON_TOKEN.finditer(text, start, len(text) if end is None else end):
        char = text[token.start()]
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
            if depth <= 0:
                return token.end(), deepest
        elif token.end() - token.start() == 1:  # a string never closed
            break
    return None, deepest


def _over_limits(text: str, start: int, end: int, depth: int, limits: InputLimits) -> str | None:
    """Why the record text[start:end], nesting `depth` levels, is refused; None when it is within the limits."""
    if (end - start) * 4 > limits.max_bytes:  # a character is at most four bytes: most records need no count
        size = len(text[start:end].encode("utf-8", "surrogatepass"))
        if size > limits.max_bytes:
            return over_limit(size, "bytes", "IMPORT_MAX_BYTES", limits.max_bytes)
    if depth > limits.max_json_depth:
        return over_limit(depth, "levels of nesting", "IMPORT_MAX_JSON_DEPTH", limits.max_json_depth)
    return None


def _whole_text_problem(text: str, limits: InputLimits) -> str | None:
    """The limits of a record that is the whole text (a JSONL line, a one-object file), checked before decoding."""
    start = _skip_space(text, 0)
    depth = json_extent(text, start)[1] if text[start : start + 1] in ("[", "{") else 0
    return _over_limits(text, start, len(text), depth, limits)


def _decoded(text: str) -> Any:
    """json.loads, whose every refusal is a JSONDecodeError (so one bad record cannot end the file's reading)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except (RecursionError, ValueError) as error:
        raise json.JSONDecodeError(_decode_refusal(error), text, 0) from None


def _decode_refusal(error: Exception) -> str:
    # RecursionError: only when the depth limit is set above what the decoder can follow. ValueError: an integer
    # of more digits than Python converts (sys.get_int_max_str_digits).
    return "nested too deeply to decode" if isinstance(error, RecursionError) else exception_summary(error)


def iter_json_records(
    text: str, *, source: str, jsonl: bool | None = None, limits: InputLimits = _DEFAULT_LIMITS
) -> Iterator[tuple[int, int, dict[str, Any] | ParseError]]:
    """(record number, line number, record or error) for each record; one bad record spoils only itself."""
    text = text.lstrip("\ufeff")
    if jsonl is None:
        jsonl = detect_format(source, text) == "jsonl"
    if jsonl:
        record_no = 0
        for line_no, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            record_no += 1
            where = {"source": source, "record": record_no, "line": line_no}
            problem = _whole_text_problem(line, limits)
            if problem is not None:
                yield record_no, line_no, ParseError(problem, **where)
                continue
            try:
                value = _decoded(line)
            except json.JSONDecodeError as error:
                yield record_no, line_no, ParseError(_json_error(error), **where)
                continue
            if not isinstance(value, dict):
                value = ParseError(f"expected a JSON object, got {_type_name(value)}", **where)
            yield record_no, line_no, value
        return
    yield from _json_document_records(text, source, limits)


def _json_document_records(
    text: str, source: str, limits: InputLimits
) -> Iterator[tuple[int, int, dict[str, Any] | ParseError]]:
    """Records of one JSON document, with the line each starts on (counted incrementally)."""
    position = _skip_space(text, 0)
    if position >= len(text):
        yield 1, 1, ParseError("empty file", source=source)
        return
    if text[position] != "[":
        line_no = text.count("\n", 0, position) + 1
        problem = _whole_text_problem(text, limits)
        if problem is not None:
            yield 1, line_no, ParseError(problem, source=source, line=line_no)
            return
        try:
            value = _decoded(text)
        except json.JSONDecodeError as error:
            yield 1, error.lineno, ParseError(_json_error(error), source=source, line=error.lineno)
            return
        if not isinstance(value, dict):
            message = f"expected a JSON object or a list of objects, got {_type_name(value)}"
            value = ParseError(message, source=source, line=line_no)
        yield 1, line_no, value
        return
    # Walk the list item by item so each record knows its line and a late error keeps the rest.
    line_no, counted_to = 1, 0
    position = _skip_space(text, position + 1)
    record_no = 0
    while position < len(text) and text[position] != "]":
        record_no += 1
        line_no += text.count("\n", counted_to, position)
        counted_to = position
        # Measured before decoding: a record over a limit is stepped over whole, and the next one is read.
        end, depth = json_extent(text, position) if text[position] in "[{" else (None, 0)
        problem = _over_limits(text, position, end, depth, limits) if end is not None else None
        if problem is None:
            try:
                value, position = _DECODER.raw_decode(text, position)
            except json.JSONDecodeError as error:
                yield (
                    record_no,
                    error.lineno,
                    ParseError(_json_error(error), source=source, record=record_no, line=error.lineno),
                )
                return
            except (RecursionError, ValueError) as error:
                problem = f"invalid JSON: {_decode_refusal(error)}"
            else:
                if not isinstance(value, dict):
                    message = f"expected a JSON object, got {_type_name(value)}"
                    value = ParseError(message, source=source, record=record_no, line=line_no)
                yield record_no, line_no, value
        if problem is not None:
            yield record_no, line_no, ParseError(problem, source=source, record=record_no, line=line_no)
            if end is None:  # never closed: nothing after it can be read
                return
            position = end
        position = _skip_space(text, position)
        if position < len(text) and text[position] == ",":
            position = _skip_space(text, position + 1)
        elif position < len(text) and text[position] != "]":
            line = text.count("\n", 0, position) + 1
            message = "invalid JSON: expected ',' or ']' between records"
            yield record_no + 1, line, ParseError(message, source=source, line=line)
            return
    if position >= len(text):
        line = text.count("\n") + 1
        yield record_no + 1, line, ParseError("invalid JSON: list not closed with ']'", source=source, line=line)


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def detect_format(name: str, text: str) -> str:
    """ "press", "json" or "jsonl", from the file extension and, when that is unclear, the content."""
    lower = name.lower()
    if lower.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    start = text.lstrip("\ufeff \t\r\n")[:1]
    if start not in ("{", "["):
        return "json" if lower.endswith(".json") else "press"
    if start == "[":
        return "json"
    # An object per line is JSON Lines: the first line alone is then a complete object.
    first_line = text.lstrip("\ufeff \t\r\n").split("\n", 1)
    # Balanced brackets are enough to tell: decoding a deeply nested line would recurse.
    line = first_line[0].rstrip()
    end, _ = json_extent(line)
    if end != len(line):
        return "json"
    return "jsonl" if len(first_line) > 1 and first_line[1].strip() else "json"
