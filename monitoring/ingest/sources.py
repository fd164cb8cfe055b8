"""Turning command-line paths into parsed articles: files, folders, globs and standard input (no ORM)."""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .parsers import (
    ParsedArticle,
    ParseError,
    decode_bytes,
    detect_format,
    iter_json_records,
    parse_press_text,
    parse_record,
)
from .parsers.html_pages import parse_html_page

TEXT_SUFFIXES = {".txt", ".text", ".json", ".jsonl", ".ndjson", ".html", ".htm"}
HTML_SUFFIXES = (".html", ".htm")
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")
FORMATS = ("press", "json", "jsonl", "html")
STDIN = "-"


@dataclass(slots=True)
class ImportUnit:
    """One article read from the input, with the image files that go with its captions."""

    source: str
    parsed: ParsedArticle
    record: int | None = None
    line: int | None = None
    photo_files: list[Path | None] = field(default_factory=list)  # by position: photo i gets file i
    given_tags: list[str] = field(default_factory=list)  # tags the record itself names, as opposed to suggestions
    note: str | None = None

    @property
    def where(self) -> str:
        return str(ParseError("", source=self.source, record=self.record, line=self.line)).rstrip(": ")


def paths_expand(paths: Iterable[str]) -> Iterator[tuple[Path | str, Path]]:
    """Yield (file, import root) for every input file; a folder is read recursively, a pattern is globbed."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN, Path.cwd()
            continue
        path = Path(raw)
        if path.is_dir():
            root = path.resolve()
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES:
                    yield child, root
        elif path.is_file():
            yield path, path.resolve().parent
        else:
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise ParseError("no such file, folder or matching pattern", source=raw)
            for match in matches:
                yield Path(match), Path(match).resolve().parent


def units_read(paths: Iterable[str], *, fmt: str | None = None, keyword_rules=()) -> Iterator[ImportUnit | ParseError]:
    """Parse every input into ImportUnits; a file or record that cannot be read yields its ParseError instead."""
    folder_images.cache_clear()  # folders may have changed since an earlier run in this process
    try:
        for path, root in paths_expand(paths):
            yield from file_units(path, root=root, fmt=fmt, keyword_rules=keyword_rules)
    except ParseError as error:
        yield error


def file_units(path: Path | str, *, root: Path, fmt: str | None, keyword_rules) -> Iterator[ImportUnit | ParseError]:
    source = "<stdin>" if path == STDIN else str(path)
    try:
        data = sys.stdin.buffer.read() if path == STDIN else Path(path).read_bytes()
        text, note = decode_bytes(data, source=source)
    except OSError as exc:
        yield ParseError(f"cannot read: {exc.strerror}", source=source)
        return
    except ParseError as error:
        yield error
        return
    kind = fmt or ("html" if source.lower().endswith(HTML_SUFFIXES) else detect_format(source, text))
    if kind == "html":
        try:
            parsed = parse_html_page(text, keyword_rules=keyword_rules, source=source)
            files = [] if path == STDIN else page_photo_files(parsed, base=Path(path).parent, root=root)
        except ParseError as error:
            yield error
            return
        yield ImportUnit(source=source, parsed=parsed, photo_files=files, note=note)
        return
    if kind == "press":
        try:
            parsed = parse_press_text(text, keyword_rules=keyword_rules, source=source)
        except ParseError as error:
            yield error
            return
        files = [] if path == STDIN else press_photo_files(Path(path))
        yield ImportUnit(source=source, parsed=parsed, photo_files=files, note=note)
        return
    for record_no, line_no, record in iter_json_records(text, source=source, jsonl=(kind == "jsonl")):
        if isinstance(record, ParseError):
            yield record
            continue
        try:
            parsed = parse_record(record, keyword_rules=keyword_rules, source=source, record_no=record_no, line=line_no)
            files = record_photo_files(parsed, base=Path(path).parent if path != STDIN else root, root=root)
        except ParseError as error:
            error.source, error.record, error.line = source, record_no, line_no
            yield error
            continue
        given = [t for t in record.get("tags") or [] if isinstance(t, str)]
        yield ImportUnit(
            source=source, parsed=parsed, record=record_no, line=line_no, photo_files=files, note=note, given_tags=given
        )


def press_photo_files(path: Path) -> list[Path]:
    """Images saved beside a press-text file with the same stem: story.jpg, story-1.jpg, story-2.jpg ..."""
    return [image for _, image in sorted(folder_images(path.parent).get(path.stem, ()))]


@lru_cache(maxsize=32)
def folder_images(folder: Path) -> dict[str, list[tuple[int, Path]]]:
    """A folder's images by the stem they belong to, listed once: globbing per article is quadratic in big folders."""
    index: dict[str, list[tuple[int, Path]]] = {}
    for entry in os.scandir(folder):
        image = Path(entry.path)
        if image.suffix.lower() not in IMAGE_SUFFIXES or not entry.is_file():
            continue
        index.setdefault(image.stem, []).append((0, image))
        base, dash, number = image.stem.rpartition("-")
        if dash and number.isdigit():
            index.setdefault(base, []).append((int(number), image))
    return index


def record_photo_files(parsed: ParsedArticle, *, base: Path, root: Path) -> list[Path | None]:
    """Resolve each photo's `file` against the record's folder, refusing anything outside the import folder."""
    files: list[Path | None] = []
    for photo in parsed.photos:
        if not photo.file:
            files.append(None)
            continue
        resolved = (base / photo.file).resolve()
        if not resolved.is_relative_to(root):
            raise ParseError(f"photo {photo.file!r} is outside the import folder {root}")
        if not resolved.is_file():
            raise ParseError(f"photo {photo.file!r} not found")
        files.append(resolved)
    return files


def page_photo_files(parsed: ParsedArticle, *, base: Path, root: Path) -> list[Path | None]:
    """A saved page's images from its `_files` folder; an image missing or outside the import folder is not read
    (the photo keeps its caption and credit, without a file)."""
    files: list[Path | None] = []
    for photo in parsed.photos:
        resolved = (base / photo.file).resolve() if photo.file else None
        ok = resolved is not None and resolved.is_relative_to(root) and resolved.is_file()
        if photo.file and not ok:
            parsed.warnings.append(f"photo {photo.file!r} not found in the import folder: kept without its image")
        files.append(resolved if ok else None)
    return files
