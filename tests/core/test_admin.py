import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from monitoring.people.models import OrganizationMention
from tests.factories import (
    ArticleFactory,
    OrganizationFactory,
    OutletFactory,
    PersonFactory,
    PhotoFactory,
    QuoteFactory,
    RoleFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db

CHANGELISTS = [
    "articles_article",
    "articles_outlet",
    "people_person",
    "people_quote",
    "people_role",
    "people_organization",
    "people_organizationmention",
    "photos_photo",
    "codebook_tag",
    "core_country",
]


def coverage_make(n: int):
    """n articles, each with a quote, a role and a photo by distinct persons, tagged; returns one article."""
    outlet = OutletFactory()
    tag = TagFactory()
    articles = []
    for _ in range(n):
        article = ArticleFactory(outlet=outlet)
        article.tags.add(tag)
        QuoteFactory(article=article)
        RoleFactory(article=article)
        PhotoFactory(article=article)
        OrganizationMention.objects.create(article=article, organization=OrganizationFactory())
        articles.append(article)
    return articles[0]


def queries_for(client, url) -> int:
    client.get(url)  # warm per-process caches (content types, site) so only the page's own queries count
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def test_changelist_query_count_does_not_grow_with_rows(login, editor):
    client = login(editor)
    urls = {name: reverse(f"admin:{name}_changelist") for name in CHANGELISTS}
    coverage_make(5)
    small = {name: queries_for(client, url) for name, url in urls.items()}
    coverage_make(45)
    assert {name: queries_for(client, url) for name, url in urls.items()} == small


def test_article_change_page_query_count_is_fixed(login, editor):
    client = login(editor)
    article = ArticleFactory()
    person = PersonFactory()

    def grow(n):
        for _ in range(n):
            QuoteFactory(article=article, speaker=person)
            RoleFactory(article=article, person=PersonFactory())
            PhotoFactory(article=article)

    url = reverse("admin:articles_article_change", args=[article.pk])
    grow(5)
    small = queries_for(client, url)
    grow(45)
    assert queries_for(client, url) == small


def test_person_change_page_query_count_is_fixed(login, editor):
    client = login(editor)
    person = PersonFactory()

    def grow(n):
        for _ in range(n):
            article = ArticleFactory()
            QuoteFactory(article=article, speaker=person)
            RoleFactory(article=article, person=person)

    url = reverse("admin:people_person_change", args=[person.pk])
    grow(5)
    small = queries_for(client, url)
    grow(45)
    assert queries_for(client, url) == small


@pytest.mark.parametrize("role", ["analyst", "reviewer", "editor"])
@pytest.mark.parametrize("name", ["articles_article", "people_person", "people_quote", "photos_photo", "codebook_tag"])
def test_every_role_can_view_the_changelists(request, login, role, name):
    client = login(request.getfixturevalue(role))
    assert client.get(reverse(f"admin:{name}_changelist")).status_code == 200


def test_user_without_role_is_refused(login, outsider):
    client = login(outsider)
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 403


def test_anonymous_user_is_sent_to_login(client):
    response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_reviewer_cannot_add_articles_but_editor_can(login, reviewer, editor):
    url = reverse("admin:articles_article_add")
    assert login(reviewer).get(url).status_code == 403
    assert login(editor).get(url).status_code == 200


def test_only_editors_change_the_codebook(login, analyst, editor):
    tag = TagFactory()
    url = reverse("admin:codebook_tag_change", args=[tag.pk])
    response = login(analyst).post(url, {"name": "renamed", "slug": tag.slug, "category": "frame"})
    assert response.status_code == 403
    tag.refresh_from_db()
    assert tag.name != "renamed"
    response = login(editor).post(
        url, {"name": "renamed", "slug": tag.slug, "category": "frame", "description": "", "keywords": ""}
    )
    assert response.status_code == 302
    tag.refresh_from_db()
    assert (tag.name, tag.category) == ("renamed", "frame")


def test_merge_action_moves_quotes_to_the_chosen_person(login, analyst):
    keep, drop = PersonFactory(name="Ana de la Cruz"), PersonFactory(name="Ana De La Cruz-Ortiz")
    QuoteFactory(speaker=drop)
    client = login(analyst)
    url = reverse("admin:people_person_changelist")
    confirm = client.post(url, {"action": "merge_persons", "_selected_action": [keep.pk, drop.pk]})
    assert confirm.status_code == 200 and b"Keep which person" in confirm.content
    client.post(url, {"action": "merge_persons", "_selected_action": [keep.pk, drop.pk], "survivor": keep.pk})
    assert keep.quotes.count() == 1
    assert list(keep.aliases.values_list("name", flat=True)) == ["Ana De La Cruz-Ortiz"]


def test_organization_search_used_by_autocomplete(login, analyst):
    OrganizationFactory(name="Northern Fishers' League")
    response = login(analyst).get(reverse("admin:people_organization_changelist"), {"q": "fishers"})
    assert b"Northern Fishers" in response.content


def test_admin_refuses_a_duplicate_person_and_points_to_the_existing_one(login, analyst):
    from monitoring.people.models import Person

    existing = PersonFactory(name="Wang Lihua")
    response = login(analyst).post(
        reverse("admin:people_person_add"),
        {
            "name": "  wang LIHUA ",
            "country": "",
            "description": "",
            "aliases-TOTAL_FORMS": 0,
            "aliases-INITIAL_FORMS": 0,
            "roles-TOTAL_FORMS": 0,
            "roles-INITIAL_FORMS": 0,
            "quotes-TOTAL_FORMS": 0,
            "quotes-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    assert f"#{existing.pk}" in response.content.decode()
    assert Person.objects.count() == 1
