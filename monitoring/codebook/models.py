import re

from django.db import models
from taggit.models import TagBase, TaggedItemBase

from monitoring.core.workflow import COUNTED_STATES


class TagCategory(models.TextChoices):
    TOPIC = "topic", "Topic"
    REGION = "region", "Region"
    FRAME = "frame", "Frame"
    NARRATIVE = "narrative", "Narrative"
    CLAIM = "claim", "Claim"
    CAMPAIGN = "campaign", "Campaign"


class TagManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Tag(TagBase):
    """A code in the team's codebook; its keywords drive tag suggestions at import."""

    category = models.CharField(max_length=20, choices=TagCategory.choices, default=TagCategory.TOPIC)
    description = models.TextField(blank=True)
    keywords = models.TextField(
        blank=True,
        help_text="One word or phrase a line; an imported article that contains one gets this tag suggested.",
    )

    objects = TagManager()

    class Meta:
        ordering = ["category", "name"]
        indexes = [models.Index(fields=["category", "name"])]

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("dashboards:tag", args=[self.slug])

    @property
    def keyword_list(self) -> list[str]:
        return [line.strip() for line in re.split(r"[\n,]", self.keywords) if line.strip()]


class TagStatus(models.TextChoices):
    SUGGESTED = "suggested", "Suggested"
    CONFIRMED = "confirmed", "Confirmed"


class TaggedArticleQuerySet(models.QuerySet):
    def counted(self, *, unreviewed: bool = False, articles_counted: bool = False):
        """Tags that count in figures: confirmed tags of counted (approved) items; with `unreviewed`, every tag of
        every item (a rejected suggestion is deleted, so every tag left is kept). `articles_counted`: as for quotes
        (`SuggestionQuerySet.counted`), the caller's articles count already."""
        if unreviewed:
            return self.all()
        if articles_counted:
            return self.filter(status=TagStatus.CONFIRMED)
        return self.filter(status=TagStatus.CONFIRMED, content_object__status__in=COUNTED_STATES)


class TaggedArticle(TaggedItemBase):
    """A tag on an article; tags proposed by the importer stay 'suggested' until an analyst confirms them."""

    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_articles")
    content_object = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="tagged_items")
    status = models.CharField(max_length=10, choices=TagStatus.choices, default=TagStatus.CONFIRMED)

    objects = TaggedArticleQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["content_object", "tag"], name="unique_tag_per_article")]
        indexes = [models.Index(fields=["tag", "content_object"])]

    def __str__(self):
        return f"{self.tag} on article {self.content_object_id}"
