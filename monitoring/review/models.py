from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from monitoring.core.models import TimeStampedModel


class WorkflowAction(models.TextChoices):
    CLAIM = "claim", "Claimed"
    SUBMIT = "submit", "Submitted for review"
    APPROVE = "approve", "Approved"
    RETURN = "return", "Returned to analysis"
    REOPEN = "reopen", "Reopened"
    ARCHIVE = "archive", "Archived"
    ASSIGN = "assign", "Assigned"
    CONFIRM = "confirm", "Confirmed a suggestion"
    EDIT = "edit", "Edited a suggestion"
    REJECT = "reject", "Rejected a suggestion"
    MERGE = "merge", "Merged persons"
    ANNOTATE = "annotate", "Annotated"
    SOURCE_CHANGED = "source_changed", "Source changed"
    SOURCE_ACCEPTED = "source_accepted", "Source accepted"
    CHANGE = "change", "Changed coverage data"
    PLAN = "plan", "Changed due date or priority"


# Events whose actor did analysis work on the article: such a user may not approve it (four eyes).
ANALYSIS_ACTIONS = (
    WorkflowAction.CLAIM,
    WorkflowAction.SUBMIT,
    WorkflowAction.CONFIRM,
    WorkflowAction.EDIT,
    WorkflowAction.REJECT,
    WorkflowAction.MERGE,
    WorkflowAction.ANNOTATE,
    WorkflowAction.SOURCE_ACCEPTED,
    WorkflowAction.CHANGE,
)


class WorkflowEventQuerySet(models.QuerySet):
    def by_worker(self, user):
        """Events showing that `user` analysed the article: as the actor of analysis work, or as its assignee."""
        return self.filter(Q(actor=user, action__in=ANALYSIS_ACTIONS) | Q(assignee=user))

    def worker_ids(self) -> set[int]:
        """Ids of everyone these events show doing analysis work (actors of analysis actions, assignees)."""
        rows = self.filter(Q(action__in=ANALYSIS_ACTIONS) | Q(assignee__isnull=False)).values_list(
            "action", "actor_id", "assignee_id"
        )
        ids = set()
        for action, actor_id, assignee_id in rows:
            if action in ANALYSIS_ACTIONS:
                ids.add(actor_id)
            ids.add(assignee_id)
        return ids - {None}


class WorkflowEvent(models.Model):
    """The audit record of one workflow action on an article: who, when, what, from which state to which."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="workflow_events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=20, choices=WorkflowAction.choices)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(blank=True)
    subject = models.CharField(max_length=300, blank=True, help_text="What a suggestion decision was about.")
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = WorkflowEventQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        indexes = [
            models.Index(fields=["article", "-created"]),
            models.Index(fields=["actor", "action"]),
        ]

    def __str__(self):
        return f"{self.get_action_display()} by {self.actor} on article {self.article_id}"


class Stance(models.TextChoices):
    SUPPORTIVE = "supportive", "Supportive"
    CRITICAL = "critical", "Critical"
    NEUTRAL = "neutral", "Neutral"


class AnnotationQuerySet(models.QuerySet):
    def anchored(self):
        return self.filter(orphaned=False)

    def orphaned(self):
        return self.filter(orphaned=True)


class Annotation(TimeStampedModel):
    """A code from the codebook applied to a passage of an article body, located by character offsets."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="annotations")
    tag = models.ForeignKey("codebook.Tag", on_delete=models.PROTECT, related_name="annotations")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="annotations")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField(help_text="The passage exactly as in the body; used to re-anchor after re-import.")
    note = models.TextField(blank=True)
    stance = models.CharField(max_length=12, choices=Stance.choices, blank=True)
    target_person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="annotations"
    )
    target_organization = models.ForeignKey(
        "people.Organization", null=True, blank=True, on_delete=models.SET_NULL, related_name="annotations"
    )
    target_country = models.ForeignKey(
        "core.Country", null=True, blank=True, on_delete=models.SET_NULL, related_name="annotations"
    )
    orphaned = models.BooleanField(
        default=False, help_text="The passage was not found after the body changed; a person must re-anchor it."
    )
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=["modified"])
    objects = AnnotationQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="annotation_span_not_empty"),
            models.CheckConstraint(
                condition=(
                    Q(target_person__isnull=True, target_organization__isnull=True)
                    | Q(target_person__isnull=True, target_country__isnull=True)
                    | Q(target_organization__isnull=True, target_country__isnull=True)
                ),
                name="annotation_at_most_one_target",
            ),
        ]
        indexes = [models.Index(fields=["article", "orphaned"]), models.Index(fields=["author", "article"])]

    def __str__(self):
        return f"{self.tag}: {self.text[:60]}"

    @property
    def target(self):
        return self.target_person or self.target_organization or self.target_country


class AnnotationComment(models.Model):
    """A reviewer's remark on an annotation."""

    annotation = models.ForeignKey(Annotation, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]

    def __str__(self):
        return f"Comment by {self.author} on annotation {self.annotation_id}"
