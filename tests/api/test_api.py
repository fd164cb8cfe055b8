"""The REST API: same filters and counting as the pages, same services (permissions, four eyes) for writes."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openapi_spec_validator import validate
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from monitoring.alerts import services as alerts
from monitoring.alerts.models import SavedSearch
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
    assert "ask an editor" in refused.json()["detail"].lower()
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


# Saved searches ---------------------------------------------------------------------------------------------


def test_saved_searches_are_the_users_own_with_new_item_counts(db, api, analyst, analyst2):
    water = TagFactory(name="Water", slug="water")
    for status in ("approved", "approved", "new"):
        TaggedArticle.objects.create(content_object=ArticleFactory(status=status), tag=water)
    client = api(analyst)
    created = client.post(reverse("api:search-list"), {"name": "Water", "path": "/articles/", "params": "tag=water"})
    assert created.status_code == 201
    search = SavedSearch.objects.get(owner=analyst)
    assert created.json()["id"] == search.pk and created.json()["url"] == "/articles/?tag=water"
    alerts.search_save(user=analyst2, name="Other", path="/articles/", params="")
    rows = client.get(reverse("api:search-list")).json()["results"]
    assert [(row["name"], row["new_count"]) for row in rows] == [("Water", alerts.search_new_count(search))]
    assert rows[0]["new_count"] == 2  # approved items only
    # The `articles` link lists what the search matches, through the article endpoint's filters.
    matched = client.get(rows[0]["articles"]).json()["results"]
    assert sorted(row["id"] for row in matched) == sorted(alerts.search_articles(search).values_list("pk", flat=True))
    assert client.get(reverse("api:search-detail", args=[search.pk])).json()["name"] == "Water"


def test_saving_a_search_is_refused_with_a_message_like_the_page(db, api, analyst):
    response = api(analyst).post(reverse("api:search-list"), {"name": "Admin", "path": "/admin/"})
    assert response.status_code == 400 and "not a page whose filters can be saved" in response.json()["detail"]
    assert api(analyst).post(reverse("api:search-list"), {"path": "/articles/"}).status_code == 400
    assert not SavedSearch.objects.exists()


def test_someone_elses_search_is_not_found_and_not_deleted(db, api, login, analyst, analyst2):
    search = alerts.search_save(user=analyst, name="Water", path="/articles/", params="tag=water")
    other = api(analyst2)
    url = reverse("api:search-detail", args=[search.pk])
    assert other.get(url).status_code == 404 and other.delete(url).status_code == 404
    assert login(analyst2).post(reverse("alerts:delete", args=[search.pk])).status_code == 404  # the page alike
    assert api(analyst).delete(url).status_code == 204
    assert not SavedSearch.objects.exists()


def test_search_list_costs_one_count_query_a_search(db, api, analyst):
    """Each search's new-item count is one COUNT (its own filters); a page holds at most 50 searches."""
    client = api(analyst)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("api:search-list")).status_code == 200
        return len(captured.captured_queries)

    alerts.search_save(user=analyst, name="s0", path="/articles/", params="status=approved")
    queries()  # warm (the token, caches)
    one = queries()
    for n in range(1, 4):
        alerts.search_save(user=analyst, name=f"s{n}", path="/articles/", params="status=approved")
    assert queries() == one + 3


def test_alert_settings_through_the_api_as_on_my_searches(db, api, analyst, analyst2):
    search = alerts.search_save(user=analyst, name="Water", path="/articles/", params="tag=water")
    url = reverse("api:search-detail", args=[search.pk])
    changed = api(analyst).patch(url, {"alert_mode": "immediate", "alert_email": True, "name": "Ignored"})
    assert changed.status_code == 200
    assert changed.json()["alert_mode"] == "immediate" and changed.json()["name"] == "Water"
    search.refresh_from_db()
    assert (search.alert_mode, search.alert_email, search.name) == ("immediate", True, "Water")
    bad = api(analyst).patch(url, {"alert_mode": "hourly"})
    assert bad.status_code == 400
    assert api(analyst2).patch(url, {"alert_mode": "none"}).status_code == 404
    search.refresh_from_db()
    assert search.alert_mode == "immediate"
