import json

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
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


# Lists kept as JSON lists on the models (an article's bylines and subheadings, an organization's aliases) are shown as
# lists in the admin: edited one item per line, read as lines on a change form and comma-separated in a changelist,
# never as raw JSON (`[]`, `["Ana Ruiz", "Tom Bell"]`).


class LinesField(forms.Field):
    """A list of strings edited as text, one item per line (blank lines and surrounding spaces dropped). A JSON list
    of strings, as the admin's JSON widget used to show it, is read as that list."""

    widget = forms.Textarea

    def __init__(self, *, rows: int = 3, **kwargs):
        kwargs.setdefault("help_text", "One per line.")
        super().__init__(**kwargs)
        self.widget.attrs.update({"rows": rows, "class": "vLargeTextField lines-field"})

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return "\n".join(str(item) for item in value)
        return value  # the posted text, shown back with the form's errors

    def to_python(self, value) -> list[str]:
        if isinstance(value, (list, tuple)):
            return [str(item) for item in value]
        if value in self.empty_values:
            return []
        text = str(value).strip()
        if text.startswith("["):
            try:
                parsed = json.loads(text)
            except ValueError:
                parsed = None
            if isinstance(parsed, list) and all(isinstance(item, str) for item in parsed):
                return [item.strip() for item in parsed if item.strip()]
        return [line.strip() for line in text.splitlines() if line.strip()]

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")


def list_text(values, separator: str = ", ") -> str:
    """A stored list as text: its items joined (an empty or missing list is empty text)."""
    if not values:
        return ""
    if not isinstance(values, (list, tuple)):
        return str(values)
    return separator.join(str(item) for item in values)


def truncated(text: str, limit: int):
    """Text shortened to `limit` characters at a word boundary, with the whole text in the element's title."""
    text = text or ""
    if len(text) <= limit:
        return text
    short = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return format_html('<span title="{}">{}…</span>', text, short.rstrip(" ,;:"))


def _readonly_name(name: str) -> str:
    return f"{name}_lines"


class ListFieldsAdminMixin:
    """For admins of models with JSON list fields named in `list_fields`: an editable list is a LinesField; a list
    shown read-only (by the admin's rules or the user's view-only access) is shown through `<name>_lines`, one item a
    line. The rules of which fields are read-only stay the admin's own (get_readonly_fields of the classes after
    this one): only how a read-only list is displayed changes."""

    list_fields: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for name in cls.list_fields:
            if not hasattr(cls, _readonly_name(name)):
                setattr(cls, _readonly_name(name), cls._lines_display(name))

    @staticmethod
    def _lines_display(name: str):
        def display(self, obj):
            values = getattr(obj, name, None)
            return format_html_join(mark_safe("<br>"), "{}", ((item,) for item in values or ())) or "—"

        display.short_description = name.replace("_", " ")
        return display

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.list_fields:
            return LinesField(required=not db_field.blank, label=capfirst(db_field.verbose_name))
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def _lists_read_only(self, request, obj) -> set[str]:
        readonly = set(super().get_readonly_fields(request, obj))
        if obj is not None and not self.has_change_permission(request, obj):
            return set(self.list_fields)  # the view-only page shows every field read-only
        return readonly & set(self.list_fields)

    def get_readonly_fields(self, request, obj=None):
        shown = self._lists_read_only(request, obj)
        fields = [f for f in super().get_readonly_fields(request, obj) if f not in shown]
        return (*fields, *(_readonly_name(name) for name in self.list_fields if name in shown))

    def get_fieldsets(self, request, obj=None):
        shown = self._lists_read_only(request, obj)

        def swap(fields):
            return [
                tuple(_readonly_name(f) if f in shown else f for f in item)
                if isinstance(item, (list, tuple))
                else (_readonly_name(item) if item in shown else item)
                for item in fields
            ]

        return [
            (title, {**options, "fields": swap(options["fields"])})
            for title, options in super().get_fieldsets(request, obj)
        ]
