from django.contrib import admin
from django.db.models import Count

from .models import Tag


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name", "category", "article_count", "description")
    list_filter = ("category",)
    search_fields = ("name", "description", "keywords")
    prepopulated_fields = {"slug": ("name",)}
    fields = ("name", "slug", "category", "description", "keywords")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("tagged_articles"))

    @admin.display(ordering="article_count", description="articles")
    def article_count(self, obj):
        return obj.article_count
