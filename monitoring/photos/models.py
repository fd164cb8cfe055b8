from django.db import models

from monitoring.core.models import TimeStampedModel

from .images import thumbnail_make


class Photo(TimeStampedModel):
    """A picture printed with an article; saved text often has only its caption and credit, no image file."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(upload_to="photos/%Y/%m/", blank=True, width_field="width", height_field="height")
    thumbnail = models.ImageField(upload_to="thumbs/%Y/%m/", blank=True, editable=False)
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    caption = models.TextField(blank=True)
    credit = models.CharField(max_length=300, blank=True, help_text="As printed, e.g. LIAM FERREIRA/COASTWIRE.")
    photographer = models.CharField(max_length=200, blank=True)
    agency = models.CharField(max_length=200, blank=True)
    pictured = models.ManyToManyField("people.Person", blank=True, related_name="photos")
    order = models.PositiveSmallIntegerField(default=0)
    alt_text = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["article", "order"]

    def __str__(self):
        return self.caption[:80] or self.credit or f"Photo {self.pk}"

    def save(self, *args, **kwargs):
        if self.image and not self.thumbnail:
            self.thumbnail_refresh()
        super().save(*args, **kwargs)

    def thumbnail_refresh(self) -> None:
        """Make the thumbnail from the image (bulk inserts skip save(), so importers call this themselves). An image
        given as a stored file's name is opened first."""
        if not self.image:
            self.thumbnail = None
        elif self.image.closed:
            with self.image.open("rb"):
                self.thumbnail = thumbnail_make(self.image, name=self.image.name)
        else:
            self.thumbnail = thumbnail_make(self.image, name=self.image.name)
