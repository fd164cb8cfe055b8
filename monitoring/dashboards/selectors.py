"""Reads for the dashboard pages and exports.

Every read starts from the shared FilterSets, so a page, its charts and its export agree on what
"the filtered coverage" is. Every figure is one aggregate query (values + annotate), whatever the
data size; lists are paginated.

Figures count reviewed work only (approved items; confirmed quotes, roles and tags) unless the filter form's
"Include unreviewed" switch is on; the rule lives in the models' `counted()` querysets and reaches every read
here through the FilterSets or through `Filters.unreviewed`. The article list is the workflow's list and shows
every item (see `article_list_page`); the overview's review pipeline likewise (see `Filters.workflow_articles`).
"""

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from django import forms
from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import (
    Aggregate,
    Count,
    F,
    Func,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce, Trunc
from django.http import QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from monitoring.articles.models import Article, ArticleStatus, CountryMention, Outlet, OutletKind
from monitoring.codebook.models import Tag, TagCategory, TaggedArticle
from monitoring.core.figures import figures_cached
from monitoring.core.text import name_key
from monitoring.people.models import Organization, OrganizationMention, Person, Quote, QuoteKind, Role
from monitoring.rollups.models import (
    ApprovalRollup,
    ApprovalTotalRollup,
    ArticleDayRollup,
    ArticleRollup,
    ArticleTotalRollup,
    Bucketed,
    CountryDayRollup,
    CountryMonthRollup,
    CountryRollup,
    OrganizationDayRollup,
    OrganizationMonthRollup,
    OrganizationQuoteRollup,
    OrganizationTotalRollup,
    QuoteDayRollup,
    QuoteKindDayRollup,
    QuoteKindMonthRollup,
    QuoteKindTotalRollup,
    QuoteMonthRollup,
    QuoteRollup,
    QuoteTotalRollup,
    TagCategoryDayRollup,
    TagCategoryMonthRollup,
    TagCategoryRollup,
    TagCountryMonthRollup,
    TagCountryRollup,
    TagDayRollup,
    TagMonthRollup,
    TagPairMonthRollup,
    TagPairRollup,
    TagQuoteRollup,
    TagQuoteTotalRollup,
    TagRollup,
    TagTotalRollup,
)
from monitoring.rollups.selectors import BUCKET_FILTERS, month_after, rollup_count, rollup_rows

from .filters import ArticleFilter, QuoteFilter
from .search import search_page

DEFAULT_INTERVAL = "week"
# The quote kinds' summaries, coarsest first: all time (per outlet), whole months, days (over every outlet).
QUOTE_KIND_SUMMARIES = (QuoteKindTotalRollup, QuoteKindMonthRollup, QuoteKindDayRollup)
# The tags' summaries: whole months, days (over every outlet), all time per outlet (an outlet page's tags).
TAG_SUMMARIES = (TagMonthRollup, TagDayRollup, TagTotalRollup)
# The overview's speakers, organizations, countries and tag categories: all time, whole months, days (each over
# every outlet), so that a range cut inside months (the 30-day window) sums a row per day rather than per outlet.
QUOTE_SUMMARIES = (QuoteTotalRollup, QuoteMonthRollup, QuoteDayRollup)
ORGANIZATION_SUMMARIES = (OrganizationTotalRollup, OrganizationMonthRollup, OrganizationDayRollup)
COUNTRY_SUMMARIES = (CountryMonthRollup, CountryDayRollup)
TAG_CATEGORY_SUMMARIES = (TagCategoryMonthRollup, TagCategoryDayRollup)
# Charts pages open on a recent window: coverage piles up over the years, and "this month" is what
# a monitoring team looks at first. The dates show in the form, so the window is never hidden.
DEFAULT_WINDOW_DAYS = 30
TOP = 10
ARTICLES_PER_PAGE = 25
PEOPLE_PER_PAGE = 50
CLOSED_STATUSES = (ArticleStatus.APPROVED, ArticleStatus.ARCHIVED)
# The switch's value when a page lists every item whatever it says (the article list).
EVERY_ITEM = {"unreviewed": "on"}


@dataclass
class Chart:
    """Numbers for one chart and the accessible table drawn beside it."""

    key: str
    title: str
    labels: list[str]
    series: list[tuple[str, list]]
    kind: str = "bar"
    links: list[str | None] = field(default_factory=list)
    horizontal: bool = False
    stacked: bool = False
    label_header: str = ""

    @property
    def config(self) -> dict:
        """What static/js/charts.js needs to draw it."""
        return {
            "kind": self.kind,
            "labels": self.labels,
            "horizontal": self.horizontal,
            "stacked": self.stacked,
            "series": [{"label": label, "data": data} for label, data in self.series],
        }

    @property
    def rows(self) -> list[tuple[str, str | None, list]]:
        links = self.links or [None] * len(self.labels)
        return [
            (label, link, [data[i] for _, data in self.series])
            for i, (label, link) in enumerate(zip(self.labels, links, strict=True))
        ]

    @property
    def empty(self) -> bool:
        return not self.labels

    @property
    def script_id(self) -> str:
        return f"chart-{self.key}-data"


# Filters ----------------------------------------------------------------------------------------------------


@dataclass
class Filters:
    """The bound FilterSets for one request: articles, the same articles' quotes, and the form data."""

    articles: ArticleFilter
    quotes: QuoteFilter
    data: QueryDict
    scope: dict

    @property
    def form(self):
        return self.articles.form

    @property
    def interval(self) -> str:
        return self.articles.form.cleaned_data.get("interval") or DEFAULT_INTERVAL

    @property
    def span(self) -> tuple:
        """The chosen from/to dates (either may be None), for the charts' time axis."""
        data = self.articles.form.cleaned_data if self.articles.form.is_valid() else {}
        return data.get("start"), data.get("end")

    @property
    def text(self) -> str:
        return self.articles.form.cleaned_data.get("q") or ""

    @property
    def unreviewed(self) -> bool:
        """Whether the view counts every item and suggestion not rejected (the switch), or reviewed work only."""
        return self.articles.include_unreviewed

    @property
    def view_slug(self) -> str:
        """The view in a word, for export file names."""
        return "with-unreviewed" if self.unreviewed else "reviewed"

    @property
    def workflow_articles(self) -> QuerySet:
        """The filtered articles in every state, whatever the switch: the review pipeline is about unreviewed work."""
        workflow = ArticleFilter(self.data, queryset=Article.objects.all())
        workflow._form = self.articles.form  # same data: reuse the validated form, no second look-ups
        workflow.every_item = True
        return workflow.qs

    def article_ids(self) -> QuerySet:
        """The filtered articles as a subquery, unordered (rank ordering means nothing inside IN)."""
        return self.articles.qs.order_by().values("pk")

    @property
    def restricted(self) -> bool:
        """Whether any filter narrows the articles (the interval only sets the charts' time step, and the counting
        switch is not a filter: see `on_articles`)."""
        self.form.is_valid()  # validates once; unfiltered values never reach cleaned_data
        return any(
            value not in (None, "")
            for name, value in self.form.cleaned_data.items()
            if name not in ("interval", "unreviewed")
        )

    def on_articles(self, queryset: QuerySet, *, path: str = "article") -> QuerySet:
        """`queryset` limited to rows of the filtered articles, which count by the view's rule.

        Unchanged when nothing is filtered and every item counts: `IN (every article id)` would make the
        database build and probe a list as long as the archive for nothing.
        """
        if not self.restricted and self.unreviewed:
            return queryset
        return queryset.filter(**{f"{path}__in": self.article_ids()})

    def chosen(self) -> dict | None:
        """The filters given a value (not the interval nor the switch), or None when the form cannot be read."""
        if not self.form.is_valid():
            return None
        return {
            name: value
            for name, value in self.form.cleaned_data.items()
            if value not in (None, "") and name not in ("interval", "unreviewed")
        }

    def rollup(
        self, model: type[Bucketed], *, also: tuple = (), every_item: bool = False, summaries: tuple = ()
    ) -> QuerySet | None:
        """`model`'s rollup rows for the filtered coverage in the view (every item with `every_item`), or None when
        a filter is one they cannot answer (a text search, a person, a tag...); `also` names the filters the
        caller applies to the rows itself (a person page's speaker); `summaries`, its summary tables, which a
        range over the whole press reads instead when they answer it (see `rollup_rows`)."""
        chosen = self.chosen()
        if not settings.DASHBOARD_ROLLUPS or chosen is None or not set(chosen) <= BUCKET_FILTERS | set(also):
            return None
        bucket = {name: value for name, value in chosen.items() if name in BUCKET_FILTERS}
        unreviewed = every_item or self.unreviewed
        return rollup_rows(model, unreviewed=unreviewed, summaries=summaries, extent=self.extent, **bucket)

    def extent(self) -> tuple:
        """The first and last days of publication of every article (read once per request)."""
        if not hasattr(self, "_extent"):
            found = Article.objects.aggregate(first=Min("published_on"), last=Max("published_on"))
            self._extent = found["first"], found["last"]
        return self._extent

    def query_string(self, **changes) -> str:
        """The current filters as a URL query, with `changes` applied; scope fields are left out."""
        data = self.data.copy()
        for key in self.scope:
            data.pop(key, None)
        for key, value in changes.items():
            data.pop(key, None)
            if value not in (None, ""):
                data[key] = value
        data.pop("page", None)
        return data.urlencode()

    @property
    def switch_query(self) -> str:
        """The current filters with the counting switch flipped."""
        return self.query_string(unreviewed=None if self.unreviewed else "on")

    def export_query(self) -> str:
        """The filters including a detail page's scope: an export from a person page lists that person's rows."""
        data = self.data.copy()
        data.pop("page", None)
        return data.urlencode()


def filters_bind(
    params: Mapping, *, scope: dict | None = None, window_days: int | None = None, today: datetime.date | None = None
) -> Filters:
    """Bind the request's filters; `scope` pins a detail page's subject, `window_days` a default date range."""
    if isinstance(params, QueryDict):
        data = params.copy()
    else:
        data = QueryDict(mutable=True)
        for key, value in params.items():
            data[key] = value
    if window_days and not data.get("start") and not data.get("end"):
        today = today or timezone.localdate()
        data["start"] = (today - datetime.timedelta(days=window_days - 1)).isoformat()
        data["end"] = today.isoformat()
    if not data.get("interval"):
        data["interval"] = DEFAULT_INTERVAL
    scope = scope or {}
    for key, value in scope.items():
        data[key] = str(value)
    articles = ArticleFilter(data, queryset=Article.objects.all())
    quotes = QuoteFilter(data, queryset=Quote.objects.all())
    # Same fields, same data: let the quote filters use the article form's cleaned values rather than
    # look every chosen outlet, tag, person and country up a second time.
    quotes._form = articles.form
    return Filters(articles=articles, quotes=quotes, data=data, scope=scope)


# Figures ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """Rows to count and how: raw rows count one each; rollup rows hold their count (`count` sums it). `article`
    is the path from a row to its article's date and outlet ("article__" from raw quotes, "" from rollups);
    `columns`, to the rollup's own columns (its tag category, its organization...), which raw rows reach through
    a relation ("tag__" from raw tagged rows, "" from rollups)."""

    rows: QuerySet
    count: Aggregate
    article: str = ""
    rolled: bool = False
    columns: str = ""

    def narrowed(self, **lookups) -> "Tally":
        """Rollup rows narrowed by `lookups`, the filters `tally(also=...)` left to the caller (the raw rows are
        filtered by the FilterSet already)."""
        return replace(self, rows=self.rows.filter(**lookups)) if self.rolled else self


def _tally(rows: "QuerySet | Tally", article: str = "") -> Tally:
    return rows if isinstance(rows, Tally) else Tally(rows, Count("pk"), article)


def tally(
    filters: Filters,
    model: type[Bucketed],
    raw: QuerySet,
    *,
    also=(),
    every_item=False,
    article="",
    columns="",
    summaries=(),
    raw_count: Aggregate | None = None,
) -> Tally:
    """The rollup rows of `model` (or of its `summaries`, for a figure that reads no outlet, see `rollup_rows`) when
    the filters allow, else the raw rows (`raw`, reaching their article through `article` and the rollup's columns
    through `columns`, counted by `raw_count`: one each unless told, e.g. distinct articles where a join repeats
    them): one figure, two ways to count it, the same answer."""
    rows = filters.rollup(model, also=also, every_item=every_item, summaries=summaries)
    if rows is None:
        return Tally(raw, raw_count or Count("pk"), article, columns=columns)
    return Tally(rows, rollup_count(model, unreviewed=every_item or filters.unreviewed), rolled=True)


def _period_label(value, interval: str) -> str:
    if value is None:
        return "undated"
    if isinstance(value, datetime.datetime):
        value = value.date()
    return value.strftime("%Y-%m") if interval == "month" else value.isoformat()


# Past this many periods an axis spans the data's own dates rather than the whole chosen range (a day-by-day axis
# over a century helps nobody).
MAX_PERIODS = 1000


def _period_start(day: datetime.date, interval: str) -> datetime.date:
    """The first day of `day`'s period, as the database's Trunc has it (weeks start on Monday)."""
    if interval == "month":
        return day.replace(day=1)
    if interval == "week":
        return day - datetime.timedelta(days=day.weekday())
    return day


def _period_next(day: datetime.date, interval: str) -> datetime.date:
    if interval == "month":
        return month_after(day)
    return day + datetime.timedelta(days=7 if interval == "week" else 1)


def periods_between(first: datetime.date, last: datetime.date, interval: str) -> list[datetime.date]:
    """Every period from the one holding `first` to the one holding `last`, so empty periods show as zero."""
    periods, day = [], _period_start(first, interval)
    while day <= last:
        periods.append(day)
        day = _period_next(day, interval)
    return periods


def _time_axis(found: list, interval: str, span: tuple) -> list[datetime.date]:
    """The continuous axis: every period of the chosen range (`span`, the filter's from/to dates, either open),
    its open ends taken from the data; the data's own extent when the range is too long to draw."""
    days = [value.date() if isinstance(value, datetime.datetime) else value for value in found]
    if not days:
        return []
    first, last = span
    first, last = first or min(days), last or max(days)
    axis = periods_between(first, last, interval)
    if len(axis) > MAX_PERIODS:
        axis = periods_between(min(days), max(days), interval)
    return axis


def _period_day(value) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def coverage_over_time(articles: "QuerySet | Tally", *, interval: str, span: tuple = (None, None)) -> Chart:
    """Articles per day, week or month of publication, on a continuous axis: a period without articles shows 0."""
    articles = _tally(articles)
    rows = (
        articles.rows.order_by()
        .exclude(published_on=None)
        .annotate(period=Trunc("published_on", interval))
        .values("period")
        .annotate(n=articles.count)
        .order_by("period")
    )
    counts = {_period_day(r["period"]): r["n"] for r in rows}
    axis = _time_axis(list(counts), interval, span)
    return Chart(
        "volume",
        f"Articles per {interval}",
        [_period_label(day, interval) for day in axis],
        [("Articles", [counts.get(day, 0) for day in axis])],
        label_header=interval.title(),
    )


def coverage_by_outlet(articles: "QuerySet | Tally", *, limit: int = TOP) -> Chart:
    articles = _tally(articles)
    rows = list(
        articles.rows.order_by()
        .values("outlet", "outlet__name")
        .annotate(n=articles.count)
        .order_by("-n", "outlet__name")[:limit]
    )
    return Chart(
        "outlets",
        "Articles by outlet",
        [r["outlet__name"] for r in rows],
        [("Articles", [r["n"] for r in rows])],
        links=[reverse("dashboards:outlet", args=[r["outlet"]]) for r in rows],
        horizontal=True,
        label_header="Outlet",
    )


def coverage_by_outlet_kind(articles: "QuerySet | Tally") -> Chart:
    labels = dict(OutletKind.choices)
    articles = _tally(articles)
    rows = list(articles.rows.order_by().values("outlet__kind").annotate(n=articles.count).order_by("-n"))
    return Chart(
        "outlet_kinds",
        "Articles by outlet kind",
        [labels.get(r["outlet__kind"], r["outlet__kind"]) for r in rows],
        [("Articles", [r["n"] for r in rows])],
        kind="doughnut",
        label_header="Outlet kind",
    )


def _counted_tags(filters: Filters) -> QuerySet:
    # on_articles keeps the filtered articles, which count, or leaves every item when every item counts.
    tags = TaggedArticle.objects.counted(unreviewed=filters.unreviewed, articles_counted=True)
    return filters.on_articles(tags, path="content_object")


def coverage_by_tag(filters: Filters, *, limit: int = TOP, exclude_tag=None) -> Chart:
    """Articles by tag; with `exclude_tag` (a tag page's, among the filters) the other tags of its articles."""
    key = "tag"
    if exclude_tag is None:
        tagged = tally(filters, TagRollup, _counted_tags(filters), summaries=TAG_SUMMARIES)
    else:
        raw = _counted_tags(filters).exclude(tag=exclude_tag)
        tagged = tally(filters, TagPairRollup, raw, also=("tag",), summaries=(TagPairMonthRollup,))
        tagged = tagged.narrowed(tag=exclude_tag)
        key = "other" if tagged.rolled else key
    rows = list(
        tagged.rows.order_by()
        .values(slug=F(f"{key}__slug"), name=F(f"{key}__name"))
        .annotate(n=tagged.count)
        .order_by("-n", "name")[:limit]
    )
    title = "Tags used alongside" if exclude_tag is not None else "Articles by tag"
    return Chart(
        "tags",
        title,
        [r["name"] for r in rows],
        [("Articles", [r["n"] for r in rows])],
        links=[reverse("dashboards:tag", args=[r["slug"]]) for r in rows],
        horizontal=True,
        label_header="Tag",
    )


def coverage_by_tag_category(filters: Filters) -> Chart:
    labels = dict(TagCategory.choices)
    # An article with two tags of a category counts once in it.
    tagged = tally(
        filters,
        TagCategoryRollup,
        _counted_tags(filters),
        columns="tag__",
        summaries=TAG_CATEGORY_SUMMARIES,
        raw_count=Count("content_object", distinct=True),
    )
    rows = list(
        tagged.rows.order_by().values(key=F(f"{tagged.columns}category")).annotate(n=tagged.count).order_by("-n")
    )
    return Chart(
        "categories",
        "Articles by tag category",
        [labels.get(r["key"], r["key"]) for r in rows],
        [("Articles", [r["n"] for r in rows])],
        kind="doughnut",
        label_header="Category",
    )


def quotes_top_speakers(quotes: "QuerySet | Tally", *, limit: int = TOP, title: str = "Most quoted persons") -> Chart:
    quotes = _tally(quotes)
    rows = _top_named(quotes.rows.filter(speaker__isnull=False), "speaker", Person, quotes.count, limit)
    return Chart(
        "speakers",
        title,
        [r["name"] for r in rows],
        [("Quotes", [r["n"] for r in rows])],
        links=[reverse("dashboards:person", args=[r["key"]]) for r in rows],
        horizontal=True,
        label_header="Person",
    )


def _top_named(rows: QuerySet, key: str, model, count, limit: int) -> list[dict]:
    """The `limit` values of `key` (a `model` row) with the most `count` in `rows`, as dicts of key, name and n.

    Grouped by the key alone, the name read once per key kept: joining the names before grouping would carry them
    through every row summed (the organizations of 30 days at 1,000,000 articles: 29,000 rows), and ordering ties
    by name would read one for each of 20,000 speakers (all-time month totals at 1,000,000 articles: 1.5 s, then
    0.45 s). Ties at the cut go to the rows added first; those kept are ordered by name."""
    name = PerGroup(Subquery(model.objects.filter(pk=OuterRef("key")).values("name")))
    kept = rows.order_by().values(key=F(key)).annotate(n=count, name=name).order_by("-n", "key")[:limit]
    return sorted(kept, key=lambda r: (-r["n"], r["name"]))


def quotes_top_organizations(filters: Filters, *, limit: int = TOP) -> Chart:
    """Organisations whose people are quoted: the speaker's (counted) role as printed in the same article."""
    quotes = tally(
        filters,
        OrganizationQuoteRollup,
        # One filter() call, so the three conditions hold for the same role row.
        filters.quotes.qs.filter(
            speaker__roles__article=F("article"),
            speaker__roles__organization__isnull=False,
            speaker__roles__in=Role.objects.counted(unreviewed=filters.unreviewed),
        ),
        columns="speaker__roles__",
        summaries=ORGANIZATION_SUMMARIES,
        # A speaker with two titles in one organization in one article: each quote still counts once.
        raw_count=Count("pk", distinct=True),
    )
    rows = _top_named(quotes.rows, f"{quotes.columns}organization", Organization, quotes.count, limit)
    return Chart(
        "organizations",
        "Most quoted organizations",
        [r["name"] for r in rows],
        [("Quotes", [r["n"] for r in rows])],
        links=[reverse("dashboards:organization", args=[r["key"]]) for r in rows],
        horizontal=True,
        label_header="Organization",
    )


def countries_top(filters: Filters, *, limit: int = TOP, tag=None) -> Chart:
    """Countries by the articles mentioning them; `tag`, a tag page's (among the filters)."""
    if tag is None:
        model, summaries = CountryRollup, COUNTRY_SUMMARIES
    else:
        model, summaries = TagCountryRollup, (TagCountryMonthRollup,)
    rolled = filters.rollup(model, also=("tag",) if tag else (), summaries=summaries)
    if rolled is not None:
        rolled = rolled.filter(tag=tag) if tag else rolled
        count = rollup_count(model, unreviewed=filters.unreviewed)
        mentions = Sum(model.mentions_field(unreviewed=filters.unreviewed))
        rows = rolled.values("country__code", "country__name").annotate(articles=count, mentions=mentions)
    else:
        rows = (
            filters.on_articles(CountryMention.objects.all())
            .values("country__code", "country__name")
            .annotate(articles=Count("article"), mentions=Sum("count"))
        )
    rows = list(rows.order_by("-articles", "country__name")[:limit])
    return Chart(
        "countries",
        "Most mentioned countries",
        [r["country__name"] for r in rows],
        [("Articles", [r["articles"] for r in rows]), ("Mentions", [r["mentions"] for r in rows])],
        horizontal=True,
        label_header="Country",
    )


def quotes_by_kind(quotes: "QuerySet | Tally") -> Chart:
    labels = dict(QuoteKind.choices)
    quotes = _tally(quotes)
    rows = list(quotes.rows.order_by().values("kind").annotate(n=quotes.count).order_by("kind"))
    return Chart(
        "quote_kinds",
        "Direct and indirect quotes",
        [labels.get(r["kind"], r["kind"]) for r in rows],
        [("Quotes", [r["n"] for r in rows])],
        kind="doughnut",
        label_header="Kind",
    )


def quotes_over_time(quotes: "QuerySet | Tally", *, interval: str, span: tuple = (None, None)) -> Chart:
    """Quotes per period, one series per kind (stacked), on a continuous axis."""
    quotes = _tally(quotes, "article__")
    day = f"{quotes.article}published_on"
    rows = (
        quotes.rows.order_by()
        .exclude(**{day: None})
        .annotate(period=Trunc(day, interval))
        .values("period", "kind")
        .annotate(n=quotes.count)
        .order_by("period")
    )
    counts = {}
    for row in rows:
        counts.setdefault(_period_day(row["period"]), {})[row["kind"]] = row["n"]
    axis = _time_axis(list(counts), interval, span)
    series = [(name, [counts.get(day, {}).get(kind, 0) for day in axis]) for kind, name in QuoteKind.choices]
    return Chart(
        "quotes_volume",
        f"Quotes per {interval}",
        [_period_label(day, interval) for day in axis],
        series,
        stacked=True,
        label_header=interval.title(),
    )


# The review pipeline ----------------------------------------------------------------------------------------


def pipeline_by_status(articles: "QuerySet | Tally") -> Chart:
    articles = _tally(articles)
    counts = dict(articles.rows.order_by().values_list("status").annotate(n=articles.count))
    return Chart(
        "pipeline",
        "Items per state",
        [label for _, label in ArticleStatus.choices],
        [("Articles", [counts.get(value, 0) for value, _ in ArticleStatus.choices])],
        label_header="State",
    )


def _overdue(today: datetime.date) -> Q:
    return Q(due_on__lt=today) & ~Q(status__in=CLOSED_STATUSES)


def pipeline_by_assignee(articles: QuerySet, *, today: datetime.date, rolled: QuerySet | None = None) -> list[dict]:
    """Per analyst: open, overdue and approved items (unassigned work shows as such).

    With `rolled` (the same articles' ArticleRollup rows) the totals come from the rollup and only the overdue
    items, open ones past their due date, from the articles: a due date is no rollup dimension."""
    if rolled is None:
        return list(
            articles.order_by()
            .values("assignee__username")
            .annotate(
                total=Count("pk"),
                open=Count("pk", filter=~Q(status__in=CLOSED_STATUSES)),
                overdue=Count("pk", filter=_overdue(today)),
                approved=Count("pk", filter=Q(status=ArticleStatus.APPROVED)),
            )
            .order_by(F("assignee__username").asc(nulls_last=True))
        )
    overdue = dict(
        articles.order_by().filter(_overdue(today)).values_list("assignee__username").annotate(n=Count("pk"))
    )
    rows = list(
        rolled.order_by()
        .values("assignee__username")
        .annotate(
            total=Sum("n"),
            open=Coalesce(Sum("n", filter=~Q(status__in=CLOSED_STATUSES)), 0),
            approved=Coalesce(Sum("n", filter=Q(status=ArticleStatus.APPROVED)), 0),
        )
        .order_by(F("assignee__username").asc(nulls_last=True))
    )
    return [
        {
            "assignee__username": r["assignee__username"],
            "total": r["total"],
            "open": r["open"],
            "overdue": overdue.get(r["assignee__username"], 0),
            "approved": r["approved"],
        }
        for r in rows
    ]


def pipeline_overdue_count(articles: QuerySet, *, today: datetime.date) -> int:
    return articles.order_by().filter(_overdue(today)).count()


def pipeline_median_approval(approved: "QuerySet | Tally") -> datetime.timedelta | None:
    """Median time from import to approval, to the minute (see `ArticleQuerySet.approval_minutes`): from the
    ApprovalRollup's count of articles per minute, else from the articles, sorted in the database (two queries on
    any backend)."""
    approved = _tally(approved)
    if approved.rolled:
        counts = approved.rows.order_by().values_list("minutes").annotate(n=approved.count).order_by("minutes")
        return _median_of_counts(list(counts))
    minutes = approved.rows.order_by().approval_minutes()
    count = minutes.count()
    if not count:
        return None
    sorted_minutes = minutes.order_by("approval_minutes").values_list("approval_minutes", flat=True)
    middle = list(sorted_minutes[(count - 1) // 2 : count // 2 + 1])
    return datetime.timedelta(minutes=sum(middle) / len(middle))


def _median_of_counts(counts: list[tuple[int, int]]) -> datetime.timedelta | None:
    """The median of values given as (value, how many), ascending: the middle one, or the mean of the middle two."""
    total = sum(n for _, n in counts)
    if not total:
        return None
    wanted, middle, seen = {(total - 1) // 2, total // 2}, [], 0
    for value, n in counts:
        middle += [value] * len({i for i in wanted if seen <= i < seen + n})
        seen += n
    return datetime.timedelta(minutes=sum(middle) / len(middle))


# Pages ------------------------------------------------------------------------------------------------------


def coverage_latest_day(today: datetime.date) -> datetime.date:
    """The default window ends at the newest coverage: an archive not imported into lately still shows its last month."""
    latest = Article.objects.aggregate(latest=Max("published_on"))["latest"]
    return min(latest, today) if latest else today


def overview_page(params: Mapping, *, today: datetime.date | None = None) -> dict:
    today = today or timezone.localdate()
    dated = params.get("start") or params.get("end")
    window_end = today if dated else coverage_latest_day(today)
    filters = filters_bind(params, window_days=DEFAULT_WINDOW_DAYS, today=window_end)
    key = (sorted(params.lists()) if hasattr(params, "lists") else sorted(params.items()), window_end, today)
    return {"filters": filters, **figures_cached("overview", key, lambda: overview_figures(filters, today=today))}


def overview_figures(filters: Filters, *, today: datetime.date) -> dict:
    """Every figure of the overview, from the rollups whenever the filters allow (see `tally`)."""
    # Each figure reads the coarsest summary that answers the range over the whole press (see `rollup_rows`).
    daily = tally(filters, ArticleRollup, filters.articles.qs, summaries=(ArticleDayRollup,))
    articles = tally(filters, ArticleRollup, filters.articles.qs, summaries=(ArticleTotalRollup,))
    quote_rows = filters.quotes.qs
    quotes = tally(filters, QuoteRollup, quote_rows, article="article__", summaries=QUOTE_SUMMARIES)
    kinds = tally(filters, QuoteRollup, quote_rows, article="article__", summaries=QUOTE_KIND_SUMMARIES)
    workflow = filters.workflow_articles
    rolled_workflow = filters.rollup(ArticleRollup, every_item=True, summaries=(ArticleTotalRollup,))
    assignees = pipeline_by_assignee(workflow, today=today, rolled=rolled_workflow)
    approvals = tally(filters, ApprovalRollup, workflow, every_item=True, summaries=(ApprovalTotalRollup,))
    return {
        "charts": [
            coverage_over_time(daily, interval=filters.interval, span=filters.span),
            coverage_by_outlet(articles),
            coverage_by_outlet_kind(articles),
            coverage_by_tag(filters),
            coverage_by_tag_category(filters),
            quotes_top_speakers(quotes),
            quotes_top_organizations(filters),
            countries_top(filters),
            quotes_by_kind(kinds),
        ],
        # The review pipeline is about the work itself: every item of the filtered coverage, whatever the switch.
        "pipeline": pipeline_by_status(workflow if rolled_workflow is None else Tally(rolled_workflow, Sum("n"))),
        "overdue": pipeline_overdue_count(workflow, today=today)
        if rolled_workflow is None
        else sum(row["overdue"] for row in assignees),
        "assignees": assignees,
        "median_approval": pipeline_median_approval(approvals),
    }


class CountedPaginator(Paginator):
    """A paginator told how many rows there are, so it runs no COUNT over them (a million articles: 110 ms)."""

    def __init__(self, object_list, per_page: int, *, count: int):
        super().__init__(object_list, per_page)
        self.known = count

    @cached_property
    def count(self) -> int:
        return self.known


def _paginate(queryset: QuerySet, page: str | int | None, per_page: int, *, count: int | None = None) -> Page:
    if count is None:
        return Paginator(queryset, per_page).get_page(page)
    return CountedPaginator(queryset, per_page, count=count).get_page(page)


def article_rows(filters: Filters) -> QuerySet:
    """The filtered articles with their counted quotes and photos and their counted tags (`counted_tags`), for the
    pages' lists and the export."""
    tags = TaggedArticle.objects.counted(unreviewed=filters.unreviewed).select_related("tag").order_by("tag__name")
    return (
        filters.articles.qs.select_related("outlet__country", "assignee")
        .with_counts(unreviewed=filters.unreviewed)
        .prefetch_related(Prefetch("tagged_items", queryset=tags, to_attr="counted_tags"))
    )


def article_page(filters: Filters, page: str | int | None, *, articles: Tally | None = None) -> Page:
    """A page of the filtered articles with counts, counted tags and, for a search, snippets. Their number comes
    from rollup rows when they can answer: `articles`, the page's own tally of them (a tag page's tagged rows),
    else the article rollups' coarsest summary that answers (every article of a million: 323,000 day and outlet
    rows, 36 ms; a few hundred all-time rows)."""
    rows = article_rows(filters)  # validates the form, which `filters.text` reads
    if filters.text:
        return search_page(rows, filters.text, page, ARTICLES_PER_PAGE)
    articles = articles or tally(filters, ArticleRollup, rows, summaries=(ArticleTotalRollup, ArticleDayRollup))
    count = (articles.rows.aggregate(n=articles.count)["n"] or 0) if articles.rolled else None
    return _paginate(rows, page, ARTICLES_PER_PAGE, count=count)


def article_list_page(params: Mapping, *, page=None) -> dict:
    """The workflow's list: every item in every state, and every suggestion not rejected, whatever the switch (the
    switch is pinned on, so its exports and saved searches list the same items)."""
    filters = filters_bind(params, scope=EVERY_ITEM)
    return {"filters": filters, "page_obj": article_page(filters, page)}


class PerGroup(Func):
    """An expression of a grouped query that reads only the group's own columns (a correlated subquery on them):
    kept out of GROUP BY, so it runs once per group rather than once per row grouped, and on PostgreSQL only for
    the rows a page keeps, expensive expressions being evaluated after the sort and limit."""

    template = "%(expressions)s"
    arity = 1

    def get_group_by_cols(self):
        return []


def mentioned_country(filters: Filters, *, speaker=None):
    """The country most mentioned (by mentions) in the filtered articles quoting `speaker` (an expression; default
    the outer query's speaker): a correlated subquery, so a whole list gets its countries in the same query."""
    speaker = speaker if speaker is not None else OuterRef(OuterRef("speaker"))
    quoted = filters.quotes.qs.order_by().filter(speaker=speaker).values("article_id")
    return Subquery(
        CountryMention.objects.filter(article__in=quoted)
        .values("country__name")
        .annotate(mentions=Sum("count"))
        .order_by("-mentions", "country__name")
        .values("country__name")[:1]
    )


def people_rows(filters: Filters) -> QuerySet:
    """Persons quoted in the filtered coverage, most quoted first (a values() query, for pages and exports).

    `country` is the person's own country when one is recorded, else the country most mentioned in the filtered
    articles quoting them."""
    return (
        filters.quotes.qs.order_by()
        .filter(speaker__isnull=False)
        .values("speaker", "speaker__name", "speaker__country__name")
        .annotate(
            country=PerGroup(Coalesce("speaker__country__name", mentioned_country(filters))),
            quote_count=Count("pk"),
            article_count=Count("article", distinct=True),
            direct_count=Count("pk", filter=Q(kind=QuoteKind.DIRECT)),
            first_quoted=Min("article__published_on"),
            last_quoted=Max("article__published_on"),
        )
        .order_by("-quote_count", "speaker__name", "speaker")
    )


def people_list_page(params: Mapping, *, page=None) -> dict:
    filters = filters_bind(params)
    return {"filters": filters, "page_obj": _paginate(people_rows(filters), page, PEOPLE_PER_PAGE)}


def person_page(person_id: int, params: Mapping, *, page=None) -> dict:
    """A person (404 if unknown) with their counted quotes in all, and their quotes over time, roles as printed,
    articles, co-quoted persons and outlets."""
    filters = filters_bind(params, scope={"person": person_id})
    person = get_object_or_404(
        Person.objects.with_stats(unreviewed=filters.unreviewed).select_related("country"), pk=person_id
    )
    figures = figures_cached("person", sorted(filters.data.lists()), lambda: person_figures(person, filters))
    return {"person": person, "filters": filters, **figures, "page_obj": article_page(filters, page)}


def person_figures(person: Person, filters: Filters) -> dict:
    """The person page's charts, roles and latest quotes."""
    quotes = filters.quotes.qs
    rolled = tally(filters, QuoteRollup, quotes, also=("person", "quote_kind"), article="article__")
    kind = filters.form.cleaned_data.get("quote_kind")
    rolled = rolled.narrowed(speaker=person, **({"kind": kind} if kind else {}))
    # Roles are printed in articles that may not quote the person: filter those articles without the scope.
    unscoped = filters_bind(_without(filters.data, "person"))
    roles = (
        unscoped.on_articles(Role.objects.counted(unreviewed=filters.unreviewed).filter(person=person))
        .values("title", "organization", "organization__name")
        .annotate(
            first_printed=Min("article__published_on"),
            last_printed=Max("article__published_on"),
            articles=Count("article", distinct=True),
        )
        .order_by(F("last_printed").desc(nulls_last=True), "title")
    )
    co_quoted = (
        filters.on_articles(Quote.objects.counted(unreviewed=filters.unreviewed))
        .filter(speaker__isnull=False)
        .exclude(speaker=person)
        .values("speaker", "speaker__name")
        .annotate(n=Count("article", distinct=True))
        .order_by("-n", "speaker__name")[:TOP]
    )
    co_quoted = list(co_quoted)
    outlets = list(
        rolled.rows.order_by()
        .values(key=F(f"{rolled.article}outlet"), name=F(f"{rolled.article}outlet__name"))
        .annotate(n=rolled.count)
        .order_by("-n", "name")[:TOP]
    )
    return {
        "charts": [
            quotes_over_time(rolled, interval=filters.interval, span=filters.span),
            Chart(
                "co_quoted",
                "Quoted alongside them (articles)",
                [r["speaker__name"] for r in co_quoted],
                [("Articles", [r["n"] for r in co_quoted])],
                links=[reverse("dashboards:person", args=[r["speaker"]]) for r in co_quoted],
                horizontal=True,
                label_header="Person",
            ),
            Chart(
                "outlets",
                "Outlets that quote them",
                [r["name"] for r in outlets],
                [("Quotes", [r["n"] for r in outlets])],
                links=[reverse("dashboards:outlet", args=[r["key"]]) for r in outlets],
                horizontal=True,
                label_header="Outlet",
            ),
            quotes_by_kind(rolled),
        ],
        "roles": list(roles),
        "recent_quotes": list(
            quotes.select_related("article__outlet").order_by(F("article__published_on").desc(nulls_last=True), "-pk")[
                :TOP
            ]
        ),
    }


def organization_page(organization, params: Mapping, *, page=None) -> dict:
    filters = filters_bind(params, scope={"organization": organization.pk})
    articles, quotes = filters.articles.qs, filters.quotes.qs
    roles = Role.objects.counted(unreviewed=filters.unreviewed).filter(organization=organization)
    if set(filters.chosen() or {None}) - {"organization"}:
        # Only other filters narrow them: a role counted in the organization puts its article among the
        # organization's (an IN over all of those doubled the query's time).
        roles = filters.on_articles(roles)
    # Grouped by the person's key, the name read for the rows kept (joining every person's name before grouping
    # hashed all 20,000 of them at 1,000,000 articles); ties at the cut go to the persons added first.
    kept = (
        roles.values("person", "title")
        .annotate(
            first_printed=Min("article__published_on"),
            last_printed=Max("article__published_on"),
            articles=Count("article", distinct=True),
            name=PerGroup(Subquery(Person.objects.filter(pk=OuterRef("person")).values("name"))),
        )
        .order_by(F("last_printed").desc(nulls_last=True), "person")[:50]
    )
    members = sorted(kept, key=lambda r: (-(r["last_printed"] or datetime.date.min).toordinal(), r["name"]))
    own_quotes = tally(
        filters,
        OrganizationQuoteRollup,
        quotes.filter(
            speaker__roles__article=F("article"),
            speaker__roles__organization=organization,
            speaker__roles__in=Role.objects.counted(unreviewed=filters.unreviewed),
        ),
        also=("organization",),
        # A speaker with two titles in the organization in one article: each quote still counts once.
        raw_count=Count("pk", distinct=True),
    ).narrowed(organization=organization)
    return {
        "filters": filters,
        "charts": [
            coverage_over_time(articles, interval=filters.interval, span=filters.span),
            quotes_top_speakers(own_quotes, title="Its most quoted people"),
            coverage_by_outlet(articles),
            coverage_by_tag(filters),
        ],
        "members": list(members),
        "page_obj": article_page(filters, page),
    }


def tag_page(tag, params: Mapping, *, page=None) -> dict:
    filters = filters_bind(params, scope={"tag": tag.slug})

    def tagged(model, raw, summaries) -> Tally:
        """The tag's rows of `model` (or of the first of its `summaries` that answers the range)."""
        return tally(filters, model, raw, also=("tag",), summaries=summaries).narrowed(tag=tag)

    # The tag's articles are its tagged rows: a TagRollup row counts articles carrying the tag.
    articles = filters.articles.qs
    by_day = tagged(TagRollup, articles, (TagDayRollup,))
    by_outlet = tagged(TagRollup, articles, (TagTotalRollup,))
    return {
        "filters": filters,
        "charts": [
            coverage_over_time(by_day, interval=filters.interval, span=filters.span),
            coverage_by_outlet(by_outlet),
            coverage_by_tag(filters, exclude_tag=tag),
            quotes_top_speakers(tagged(TagQuoteRollup, filters.quotes.qs, (TagQuoteTotalRollup,))),
            countries_top(filters, tag=tag),
        ],
        "page_obj": article_page(filters, page, articles=by_day),
    }


def outlet_page(outlet, params: Mapping, *, page=None) -> dict:
    filters = filters_bind(params, scope={"outlet": outlet.pk})
    articles = tally(filters, ArticleRollup, filters.articles.qs)
    quotes = filters.quotes.qs
    kinds = tally(filters, QuoteRollup, quotes, article="article__", summaries=QUOTE_KIND_SUMMARIES)
    return {
        "filters": filters,
        "charts": [
            coverage_over_time(articles, interval=filters.interval, span=filters.span),
            coverage_by_tag(filters),
            quotes_top_speakers(tally(filters, QuoteRollup, quotes, article="article__")),
            quotes_by_kind(kinds),
            countries_top(filters),
        ],
        # Counted from the outlet's all-time totals when they answer (see `article_page`).
        "page_obj": article_page(filters, page),
    }


def _without(data: QueryDict, *keys: str) -> QueryDict:
    data = data.copy()
    for key in keys:
        data.pop(key, None)
    return data


# Exports ----------------------------------------------------------------------------------------------------


def annotations_export_rows(filters: Filters) -> QuerySet:
    """Coded passages of the filtered articles (which count by the view's rule), in reading order."""
    from monitoring.review.models import Annotation

    return (
        filters.on_articles(Annotation.objects.all())
        .select_related("article__outlet", "tag", "author", "target_person", "target_organization", "target_country")
        .order_by(F("article__published_on").desc(nulls_last=True), "article", "start", "pk")
    )


def quotes_export_rows(filters: Filters) -> QuerySet:
    return filters.quotes.qs.order_by("-article__published_on", "article", "start").values(
        "pk",
        "article",
        "article__headline",
        "article__published_on",
        "article__outlet__name",
        "speaker",
        "speaker__name",
        "group",
        "kind",
        "cue",
        "status",
        "text",
    )


# Index pages: organizations, outlets, tags ------------------------------------------------------------------


class SubqueryCount(Subquery):
    """The number of rows of a subquery (any shape: distinct values, joins), as one correlated scalar subquery."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS counted_rows)"
    output_field = IntegerField()


INDEX_SORTS = {
    "articles": ("Most articles", ("-article_count", "name", "pk")),
    "name": ("Name (A–Z)", ("name", "pk")),
    "-name": ("Name (Z–A)", ("-name", "-pk")),
}
INDEX_PER_PAGE = 50


class IndexForm(forms.Form):
    """The index pages' own controls, beside the shared filters: a name to look for and an order."""

    name = forms.CharField(label="Name contains", required=False, max_length=200)
    sort = forms.ChoiceField(label="Sort by", required=False, choices=[])

    def __init__(self, *args, sorts: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sort"].choices = [(key, label) for key, (label, _) in sorts.items()]


@dataclass
class Index:
    """What one index page lists: its rows (annotated with counts) and the extra sorts its counts allow."""

    title: str
    rows: Callable[[Filters], QuerySet]
    sorts: dict


def _name_match(queryset: QuerySet, text: str) -> QuerySet:
    """Names containing `text`, ignoring case, and for name-keyed rows accents and spacing too."""
    match = Q(name__icontains=text)
    if any(f.name == "key" for f in queryset.model._meta.get_fields()):
        match |= Q(key__contains=name_key(text))
    return queryset.filter(match)


def organization_index_rows(filters: Filters) -> QuerySet:
    """Organizations with the filtered articles that name them or print someone's role in them (as the
    organization filter matches), and the people whose roles in them are printed there; by the counting rule."""
    roles = Role.objects.counted(unreviewed=filters.unreviewed)
    named = Q(pk__in=OrganizationMention.objects.filter(organization=OuterRef(OuterRef("pk"))).values("article_id"))
    named |= Q(pk__in=roles.filter(organization=OuterRef(OuterRef("pk"))).values("article_id"))
    articles = filters.on_articles(Article.objects.filter(named), path="pk").order_by().values("pk")
    people = filters.on_articles(roles.filter(organization=OuterRef("pk"))).order_by().values("person").distinct()
    return (
        Organization.objects.select_related("country")
        .annotate(article_count=SubqueryCount(articles), people_count=SubqueryCount(people))
        .order_by(*INDEX_SORTS["articles"][1])
    )


def outlet_index_rows(filters: Filters) -> QuerySet:
    """Outlets with their filtered articles, those articles' counted quotes and their latest publication date."""
    articles = filters.on_articles(Article.objects.filter(outlet=OuterRef("pk")), path="pk")
    quotes = filters.quotes.qs.order_by().filter(article__outlet=OuterRef("pk")).values("pk")
    latest = articles.order_by().values("outlet").annotate(latest=Max("published_on")).values("latest")[:1]
    return (
        Outlet.objects.select_related("country")
        .annotate(
            article_count=SubqueryCount(articles.order_by().values("pk")),
            quote_count=SubqueryCount(quotes),
            latest_on=Subquery(latest),
        )
        .order_by(*INDEX_SORTS["articles"][1])
    )


def tag_index_rows(filters: Filters) -> QuerySet:
    """Codebook tags with the filtered articles carrying them (counted tags: confirmed, or with the switch any)."""
    tagged = (
        filters.on_articles(
            TaggedArticle.objects.counted(unreviewed=filters.unreviewed).filter(tag=OuterRef("pk")),
            path="content_object",
        )
        .order_by()
        .values("pk")
    )
    return Tag.objects.annotate(article_count=SubqueryCount(tagged)).order_by(*INDEX_SORTS["articles"][1])


def _by_count(key: str, field: str, label: str) -> dict:
    """A sort (`?sort=<key>`) by an annotation, largest (or latest) first."""
    return {key: (label, (F(field).desc(nulls_last=True), "name", "pk"))}


INDEXES = {
    "organizations": Index(
        "Organizations", organization_index_rows, {**INDEX_SORTS, **_by_count("people", "people_count", "Most people")}
    ),
    "outlets": Index(
        "Outlets",
        outlet_index_rows,
        {
            **INDEX_SORTS,
            **_by_count("quotes", "quote_count", "Most quotes"),
            **_by_count("latest", "latest_on", "Latest article"),
        },
    ),
    "tags": Index("Tags", tag_index_rows, INDEX_SORTS),
}


def index_page(kind: str, params: Mapping, *, page=None) -> dict:
    """An index of organizations, outlets or tags with counts over the filtered coverage, a name filter and a sort;
    a name or sort that cannot be read shows why and lists nothing, as for any filter."""
    index = INDEXES[kind]
    filters = filters_bind(params)
    form = IndexForm(params, sorts=index.sorts)
    rows = index.rows(filters)
    if form.is_valid() and filters.form.is_valid():
        if text := form.cleaned_data["name"].strip():
            rows = _name_match(rows, text)
        if sort := form.cleaned_data["sort"]:
            rows = rows.order_by(*index.sorts[sort][1])
    else:
        rows = rows.none()
    return {
        "filters": filters,
        "index": index,
        "kind": kind,
        "index_form": form,
        # The shared filters, kept as hidden fields of the name-and-sort form so that submitting it keeps them.
        "carried": [
            (key, value)
            for key, values in filters.data.lists()
            if key not in ("name", "sort", "page")
            for value in values
        ],
        "page_obj": _paginate(rows, page, INDEX_PER_PAGE),
    }
