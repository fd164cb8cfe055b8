from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from monitoring.codebook.models import TaggedArticle
from monitoring.core.admin import HistoryAdmin, ListFieldsAdminMixin, list_text, truncated
from monitoring.people.admin import ArticleQuoteInline, ArticleRoleInline
from monitoring.photos.admin import PhotoInline
from monitoring.review.admin import CoverageAdminMixin, bulk_apply
from monitoring.review.selectors import analysts, article_timeline
from monitoring.review.services import article_transition

from .models import Article, CountryMention, Outlet


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "country", "language")
    list_filter = ("kind", ("country", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("country",)
    search_fields = ("name",)
    autocomplete_fields = ("country",)


class CountryMentionInline(CoverageAdminMixin, admin.TabularInline):
    model = CountryMention
    extra = 0
    autocomplete_fields = ("country",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("country")


class TaggedArticleInline(CoverageAdminMixin, admin.TabularInline):
    model = TaggedArticle
    extra = 0
    fields = ("tag", "status")
    autocomplete_fields = ("tag",)
    verbose_name = "tag"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("tag")


@admin.register(Article)
class ArticleAdmin(ListFieldsAdminMixin, CoverageAdminMixin, HistoryAdmin):
    # Readable at 1280 px beside the admin's two sidebars: the headline shortened (whole in its title), then what an
    # editor sorts and scans by. Tags are a filter (and on the article's page).
    list_display = ("headline_short", "status", "outlet", "published", "assignee", "byline_list", "quote_count")
    list_select_related = ("outlet", "assignee")
    list_fields = ("bylines", "subheadings")
    list_filter = (
        "status",
        "outlet__kind",
        "outlet",
        "tags__category",
        "tags",
        ("outlet__country", admin.RelatedOnlyFieldListFilter),
    )
    date_hierarchy = "published_on"
    search_fields = ("headline", "url", "source_name")
    autocomplete_fields = ("outlet", "assignee", "syndicated_from")
    # Status, assignee and the rest of the workflow change only through the workflow actions; coverage data only as
    # CoverageAdminMixin allows (monitoring.review.coverage), which adds those fields to these.
    readonly_fields = ("fingerprint", "word_count", "source_name", "imported_at", "timeline_link")
    fieldsets = (
        (None, {"fields": ("headline", "outlet", "bylines", ("published_on", "updated_on"), "url", "language")}),
        ("Text", {"fields": ("body", "subheadings", "rights", "word_count")}),
        (
            "Workflow",
            {"fields": ("status", "assignee", ("due_on", "priority"), "approved_at", "version", "timeline_link")},
        ),
        ("Provenance", {"fields": ("source_name", "imported_at", "fingerprint", "syndicated_from")}),
    )
    inlines = (PhotoInline, ArticleQuoteInline, ArticleRoleInline, TaggedArticleInline, CountryMentionInline)
    history_list_display = ("status",)
    actions = (
        "claim_articles",
        "submit_articles",
        "approve_articles",
        "return_articles",
        "reopen_articles",
        "archive_articles",
        "assign_articles",
    )

    def get_queryset(self, request):
        return super().get_queryset(request).with_counts()

    class Media:
        css = {"all": ("css/admin.css",)}

    @admin.display(ordering="headline", description="headline")
    def headline_short(self, obj):
        return truncated(obj.headline, 70)

    @admin.display(ordering="published_on", description="published")
    def published(self, obj):
        return obj.published_on

    @admin.display(description="bylines")
    def byline_list(self, obj):
        return truncated(list_text(obj.bylines), 40)

    @admin.display(ordering="quote_count", description="quotes")
    def quote_count(self, obj):
        return obj.quote_count

    # Workflow: the same services as the reader page, applied per article, refusals reported per article.

    def get_urls(self):
        timeline = path(
            "<path:object_id>/timeline/",
            self.admin_site.admin_view(self.timeline_view),
            name="articles_article_timeline",
        )
        return [timeline, *super().get_urls()]

    @admin.display(description="timeline")
    def timeline_link(self, obj):
        if obj.pk is None:
            return "—"
        url = reverse("admin:articles_article_timeline", args=[obj.pk])
        return format_html('<a href="{}" id="timeline-link">History, workflow events and comments</a>', url)

    def timeline_view(self, request, object_id):
        article = get_object_or_404(Article, pk=object_id)
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "article": article,
            "title": f"Timeline: {article}",
            "entries": article_timeline(article=article),
        }
        return TemplateResponse(request, "review/admin_timeline.html", context)

    def _transition(self, request, queryset, action: str, label: str, **kwargs):
        bulk_apply(
            self,
            request,
            queryset,
            label,
            lambda article: article_transition(article=article, user=request.user, action=action, **kwargs),
        )

    def _ask(self, request, queryset, action: str, label: str, *, needs: str):
        """Admin actions that need a comment or an assignee show a small form first."""
        if "apply" in request.POST:
            comment = request.POST.get("comment", "")
            assignee = None
            if needs == "assignee":
                assignee = get_user_model().objects.filter(pk=request.POST.get("assignee") or None).first()
                if assignee is None:
                    self.message_user(request, "Choose the analyst to assign the articles to.", messages.ERROR)
                    return None
            self._transition(request, queryset, action, label, comment=comment, assignee=assignee)
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "articles": queryset,
            "title": label,
            "action": f"{action}_articles",
            "needs": needs,
            "analysts": analysts() if needs == "assignee" else (),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "review/admin_action_form.html", context)

    # Actions are offered to anyone who can view articles; the services refuse, with a reason, who may not act.
    @admin.action(description="Claim selected articles", permissions=["view"])
    def claim_articles(self, request, queryset):
        self._transition(request, queryset, "claim", "Claim")

    @admin.action(description="Submit selected articles for review", permissions=["view"])
    def submit_articles(self, request, queryset):
        self._transition(request, queryset, "submit", "Submit")

    @admin.action(description="Approve selected articles", permissions=["view"])
    def approve_articles(self, request, queryset):
        self._transition(request, queryset, "approve", "Approve")

    @admin.action(description="Return selected articles to analysis…", permissions=["view"])
    def return_articles(self, request, queryset):
        return self._ask(request, queryset, "return", "Return to analysis", needs="comment")

    @admin.action(description="Reopen selected articles", permissions=["view"])
    def reopen_articles(self, request, queryset):
        self._transition(request, queryset, "reopen", "Reopen")

    @admin.action(description="Archive selected articles", permissions=["view"])
    def archive_articles(self, request, queryset):
        self._transition(request, queryset, "archive", "Archive")

    @admin.action(description="Assign selected articles to an analyst…", permissions=["view"])
    def assign_articles(self, request, queryset):
        return self._ask(request, queryset, "assign", "Assign", needs="assignee")
