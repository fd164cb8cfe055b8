"""A signed-in user holding no role sees, on every page of the site and of the admin, a page telling them to ask an
editor for a role (HTTP 403, no data); logging in and out stays possible. Every URL of the URL conf is tried."""

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import URLResolver, get_resolver, reverse

from monitoring.codebook.models import TaggedArticle
from monitoring.dashboards.exports import EXPORTS, FORMATS
from monitoring.review import services
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

# Words that appear only in the data below: none of them may reach a user without a role.
SECRETS = ["Zanzibar", "Quillfeather", "Xylophone", "Vexillum", "Wombatry"]


@pytest.fixture
def site(analyst, reviewer):
    """One of everything a URL can point at, named with the secret words."""
    frame = TagFactory(name="Vexillum code", slug="vexillum-code", category="frame")
    outlet = OutletFactory(name="Zanzibar Gazette")
    article = ArticleFactory(
        outlet=outlet, headline="Xylophone talks stall", status="in_analysis", assignee=analyst, word_count=40
    )
    person = PersonFactory(name="Vexillum Quillfeather")
    organization = OrganizationFactory(name="Wombatry League")
    quote = QuoteFactory(article=article, speaker=person)
    role = RoleFactory(article=article, person=person, organization=organization)
    tag = TagFactory(name="Zanzibar frame", slug="zanzibar-frame", category="frame")
    tagged = TaggedArticle.objects.create(content_object=article, tag=tag, status="suggested")
    annotation = services.annotation_create(article=article, user=analyst, tag=frame, start=0, end=9)
    services.annotation_comment_add(annotation=annotation, user=reviewer, text="Wombatry comment")
    PhotoFactory(article=article, caption="Xylophone caption")
    return {
        "pk": article.pk,
        "quote_id": quote.pk,
        "role_id": role.pk,
        "tagged_id": tagged.pk,
        "annotation_id": annotation.pk,
        "slug": tag.slug,
        "decision": "confirm",
        "app_label": "articles",
        "content_type_id": ContentType.objects.get_for_model(article).pk,
        "url": "no-such-page/",
        "format": "json",
        "slug_field": tag.slug,
        "dashboards:person": person.pk,
        "dashboards:organization": organization.pk,
        "dashboards:outlet": outlet.pk,
    }


def url_patterns(resolver=None, namespaces=()):
    """(name with namespaces, pattern) for every pattern of the URL conf, included ones too."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from url_patterns(pattern, namespaces + ((pattern.namespace,) if pattern.namespace else ()))
        else:
            yield ":".join((*namespaces, pattern.name or "")), pattern


def admin_object_id(name: str, default: int):
    """The pk of an existing object of the model an admin URL name is about (admin:<app>_<model>_<view>)."""
    for model in apps.get_models():
        if name.startswith(f"admin:{model._meta.app_label}_{model._meta.model_name}_"):
            obj = model.objects.first()
            return obj.pk if obj else default
    return default


def site_urls(site) -> list[str]:
    """A concrete URL for every named pattern (each export dataset and format), plus the unnamed admin ones."""
    urls = []
    for name, pattern in url_patterns():
        if not pattern.name:
            continue
        if name == "dashboards:export":
            urls += [reverse(name, kwargs={"dataset": d, "fmt": f}) for d in EXPORTS for f in FORMATS]
            continue
        params = getattr(pattern.pattern, "converters", None) or dict(pattern.pattern.regex.groupindex)
        kwargs = {}
        for param in params:
            if param == "object_id":
                kwargs[param] = admin_object_id(name, site["pk"])
            else:
                kwargs[param] = site.get(f"{name}", site.get(param, site["pk"]))
        if not params and pattern.pattern.regex.groups:  # simple_history's (object id, history id) pages
            history = apps.get_model("articles", "Article").history.first()
            urls.append(reverse(name, args=[site["pk"], history.history_id]))
            continue
        urls.append(reverse(name, kwargs=kwargs))
    # Patterns without a name: the admin's object shortcut and its catch-all.
    urls += [f"/admin/articles/article/{site['pk']}/", "/admin/no-such-page/"]
    return urls


PUBLIC = {"/accounts/login/", "/admin/login/", "/favicon.ico"}
SIGN_OUT = {"/accounts/logout/", "/admin/logout/"}


def database_state() -> dict:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def assert_no_role_page(response, url):
    content = response.content.decode()
    if url.startswith("/api/") and not url.startswith(("/api/docs/", "/api/redoc/")):  # JSON, the same message
        assert response.status_code == 403, url
        assert "ask an editor" in content.lower() or "csrf" in content.lower(), url
        for secret in SECRETS:
            assert secret not in content, (url, secret)
        return
    assert response.status_code == 403, url
    assert "core/no_role.html" in [t.name for t in response.templates], url
    assert "ask an editor" in content.lower(), url
    assert 'class="topbar"' in content, url  # the site layout
    for secret in SECRETS:
        assert secret not in content, (url, secret)


def test_every_page_shows_a_user_without_a_role_the_ask_an_editor_page(login, outsider, site):
    client = login(outsider)
    urls = site_urls(site)
    assert len(urls) > 100  # the admin's pages are included
    for url in urls:
        if url in PUBLIC | SIGN_OUT:
            continue
        assert_no_role_page(client.get(url), url)
    for name in ("dashboards:article_list", "dashboards:people", "dashboards:overview"):  # search and filters too
        url = reverse(name)
        assert_no_role_page(client.get(url, {"q": "Xylophone", "page": 1}), url)


def test_no_post_of_a_user_without_a_role_writes_anything(login, outsider, site):
    client = login(outsider)
    before = database_state()
    for url in site_urls(site):
        if url in PUBLIC | SIGN_OUT:
            continue
        data = {"action": "approve", "title": "x", "version": 1, "speaker_name": "New Person", "name": "x"}
        response = client.post(url, data)
        assert_no_role_page(response, url)
        assert b"Nothing was changed" in response.content or url.startswith("/api/v1/") or url == "/api/schema/"
    admin_action = {"action": "delete_selected", "_selected_action": [site["pk"]], "post": "yes"}
    assert_no_role_page(client.post(reverse("admin:articles_article_changelist"), admin_action), "action")
    assert database_state() == before


def test_users_with_a_role_see_the_pages(login, analyst, editor, site):
    client = login(editor)  # the broadest role: every URL answers it as before, none with the no-role page
    for url in site_urls(site):
        response = client.get(url)
        assert response.status_code != 500, url
        assert "core/no_role.html" not in [t.name for t in response.templates], url
    content = login(analyst).get(reverse("articles:detail", args=[site["pk"]])).content.decode()
    assert "Xylophone talks stall" in content


def test_a_user_without_a_role_can_still_log_in_and_out(client, outsider):
    login_page = client.get(reverse("login"))
    assert login_page.status_code == 200
    response = client.post(reverse("login"), {"username": "olga", "password": "pw-for-tests-123"})
    assert response.status_code == 302
    assert client.get(reverse("login")).status_code == 200
    assert client.get(reverse("admin:login")).status_code in (200, 302)
    assert client.post(reverse("logout")).status_code == 302
    # Signed out, the pages send to the login page rather than to the no-role page.
    overview = client.get(reverse("dashboards:overview"))
    assert overview.status_code == 302 and overview["Location"].startswith(reverse("login"))
    client.force_login(outsider)
    assert client.post(reverse("admin:logout")).status_code in (200, 302)
    assert client.get(reverse("dashboards:overview")).status_code == 302


def test_the_superuser_needs_no_group(login, site):
    from tests.factories import UserFactory

    root = UserFactory(username="root", is_superuser=True)
    assert login(root).get(reverse("dashboards:overview")).status_code == 200


def test_giving_a_role_opens_the_pages(login, outsider, site):
    from django.contrib.auth.models import Group

    client = login(outsider)
    assert client.get(reverse("dashboards:overview")).status_code == 403
    outsider.groups.add(Group.objects.get(name="Reviewer"))
    assert client.get(reverse("dashboards:overview")).status_code == 200
