"""What the importer keeps besides articles: changed sources of reviewed articles, held until someone accepts them."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class RevisionStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    ACCEPTED = "accepted", "Accepted"
    SUPERSEDED = "superseded", "Superseded"


class SourceRevisionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=RevisionStatus.PENDING)


class SourceRevision(models.Model):
    """A changed source of an article in review, approved or archived, kept instead of being applied.

    Reviewed content never changes without a recorded decision: the import records the changed source here (and a
    'source changed' event); the analyst holding the article after a return or a reopen, or an editor, accepts it,
    which applies it as an import would. A newer changed source supersedes the pending one; at most one is pending.
    """

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="source_revisions")
    status = models.CharField(max_length=12, choices=RevisionStatus.choices, default=RevisionStatus.PENDING)
    digest = models.CharField(max_length=64, help_text="The import digest of the held source.")
    source = models.CharField(max_length=1000, help_text="The file (and record) it was read from.")
    source_name = models.CharField(max_length=500, blank=True)
    headline = models.CharField(max_length=500)
    body = models.TextField()
    payload = models.JSONField(
        default=dict, help_text="The parsed article, photo files, tags and outlet: what accepting applies."
    )
    created = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = SourceRevisionQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article"], condition=Q(status="pending"), name="one_pending_source_revision"
            ),
        ]
        indexes = [models.Index(fields=["article", "status"])]

    def __str__(self):
        return f"{self.get_status_display()} source of article {self.article_id} ({self.source_name})"
