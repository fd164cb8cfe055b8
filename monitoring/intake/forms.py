from django import forms

from monitoring.ingest.sources import FORMATS


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files under one field name (`files`), each checked by FileField."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class UploadForm(forms.Form):
    files = MultipleFileField(
        required=False,
        help_text="Press text (.txt), JSON, JSONL, saved web pages (.html) and images, or a .zip of them.",
    )
    text = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=2_000_000,
        label="Or paste one article",
        help_text="In the press-text format: headline, dateline, body, captions.",
    )
    outlet = forms.CharField(
        required=False, max_length=200, help_text="Outlet for every article, if the files lack it."
    )
    format = forms.ChoiceField(required=False, choices=[("", "Detect")] + [(f, f) for f in FORMATS])

    def clean(self):
        data = super().clean()
        if not data.get("files") and not (data.get("text") or "").strip():
            raise forms.ValidationError("Choose files to upload or paste an article.")
        return data
