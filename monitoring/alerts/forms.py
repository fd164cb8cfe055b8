from django import forms

from .models import ALERT_SETTINGS, SavedSearch


class SaveSearchForm(forms.Form):
    name = forms.CharField(max_length=200)
    path = forms.CharField(max_length=500)
    params = forms.CharField(max_length=4000, required=False)


class AlertSettingsForm(forms.ModelForm):
    class Meta:
        model = SavedSearch
        fields = list(ALERT_SETTINGS)
