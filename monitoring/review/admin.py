from django.contrib import admin, messages

from monitoring.core.admin import HistoryAdmin

from .models import Annotation, AnnotationComment, WorkflowEvent
from .services import REFUSALS, refusal_message


def bulk_apply(model_admin, request, items, label: str, apply) -> None:
    """Run a service on each item, each in its own transaction; report what was done and, per item, what was
    refused and why. Shared by the admin actions on articles, quotes and roles."""
    done, refused = 0, []
    for item in items:
        try:
            apply(item)
        except REFUSALS as exc:
            refused.append(f"“{item}”: {refusal_message(exc)}")
        else:
            done += 1
    if done:
        model_admin.message_user(request, f"{label}: {done} done.", messages.SUCCESS)
    for line in refused:
        model_admin.message_user(request, f"{label} refused for {line}", messages.ERROR)


class ReadOnlyAdminMixin:
    """Workflow records are written by the services only; the admin shows them."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(WorkflowEvent)
class WorkflowEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("created", "article", "action", "actor", "from_status", "to_status", "assignee", "subject")
    list_select_related = ("article", "actor", "assignee")
    list_filter = ("action",)
    search_fields = ("article__headline", "comment", "subject", "actor__username")
    date_hierarchy = "created"


class AnnotationCommentInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = AnnotationComment
    extra = 0
    fields = ("created", "author", "text")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")


@admin.register(Annotation)
class AnnotationAdmin(ReadOnlyAdminMixin, HistoryAdmin):
    list_display = ("tag", "text_short", "article", "author", "stance", "orphaned", "modified")
    list_select_related = ("tag", "article", "author")
    list_filter = ("orphaned", "stance", "tag__category", "tag")
    search_fields = ("text", "note", "article__headline")
    fields = (
        "article",
        "tag",
        "author",
        "start",
        "end",
        "text",
        "note",
        "stance",
        "target_person",
        "target_organization",
        "target_country",
        "orphaned",
        "version",
    )
    inlines = (AnnotationCommentInline,)

    @admin.display(description="text")
    def text_short(self, obj):
        return obj.text[:100]


@admin.register(AnnotationComment)
class AnnotationCommentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("created", "author", "annotation", "text")
    list_select_related = ("author", "annotation__tag")
    search_fields = ("text",)
