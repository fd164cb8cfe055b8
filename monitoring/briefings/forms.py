from django import forms

from monitoring.alerts.forms import BriefingRangeForm

from .services import GROUP_BY


class BriefingForm(BriefingRangeForm):
    """What goes in: chosen items (`article`, repeated) or a saved search, within an optional date range (`since`,
    `until`: ISO dates, in the dashboards filters' text input)."""

    article = forms.TypedMultipleChoiceField(coerce=int, required=False, choices=())
    search = forms.IntegerField(required=False)
    title = forms.CharField(required=False, max_length=200)
    group_by = forms.ChoiceField(required=False, choices=[(g, g) for g in GROUP_BY])
    format = forms.ChoiceField(required=False, choices=[("html", "html"), ("pdf", "pdf")])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["article"].valid_value = lambda value: True  # ids: checked against the database, not a list

    def clean(self):
        data = super().clean()
        if not data.get("article") and not data.get("search"):
            raise forms.ValidationError("Select items on the article list, or choose a saved search.")
        if len(data.get("article") or []) > 1000:
            raise forms.ValidationError("A briefing takes at most 1,000 items.")
        return data
