from django.contrib import admin
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from .models import Country


class HistoryAdmin(SimpleHistoryAdmin):
    """Field history to read, never to restore: django-simple-history's revert form would save an old version
    whole (status, assignee and coverage included) past the workflow and its audit. Every admin with history uses
    this base; the form is shown for reading and its POST refused, whatever the settings say."""

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method not in ("GET", "HEAD"):
            raise PermissionDenied(
                "Old versions are shown for reading only and cannot be restored: change the item through its page "
                "or the workflow actions, so the change is checked and recorded."
            )
        return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ("name", "code")
    search_fields = ("name", "code")
