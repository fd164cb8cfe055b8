from django import forms

from monitoring.dashboards.filters import iso_date_widget

from .models import ALERT_SETTINGS, SavedSearch


class SaveSearchForm(forms.Form):
    name = forms.CharField(max_length=200)
    path = forms.CharField(max_length=500)
    params = forms.CharField(max_length=4000, required=False)


class AlertSettingsForm(forms.ModelForm):
    class Meta:
        model = SavedSearch
        fields = list(ALERT_SETTINGS)


class BriefingRangeForm(forms.Form):
    """The publication dates a briefing of a saved search covers (both optional), typed as the pages print dates:
    the dashboards filters' ISO text input, never a browser date picker in the reader's locale format. The briefing
    form (monitoring.briefings.forms) takes the same fields."""

    since = forms.DateField(label="Published from", required=False, widget=iso_date_widget())
    until = forms.DateField(label="to", required=False, widget=iso_date_widget())
