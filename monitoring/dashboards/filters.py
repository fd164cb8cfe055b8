"""The one set of filters every dashboard page, list and export takes, kept in the URL.

`ArticleFilter` filters articles; `QuoteFilter` filters quotes by the same article criteria plus
the quote's own speaker and kind. Relations are tested with EXISTS subqueries rather than joins,
so an article with three matching quotes is still one row and no page needs DISTINCT.
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q

from monitoring.articles.models import Article, ArticleStatus, CountryMention, Outlet, OutletKind
from monitoring.codebook.models import Tag, TagCategory, TaggedArticle, TagStatus
from monitoring.core.models import Country
from monitoring.people.models import (
    Organization, OrganizationMention, Person, Quote, QuoteKind, Role, SuggestionStatus,
)

from .search import articles_search

INTERVALS = [("day", "Day"), ("week", "Week"), ("month", "Month")]


class CoverageFilterSet(django_filters.FilterSet):
    """Filters on an article's coverage; subclasses say how to reach the article from their model."""

    # ORM path from the filtered model to its article ("" or "article__") and the OuterRef to it.
    article_path = ""
    article_ref = "pk"

    q = django_filters.CharFilter(label="Text", method="filter_text",
                                  widget=forms.TextInput(attrs={"type": "search", "placeholder": "Search text"}))
    start = django_filters.DateFilter(label="From", method="filter_start",
                                      widget=forms.DateInput(attrs={"type": "date"}))
    end = django_filters.DateFilter(label="To", method="filter_end", widget=forms.DateInput(attrs={"type": "date"}))
    outlet = django_filters.ModelChoiceFilter(queryset=Outlet.objects.only("pk", "name"), method="filter_outlet")
    outlet_kind = django_filters.ChoiceFilter(label="Outlet kind", choices=OutletKind.choices,
                                              method="filter_outlet_kind")
    tag = django_filters.ModelChoiceFilter(queryset=Tag.objects.only("pk", "name", "slug", "category"),
                                           to_field_name="slug", method="filter_tag")
    category = django_filters.ChoiceFilter(label="Tag category", choices=TagCategory.choices,
                                           method="filter_category")
    status = django_filters.ChoiceFilter(choices=ArticleStatus.choices, method="filter_status")
    # Thousands of people and organisations: a number box (filled in by links on the pages), not a <select>.
    person = django_filters.ModelChoiceFilter(queryset=Person.objects.all(), method="filter_person",
                                              widget=forms.NumberInput(attrs={"placeholder": "id"}))
    organization = django_filters.ModelChoiceFilter(queryset=Organization.objects.all(), method="filter_organization",
                                                    widget=forms.NumberInput(attrs={"placeholder": "id"}))
    country = django_filters.ModelChoiceFilter(queryset=Country.objects.only("pk", "code", "name"),
                                               to_field_name="code", label="Country mentioned",
                                               method="filter_country")
    quote_kind = django_filters.ChoiceFilter(label="Quote kind", choices=QuoteKind.choices, method="filter_quote_kind")
    # Not a filter: the charts' time step, kept in the same form so the URL reproduces the view.
    interval = django_filters.ChoiceFilter(label="Per", choices=INTERVALS, method="filter_none", empty_label=None)

    def _on_article(self, lookup: str, value):
        return Q(**{f"{self.article_path}{lookup}": value})

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

    # Figures count confirmed tags only: the importer's suggestions are not yet an analyst's judgement.
    def filter_tag(self, queryset, name, value):
        tagged = TaggedArticle.objects.filter(content_object=OuterRef(self.article_ref), tag=value,
                                              status=TagStatus.CONFIRMED)
        return queryset.filter(Exists(tagged))

    def filter_category(self, queryset, name, value):
        tagged = TaggedArticle.objects.filter(content_object=OuterRef(self.article_ref), tag__category=value,
                                              status=TagStatus.CONFIRMED)
        return queryset.filter(Exists(tagged))

    def filter_country(self, queryset, name, value):
        return queryset.filter(Exists(CountryMention.objects.filter(article=OuterRef(self.article_ref), country=value)))

    def filter_organization(self, queryset, name, value):
        """Articles that name the organisation, or print someone's role in it."""
        mentioned = OrganizationMention.objects.filter(article=OuterRef(self.article_ref), organization=value)
        role = Role.objects.filter(article=OuterRef(self.article_ref), organization=value).exclude(
            status=SuggestionStatus.REJECTED)
        return queryset.filter(Exists(mentioned) | Exists(role))

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
        quotes = Quote.objects.kept().filter(article=OuterRef("pk"), speaker=value)
        if kind := self.form.cleaned_data.get("quote_kind"):
            quotes = quotes.filter(kind=kind)
        return queryset.filter(Exists(quotes))

    def filter_quote_kind(self, queryset, name, value):
        if self.form.cleaned_data.get("person"):
            return queryset  # filter_person tests both on the same quote
        return queryset.filter(Exists(Quote.objects.kept().filter(article=OuterRef("pk"), kind=value)))


class QuoteFilter(CoverageFilterSet):
    """Kept quotes of the filtered articles; person and quote kind apply to the quote itself."""

    article_path = "article__"
    article_ref = "article_id"

    class Meta:
        model = Quote
        fields = []

    def filter_person(self, queryset, name, value):
        return queryset.filter(speaker=value)

    def filter_quote_kind(self, queryset, name, value):
        return queryset.filter(kind=value)
