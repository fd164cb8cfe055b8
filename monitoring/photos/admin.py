from django.contrib import admin
from django.utils.html import format_html

from monitoring.review.admin import CoverageAdminMixin

from .forms import PhotoForm
from .models import Photo


def thumbnail_tag(photo) -> str:
    if not photo.thumbnail:
        return "—"
    return format_html('<img src="{}" alt="{}" class="admin-thumbnail">', photo.thumbnail.url, photo.alt_text)


class ThumbnailMedia:
    """The thumbnail's size lives in a static stylesheet: the Content-Security-Policy refuses style= attributes."""

    css = {"all": ("css/admin.css",)}


class PhotoInline(CoverageAdminMixin, admin.TabularInline):
    model = Photo
    form = PhotoForm
    extra = 0
    fields = ("thumbnail_preview", "image", "caption", "credit", "photographer", "agency", "order")
    readonly_fields = ("thumbnail_preview",)
    Media = ThumbnailMedia

    @admin.display(description="thumbnail")
    def thumbnail_preview(self, obj):
        return thumbnail_tag(obj)


@admin.register(Photo)
class PhotoAdmin(CoverageAdminMixin, admin.ModelAdmin):
    form = PhotoForm
    list_display = ("thumbnail_preview", "caption_short", "credit", "article")
    list_select_related = ("article",)
    search_fields = ("caption", "credit", "photographer", "agency")
    list_filter = ("agency",)
    autocomplete_fields = ("article", "pictured")
    fields = (
        "article",
        "image",
        "thumbnail_preview",
        "caption",
        "credit",
        "photographer",
        "agency",
        "pictured",
        "order",
        "alt_text",
    )
    readonly_fields = ("thumbnail_preview",)
    Media = ThumbnailMedia

    @admin.display(description="thumbnail")
    def thumbnail_preview(self, obj):
        return thumbnail_tag(obj)

    @admin.display(description="caption")
    def caption_short(self, obj):
        return obj.caption[:90]
