from django.db import models

from .text import name_key


class TimeStampedModel(models.Model):
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class NameKeyed(models.Model):
    """A row identified by its normalised `name` (stored in `key`), so spelling variants cannot be saved twice."""

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = name_key(self.name)
        super().save(*args, **kwargs)

    def natural_key(self):
        return (self.key,)


class CountryManager(models.Manager):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Country(models.Model):
    """A country as the gazetteer knows it: ISO 3166 alpha-2 code and English name."""

    code = models.CharField(max_length=2, unique=True)
    name = models.CharField(max_length=100, unique=True)

    objects = CountryManager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.code,)
