"""Error pages are the site's own: its layout, a plain message and a way back, never a bare server page."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.views import defaults


def assert_site_page(response, status: int, text: str):
    assert response.status_code == status
    html = response.content.decode()
    assert 'class="topbar"' in html and "Back to the overview" in html
    assert text in html
    return html


def test_unknown_address_answers_the_sites_404(login, analyst):
    html = assert_site_page(login(analyst).get("/no/such/page/"), 404, "Nothing here")
    assert "My work" in html  # the signed-in user's navigation is there too


def test_unknown_item_answers_the_sites_404(login, analyst):
    assert_site_page(login(analyst).get("/articles/987654/"), 404, "does not exist")


@pytest.mark.parametrize(
    "view, status, text",
    [
        (lambda request: defaults.server_error(request), 500, "Something went wrong on our side"),
        (lambda request: defaults.bad_request(request, ValueError("x")), 400, "could not be understood"),
        (
            lambda request: defaults.permission_denied(request, PermissionDenied("Only editors reopen items.")),
            403,
            "Only editors reopen items.",
        ),
    ],
)
def test_error_views_render_in_the_layout_under_production_settings(settings, db, view, status, text):
    settings.DEBUG = False
    request = RequestFactory().get("/")
    assert_site_page(view(request), status, text)


def test_a_403_message_is_escaped(db):
    request = RequestFactory().get("/")
    response = defaults.permission_denied(request, PermissionDenied("<script>alert(1)</script>"))
    assert b"<script>alert(1)" not in response.content and b"&lt;script&gt;" in response.content


def test_login_page_is_styled_and_the_favicon_is_public(client, db):
    html = client.get("/accounts/login/").content.decode()
    assert 'class="login-card"' in html and 'autocomplete="current-password"' in html and "favicon.png" in html
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.png")


def test_a_failed_login_says_so_without_saying_which_part_was_wrong(client, analyst):
    response = client.post("/accounts/login/", {"username": analyst.username, "password": "wrong"})
    html = response.content.decode()
    assert response.status_code == 200 and 'class="login-error"' in html


def test_a_form_without_its_security_token_answers_a_403_in_the_layout(analyst):
    """A CSRF failure (a form kept open across a sign-in, a lost cookie) is the site's page, not Django's bare one."""
    from django.test import Client

    from tests.factories import ArticleFactory

    article = ArticleFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(analyst)
    response = client.post(f"/articles/{article.pk}/transition/", {"action": "claim"})
    html = assert_site_page(response, 403, "That form has expired")
    assert "Nothing was changed" in html and "CSRF verification failed" not in html
    article.refresh_from_db()
    assert article.status == "new"


def test_a_refused_import_offers_a_way_back(login, reviewer):
    response = login(reviewer).get("/imports/new/")
    assert_site_page(response, 403, "Only analysts or editors may import articles")
