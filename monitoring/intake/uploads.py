"""Storing files uploaded for import: limits on count and size, safe names, and zip archives checked entry by entry.

A zip may hold the importable files with their images. Every entry must stay inside the job's folder (no absolute
paths, no `..`, no links), be of an importable or image type, and the archive must not expand past the total size
and ratio limits (zip bombs): sizes are checked against the entries' headers first, then counted as bytes are
actually written, since headers can lie.
"""

from __future__ import annotations

import shutil
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.utils.text import get_valid_filename

IMPORTABLE = {".txt", ".text", ".json", ".jsonl", ".ndjson", ".html", ".htm"}
IMAGES = {".jpg", ".jpeg", ".png", ".webp", ".gif"}
COPY_CHUNK = 64 * 1024


class UploadRefused(Exception):
    """An upload that breaks a limit or a rule; the message names the file and the limit."""


@dataclass(frozen=True)
class UploadLimits:
    max_files: int
    max_file_bytes: int
    max_total_bytes: int
    zip_max_entries: int
    zip_max_bytes: int
    zip_max_ratio: int

    @classmethod
    def from_settings(cls) -> UploadLimits:
        return cls(
            max_files=settings.IMPORT_UPLOAD_MAX_FILES,
            max_file_bytes=settings.IMPORT_UPLOAD_MAX_FILE_BYTES,
            max_total_bytes=settings.IMPORT_UPLOAD_MAX_TOTAL_BYTES,
            zip_max_entries=settings.IMPORT_ZIP_MAX_ENTRIES,
            zip_max_bytes=settings.IMPORT_ZIP_MAX_BYTES,
            zip_max_ratio=settings.IMPORT_ZIP_MAX_RATIO,
        )


def _safe_name(name: str) -> str:
    """A plain file name from what the browser sent (no folders), keeping its extension."""
    return get_valid_filename(PurePosixPath(name.replace("\\", "/")).name) or "upload"


def _unique(folder: Path, name: str) -> Path:
    target, n = folder / name, 1
    while target.exists():
        n += 1
        target = folder / f"{Path(name).stem}-{n}{Path(name).suffix}"
    return target


def uploads_store(files, folder: Path, *, limits: UploadLimits) -> None:
    """Check and save uploaded files into `folder`, unpacking zips.

    Raises UploadRefused, leaving nothing behind, when a file or the whole upload breaks a limit or a rule.
    """
    files = list(files)
    if len(files) > limits.max_files:
        raise UploadRefused(f"{len(files)} files is more than the {limits.max_files} allowed in one upload")
    total = sum(f.size for f in files)
    if total > limits.max_total_bytes:
        raise UploadRefused(f"the upload is {total:,} bytes, over the limit of {limits.max_total_bytes:,}")
    for upload in files:
        suffix = Path(upload.name).suffix.lower()
        if suffix not in IMPORTABLE | IMAGES | {".zip"}:
            raise UploadRefused(f"{upload.name}: cannot import {suffix or 'files without an extension'}")
        if upload.size > limits.max_file_bytes:
            raise UploadRefused(f"{upload.name}: {upload.size:,} bytes is over the limit of {limits.max_file_bytes:,}")
    folder.mkdir(parents=True, exist_ok=True)
    try:
        for upload in files:
            if Path(upload.name).suffix.lower() == ".zip":
                zip_extract(upload, folder, limits=limits, name=upload.name)
                continue
            with _unique(folder, _safe_name(upload.name)).open("wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _entry_path(info: zipfile.ZipInfo, *, name: str) -> PurePosixPath:
    path = PurePosixPath(info.filename.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or (path.parts and ":" in path.parts[0]):
        raise UploadRefused(f"{name}: entry {info.filename!r} points outside the archive's folder")
    if stat.S_ISLNK(info.external_attr >> 16):
        raise UploadRefused(f"{name}: entry {info.filename!r} is a link; links are not imported")
    return PurePosixPath(*(get_valid_filename(part) or "_" for part in path.parts))


def zip_extract(source, folder: Path, *, limits: UploadLimits, name: str) -> int:
    """Unpack the importable files and images of a zip into `folder`; returns how many were written."""
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UploadRefused(f"{name}: not a readable zip archive ({exc})") from None
    with archive:
        entries = [info for info in archive.infolist() if not info.is_dir()]
        if len(entries) > limits.zip_max_entries:
            raise UploadRefused(f"{name}: {len(entries)} entries is more than the {limits.zip_max_entries} allowed")
        declared = sum(info.file_size for info in entries)
        if declared > limits.zip_max_bytes:
            raise UploadRefused(f"{name}: expands to {declared:,} bytes, over the limit of {limits.zip_max_bytes:,}")
        written = kept = 0
        for info in entries:
            path = _entry_path(info, name=name)
            if path.suffix.lower() not in IMPORTABLE | IMAGES:
                continue  # stylesheets, scripts and the like of a saved page's folder are not needed
            if info.file_size > limits.zip_max_ratio * max(info.compress_size, 1):
                raise UploadRefused(
                    f"{name}: entry {info.filename!r} expands more than {limits.zip_max_ratio} times (a zip bomb?)"
                )
            if info.file_size > limits.max_file_bytes:
                raise UploadRefused(
                    f"{name}: entry {info.filename!r} is {info.file_size:,} bytes, over {limits.max_file_bytes:,}"
                )
            target = folder.joinpath(*path.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(info) as entry, target.open("wb") as out:
                size = 0
                while chunk := entry.read(COPY_CHUNK):
                    size += len(chunk)
                    written += len(chunk)
                    if size > info.file_size or written > limits.zip_max_bytes:
                        raise UploadRefused(f"{name}: entry {info.filename!r} is larger than its header says")
                    out.write(chunk)
            kept += 1
    return kept
