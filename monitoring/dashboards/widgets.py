"""The filter form's drop-downs, written out in Python.

Django renders a <select> with a template that includes two more templates for every option (the option, then its
attributes): with the outlets, tags and countries of the shared filter form that was a fifth of the CPU of a
dashboard page (60 outlets: 5 ms, where writing the same markup here takes a fraction of it). The markup is Django's
own, byte for byte (tests/dashboards/test_widgets.py compares the two), so pages look and submit the same.
"""

from collections.abc import Mapping

from django import forms
from django.utils.safestring import SafeString, mark_safe

from monitoring.core.markup import escaped, shown


def attributes_html(attrs: Mapping) -> str:
    """Attributes as Django's django/forms/widgets/attrs.html writes them: in order, a True one as a bare name, a
    False one left out."""
    return "".join(
        f" {escaped(name)}" if value is True else f' {escaped(name)}="{escaped(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class FlatSelect(forms.Select):
    """A <select> with Django's markup, written by `render` rather than by a template per option."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{shown(widget["name"])}"{attributes_html(widget["attrs"])}>']
        for group_name, options, _ in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{shown(group_name)}">')
            parts.extend(
                f'\n  <option value="{escaped(option["value"])}"{attributes_html(option["attrs"])}>'
                f"{shown(option['label'])}</option>\n"
                for option in options
            )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped
