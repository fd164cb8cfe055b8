from collections.abc import Iterable

from django.db import transaction

from monitoring.core.permissions import person_merge_check
from monitoring.core.signals import coverage_changed
from monitoring.core.text import name_key
from monitoring.photos.models import Photo

from .models import Person, PersonAlias, Quote, Role


@transaction.atomic
def person_merge(*, survivor: Person, others: Iterable[Person], user) -> Person:
    """Move every quote, role, alias and photo of `others` to `survivor`, keep their names as aliases, delete them."""
    person_merge_check(user)
    others = [p for p in others if p.pk != survivor.pk]
    if not others:
        return survivor
    ids = [p.pk for p in others]
    # QuerySet.update below sends no per-row signal: say at the end which articles' counted rows moved.
    moved = set(Quote.objects.filter(speaker_id__in=ids).values_list("article_id", flat=True))
    moved.update(Role.objects.filter(person_id__in=ids).values_list("article_id", flat=True))
    Quote.objects.filter(speaker_id__in=ids).update(speaker=survivor)
    # A role printed identically for both persons in one article would break uniqueness: keep the survivor's.
    taken = set(Role.objects.filter(person=survivor).values_list("article_id", "title"))
    for role in Role.objects.filter(person_id__in=ids):
        if (role.article_id, role.title) in taken:
            role.delete()
        else:
            taken.add((role.article_id, role.title))
            Role.objects.filter(pk=role.pk).update(person=survivor)
    PersonAlias.objects.filter(person_id__in=ids).update(person=survivor)
    Through = Photo.pictured.through
    pictured = set(Through.objects.filter(person=survivor).values_list("photo_id", flat=True))
    for row in Through.objects.filter(person_id__in=ids):
        if row.photo_id not in pictured:
            pictured.add(row.photo_id)
            Through.objects.create(photo_id=row.photo_id, person=survivor)
    if not survivor.country_id:
        survivor.country_id = next((p.country_id for p in others if p.country_id), None)
        survivor.save(update_fields=["country"])
    names = [p.name for p in others]
    Person.objects.filter(pk__in=ids).delete()
    for name in names:
        key = name_key(name)
        if key != survivor.key and not PersonAlias.objects.filter(key=key).exists():
            PersonAlias.objects.create(person=survivor, name=name)
    coverage_changed.send(sender=Person, article_ids=sorted(moved))
    return survivor
