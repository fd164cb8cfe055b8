"""Editing a tag on the reader page: corrected to another codebook tag and confirmed, through the service."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from monitoring.codebook.models import TaggedArticle
from monitoring.core.permissions import article_workers
from monitoring.review import services
from monitoring.review.models import WorkflowEvent
from tests.factories import TagFactory
from tests.review.test_review_desk import HX, desk_article, trace

pytestmark = pytest.mark.django_db


def tags_of(article) -> list[tuple[str, str]]:
    return sorted(TaggedArticle.objects.filter(content_object=article).values_list("tag__name", "status"))


def test_editing_a_tag_corrects_it_confirmed_with_one_event(analyst):
    article = desk_article(analyst)
    coast = TaggedArticle.objects.get(content_object=article, tag__name="coast")
    ports = TagFactory(name="ports")
    services.tag_update(tagged=coast, user=analyst, tag=ports)
    assert tags_of(article) == [("fisheries", "suggested"), ("ports", "confirmed")]
    [event] = WorkflowEvent.objects.filter(article=article, action="change")
    assert event.subject == "tag coast changed to ports" and event.actor == analyst
    assert analyst.pk in article_workers(article)  # coverage work: four eyes


def test_editing_to_the_same_tag_confirms_it_and_to_a_tag_present_merges_them(analyst):
    article = desk_article(analyst)
    coast = TaggedArticle.objects.get(content_object=article, tag__name="coast")
    fisheries = TaggedArticle.objects.get(content_object=article, tag__name="fisheries")
    services.tag_update(tagged=coast, user=analyst, tag=coast.tag)
    assert tags_of(article) == [("coast", "confirmed"), ("fisheries", "suggested")]
    services.tag_update(tagged=coast, user=analyst, tag=fisheries.tag)
    assert tags_of(article) == [("fisheries", "confirmed")]


def test_editing_a_tag_is_refused_to_others_with_nothing_changed(analyst, analyst2, reviewer):
    article = desk_article(analyst)
    coast = TaggedArticle.objects.get(content_object=article, tag__name="coast")
    before = trace(article)
    for user in (analyst2, reviewer):
        with pytest.raises(PermissionDenied):
            services.tag_update(tagged=coast, user=user, tag=TagFactory())
    assert trace(article) == before


def test_the_reader_edits_a_tag_in_place_or_as_a_plain_form(login, analyst):
    article = desk_article(analyst)
    coast = TaggedArticle.objects.get(content_object=article, tag__name="coast")
    client = login(analyst)
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'class="tag-edit"' in page
    url = reverse("articles:tag_decide", args=[article.pk, coast.pk, "update"])
    ports, harbours = TagFactory(name="ports"), TagFactory(name="harbours")
    in_place = client.post(url, {"tag": ports.pk}, **HX)
    assert in_place.status_code == 200 and "ports" in in_place.content.decode()
    plain = client.post(url, {"tag": harbours.pk})
    assert plain.status_code == 302
    assert ("harbours", "confirmed") in tags_of(article)
    assert client.post(url, {"tag": "nope"}).status_code == 400
