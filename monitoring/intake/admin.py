from django.contrib import admin
from django.utils.html import format_html

from .feeds_poll import feed_poll, fetch_policy
from .fetch import Fetcher
from .models import Feed, FeedEntry, ImportJob, ImportJobFile


class ReadOnlyMixin:
    """Jobs and their files are written by the intake services only; the admin shows them."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ImportJobFileInline(ReadOnlyMixin, admin.TabularInline):
    model = ImportJobFile
    fields = ("name", "state", "outcome", "article", "note", "message")
    readonly_fields = fields
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")


@admin.register(ImportJob)
class ImportJobAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("pk", "created", "created_by", "source", "label", "state", "done", "total", "page_link")
    list_select_related = ("created_by",)
    list_filter = ("source", "state")
    search_fields = ("label",)
    date_hierarchy = "created"
    inlines = (ImportJobFileInline,)

    @admin.display(description="page")
    def page_link(self, obj):
        return format_html('<a href="{}">progress and outcomes</a>', obj.get_absolute_url())


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ("url", "outlet", "active", "poll_minutes", "last_polled", "failures", "last_error_short")
    list_select_related = ("outlet",)
    list_filter = ("active", "outlet")
    search_fields = ("url", "outlet__name")
    autocomplete_fields = ("outlet",)
    fields = (
        "url",
        "outlet",
        "active",
        "poll_minutes",
        "last_polled",
        "etag",
        "last_modified",
        "failures",
        "last_error",
    )
    readonly_fields = ("last_polled", "etag", "last_modified", "failures", "last_error")
    actions = ("poll_now",)

    @admin.display(description="last error")
    def last_error_short(self, obj):
        return obj.last_error[:120]

    @admin.action(description="Poll selected feeds now", permissions=["change"])
    def poll_now(self, request, queryset):
        with Fetcher(fetch_policy()) as fetcher:
            for feed in queryset.select_related("outlet"):
                result = feed_poll(feed, fetcher=fetcher)
                self.message_user(request, str(result), "error" if result.error else "success")


@admin.register(FeedEntry)
class FeedEntryAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("key", "feed", "seen", "from_summary", "job")
    list_select_related = ("feed", "job")
    list_filter = ("from_summary", "feed")
    search_fields = ("key", "link")
