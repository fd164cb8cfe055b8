"""The REST API: same filters and counting as the pages, same services (permissions, four eyes) for writes."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openapi_spec_validator import validate
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from monitoring.articles.models import Article
from monitoring.codebook.models import TaggedArticle, TagStatus
from monitoring.dashboards.selectors import filters_bind
from monitoring.intake.models import ImportJob
from monitoring.review import services
from monitoring.review.models import WorkflowEvent
from tests.factories import ArticleFactory, QuoteFactory, TagFactory

STORY = """Lake commission agrees to share water-level readings

Updated: 2024-05-06 Lakeside Courier

Officials from five riparian states agreed on Monday to publish daily water-level readings.

"Nobody can plan a harvest on rumours," said Teodor Varga, chairman of the Danube Lakes Commission.
"""

LISTS = ["articles", "quotes", "persons", "organizations", "outlets", "tags", "photos", "annotations"]


@pytest.fixture
def api():
    def _api(user=None, *, token=False):
        client = APIClient()
        if user is not None and token:
            client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
        elif user is not None:
            client.force_authenticate(user)
        return client

    return _api


def test_schema_is_valid_openapi(db, api, analyst):
    response = api(analyst).get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    validate(json.loads(response.content))


def test_docs_are_served_offline(db, client, analyst):
    client.force_login(analyst)
    page = client.get(reverse("api:docs"))
    assert page.status_code == 200
    assert b"drf_spectacular_sidecar" in page.content  # the UI's files come from our static files, not a CDN


@pytest.mark.parametrize("name", LISTS)
def test_every_list_for_every_role(db, api, analyst, reviewer, editor, outsider, name):
    ArticleFactory()
    url = reverse(f"api:{name[:-1]}-list")
    for user in (analyst, reviewer, editor):
        assert api(user, token=True).get(url).status_code == 200
    refused = api(outsider, token=True).get(url)
    assert refused.status_code == 403
    assert "ask an editor" in refused.json()["detail"]
    assert api().get(url).status_code == 401


def test_article_filters_are_the_pages_filters(db, api, analyst):
    tag = TagFactory(name="Water")
    tagged = ArticleFactory(status="approved")
    TaggedArticle.objects.create(content_object=tagged, tag=tag, status=TagStatus.CONFIRMED)
    ArticleFactory(status="approved")
    ArticleFactory(status="new")
    params = {"tag": tag.slug}
    expected = sorted(filters_bind(params).articles.qs.values_list("pk", flat=True))
    got = sorted(row["id"] for row in api(analyst).get(reverse("api:article-list"), params).json()["results"])
    assert got == expected == [tagged.pk]


def test_cursor_pagination(db, api, analyst):
    for _ in range(7):
        ArticleFactory()
    client = api(analyst)
    first = client.get(reverse("api:article-list"), {"page_size": 5, "unreviewed": "on"}).json()
    second = client.get(first["next"]).json()
    ids = [row["id"] for row in first["results"] + second["results"]]
    assert len(ids) == len(set(ids)) == 7 and second["next"] is None


def test_transition_through_the_same_service_with_four_eyes(db, api, analyst, reviewer):
    article = ArticleFactory()
    url = reverse("api:article-transition", args=[article.pk])
    assert api(analyst).post(url, {"action": "claim"}).json()["status"] == "in_analysis"
    assert api(analyst).post(url, {"action": "submit"}).status_code == 200
    refused = api(analyst).post(url, {"action": "approve"})
    assert refused.status_code == 403 and "reviewer" in refused.json()["detail"].lower()
    done = api(reviewer).post(url, {"action": "approve"})
    assert done.status_code == 200 and done.json()["status"] == "approved"
    assert list(WorkflowEvent.objects.filter(article=article).values_list("action", flat=True)) == [
        "approve",
        "submit",
        "claim",
    ]


def test_return_needs_a_comment(db, api, analyst, reviewer):
    article = ArticleFactory()
    services.article_claim(article=article, user=analyst)
    services.article_submit(article=article, user=analyst)
    response = api(reviewer).post(reverse("api:article-transition", args=[article.pk]), {"action": "return"})
    assert response.status_code == 400 and "comment" in response.json()["detail"]


def test_quote_decisions_and_stale_versions(db, api, analyst, analyst2):
    article = ArticleFactory()
    quote = QuoteFactory(article=article)
    services.article_claim(article=article, user=analyst)
    confirm = reverse("api:quote-confirm", args=[quote.pk])
    assert api(analyst2).post(confirm).status_code == 403  # not the analyst holding it
    assert api(analyst).post(confirm, {"version": quote.version + 5}).status_code == 409
    response = api(analyst).post(confirm, {"version": quote.version})
    assert response.status_code == 200 and response.json()["status"] == "confirmed"


def test_import_files_into_a_job(db, api, analyst, reviewer):
    upload = SimpleUploadedFile("lake.txt", STORY.encode())
    response = api(analyst).post(reverse("api:import-list"), {"files": [upload]}, format="multipart")
    assert response.status_code == 201
    job = response.json()
    assert job["state"] == "done" and job["files"][0]["outcome"] == "created"
    assert Article.objects.get().pk == job["files"][0]["article"]
    again = api(analyst).get(reverse("api:import-detail", args=[job["id"]]))
    assert again.json()["id"] == job["id"]
    refused = api(reviewer).post(reverse("api:import-list"), {"files": [SimpleUploadedFile("x.txt", b"x")]})
    assert refused.status_code == 403 and ImportJob.objects.count() == 1


@pytest.mark.parametrize("name", LISTS)
def test_lists_run_a_fixed_number_of_queries(db, api, analyst, name, django_assert_max_num_queries):
    client = api(analyst)
    url = reverse(f"api:{name[:-1]}-list")
    for _ in range(3):
        QuoteFactory(article=ArticleFactory())
    client.get(url)
    with django_assert_max_num_queries(8) as small:
        client.get(url)
    for _ in range(20):
        QuoteFactory(article=ArticleFactory())
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)
