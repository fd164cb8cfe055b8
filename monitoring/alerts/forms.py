from django import forms

from .models import SavedSearch


class SaveSearchForm(forms.Form):
    name = forms.CharField(max_length=200)
    path = forms.CharField(max_length=500)
    params = forms.CharField(max_length=4000, required=False)


class AlertSettingsForm(forms.ModelForm):
    class Meta:
        model = SavedSearch
        fields = ["alert_mode", "alert_email", "alert_new_person", "alert_spike", "daily_briefing"]
