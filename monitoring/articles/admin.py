from django.contrib import admin
from django.db.models import Prefetch
from simple_history.admin import SimpleHistoryAdmin

from monitoring.codebook.models import TaggedArticle
from monitoring.people.admin import ArticleQuoteInline, ArticleRoleInline
from monitoring.photos.admin import PhotoInline

from .models import Article, CountryMention, Outlet


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "country", "language")
    list_filter = ("kind", "country")
    list_select_related = ("country",)
    search_fields = ("name",)
    autocomplete_fields = ("country",)


class CountryMentionInline(admin.TabularInline):
    model = CountryMention
    extra = 0
    autocomplete_fields = ("country",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("country")


class TaggedArticleInline(admin.TabularInline):
    model = TaggedArticle
    extra = 0
    fields = ("tag", "status")
    autocomplete_fields = ("tag",)
    verbose_name = "tag"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("tag")


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ("headline", "outlet", "published_on", "status", "tag_list", "quote_count", "photo_count")
    list_select_related = ("outlet",)
    list_filter = ("status", "outlet__kind", "outlet", "tags__category", "tags", "outlet__country")
    date_hierarchy = "published_on"
    search_fields = ("headline", "url", "source_name")
    autocomplete_fields = ("outlet", "assignee", "syndicated_from")
    readonly_fields = ("fingerprint", "word_count", "source_name", "imported_at", "version", "approved_at")
    fieldsets = (
        (None, {"fields": ("headline", "outlet", "bylines", ("published_on", "updated_on"), "url", "language")}),
        ("Text", {"fields": ("body", "subheadings", "rights", "word_count")}),
        ("Workflow", {"fields": ("status", "assignee", ("due_on", "priority"), "approved_at", "version")}),
        ("Provenance", {"fields": ("source_name", "imported_at", "fingerprint", "syndicated_from")}),
    )
    inlines = (PhotoInline, ArticleQuoteInline, ArticleRoleInline, TaggedArticleInline, CountryMentionInline)
    history_list_display = ("status",)

    def get_queryset(self, request):
        tags = Prefetch("tagged_items", queryset=TaggedArticle.objects.select_related("tag"))
        return super().get_queryset(request).with_counts().prefetch_related(tags)

    @admin.display(description="tags")
    def tag_list(self, obj):
        return ", ".join(item.tag.name for item in obj.tagged_items.all())

    @admin.display(ordering="quote_count", description="quotes")
    def quote_count(self, obj):
        return obj.quote_count

    @admin.display(ordering="photo_count", description="photos")
    def photo_count(self, obj):
        return obj.photo_count
