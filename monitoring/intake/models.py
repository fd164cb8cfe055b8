"""Import jobs (every import, from the web, a feed or the command line, is one) and the feeds the team follows."""

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse


class JobSource(models.TextChoices):
    UPLOAD = "upload", "Upload"
    PASTE = "paste", "Pasted text"
    FOLDER = "folder", "Folder or files on the server"
    FEED = "feed", "Feed"


class JobState(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"


class FileState(models.TextChoices):
    PENDING = "pending", "Pending"
    DONE = "done", "Done"


class ImportJob(models.Model):
    """One import: who started it, from what, how far it got and what came of each file."""

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    finished = models.DateTimeField(null=True, blank=True)
    source = models.CharField(max_length=10, choices=JobSource.choices)
    label = models.CharField(max_length=500, blank=True, help_text="What was imported, in a few words.")
    state = models.CharField(max_length=10, choices=JobState.choices, default=JobState.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    options = models.JSONField(default=dict, blank=True, help_text="Import options: outlet, tags, format.")
    feed = models.ForeignKey("intake.Feed", null=True, blank=True, on_delete=models.SET_NULL, related_name="jobs")

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self):
        return f"Import #{self.pk} ({self.get_source_display()}, {self.label})"

    def get_absolute_url(self):
        return reverse("intake:job", args=[self.pk])


class ImportJobFile(models.Model):
    """A file of a job (or a feed entry's page) and its outcome: created, updated, ... or failed with a message."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(max_length=500)
    path = models.CharField(max_length=1000, help_text="Where the importer reads it.")
    root = models.CharField(max_length=1000, help_text="The import folder: photos must resolve inside it.")
    state = models.CharField(max_length=10, choices=FileState.choices, default=FileState.PENDING)
    outcome = models.CharField(max_length=20, blank=True)
    counts = models.JSONField(default=dict, blank=True)
    note = models.CharField(max_length=1000, blank=True, help_text="Known before the import, e.g. 'from a summary'.")
    message = models.TextField(blank=True)
    article = models.ForeignKey("articles.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    attempts = models.PositiveIntegerField(default=0)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["job", "pk"]
        indexes = [models.Index(fields=["job", "state"])]

    def __str__(self):
        return self.name


class Feed(models.Model):
    """An RSS or Atom feed polled for new articles, fetched conditionally (ETag, Last-Modified)."""

    url = models.URLField(max_length=1000, unique=True, validators=[URLValidator(schemes=["http", "https"])])
    outlet = models.ForeignKey("articles.Outlet", on_delete=models.PROTECT, related_name="feeds")
    active = models.BooleanField(default=True)
    poll_minutes = models.PositiveIntegerField(default=60, help_text="How often to poll, in minutes.")
    last_polled = models.DateTimeField(null=True, blank=True)
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_error = models.TextField(blank=True)
    failures = models.PositiveIntegerField(default=0, help_text="Failed polls in a row; later retries wait longer.")

    class Meta:
        ordering = ["outlet__name", "url"]

    def __str__(self):
        return self.url


class FeedEntry(models.Model):
    """An entry of a feed already taken (by guid, else link), so a later poll imports it once."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="entries")
    key = models.CharField(max_length=500)
    link = models.URLField(max_length=1000, blank=True)
    seen = models.DateTimeField(auto_now_add=True)
    from_summary = models.BooleanField(default=False, help_text="The page could not be fetched: the feed's summary.")
    job = models.ForeignKey(ImportJob, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["feed", "key"], name="unique_feed_entry")]

    def __str__(self):
        return self.key
