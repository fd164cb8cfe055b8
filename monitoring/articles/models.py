from django.conf import settings
from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from monitoring.codebook.models import TaggedArticle
from monitoring.core.db import WholeMinutes
from monitoring.core.models import TimeStampedModel
from monitoring.core.workflow import COUNTED_STATES, ArticleStatus


class OutletKind(models.TextChoices):
    STATE_MEDIA = "state_media", "State media"
    WIRE_AGENCY = "wire_agency", "Wire agency"
    PUBLIC_BROADCASTER = "public_broadcaster", "Public broadcaster"
    NATIONAL_NEWSPAPER = "national_newspaper", "National newspaper"
    INDEPENDENT = "independent", "Independent"
    PARTY_PRESS = "party_press", "Party press"
    OTHER = "other", "Other"


class OutletManager(models.Manager):
    def get_by_natural_key(self, name):
        return self.get(name=name)


class Outlet(TimeStampedModel):
    name = models.CharField(max_length=200, unique=True)
    country = models.ForeignKey("core.Country", null=True, blank=True, on_delete=models.SET_NULL)
    language = models.CharField(max_length=10, blank=True, default="en")
    kind = models.CharField(max_length=30, choices=OutletKind.choices, default=OutletKind.OTHER, db_index=True)
    homepage = models.URLField(blank=True)

    objects = OutletManager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.name,)

    def get_absolute_url(self):
        return reverse("dashboards:outlet", args=[self.pk])


class Priority(models.IntegerChoices):
    LOW = 1, "Low"
    NORMAL = 2, "Normal"
    HIGH = 3, "High"
    URGENT = 4, "Urgent"


class ArticleQuerySet(models.QuerySet):
    def with_counts(self, *, unreviewed: bool = True):
        """Annotate quote and photo counts so lists never count per row: the article's counted quotes (see
        `SuggestionQuerySet.counted`); by default every quote not rejected, as the admin lists them."""
        from monitoring.people.models import Quote
        from monitoring.photos.models import Photo

        quotes = Quote.objects.counted(unreviewed=unreviewed).filter(article=models.OuterRef("pk"))
        photos = Photo.objects.filter(article=models.OuterRef("pk"))
        return self.annotate(
            quote_count=_subquery_count(quotes),
            photo_count=_subquery_count(photos),
        )

    def originals(self):
        """Articles that are not syndicated copies of another one."""
        return self.filter(syndicated_from__isnull=True)

    def counted(self, *, unreviewed: bool = False):
        """Articles that count in figures: approved by a second person; with `unreviewed`, every item.

        The one counting rule, with `counted()` on quotes and roles (`monitoring.people.models`) and on tags
        (`monitoring.codebook.models`): the dashboards, exports and API read only through these.
        """
        if unreviewed:
            return self.all()
        return self.filter(status__in=COUNTED_STATES)

    def approval_minutes(self):
        """The approved articles with the whole minutes from their import to their approval (`approval_minutes`):
        the review pipeline's time to approval, counted to the minute wherever it is read (the raw rows and the
        rollups agree on every median)."""
        return self.filter(imported_at__isnull=False, approved_at__isnull=False).annotate(
            approval_minutes=WholeMinutes("imported_at", "approved_at")
        )


def _subquery_count(queryset):
    counted = queryset.order_by().values("article").annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(models.Subquery(counted, output_field=models.IntegerField()), 0)


class Article(TimeStampedModel):
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="articles")
    headline = models.CharField(max_length=500)
    bylines = models.JSONField(default=list, blank=True)
    published_on = models.DateField(null=True, blank=True)
    updated_on = models.DateField(null=True, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    language = models.CharField(max_length=10, blank=True, default="en")
    body = models.TextField(help_text="Exactly as imported; paragraphs separated by a blank line.")
    subheadings = models.JSONField(default=list, blank=True)
    rights = models.CharField(max_length=500, blank=True)
    word_count = models.PositiveIntegerField(default=0)
    fingerprint = models.CharField(max_length=64, db_index=True, editable=False)
    syndicated_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="syndicated_copies"
    )
    tags = TaggableManager(through=TaggedArticle, blank=True)

    status = models.CharField(max_length=20, choices=ArticleStatus.choices, default=ArticleStatus.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_articles"
    )
    due_on = models.DateField(null=True, blank=True)
    priority = models.PositiveSmallIntegerField(choices=Priority.choices, default=Priority.NORMAL)
    approved_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Bumped on every edit, for stale-form checks.")

    source_name = models.CharField(max_length=500, blank=True, help_text="File the article was imported from.")
    imported_at = models.DateTimeField(null=True, blank=True)
    import_digest = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="Digest of the last imported extraction, to skip unchanged files.",
    )

    history = HistoricalRecords(excluded_fields=["modified"])
    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-pk"]
        constraints = [
            # An article's identity, as the importer matches it: its URL, else its source file in the outlet, else
            # its text in the outlet. Constraints, not only lookups, so parallel imports of one input never duplicate.
            models.UniqueConstraint(fields=["url"], condition=~Q(url=""), name="unique_article_url"),
            models.UniqueConstraint(
                fields=["outlet", "source_name"], condition=~Q(source_name=""), name="unique_article_source"
            ),
            models.UniqueConstraint(
                fields=["outlet", "fingerprint"], condition=~Q(fingerprint=""), name="unique_article_text"
            ),
        ]
        indexes = [
            models.Index(fields=["outlet", "-published_on"]),
            models.Index(fields=["-published_on", "-id"]),
            models.Index(fields=["status", "due_on"]),
            models.Index(fields=["assignee", "status"]),
            # The inbox (new originals, most urgent first, then oldest import): read and counted from this index
            # alone, whatever the size of the archive. (An ascending column sorts NULLs last on PostgreSQL, as the
            # inbox does; SQLite accepts no NULLS LAST in an index.)
            models.Index(
                F("priority").desc(),
                "imported_at",
                "id",
                condition=Q(status="new", syndicated_from__isnull=True),
                name="article_inbox",
            ),
            # The median time to approval over a range of days: counted and sorted from this index alone on
            # PostgreSQL (30 days at 1,000,000 articles: 104 ms from the table's pages).
            models.Index(
                fields=["published_on"],
                include=["imported_at", "approved_at"],
                condition=Q(approved_at__isnull=False),
                name="article_approval_times",
            ),
        ]

    def __str__(self):
        return self.headline

    def get_absolute_url(self):
        return reverse("articles:detail", args=[self.pk])

    def paragraphs(self) -> list[tuple[int, str]]:
        """The body's paragraphs with the offset each starts at, for highlighting by offsets."""
        result, offset = [], 0
        for block in self.body.split("\n\n"):
            result.append((offset, block))
            offset += len(block) + 2
        return result


class CountryMention(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="country_mentions")
    country = models.ForeignKey("core.Country", on_delete=models.CASCADE, related_name="mentions")
    count = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "country"], name="unique_country_mention")]
        indexes = [models.Index(fields=["country", "article"])]

    def __str__(self):
        return f"{self.country} ×{self.count}"
