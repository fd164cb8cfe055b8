"""Rollup tables: the dashboards' counts, kept per day of publication and outlet.

Every table is keyed by the bucket (`published_on`, `outlet`) and the article's workflow `status`, then by its own
dimension. A row holds `n`, the rows that count in the "Include unreviewed" view (every item, suggestions not
rejected), and `n_confirmed`, those that count in the reviewed view once the article's status is a counted one
(confirmed quotes, roles and tags): the counting rule (`counted()`) is answered by `count_field` and `status`.

The fields are named as on the raw rows (`published_on`, `outlet`, `status`, `speaker`, `kind`, `tag`, `country`)
so a dashboard query reads the same over either; foreign keys have no database constraint and do nothing on delete:
the rows are recomputed by `monitoring.rollups.services`, never cascaded.
"""

from django.conf import settings
from django.db import models

from monitoring.core.workflow import ArticleStatus


def _ref(model: str, **options) -> models.ForeignKey:
    return models.ForeignKey(model, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+", **options)


class Bucketed(models.Model):
    published_on = models.DateField(null=True)
    outlet = _ref("articles.Outlet")
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

    assignee = _ref(settings.AUTH_USER_MODEL, null=True)

    class Meta:
        indexes = [models.Index(fields=["published_on", "outlet"])]


class QuoteRollup(Bucketed):
    """Quotes per bucket, status, speaker (none for unnamed groups) and kind."""

    speaker = _ref("people.Person", null=True)
    kind = models.CharField(max_length=10)

    class Meta:
        indexes = [models.Index(fields=["published_on", "outlet"]), models.Index(fields=["speaker", "published_on"])]


class OrganizationQuoteRollup(Bucketed):
    """Quotes whose speaker's role in the organization is printed in the same article, per speaker: a quote
    counts when it and such a role count (both confirmed for `n_confirmed`, neither rejected for `n`)."""

    organization = _ref("people.Organization")
    speaker = _ref("people.Person")

    class Meta:
        indexes = [
            models.Index(fields=["published_on", "outlet"]),
            models.Index(fields=["organization", "published_on"]),
        ]


class TagRollup(Bucketed):
    """Tagged articles per bucket, status and tag."""

    tag = _ref("codebook.Tag")

    class Meta:
        indexes = [models.Index(fields=["published_on", "outlet"]), models.Index(fields=["tag", "published_on"])]


class TagCategoryRollup(Bucketed):
    """Articles with at least one tag of the category, per bucket and status."""

    category = models.CharField(max_length=20)

    class Meta:
        indexes = [models.Index(fields=["published_on", "outlet"])]


class CountryRollup(Bucketed):
    """Articles mentioning the country (`n`, `n_confirmed`: a mention counts by its article's status) and the sum
    of their mentions (`mentions`)."""

    country = _ref("core.Country")
    mentions = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["published_on", "outlet"]), models.Index(fields=["country", "published_on"])]


class RolledArticle(models.Model):
    """The bucket, status and assignee each article was last counted with, so that a change of its date or outlet,
    or its deletion, recomputes the bucket it leaves as well as the one it joins, and a save that changes none of
    them (a headline, a version) recomputes nothing. No foreign key: it outlives a deleted article until that
    article's buckets are recomputed."""

    article_id = models.BigIntegerField(primary_key=True)
    published_on = models.DateField(null=True)
    outlet_id = models.BigIntegerField()
    status = models.CharField(max_length=20)
    assignee_id = models.BigIntegerField(null=True)

    def __str__(self):
        return f"article {self.article_id} in {self.published_on or 'undated'} outlet {self.outlet_id}"


class Monthly(models.Model):
    """Second-level totals: a day table's rows summed per month of publication (`month`, its first day; none for
    undated articles) and status, over every outlet, so that a range of whole months over the whole press reads
    a row per month and dimension rather than one per day and outlet (see `rollups.selectors.rollup_rows`)."""

    month = models.DateField(null=True)
    status = models.CharField(max_length=20, choices=ArticleStatus.choices)
    n = models.PositiveIntegerField(default=0)
    n_confirmed = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.month or 'undated'} {self.status}: {self.n}"

    count_field = Bucketed.count_field


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
