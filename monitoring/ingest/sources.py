"""Turning command-line paths into parsed articles: files, folders, globs and standard input (no ORM).

Every file and record is read on its own: whatever fails, fails alone as a one-line ParseError naming it.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from .parsers import (
    InputLimits,
    ParsedArticle,
    ParseError,
    decode_bytes,
    detect_format,
    exception_summary,
    iter_json_records,
    over_limit,
    parse_press_text,
    parse_record,
    repair_note,
    text_repair,
    value_repair,
)
from .parsers.html_pages import parse_html_page

RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson"}
HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = {".txt", ".text", *RECORD_SUFFIXES, *HTML_SUFFIXES}
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


def limits_configured() -> InputLimits:
    """The import limits from the settings (the IMPORT_* environment variables)."""
    return InputLimits(
        max_bytes=settings.IMPORT_MAX_BYTES,
        max_file_bytes=settings.IMPORT_MAX_FILE_BYTES,
        max_json_depth=settings.IMPORT_MAX_JSON_DEPTH,
        max_quotes=settings.IMPORT_MAX_QUOTES,
    )


def source_label(path: Path | str) -> str:
    """A path as text that can be printed and stored: bytes of a file name that are not UTF-8 become U+FFFD."""
    return "<stdin>" if path == STDIN else text_repair(str(path))[0]


def paths_expand(paths: Iterable[str]) -> Iterator[tuple[Path | str, Path] | ParseError]:
    """Yield (file, import root) for every input file; a folder is read recursively, a pattern is globbed.

    A path that cannot be listed yields its ParseError, and the next path is read.
    """
    for raw in paths:
        try:
            yield from path_expand(raw)
        except OSError as exc:
            yield ParseError(f"cannot read: {exc.strerror or exc}", source=source_label(raw))


def path_expand(raw: str) -> Iterator[tuple[Path | str, Path] | ParseError]:
    if raw == STDIN:
        yield STDIN, Path.cwd()
        return
    path = Path(raw)
    if path.is_dir():
        root = path.resolve()
        for child in sorted(path.rglob("*")):
            if not child.is_file() or child.suffix.lower() not in TEXT_SUFFIXES:
                continue
            if child.resolve().is_relative_to(root):
                yield child, root
            else:  # what a folder holds is read, not what its links point to elsewhere
                yield ParseError(f"links to a file outside the import folder {root}", source=source_label(child))
    elif path.is_file():
        # The folder the file is in, not where a symlinked file points: its photos are looked for beside it.
        yield path, path.parent.resolve()
    else:
        matches = sorted(glob.glob(raw, recursive=True))
        if not matches:
            yield ParseError("no such file, folder or matching pattern", source=source_label(raw))
        for match in matches:
            yield Path(match), Path(match).parent.resolve()


def units_read(
    paths: Iterable[str],
    *,
    fmt: str | None = None,
    keyword_rules=(),
    limits: InputLimits | None = None,
    outlets: Iterable[str] = (),
) -> Iterator[ImportUnit | ParseError]:
    """Parse every input into ImportUnits; a file or record that cannot be read yields its ParseError instead."""
    limits = limits or limits_configured()
    folder_images.cache_clear()  # folders may have changed since an earlier run in this process
    for item in paths_expand(paths):
        if isinstance(item, ParseError):
            yield item
            continue
        path, root = item
        yield from file_units(path, root=root, fmt=fmt, keyword_rules=keyword_rules, limits=limits, outlets=outlets)


def file_units(
    path: Path | str, *, root: Path, fmt: str | None, keyword_rules, limits: InputLimits, outlets: Iterable[str] = ()
) -> Iterator[ImportUnit | ParseError]:
    """The units of one file; whatever goes wrong reading it fails this file alone (interrupts still stop the run)."""
    source = source_label(path)
    try:
        yield from _file_units(
            path, source=source, root=root, fmt=fmt, keyword_rules=keyword_rules, limits=limits, outlets=outlets
        )
    except ParseError as error:
        yield error
    except OSError as exc:
        yield ParseError(f"cannot read: {exc.strerror or exc}", source=source)
    except Exception as exc:  # any other failure is this file's one-line error, not the run's end
        yield ParseError(f"could not be read ({exception_summary(exc)})", source=source)


def _file_units(
    path: Path | str,
    *,
    source: str,
    root: Path,
    fmt: str | None,
    keyword_rules,
    limits: InputLimits,
    outlets: Iterable[str] = (),
) -> Iterator[ImportUnit | ParseError]:
    data = input_bytes(path, source=source, fmt=fmt, limits=limits)
    text, note = decode_bytes(data, source=source)
    kind = fmt or ("html" if source.lower().endswith(HTML_SUFFIXES) else detect_format(source, text))
    if kind == "html":
        parsed = parse_html_page(text, keyword_rules=keyword_rules, source=source, outlets=outlets)
        quotes_check(parsed, limits=limits, source=source)
        files = [] if path == STDIN else page_photo_files(parsed, base=Path(path).parent, root=root)
        yield ImportUnit(source=source, parsed=parsed, photo_files=files, note=note)
        return
    if kind == "press":
        if len(data) > limits.max_bytes:  # read as a possible collection of records, but it is one article
            raise ParseError(over_limit(len(data), "bytes", "IMPORT_MAX_BYTES", limits.max_bytes), source=source)
        parsed = parse_press_text(text, keyword_rules=keyword_rules, source=source, outlets=outlets)
        quotes_check(parsed, limits=limits, source=source)
        files = [] if path == STDIN else press_photo_files(Path(path), root=root, source=source)
        yield ImportUnit(source=source, parsed=parsed, photo_files=files, note=note)
        return
    base = Path(path).parent if path != STDIN else root
    for record_no, line_no, record in iter_json_records(text, source=source, jsonl=(kind == "jsonl"), limits=limits):
        if isinstance(record, ParseError):
            yield record
            continue
        try:
            unit = record_unit(
                record,
                source=source,
                record_no=record_no,
                line_no=line_no,
                note=note,
                base=base,
                root=root,
                keyword_rules=keyword_rules,
                outlets=outlets,
                limits=limits,
            )
        except ParseError as error:
            error.source, error.record, error.line = source, record_no, line_no
            unit = error
        except Exception as exc:  # one record's failure, whatever it is, spares the others
            unit = ParseError(
                f"could not be read ({exception_summary(exc)})", source=source, record=record_no, line=line_no
            )
        yield unit


def record_unit(
    record: dict,
    *,
    source: str,
    record_no: int,
    line_no: int,
    note: str | None,
    base: Path,
    root: Path,
    keyword_rules,
    limits: InputLimits,
    outlets: Iterable[str] = (),
) -> ImportUnit:
    """One JSON record as an ImportUnit; NUL characters and lone surrogates in it are replaced, with a note."""
    record, replaced = value_repair(record)
    if replaced:
        note = "; ".join(filter(None, [note, repair_note(replaced)]))
    parsed = parse_record(
        record, keyword_rules=keyword_rules, source=source, record_no=record_no, line=line_no, outlets=outlets
    )
    quotes_check(parsed, limits=limits, source=source)
    files = record_photo_files(parsed, base=base, root=root)
    given = [t for t in record.get("tags") or [] if isinstance(t, str)]
    return ImportUnit(
        source=source, parsed=parsed, record=record_no, line=line_no, photo_files=files, note=note, given_tags=given
    )


def input_bytes(path: Path | str, *, source: str, fmt: str | None, limits: InputLimits) -> bytes:
    """The bytes of one input, refused by size before it is read whole.

    A file that may hold many records (JSON, JSONL, or standard input not yet told apart) may be as large as
    IMPORT_MAX_FILE_BYTES: its records are held to IMPORT_MAX_BYTES one by one. Any other file is one article.
    """
    suffix = "" if path == STDIN else Path(path).suffix.lower()
    if fmt in ("json", "jsonl") or (fmt is None and (path == STDIN or suffix in RECORD_SUFFIXES)):
        setting, limit = "IMPORT_MAX_FILE_BYTES", limits.max_file_bytes
    else:
        setting, limit = "IMPORT_MAX_BYTES", limits.max_bytes
    if path == STDIN:
        data = sys.stdin.buffer.read(limit + 1)
    else:
        with Path(path).open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise ParseError(over_limit(size, "bytes", setting, limit), source=source)
            data = handle.read(limit + 1)  # a file still being written may have grown since
    if len(data) > limit:
        raise ParseError(f"more than {limit:,} bytes is over {setting} ({limit:,})", source=source)
    return data


def quotes_check(parsed: ParsedArticle, *, limits: InputLimits, source: str) -> None:
    """Refuse an article with more quotes than anyone reviews: it is a transcript or junk, better split or skipped."""
    if len(parsed.quotes) > limits.max_quotes:
        raise ParseError(
            over_limit(len(parsed.quotes), "quotes", "IMPORT_MAX_QUOTES", limits.max_quotes), source=source
        )


def press_photo_files(path: Path, *, root: Path, source: str) -> list[Path]:
    """Images saved beside a press-text file with the same stem: story.jpg, story-1.jpg, story-2.jpg ..."""
    return [
        inside_root(image, root=root, name=image.name, source=source)
        for _, image in sorted(folder_images(path.parent).get(path.stem, ()))
    ]


def inside_root(path: Path, *, root: Path, name: str, source: str = "<input>") -> Path:
    """The real file behind a photo path, refused when it (or a symlink on the way) leads outside the import folder."""
    resolved = path.resolve()
    if not resolved.is_relative_to(root):
        raise ParseError(f"photo {name!r} is outside the import folder {root}", source=source)
    if not resolved.is_file():
        raise ParseError(f"photo {name!r} not found", source=source)
    return resolved


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
    return [
        inside_root(base / photo.file, root=root, name=photo.file) if photo.file else None for photo in parsed.photos
    ]


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
