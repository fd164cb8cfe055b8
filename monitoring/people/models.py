from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from simple_history.models import HistoricalRecords

from monitoring.core.models import NameKeyed, TimeStampedModel
from monitoring.core.text import name_key
from monitoring.core.workflow import COUNTED_STATES


class PersonQuerySet(models.QuerySet):
    def with_stats(self, *, unreviewed: bool = True):
        """Annotate how often and when a person was last quoted: their counted quotes (see `SuggestionQuerySet.counted`);
        by default every quote not rejected, as the admin lists them."""
        quotes = (
            Quote.objects.counted(unreviewed=unreviewed).filter(speaker=OuterRef("pk")).order_by().values("speaker")
        )
        return self.annotate(
            quote_count=Coalesce(Subquery(quotes.annotate(n=Count("pk")).values("n")), 0),
            last_quoted=Subquery(quotes.annotate(last=Max("article__published_on")).values("last")),
        )


class PersonManager(models.Manager.from_queryset(PersonQuerySet)):
    def get_by_natural_key(self, key):
        return self.get(key=key)


class Person(NameKeyed, TimeStampedModel):
    """Someone quoted or pictured; one row per real person, whatever the spelling."""

    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, unique=True, editable=False, help_text="Normalised name.")
    country = models.ForeignKey("core.Country", null=True, blank=True, on_delete=models.SET_NULL)
    description = models.TextField(blank=True)

    history = HistoricalRecords(excluded_fields=["modified"])
    objects = PersonManager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "persons"

    def get_absolute_url(self):
        return reverse("dashboards:person", args=[self.pk])

    def clean(self):
        key = name_key(self.name)
        if not key:
            raise ValidationError({"name": "A person needs a name."})
        clash = Person.objects.filter(key=key).exclude(pk=self.pk).first()
        if clash is None:
            alias = PersonAlias.objects.filter(key=key).exclude(person_id=self.pk).select_related("person").first()
            clash = alias.person if alias else None
        if clash is not None:
            raise ValidationError(
                {"name": f'"{clash.name}" (#{clash.pk}) already has this name; edit or merge that person instead.'}
            )


class PersonAlias(NameKeyed):
    """Another spelling of a person's name; the importer matches names against these too."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, unique=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "person aliases"

    def clean(self):
        self.key = name_key(self.name)
        if Person.objects.filter(key=self.key).exclude(pk=self.person_id).exists() or (
            PersonAlias.objects.filter(key=self.key).exclude(pk=self.pk).exists()
        ):
            raise ValidationError({"name": "Another person already has this name or alias."})


class OrganizationKind(models.TextChoices):
    POLITICAL_PARTY = "political_party", "Political party"
    GOVERNMENT_BODY = "government_body", "Government body"
    MINISTRY = "ministry", "Ministry"
    MEDIA_OUTLET = "media_outlet", "Media outlet"
    COMPANY = "company", "Company"
    NGO = "ngo", "NGO"
    INTERNATIONAL_BODY = "international_body", "International body"
    ACADEMIC = "academic", "University or institute"
    OTHER = "other", "Other"


class OrganizationManager(models.Manager):
    def get_by_natural_key(self, key):
        return self.get(key=key)


class Organization(NameKeyed, TimeStampedModel):
    name = models.CharField(max_length=300)
    key = models.CharField(max_length=300, unique=True, editable=False)
    kind = models.CharField(max_length=30, choices=OrganizationKind.choices, default=OrganizationKind.OTHER)
    country = models.ForeignKey("core.Country", null=True, blank=True, on_delete=models.SET_NULL)
    aliases = models.JSONField(default=list, blank=True, help_text="Other names and abbreviations.")

    objects = OrganizationManager()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["kind"])]

    def get_absolute_url(self):
        return reverse("dashboards:organization", args=[self.pk])


class SuggestionStatus(models.TextChoices):
    SUGGESTED = "suggested", "Suggested"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Rejected"


class SuggestionQuerySet(models.QuerySet):
    """Quotes and roles: suggestions by the importer that an analyst confirms or rejects."""

    def kept(self):
        return self.exclude(status=SuggestionStatus.REJECTED)

    def pending(self):
        return self.filter(status=SuggestionStatus.SUGGESTED)

    def counted(self, *, unreviewed: bool = False, articles_counted: bool = False):
        """Rows that count in figures: confirmed ones in counted (approved) items; with `unreviewed`, every row not
        rejected, in every item. `articles_counted`: the caller keeps only articles that count already (a filter
        on counted rows), so the row's own status is all that is left to test, without a join to its article."""
        if unreviewed:
            return self.kept()
        if articles_counted:
            return self.filter(status=SuggestionStatus.CONFIRMED)
        return self.filter(status=SuggestionStatus.CONFIRMED, article__status__in=COUNTED_STATES)


class Role(TimeStampedModel):
    """A title as printed for a person in one article, e.g. 'chairman of the Northern Fishers' League'."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="roles")
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(max_length=500)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="roles"
    )
    status = models.CharField(max_length=10, choices=SuggestionStatus.choices, default=SuggestionStatus.SUGGESTED)

    history = HistoricalRecords(excluded_fields=["modified"])
    objects = SuggestionQuerySet.as_manager()

    class Meta:
        ordering = ["person", "article"]
        constraints = [
            models.UniqueConstraint(fields=["person", "article", "title"], name="unique_role_per_article"),
        ]
        indexes = [
            # An organization's articles by the roles printed in it (its page, the organization filter): read from
            # the index alone; from the organization's index, PostgreSQL planned a parallel scan whose start cost
            # 10 ms, five times a page.
            models.Index(fields=["organization", "status"], include=["article"], name="role_organization_articles")
        ]

    def __str__(self):
        return f"{self.person}, {self.title}"


class QuoteKind(models.TextChoices):
    DIRECT = "direct", "Direct"
    INDIRECT = "indirect", "Indirect"
    PARTIAL = "partial", "Partial"


class Quote(TimeStampedModel):
    """A statement in an article: by a named person, or by an unnamed group ('officials')."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="quotes")
    speaker = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="quotes")
    group = models.CharField(max_length=200, blank=True, help_text="Unnamed group, e.g. 'officials'.")
    text = models.TextField()
    kind = models.CharField(max_length=10, choices=QuoteKind.choices, default=QuoteKind.DIRECT)
    start = models.PositiveIntegerField(help_text="Offset of the text in the article body.")
    end = models.PositiveIntegerField()
    cue = models.CharField(max_length=100, blank=True)
    channel = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=SuggestionStatus.choices, default=SuggestionStatus.SUGGESTED)
    orphaned = models.BooleanField(
        default=False,
        help_text="A reviewed quote whose text was not found after the source changed; a person must re-anchor it.",
    )
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=["modified"])
    objects = SuggestionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="quote_span_not_empty"),
            models.CheckConstraint(
                condition=(Q(speaker__isnull=False) & Q(group="")) | (Q(speaker__isnull=True) & ~Q(group="")),
                name="quote_has_speaker_or_group",
            ),
        ]
        indexes = [
            models.Index(fields=["speaker", "article"]),
            models.Index(fields=["article", "status"]),
            models.Index(fields=["kind"]),
        ]

    def __str__(self):
        return f"{self.speaker_label}: {self.text[:60]}"

    @property
    def speaker_label(self) -> str:
        return self.speaker.name if self.speaker_id else self.group

    def clean(self):
        body = self.article.body if self.article_id else None
        if body is not None and (self.end > len(body) or body[self.start : self.end] != self.text):
            raise ValidationError("The quote's offsets do not match its text in the article body.")


class OrganizationMention(models.Model):
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="organization_mentions")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="mentions")
    count = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "organization"], name="unique_organization_mention")]
        indexes = [models.Index(fields=["organization", "article"])]

    def __str__(self):
        return f"{self.organization} ×{self.count}"
