"""Rollup tables: the dashboards' counts, kept per day of publication and outlet.

Every table is keyed by the bucket (`published_on`, `outlet`) and the article's workflow `status`, then by its own
dimension. A row holds `n`, the rows that count in the "Include unreviewed" view (every item, suggestions not
rejected), and `n_confirmed`, those that count in the reviewed view once the article's status is a counted one
(confirmed quotes, roles and tags): the counting rule (`counted()`) is answered by `count_field` and `status`.

The fields are named as on the raw rows (`published_on`, `outlet`, `status`, `speaker`, `kind`, `tag`, `country`)
so a dashboard query reads the same over either; foreign keys have no database constraint and do nothing on delete:
the rows are recomputed by `monitoring.rollups.services`, never cascaded.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import ExpressionWrapper, F, Q, QuerySet
from django.db.models.functions import TruncMonth

from monitoring.core.workflow import ArticleStatus


def whole_months(start: datetime.date | None, end: datetime.date | None) -> bool:
    """Whether the range is made of whole months (either end may be open), so that a month table answers it."""
    return (start is None or start.day == 1) and (end is None or (end + datetime.timedelta(days=1)).day == 1)


def _ref(model: str, *, db_index: bool = False, **options) -> models.ForeignKey:
    """A reference without constraint, and without an index of its own unless asked: the tables' indexes lead
    with the columns pages look rows up by, and every index more slows the rebuild of millions of rows."""
    return models.ForeignKey(
        model, on_delete=models.DO_NOTHING, db_constraint=False, db_index=db_index, related_name="+", **options
    )


def _outlet_days() -> models.Index:
    return models.Index(fields=["outlet", "published_on"])


def _covering(name: str, key: list[str], *read: str) -> models.Index:
    """An index on `key` holding the columns a page reads (`read`) and the counts: on PostgreSQL a range of days'
    or an entity's rows are read from the index alone, not from heap pages scattered over the table (a tag's
    speakers at 1,000,000 articles: 41,000 pages, 440 ms); other databases index `key` alone."""
    return models.Index(fields=key, include=[*read, "status", "n", "n_confirmed"], name=name)


class Bucketed(models.Model):
    published_on = models.DateField(null=True)
    outlet = _ref("articles.Outlet")  # each table indexes it with the day (see _outlet_days)
    status = models.CharField(max_length=20, choices=ArticleStatus.choices)
    n = models.PositiveIntegerField(default=0)
    n_confirmed = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.published_on or 'undated'} outlet {self.outlet_id} {self.status}: {self.n}"

    @staticmethod
    def count_field(*, unreviewed: bool) -> str:
        """The column holding what counts in the chosen view."""
        return "n" if unreviewed else "n_confirmed"


class ArticleRollup(Bucketed):
    """Articles per bucket, status and assignee (`n_confirmed` equals `n`: an article counts by its status)."""

    assignee = _ref(settings.AUTH_USER_MODEL, null=True, db_index=True)

    class Meta:
        indexes = [
            _covering("rollups_article_day_cover", ["published_on", "outlet"], "assignee"),
            _covering("rollups_article_outlet_cover", ["outlet", "published_on"], "assignee"),
        ]


class QuoteRollup(Bucketed):
    """Quotes per bucket, status, speaker (none for unnamed groups) and kind."""

    speaker = _ref("people.Person", null=True)
    kind = models.CharField(max_length=10)

    class Meta:
        indexes = [
            _covering("rollups_quote_day_cover", ["published_on", "outlet"], "speaker", "kind"),
            _covering("rollups_quote_outlet_cover", ["outlet", "published_on"], "speaker", "kind"),
            models.Index(fields=["speaker", "published_on"]),
        ]


class OrganizationQuoteRollup(Bucketed):
    """Quotes whose speaker's role in the organization is printed in the same article, per speaker: a quote
    counts when it and such a role count (both confirmed for `n_confirmed`, neither rejected for `n`)."""

    organization = _ref("people.Organization")
    speaker = _ref("people.Person")

    class Meta:
        indexes = [
            _covering("rollups_orgquote_day_cover", ["published_on", "outlet"], "organization", "speaker"),
            _outlet_days(),
            models.Index(fields=["organization", "published_on"]),
        ]


class TagRollup(Bucketed):
    """Tagged articles per bucket, status and tag."""

    tag = _ref("codebook.Tag")

    class Meta:
        indexes = [
            _covering("rollups_tag_day_cover", ["published_on", "outlet"], "tag"),
            _covering("rollups_tag_outlet_cover", ["outlet", "published_on"], "tag"),
            _covering("rollups_tag_tag_day_cover", ["tag", "published_on"], "outlet"),
        ]


class TagCategoryRollup(Bucketed):
    """Articles with at least one tag of the category, per bucket and status."""

    category = models.CharField(max_length=20)

    class Meta:
        indexes = [_covering("rollups_tagcategory_day_cover", ["published_on", "outlet"], "category"), _outlet_days()]


class CountryMentions(models.Model):
    """A country table's sum of mentions in each view (see `mentions_field`)."""

    mentions = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    @staticmethod
    def mentions_field(*, unreviewed: bool) -> str:
        return "mentions"  # a mention counts by its article's status alone


class CountryRollup(Bucketed, CountryMentions):
    """Articles mentioning the country (`n`, `n_confirmed`: a mention counts by its article's status) and the sum
    of their mentions (`mentions`)."""

    country = _ref("core.Country")

    class Meta:
        indexes = [
            _covering("rollups_country_day_cover", ["published_on", "outlet"], "country", "mentions"),
            _covering("rollups_country_outlet_cover", ["outlet", "published_on"], "country", "mentions"),
            models.Index(fields=["country", "published_on"]),
        ]


class TagPairRollup(Bucketed):
    """Articles carrying both the tag and the other tag, per bucket and status (each pair twice, once from either
    side): a tag page's tags used alongside. `n_confirmed` needs both tags confirmed."""

    tag = _ref("codebook.Tag")
    other = _ref("codebook.Tag")

    class Meta:
        indexes = [
            models.Index(fields=["published_on", "outlet"]),
            _outlet_days(),
            models.Index(fields=["tag", "published_on"]),
        ]


class TagQuoteRollup(Bucketed):
    """Quotes in articles carrying the tag, per bucket, status, tag and speaker: a tag page's most quoted.
    `n_confirmed` needs the quote and the tag confirmed."""

    tag = _ref("codebook.Tag")
    speaker = _ref("people.Person", null=True)

    # No month totals: a tag's speakers in a month are nearly as many rows as in its days and outlets.
    class Meta:
        indexes = [
            models.Index(fields=["published_on", "outlet"]),
            _outlet_days(),
            _covering("rollups_tagquote_tag_day_cover", ["tag", "published_on"], "outlet", "speaker"),
            models.Index(fields=["speaker", "published_on"]),
        ]


class TaggedCountryMentions(CountryMentions):
    """Mentions in articles carrying a tag: in the reviewed view they count once the tag is confirmed."""

    mentions_confirmed = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    @staticmethod
    def mentions_field(*, unreviewed: bool) -> str:
        return "mentions" if unreviewed else "mentions_confirmed"


class TagCountryRollup(Bucketed, TaggedCountryMentions):
    """Articles carrying the tag that mention the country, and their mentions, per bucket and status: a tag page's
    countries. `n_confirmed` and `mentions_confirmed` need the tag confirmed."""

    tag = _ref("codebook.Tag")
    country = _ref("core.Country")

    class Meta:
        indexes = [
            models.Index(fields=["published_on", "outlet"]),
            _outlet_days(),
            models.Index(fields=["tag", "published_on"]),
        ]


class ApprovalRollup(Bucketed):
    """Approved articles per bucket, status and whole minutes from import to approval (`minutes`, see
    `ArticleQuerySet.approval_minutes`): the median time to approval read from a count per minute rather than by
    sorting every approved article (700,000 of them at 1,000,000 articles). `n_confirmed` equals `n`."""

    minutes = models.IntegerField()

    class Meta:
        indexes = [_covering("rollups_approval_day_cover", ["published_on", "outlet"], "minutes"), _outlet_days()]


class RolledArticle(models.Model):
    """The bucket, status, assignee and import and approval times each article was last counted with, so that a
    change of its date or outlet, or its deletion, recomputes the bucket it leaves as well as the one it joins, and
    a save that changes none of them (a headline, a version) recomputes nothing. No foreign key: it outlives a
    deleted article until that article's buckets are recomputed."""

    article_id = models.BigIntegerField(primary_key=True)
    published_on = models.DateField(null=True)
    outlet_id = models.BigIntegerField()
    status = models.CharField(max_length=20)
    assignee_id = models.BigIntegerField(null=True)
    imported_at = models.DateTimeField(null=True)
    approved_at = models.DateTimeField(null=True)

    def __str__(self):
        return f"article {self.article_id} in {self.published_on or 'undated'} outlet {self.outlet_id}"


class Summary(models.Model):
    """Second-level totals: a day table's rows summed over every outlet (or per outlet, see `by_outlet`) per period
    and status, so that a figure reads a row per period and dimension rather than one per day and outlet (see
    `rollups.selectors.rollup_rows`). A subclass names its period's column (`period`), how a day maps to it
    (`period_of`) and the same in SQL (`period_expression`), and which ranges of days it answers (`narrowed`)."""

    status = models.CharField(max_length=20, choices=ArticleStatus.choices)
    n = models.PositiveIntegerField(default=0)
    n_confirmed = models.PositiveIntegerField(default=0)

    period = ""

    class Meta:
        abstract = True

    def __str__(self):
        return f"{getattr(self, self.period)} {self.status}: {self.n}"

    count_field = Bucketed.count_field

    @classmethod
    def by_outlet(cls) -> bool:
        """Whether its rows are kept per outlet, so that it answers an outlet filter too."""
        return any(field.name == "outlet" for field in cls._meta.fields)

    @classmethod
    def within(cls, rows: QuerySet, start, end) -> QuerySet:
        """`rows` of the periods from `start` to `end` (either may be open)."""
        rows = rows.filter(**{f"{cls.period}__gte": start}) if start else rows
        return rows.filter(**{f"{cls.period}__lte": end}) if end else rows


class Monthly(Summary):
    """Per month of publication (`month`, its first day; none for undated articles): answers ranges of whole
    months."""

    month = models.DateField(null=True)

    period = "month"

    class Meta:
        abstract = True

    @staticmethod
    def period_of(day: datetime.date | None) -> datetime.date | None:
        return day.replace(day=1) if day else None

    @staticmethod
    def period_expression():
        return TruncMonth("published_on")

    @classmethod
    def narrowed(cls, rows: QuerySet, start, end, extent) -> QuerySet | None:
        return cls.within(rows, start, end) if whole_months(start, end) else None


class Daily(Summary):
    """Per day of publication (none for undated articles): answers any range."""

    published_on = models.DateField(null=True)

    period = "published_on"

    class Meta:
        abstract = True

    @staticmethod
    def period_of(day: datetime.date | None) -> datetime.date | None:
        return day

    @staticmethod
    def period_expression():
        return F("published_on")

    @classmethod
    def narrowed(cls, rows: QuerySet, start, end, extent) -> QuerySet | None:
        return cls.within(rows, start, end)


class Totals(Summary):
    """Over all time, dated articles apart from undated ones (`dated`): answers a range holding every dated
    article (`extent()`, the first and last days of publication), the archive's all-time view."""

    dated = models.BooleanField()

    period = "dated"

    class Meta:
        abstract = True

    @staticmethod
    def period_of(day: datetime.date | None) -> bool:
        return day is not None

    @staticmethod
    def period_expression():
        return ExpressionWrapper(Q(published_on__isnull=False), output_field=models.BooleanField())

    @classmethod
    def narrowed(cls, rows: QuerySet, start, end, extent) -> QuerySet | None:
        if start is None and end is None:
            return rows
        first, last = extent()
        if first is not None and ((start and start > first) or (end and end < last)):
            return None
        return rows.filter(dated=True)


class QuoteMonthRollup(Monthly):
    """QuoteRollup per month, status, speaker and kind."""

    speaker = _ref("people.Person", null=True)
    kind = models.CharField(max_length=10)

    class Meta:
        indexes = [models.Index(fields=["month"]), models.Index(fields=["speaker", "month"])]


class OrganizationMonthRollup(Monthly):
    """OrganizationQuoteRollup per month, status and organization (a quote has one speaker: the speakers' rows
    add up to the organization's quotes)."""

    organization = _ref("people.Organization")

    class Meta:
        indexes = [models.Index(fields=["month"]), models.Index(fields=["organization", "month"])]


class QuoteKindMonthRollup(Monthly):
    """QuoteRollup per month, status and kind (the quote kinds of a wide range, without summing every speaker)."""

    kind = models.CharField(max_length=10)

    class Meta:
        indexes = [models.Index(fields=["month"])]


class TagMonthRollup(Monthly):
    """TagRollup per month, status and tag."""

    tag = _ref("codebook.Tag")

    class Meta:
        indexes = [models.Index(fields=["month"]), models.Index(fields=["tag", "month"])]


class TagCategoryMonthRollup(Monthly):
    """TagCategoryRollup per month, status and category."""

    category = models.CharField(max_length=20)

    class Meta:
        indexes = [models.Index(fields=["month"])]


class CountryMonthRollup(Monthly, CountryMentions):
    """CountryRollup per month, status and country."""

    country = _ref("core.Country")

    class Meta:
        indexes = [models.Index(fields=["month"]), models.Index(fields=["country", "month"])]


class TagPairMonthRollup(Monthly):
    """TagPairRollup per month, status, tag and other tag."""

    tag = _ref("codebook.Tag")
    other = _ref("codebook.Tag")

    class Meta:
        indexes = [_covering("rollups_tagpair_month_cover", ["tag", "month"], "other")]


class TagCountryMonthRollup(Monthly, TaggedCountryMentions):
    """TagCountryRollup per month, status, tag and country."""

    tag = _ref("codebook.Tag")
    country = _ref("core.Country")

    class Meta:
        indexes = [
            _covering("rollups_tagcountry_month_cover", ["tag", "month"], "country", "mentions", "mentions_confirmed")
        ]


class ArticleDayRollup(Daily):
    """ArticleRollup per day and status, over every outlet: the whole press's articles over time."""

    class Meta:
        indexes = [_covering("rollups_articleday_day_cover", ["published_on"])]


class ArticleTotalRollup(Totals):
    """ArticleRollup over all time, per status, outlet and assignee: the all-time outlets and pipeline."""

    outlet = _ref("articles.Outlet", db_index=True)
    assignee = _ref(settings.AUTH_USER_MODEL, null=True)


class QuoteKindTotalRollup(Totals):
    """QuoteRollup over all time, per status, outlet and kind: an outlet page's quote kinds (one outlet's rows of all
    time were 35,000 at 1,000,000 articles), and the whole press's."""

    outlet = _ref("articles.Outlet")
    kind = models.CharField(max_length=10)


class QuoteTotalRollup(Totals):
    """QuoteRollup over all time, per status and speaker: the all-time most quoted (20,000 speakers' month rows
    were 2,500,000 rows at 1,000,000 articles)."""

    speaker = _ref("people.Person", null=True, db_index=True)


class OrganizationTotalRollup(Totals):
    """OrganizationQuoteRollup over all time, per status and organization."""

    organization = _ref("people.Organization", db_index=True)


class ApprovalTotalRollup(Totals):
    """ApprovalRollup over all time, per status and minutes: the archive's median time to approval."""

    minutes = models.IntegerField(db_index=True)


class QuoteKindDayRollup(Daily):
    """QuoteRollup per day, status and kind, over every outlet: the quote kinds of a range cut inside months (30 days
    at 1,000,000 articles: 300 rows instead of 58,000 day, outlet and speaker rows)."""

    kind = models.CharField(max_length=10)

    class Meta:
        indexes = [_covering("rollups_quotekindday_day_cover", ["published_on"], "kind")]


class TagDayRollup(Daily):
    """TagRollup per day, status and tag, over every outlet: a tag page's articles over time (a tag's day and outlet
    rows were 45,000 at 1,000,000 articles, its days 1,800), the overview's tags over a range cut inside months."""

    tag = _ref("codebook.Tag")

    class Meta:
        indexes = [_covering("rollups_tagday_tag_cover", ["tag", "published_on"])]


class TagTotalRollup(Totals):
    """TagRollup over all time, per status, tag and outlet: a tag page's outlets and count of articles."""

    tag = _ref("codebook.Tag")
    outlet = _ref("articles.Outlet")

    class Meta:
        indexes = [_covering("rollups_tagtotal_tag_cover", ["tag", "outlet"], "dated")]


class TagQuoteTotalRollup(Totals):
    """TagQuoteRollup over all time, per status, tag and speaker: a tag page's most quoted."""

    tag = _ref("codebook.Tag")
    speaker = _ref("people.Person", null=True)

    class Meta:
        # A tag's rows from the index alone: 49,000 rows over 17,000 heap pages took 140 ms at 1,000,000 articles.
        # Keyed by the speaker too, so that a refresh finds the rows it changes (by the tag alone: 120 ms).
        indexes = [_covering("rollups_tagquotetot_tag_cover", ["tag", "speaker"], "dated")]


class QuoteDayRollup(Daily):
    """QuoteRollup per day, status and speaker, over every outlet: the most quoted of a range cut inside months (30
    days at 1,000,000 articles: 28,000 rows instead of 40,000 day, outlet and kind rows)."""

    speaker = _ref("people.Person", null=True)

    class Meta:
        indexes = [_covering("rollups_quoteday_day_cover", ["published_on"], "speaker")]


class OrganizationDayRollup(Daily):
    """OrganizationQuoteRollup per day, status and organization, over every outlet: the most quoted organizations of
    a range cut inside months, without a row per speaker and outlet."""

    organization = _ref("people.Organization")

    class Meta:
        indexes = [_covering("rollups_orgday_day_cover", ["published_on"], "organization")]


class CountryDayRollup(Daily, CountryMentions):
    """CountryRollup per day, status and country, over every outlet: the most mentioned countries of a range cut
    inside months."""

    country = _ref("core.Country")

    class Meta:
        indexes = [_covering("rollups_countryday_day_cover", ["published_on"], "country", "mentions")]


class TagCategoryDayRollup(Daily):
    """TagCategoryRollup per day, status and category, over every outlet: the tag categories of a range cut inside
    months."""

    category = models.CharField(max_length=20)

    class Meta:
        indexes = [_covering("rollups_tagcatday_day_cover", ["published_on"], "category")]
