"""Checking untrusted image files with Pillow before anything is stored, and making thumbnails."""

import io
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, UnidentifiedImageError

THUMBNAIL_SIZE = (320, 320)


def image_check(fileobj, *, name: str) -> tuple[int, int]:
    """Return (width, height) of a valid image, or raise ValidationError naming what is wrong with it."""
    size = getattr(fileobj, "size", None)
    if size is None:
        fileobj.seek(0, io.SEEK_END)
        size = fileobj.tell()
    if size > settings.PHOTO_MAX_BYTES:
        raise ValidationError(
            f"{name}: file is {size:,} bytes, over the limit of {settings.PHOTO_MAX_BYTES:,} bytes.", code="too_large"
        )
    if size == 0:
        raise ValidationError(f"{name}: file is empty.", code="empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            fileobj.seek(0)
            with Image.open(fileobj) as probe:
                width, height = probe.size
                if width * height > settings.PHOTO_MAX_PIXELS:
                    raise ValidationError(
                        f"{name}: image is {width}×{height} pixels, over the limit of "
                        f"{settings.PHOTO_MAX_PIXELS:,} pixels (possible decompression bomb).",
                        code="too_many_pixels",
                    )
                probe.verify()
            fileobj.seek(0)
            with Image.open(fileobj) as full:
                full.load()  # verify() misses truncated pixel data; decoding finds it
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(f"{name}: refused as a decompression bomb ({exc}).", code="bomb") from exc
    except UnidentifiedImageError as exc:
        raise ValidationError(f"{name}: not an image file Pillow can read.", code="not_image") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(f"{name}: corrupt image ({exc}).", code="corrupt") from exc
    finally:
        fileobj.seek(0)
    return width, height


def thumbnail_make(fileobj, *, name: str) -> ContentFile:
    """A JPEG thumbnail of at most THUMBNAIL_SIZE for lists and inlines."""
    fileobj.seek(0)
    with Image.open(fileobj) as image:
        image = image.convert("RGB")
        image.thumbnail(THUMBNAIL_SIZE)
        out = io.BytesIO()
        image.save(out, "JPEG", quality=80)
    fileobj.seek(0)
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return ContentFile(out.getvalue(), name=f"{stem}-thumb.jpg")
