"""A refused or failed action leaves no trace: no person, no event, no history row, nothing half-written."""

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from monitoring.codebook.models import TaggedArticle
from monitoring.people.models import Person
from monitoring.review import services
from tests.factories import ArticleFactory, PersonFactory, QuoteFactory, RoleFactory, TagFactory

pytestmark = pytest.mark.django_db


def database_state() -> dict:
    """Row counts of every table the project owns (history tables included)."""
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"articles", "people", "codebook", "review", "photos", "core"}
    }


@pytest.fixture
def article(analyst):
    return ArticleFactory(status="in_analysis", assignee=analyst)


def quote_edit(client, article, quote, **data):
    return client.post(reverse("articles:quote_decide", args=[article.pk, quote.pk, "update"]), data)


@pytest.mark.parametrize("who", ["analyst2", "reviewer", "outsider"])
def test_a_refused_quote_edit_creates_no_person(request, login, article, who):
    quote = QuoteFactory(article=article)
    before = database_state()
    response = quote_edit(login(request.getfixturevalue(who)), article, quote, version=1, speaker_name="Jonas Berg")
    assert response.status_code == 403
    assert b"Nothing was changed" in response.content
    assert not Person.objects.filter(name="Jonas Berg").exists()
    assert database_state() == before


def test_a_quote_edit_refused_for_a_stale_form_or_a_bad_span_creates_no_person(login, analyst, article):
    quote = QuoteFactory(article=article)
    services.quote_update(quote=quote, user=analyst, version=1, kind="indirect")
    before = database_state()
    client = login(analyst)
    assert quote_edit(client, article, quote, version=1, speaker_name="Jonas Berg").status_code == 409
    bad_span = {"version": 2, "speaker_name": "Jonas Berg", "start": 3, "end": 10_000}
    assert quote_edit(client, article, quote, **bad_span).status_code == 400
    assert database_state() == before


def test_the_service_resolves_a_new_speaker_only_once_allowed(analyst, analyst2, article):
    quote = QuoteFactory(article=article)
    with pytest.raises(PermissionDenied):
        services.quote_update(quote=quote, user=analyst2, version=1, speaker_name="Jonas Berg")
    assert not Person.objects.filter(name="Jonas Berg").exists()
    services.quote_update(quote=quote, user=analyst, version=1, speaker_name="Jonas Berg")
    quote.refresh_from_db()
    assert quote.speaker == Person.objects.get(name="Jonas Berg")


def refused_calls(article, analyst, frame):
    """Every write of the review services, as someone who may not make it (an analyst not holding the item)."""
    quote, role = QuoteFactory(article=article), RoleFactory(article=article)
    tagged = TaggedArticle.objects.create(content_object=article, tag=TagFactory(), status="suggested")
    annotation = services.annotation_create(article=article, user=analyst, tag=frame, start=0, end=5)
    one, two = PersonFactory(name="Jon Smith"), PersonFactory(name="Jonathan Smith")
    return {
        "quote_confirm": lambda u: services.quote_confirm(quote=quote, user=u, version=1),
        "quote_reject": lambda u: services.quote_reject(quote=quote, user=u, version=1),
        "quote_update": lambda u: services.quote_update(quote=quote, user=u, version=1, speaker_name="New Name"),
        "role_confirm": lambda u: services.role_confirm(role=role, user=u),
        "role_reject": lambda u: services.role_reject(role=role, user=u),
        "role_update": lambda u: services.role_update(role=role, user=u, title="spokesperson"),
        "tag_confirm": lambda u: services.tag_confirm(tagged=tagged, user=u),
        "tag_reject": lambda u: services.tag_reject(tagged=tagged, user=u),
        "persons_merge": lambda u: services.article_persons_merge(article=article, survivor=one, others=[two], user=u),
        "annotation_create": lambda u: services.annotation_create(article=article, user=u, tag=frame, start=0, end=5),
        "annotation_update": lambda u: services.annotation_update(annotation=annotation, user=u, version=1, note="x"),
        "annotation_delete": lambda u: services.annotation_delete(annotation=annotation, user=u),
        "annotation_comment_add": lambda u: services.annotation_comment_add(annotation=annotation, user=u, text="x"),
        "submit": lambda u: services.article_submit(article=article, user=u),
        "approve": lambda u: services.article_approve(article=article, user=u),
        "return": lambda u: services.article_return(article=article, user=u, comment="why"),
    }


CALLS = [
    "quote_confirm",
    "quote_reject",
    "quote_update",
    "role_confirm",
    "role_reject",
    "role_update",
    "tag_confirm",
    "tag_reject",
    "persons_merge",
    "annotation_create",
    "annotation_update",
    "annotation_delete",
    "annotation_comment_add",
    "submit",
    "approve",
    "return",
]


@pytest.mark.parametrize("call", CALLS)
def test_every_refused_service_call_leaves_the_database_as_it_was(analyst, analyst2, article, frame, call):
    calls = refused_calls(article, analyst, frame)
    assert set(calls) == set(CALLS)
    before = database_state()
    with pytest.raises((PermissionDenied, ValidationError)):
        calls[call](analyst2)
    assert database_state() == before
