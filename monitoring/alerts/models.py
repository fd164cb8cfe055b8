"""Saved searches (a filtered view kept under a name) and the alerts they send."""

from django.conf import settings
from django.db import models
from django.http import QueryDict
from django.urls import reverse


class AlertMode(models.TextChoices):
    NONE = "none", "No alerts"
    IMMEDIATE = "immediate", "As soon as items are approved"
    DAILY = "daily", "Daily digest"


# The fields of a saved search its owner sets on My searches (or through the API).
ALERT_SETTINGS = ("alert_mode", "alert_email", "alert_new_person", "alert_spike", "daily_briefing")


class SavedSearch(models.Model):
    """A filtered view of a dashboard page: its path and the filters of its URL."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches")
    name = models.CharField(max_length=200)
    path = models.CharField(max_length=500, help_text="The page, e.g. /articles/ or /tags/water/.")
    params = models.CharField(max_length=4000, blank=True, help_text="The filters, as in the page's URL.")
    created = models.DateTimeField(auto_now_add=True)
    last_viewed = models.DateTimeField(null=True, blank=True)
    alert_mode = models.CharField(max_length=10, choices=AlertMode.choices, default=AlertMode.NONE)
    alert_email = models.BooleanField(default=False, help_text="Also send alerts by email (else in the app only).")
    alert_new_person = models.BooleanField(default=False, help_text="Alert when a person is quoted here first.")
    alert_spike = models.BooleanField(default=False, help_text="Alert when a week's volume doubles its average.")
    daily_briefing = models.BooleanField(default=False, help_text="Email a PDF briefing of the day's items.")
    checked_until = models.DateTimeField(null=True, blank=True, help_text="Items approved up to here were alerted.")
    digest_sent = models.DateTimeField(null=True, blank=True)
    briefing_sent = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["owner", "name"], name="unique_saved_search_name")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("alerts:open", args=[self.pk])

    @property
    def query(self) -> QueryDict:
        return QueryDict(self.params)

    @property
    def url(self) -> str:
        return f"{self.path}?{self.params}" if self.params else self.path


class NotificationKind(models.TextChoices):
    MATCH = "match", "New item"
    NEW_PERSON = "new_person", "Newly quoted person"
    SPIKE = "spike", "Volume spike"


class Notification(models.Model):
    """One alert for one subscriber; unique per search, item and kind, so retries never alert twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=12, choices=NotificationKind.choices)
    key = models.CharField(max_length=100, help_text="What it is about: an article, a person on an article, a week.")
    article = models.ForeignKey("articles.Article", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    text = models.CharField(max_length=500)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    read = models.DateTimeField(null=True, blank=True)
    emailed = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        constraints = [models.UniqueConstraint(fields=["search", "kind", "key"], name="unique_notification")]
        indexes = [models.Index(fields=["user", "read"])]

    def __str__(self):
        return self.text
