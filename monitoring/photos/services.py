"""Keeping MEDIA_ROOT in step with the database."""

import time
from pathlib import Path

from django.conf import settings

from .models import Photo

# Folders the Photo model writes to (its fields' upload_to, without the date parts).
PHOTO_FOLDERS = ("photos", "thumbs")


def media_orphans(*, older_than: float) -> list[Path]:
    """Image files under MEDIA_ROOT's photo folders that no photo names, written more than `older_than` seconds ago.

    An import writes an article's image before its transaction commits; a rollback, or a run killed mid-batch,
    leaves that file behind. The age keeps files of imports still running out of the list.
    """
    root = Path(settings.MEDIA_ROOT)
    named = set()
    for image, thumbnail in Photo.objects.values_list("image", "thumbnail").iterator():
        named.update(name for name in (image, thumbnail) if name)
    cutoff = time.time() - older_than
    return sorted(
        path
        for folder in PHOTO_FOLDERS
        for path in (root / folder).rglob("*")
        if path.is_file() and path.relative_to(root).as_posix() not in named and path.stat().st_mtime < cutoff
    )


def media_orphans_remove(*, older_than: float) -> list[Path]:
    orphans = media_orphans(older_than=older_than)
    for path in orphans:
        path.unlink(missing_ok=True)
    return orphans
