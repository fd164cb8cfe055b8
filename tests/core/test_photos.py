import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from monitoring.photos.models import Photo
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def jpeg_bytes(size=(64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(out, "JPEG")
    return out.getvalue()


def png_bomb_bytes() -> bytes:
    """A tiny PNG that claims a huge canvas: decoding it would take gigabytes."""
    out = io.BytesIO()
    Image.new("1", (12000, 12000)).save(out, "PNG", optimize=True)
    return out.getvalue()


def photo_post(client, article, upload):
    data = {
        "article": article.pk,
        "image": upload,
        "caption": "A caption",
        "credit": "",
        "photographer": "",
        "agency": "",
        "order": 0,
        "alt_text": "",
    }
    return client.post(reverse("admin:photos_photo_add"), data)


def test_valid_upload_stores_dimensions_and_thumbnail(login, editor):
    article = ArticleFactory()
    response = photo_post(login(editor), article, SimpleUploadedFile("ok.jpg", jpeg_bytes(), "image/jpeg"))
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (64, 48)
    assert photo.thumbnail.name.endswith("-thumb.jpg")


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("notes.jpg", b"this is plain text, not a picture", "not an image file"),
        ("broken.jpg", jpeg_bytes()[:200], "corrupt image"),
        ("empty.jpg", b"", "empty"),
    ],
)
def test_bad_uploads_get_a_form_error_and_save_nothing(login, editor, name, content, message):
    response = photo_post(login(editor), ArticleFactory(), SimpleUploadedFile(name, content, "image/jpeg"))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Photo.objects.exists()


def test_oversized_upload_is_refused(login, editor, settings):
    settings.PHOTO_MAX_BYTES = 500
    response = photo_post(login(editor), ArticleFactory(), SimpleUploadedFile("big.jpg", jpeg_bytes(), "image/jpeg"))
    assert "over the limit" in response.content.decode()
    assert not Photo.objects.exists()


def test_decompression_bomb_is_refused(login, editor):
    upload = SimpleUploadedFile("bomb.png", png_bomb_bytes(), "image/png")
    response = photo_post(login(editor), ArticleFactory(), upload)
    assert response.status_code == 200
    assert "decompression bomb" in response.content.decode()
    assert not Photo.objects.exists()


def test_a_photo_given_a_stored_image_by_name_gets_its_thumbnail(settings):
    """An image already in MEDIA_ROOT, named rather than uploaded (a script, a restore), is opened for its thumbnail."""
    from pathlib import Path

    stored = Path(settings.MEDIA_ROOT) / "photos" / "2021" / "02" / "stored.jpg"
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.write_bytes(jpeg_bytes((400, 300)))
    photo = Photo.objects.create(article=ArticleFactory(), image="photos/2021/02/stored.jpg")
    assert photo.thumbnail and (Path(settings.MEDIA_ROOT) / photo.thumbnail.name).is_file()
    assert (photo.width, photo.height) == (400, 300)
