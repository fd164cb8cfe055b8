import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from monitoring.articles.models import Article, Outlet
from monitoring.codebook.models import Tag
from monitoring.people.models import Person, Quote
from monitoring.photos.models import Photo


@pytest.mark.django_db
def test_demo_load_fills_an_empty_database_and_can_run_twice(settings):
    settings.DEBUG = True
    call_command("demo_load", verbosity=0)
    counts = [Article.objects.count(), Person.objects.count(), Quote.objects.count(), Photo.objects.count()]
    assert Outlet.objects.count() >= 4 and Tag.objects.count() >= 20
    assert counts[0] >= 12 and counts[1] >= 20 and counts[2] >= 50 and counts[3] >= 5
    assert Tag.objects.values("category").distinct().count() >= 4
    assert get_user_model().objects.filter(groups__name="Reviewer").exists()
    assert Article.objects.filter(syndicated_from__isnull=False).count() == 1
    call_command("demo_load", verbosity=0)
    assert [Article.objects.count(), Person.objects.count(), Quote.objects.count(), Photo.objects.count()] == counts


@pytest.mark.django_db
def test_demo_load_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="dev settings"):
        call_command("demo_load", verbosity=0)
