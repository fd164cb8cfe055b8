from django.contrib import admin, messages
from django.contrib.admin.options import InlineModelAdmin
from django.core.exceptions import PermissionDenied

from monitoring.core.admin import HistoryAdmin

from . import coverage
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


class CoverageAdminMixin:
    """Admin pages and inlines of coverage data: editable only as permissions.article_content_check allows (the
    analyst holding the item, an editor while it is open; approved and archived items read-only until reopened),
    saved through monitoring.review.coverage (the review services for decisions, an event for every change), never
    deleted in bulk. On a model admin `obj` is the item; on an inline of the article page it is the article."""

    def _editable(self, request, obj) -> bool:
        return obj is None or coverage.coverage_editable(request.user, coverage.article_of(obj))

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._editable(request, obj)

    def has_add_permission(self, request, obj=None):
        if isinstance(self, InlineModelAdmin):
            return super().has_add_permission(request, obj) and self._editable(request, obj)
        return super().has_add_permission(request)

    def get_readonly_fields(self, request, obj=None):
        inline = isinstance(self, InlineModelAdmin)
        fixed = coverage.readonly_fields(self.model, request.user, saved=obj is not None and not inline)
        return tuple(dict.fromkeys((*super().get_readonly_fields(request, obj), *fixed)))

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def save_model(self, request, obj, form, change):
        coverage.coverage_save(obj=obj, user=request.user, changed=form.changed_data, adding=not change)

    def delete_model(self, request, obj):
        coverage.coverage_delete(obj=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        raise PermissionDenied("Coverage data is not deleted in bulk.")

    def save_formset(self, request, form, formset, change):
        if change:
            coverage.formset_save(formset, user=request.user)
        else:  # the inlines of an article being added with them: nothing of it is reviewed yet
            formset.save()


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
