"""Forms parse and type what the pages post; every rule about who may do what lives in the services."""

from django import forms
from django.contrib.auth import get_user_model

from monitoring.codebook.models import Tag
from monitoring.core.models import Country
from monitoring.core.workflow import TRANSITIONS
from monitoring.people.models import Organization, Person, QuoteKind

from .models import Stance


class TransitionForm(forms.Form):
    action = forms.ChoiceField(choices=[(name, name) for name in TRANSITIONS])
    comment = forms.CharField(required=False, widget=forms.Textarea, max_length=5000)
    # Any user may be chosen here; the service refuses anyone who is not an analyst, with a message.
    assignee = forms.ModelChoiceField(queryset=get_user_model().objects.filter(is_active=True), required=False)


class VersionForm(forms.Form):
    version = forms.IntegerField(required=False, min_value=1)


class _TargetFields(forms.Form):
    note = forms.CharField(required=False, widget=forms.Textarea, max_length=5000)
    stance = forms.ChoiceField(choices=[("", "—"), *Stance.choices], required=False)
    target_person = forms.ModelChoiceField(queryset=Person.objects.all(), required=False)
    target_organization = forms.ModelChoiceField(queryset=Organization.objects.all(), required=False)
    target_country = forms.ModelChoiceField(queryset=Country.objects.all(), required=False)


class AnnotationForm(_TargetFields):
    tag = forms.ModelChoiceField(queryset=Tag.objects.all())
    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
    text = forms.CharField(strip=False, max_length=100_000)


class AnnotationUpdateForm(_TargetFields):
    version = forms.IntegerField(min_value=1)
    tag = forms.ModelChoiceField(queryset=Tag.objects.all())
    # A new span re-anchors the annotation (used to fix orphaned ones); leave empty to keep the passage.
    start = forms.IntegerField(min_value=0, required=False)
    end = forms.IntegerField(min_value=1, required=False)
    text = forms.CharField(strip=False, required=False, max_length=100_000)


class CommentForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea, max_length=5000)


class QuoteUpdateForm(forms.Form):
    version = forms.IntegerField(min_value=1)
    speaker = forms.ModelChoiceField(queryset=Person.objects.all(), required=False)
    speaker_name = forms.CharField(required=False, max_length=200, help_text="Another person, by name.")
    group = forms.CharField(required=False, max_length=200)
    kind = forms.ChoiceField(choices=QuoteKind.choices, required=False)
    start = forms.IntegerField(min_value=0, required=False)
    end = forms.IntegerField(min_value=1, required=False)


class RoleUpdateForm(forms.Form):
    title = forms.CharField(max_length=500)
    organization = forms.ModelChoiceField(queryset=Organization.objects.all(), required=False)


class MergeForm(forms.Form):
    survivor = forms.ModelChoiceField(queryset=Person.objects.all())
    other = forms.ModelChoiceField(queryset=Person.objects.all())

    def clean(self):
        data = super().clean()
        if data.get("survivor") and data.get("survivor") == data.get("other"):
            raise forms.ValidationError("Choose two different persons.")
        return data


def form_errors(form: forms.Form) -> str:
    return "; ".join(
        f"{name}: {' '.join(errors)}" if name != "__all__" else " ".join(errors) for name, errors in form.errors.items()
    )


class ArticleIdsField(forms.Field):
    """The ticked articles of a list: a list of ids (`?article=1&article=2`)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        values = value if isinstance(value, list | tuple) else [value] if value else []
        try:
            return sorted({int(v) for v in values})
        except (TypeError, ValueError):
            raise forms.ValidationError("The ticked articles could not be read.", code="invalid") from None


class TagField(forms.ModelChoiceField):
    """A codebook tag, by id or by slug (the pages post ids; a slug reads better in a script or a link)."""

    def __init__(self, **kwargs):
        super().__init__(queryset=Tag.objects.all(), **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = str(value).strip()
        tag = Tag.objects.filter(slug=value).first()
        if tag is None and value.isdigit():
            tag = Tag.objects.filter(pk=int(value)).first()
        if tag is None:
            raise forms.ValidationError("No such tag in the codebook.", code="invalid_choice")
        return tag


class BulkActionForm(forms.Form):
    """A list's bulk action: claim, assign, archive or tag the ticked articles (or the one whose Claim was pressed)."""

    ACTIONS = [("claim", "Claim"), ("assign", "Assign to"), ("archive", "Archive"), ("tag", "Add the tag")]

    action = forms.ChoiceField(choices=ACTIONS)
    article = ArticleIdsField(required=False)
    claim_one = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # As on the reader page: anyone active may be chosen; the service refuses a non-analyst, with a message.
    assignee = forms.ModelChoiceField(queryset=get_user_model().objects.filter(is_active=True), required=False)
    tag = TagField(required=False)

    def __init__(self, data=None, **kwargs):
        if data is not None and data.get("claim_one"):  # a row's own Claim button
            data = data.copy()
            data["action"] = "claim"
        super().__init__(data, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("claim_one"):
            data["article"] = [data["claim_one"]]
        if not data.get("article"):
            raise forms.ValidationError("Tick at least one article.", code="empty")
        if data.get("action") == "assign" and not data.get("assignee"):
            raise forms.ValidationError("Choose the analyst to assign the articles to.", code="no_assignee")
        if data.get("action") == "tag" and not data.get("tag") and not self.has_error("tag"):
            raise forms.ValidationError("Choose the tag to add to the articles.", code="no_tag")
        return data
