"""The one set of filters every dashboard page, list and export takes, kept in the URL.

`ArticleFilter` filters articles; `QuoteFilter` filters quotes by the same article criteria plus
the quote's own speaker and kind. Relations are tested with `article IN (subquery)` rather than
joins, so an article with three matching quotes is still one row and no page needs DISTINCT; and
rather than correlated EXISTS, because SQLite then starts from the (indexed, selective) subquery
instead of probing it once for every article in the database.

What counts: every FilterSet starts from its model's `counted()` queryset (approved items, confirmed quotes, roles
and tags), or, when the form's "Include unreviewed" switch (`unreviewed=on`) is ticked, every item and every
suggestion not rejected. The switch is a field of the form, so it travels in the URL to every page, export, saved
search and API call like any other filter.
"""

import django_filters
from django import forms
from django.db.models import Q

from monitoring.articles.models import Article, ArticleStatus, CountryMention, Outlet, OutletKind
from monitoring.codebook.models import Tag, TagCategory, TaggedArticle
from monitoring.core.models import Country
from monitoring.core.text import name_key
from monitoring.people.models import (
    Organization,
    OrganizationMention,
    Person,
    Quote,
    QuoteKind,
    Role,
)

from .search import articles_search
from .widgets import FlatSelect

INTERVALS = [("day", "Day"), ("week", "Week"), ("month", "Month")]


class NamedChoiceField(forms.ModelChoiceField):
    """A row given by its id or by its name, matched as the importer matches names (case, accents, spacing)."""

    def __init__(self, *args, key_lookups=("key",), **kwargs):
        self.key_lookups = key_lookups
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        text = str(value).strip() if value not in self.empty_values else ""
        if not text or text.isdigit():
            return super().to_python(text)
        match = Q()
        for lookup in self.key_lookups:
            match |= Q(**{lookup: name_key(text)})
        found = self.queryset.filter(match).first()
        if found is None:
            raise forms.ValidationError(f"Nobody or nothing is known as “{text}”.", code="invalid_choice")
        return found


class NamedChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = NamedChoiceField


class SwitchFilter(django_filters.BooleanFilter):
    """A checkbox: ticked (`=on`, `=true`, `=1`) or not; never "unknown"."""

    field_class = forms.BooleanField


def named_widget() -> forms.TextInput:
    return forms.TextInput(attrs={"placeholder": "name or id"})


def iso_date_widget() -> forms.DateInput:
    """A date typed as the pages print dates, ISO `YYYY-MM-DD`: a browser's date picker would show the reader's
    locale format instead (03/18/2024 or 18/03/2024), a second format beside the pages' one."""
    return forms.DateInput(
        format="%Y-%m-%d",
        attrs={"placeholder": "YYYY-MM-DD", "pattern": r"\d{4}-\d{2}-\d{2}", "inputmode": "numeric", "size": 10},
    )


class CoverageFilterSet(django_filters.FilterSet):
    """Filters on an article's coverage; subclasses say how to reach the article from their model."""

    # ORM path from the filtered model to its article: "" for articles, "article__" for quotes.
    article_path = ""

    q = django_filters.CharFilter(
        label="Text",
        method="filter_text",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "Search text"}),
    )
    start = django_filters.DateFilter(label="From", method="filter_start", widget=iso_date_widget())
    end = django_filters.DateFilter(label="To", method="filter_end", widget=iso_date_widget())
    outlet = django_filters.ModelChoiceFilter(
        label="Outlet", queryset=Outlet.objects.only("pk", "name"), method="filter_outlet", widget=FlatSelect
    )
    outlet_kind = django_filters.ChoiceFilter(
        label="Outlet kind", choices=OutletKind.choices, method="filter_outlet_kind", widget=FlatSelect
    )
    tag = django_filters.ModelChoiceFilter(
        label="Tag",
        queryset=Tag.objects.only("pk", "name", "slug", "category"),
        to_field_name="slug",
        method="filter_tag",
        widget=FlatSelect,
    )
    category = django_filters.ChoiceFilter(
        label="Tag category", choices=TagCategory.choices, method="filter_category", widget=FlatSelect
    )
    status = django_filters.ChoiceFilter(
        label="Status", choices=ArticleStatus.choices, method="filter_status", widget=FlatSelect
    )
    # Thousands of people and organisations: a text box taking a name (or the id the pages' links fill in).
    person = NamedChoiceFilter(
        label="Person quoted",
        queryset=Person.objects.all(),
        method="filter_person",
        key_lookups=("key", "aliases__key"),
        widget=named_widget(),
    )
    organization = NamedChoiceFilter(
        label="Organization", queryset=Organization.objects.all(), method="filter_organization", widget=named_widget()
    )
    country = django_filters.ModelChoiceFilter(
        queryset=Country.objects.only("pk", "code", "name"),
        to_field_name="code",
        label="Country mentioned",
        method="filter_country",
        widget=FlatSelect,
    )
    quote_kind = django_filters.ChoiceFilter(
        label="Quote kind", choices=QuoteKind.choices, method="filter_quote_kind", widget=FlatSelect
    )
    # Not a filter: the charts' time step, kept in the same form so the URL reproduces the view.
    interval = django_filters.ChoiceFilter(
        label="Per", choices=INTERVALS, method="filter_none", empty_label=None, widget=FlatSelect
    )
    # Not a filter either: which rows count at all, applied to the starting queryset (see `filter_queryset`).
    unreviewed = SwitchFilter(label="Include unreviewed", method="filter_none")

    # Set on a FilterSet that lists every item whatever the switch (the overview's review pipeline).
    every_item = False

    @property
    def include_unreviewed(self) -> bool:
        """Whether this view counts every item and every suggestion not rejected, not only reviewed work."""
        if self.every_item:
            return True
        self.form.is_valid()  # validates once
        return bool(self.form.cleaned_data.get("unreviewed"))

    def filter_queryset(self, queryset):
        """The counting rule first (the model's `counted()`), then the chosen filters. A filter that cannot be read
        (an unknown name, a bogus choice, an invalid date) matches nothing, never everything: the form shows why."""
        if not self.form.is_valid():
            return queryset.none()
        return super().filter_queryset(queryset.counted(unreviewed=self.include_unreviewed))

    def _on_article(self, lookup: str, value):
        return Q(**{f"{self.article_path}{lookup}": value})

    def _article_in(self, subquery):
        """Rows whose article is among `subquery`'s (a values() of article ids)."""
        return Q(**{f"{self.article_path}pk__in": subquery})

    def filter_none(self, queryset, name, value):
        return queryset

    def filter_start(self, queryset, name, value):
        return queryset.filter(self._on_article("published_on__gte", value))

    def filter_end(self, queryset, name, value):
        return queryset.filter(self._on_article("published_on__lte", value))

    def filter_outlet(self, queryset, name, value):
        return queryset.filter(self._on_article("outlet", value))

    def filter_outlet_kind(self, queryset, name, value):
        return queryset.filter(self._on_article("outlet__kind", value))

    def filter_status(self, queryset, name, value):
        return queryset.filter(self._on_article("status", value))

    # Relations match by the same rule as the figures: confirmed tags, quotes and roles, or with the switch any
    # not rejected. `filter_queryset` keeps counted articles only, so the relations' own status is the whole test.
    def _tagged(self):
        return TaggedArticle.objects.counted(unreviewed=self.include_unreviewed, articles_counted=True)

    def _quotes(self):
        return Quote.objects.counted(unreviewed=self.include_unreviewed, articles_counted=True)

    def filter_tag(self, queryset, name, value):
        tagged = self._tagged().filter(tag=value)
        return queryset.filter(self._article_in(tagged.values("content_object_id")))

    def filter_category(self, queryset, name, value):
        tagged = self._tagged().filter(tag__category=value)
        return queryset.filter(self._article_in(tagged.values("content_object_id")))

    def filter_country(self, queryset, name, value):
        mentions = CountryMention.objects.filter(country=value)
        return queryset.filter(self._article_in(mentions.values("article_id")))

    def filter_organization(self, queryset, name, value):
        """Articles that name the organisation, or print someone's role in it: one IN over the UNION of the two, as
        `IN a OR IN b` makes PostgreSQL scan every article (0.8 s a chart at 1,000,000 articles)."""
        mentioned = OrganizationMention.objects.filter(organization=value).order_by().values("article_id")
        role = Role.objects.counted(unreviewed=self.include_unreviewed, articles_counted=True).filter(
            organization=value
        )
        return queryset.filter(self._article_in(mentioned.union(role.order_by().values("article_id"))))

    def filter_text(self, queryset, name, value):
        return queryset.filter(self._on_article("search_index__document__match", value))

    def filter_person(self, queryset, name, value):
        raise NotImplementedError

    def filter_quote_kind(self, queryset, name, value):
        raise NotImplementedError


class ArticleFilter(CoverageFilterSet):
    class Meta:
        model = Article
        fields = []

    def filter_text(self, queryset, name, value):
        # Ranked best first; the list shows highlighted snippets for the page of hits.
        return articles_search(queryset, value)

    def filter_person(self, queryset, name, value):
        """Articles quoting the person (with a quote of the chosen kind, when one is chosen)."""
        quotes = self._quotes().filter(speaker=value)
        if kind := self.form.cleaned_data.get("quote_kind"):
            quotes = quotes.filter(kind=kind)
        return queryset.filter(pk__in=quotes.values("article_id"))

    def filter_quote_kind(self, queryset, name, value):
        if self.form.cleaned_data.get("person"):
            return queryset  # filter_person tests both on the same quote
        return queryset.filter(pk__in=self._quotes().filter(kind=value).values("article_id"))


class QuoteFilter(CoverageFilterSet):
    """Counted quotes of the filtered articles; person and quote kind apply to the quote itself."""

    article_path = "article__"

    class Meta:
        model = Quote
        fields = []

    def filter_person(self, queryset, name, value):
        return queryset.filter(speaker=value)

    def filter_quote_kind(self, queryset, name, value):
        return queryset.filter(kind=value)
