"""Login throttling (django-axes): a username/address pair is locked after repeated failures, on both login pages."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "pw-for-tests-123"  # tests/factories.py UserFactory
LOGIN_PAGES = ["/accounts/login/", "/admin/login/"]


def client_at(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def login_post(client: Client, url: str, username: str, password: str):
    return client.post(url, {"username": username, "password": password})


def logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def failures_send(client: Client, url: str, username: str, count: int) -> None:
    for attempt in range(count):
        login_post(client, url, username, f"wrong-{attempt}")


@pytest.mark.parametrize("url", LOGIN_PAGES)
def test_fifty_wrong_passwords_then_the_right_one_is_refused(analyst, url):
    client = client_at("203.0.113.7")
    failures_send(client, url, analyst.username, 50)

    response = login_post(client, url, analyst.username, PASSWORD)

    assert not logged_in(client)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Login locked" in page
    assert "15 minutes" in page
    assert "Traceback" not in page
    assert 'href="/static/css/app.css"' in page  # the site's own styled page, not a bare text response


@pytest.mark.parametrize("url", LOGIN_PAGES)
def test_failures_below_the_limit_do_not_lock(analyst, url):
    client = client_at("203.0.113.7")
    failures_send(client, url, analyst.username, settings.AXES_FAILURE_LIMIT - 1)

    response = login_post(client, url, analyst.username, PASSWORD)

    assert response.status_code == 302
    assert logged_in(client)


def test_a_lockout_on_one_login_page_holds_on_the_other(analyst):
    client = client_at("203.0.113.7")
    failures_send(client, "/admin/login/", analyst.username, settings.AXES_FAILURE_LIMIT)

    response = login_post(client, "/accounts/login/", analyst.username, PASSWORD)

    assert response.status_code == 429
    assert not logged_in(client)


def test_other_users_and_other_addresses_are_unaffected(analyst, analyst2):
    attacker = client_at("203.0.113.7")
    failures_send(attacker, "/accounts/login/", analyst.username, 50)

    same_address_other_user = client_at("203.0.113.7")
    login_post(same_address_other_user, "/accounts/login/", analyst2.username, PASSWORD)
    other_address_same_user = client_at("198.51.100.20")
    login_post(other_address_same_user, "/admin/login/", analyst.username, PASSWORD)

    assert logged_in(same_address_other_user)
    assert logged_in(other_address_same_user)


def test_the_lock_ends_after_the_cool_off(analyst):
    client = client_at("203.0.113.7")
    failures_send(client, "/accounts/login/", analyst.username, settings.AXES_FAILURE_LIMIT)
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - datetime.timedelta(seconds=1)
    )

    login_post(client, "/accounts/login/", analyst.username, PASSWORD)

    assert logged_in(client)


def test_an_editor_unlocks_in_the_admin(login, editor, analyst):
    locked = client_at("203.0.113.7")
    failures_send(locked, "/accounts/login/", analyst.username, settings.AXES_FAILURE_LIMIT)
    assert login_post(locked, "/accounts/login/", analyst.username, PASSWORD).status_code == 429

    admin = login(editor)
    changelist = reverse("admin:axes_accessattempt_changelist")
    assert admin.get(changelist).status_code == 200
    attempt = AccessAttempt.objects.get(username=analyst.username)
    response = admin.post(
        changelist, {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"}, follow=True
    )

    assert response.status_code == 200
    assert not AccessAttempt.objects.exists()
    login_post(locked, "/accounts/login/", analyst.username, PASSWORD)
    assert logged_in(locked)


@pytest.mark.parametrize("role", ["analyst", "reviewer"])
def test_only_editors_may_unlock(request, login, analyst2, role):
    client = login(request.getfixturevalue(role))
    failures_send(client_at("203.0.113.7"), "/accounts/login/", analyst2.username, settings.AXES_FAILURE_LIMIT)
    attempt = AccessAttempt.objects.get()

    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403
    assert (
        client.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"}).status_code == 403
    )
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()


def client_behind_proxy(forwarded_for: str) -> Client:
    return Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for)


def test_behind_a_proxy_clients_are_told_apart_by_the_forwarded_address(settings, analyst):
    settings.TRUST_X_FORWARDED_FOR = True
    failures_send(client_behind_proxy("203.0.113.7"), "/accounts/login/", analyst.username, 50)

    other_client = client_behind_proxy("198.51.100.20")
    login_post(other_client, "/accounts/login/", analyst.username, PASSWORD)

    assert logged_in(other_client)
    locked = client_behind_proxy("203.0.113.7")
    assert login_post(locked, "/accounts/login/", analyst.username, PASSWORD).status_code == 429


def test_behind_a_proxy_invented_forwarded_addresses_do_not_escape_the_lock(settings, analyst):
    settings.TRUST_X_FORWARDED_FOR = True
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        # The proxy appends the real address to whatever the client sent.
        client = client_behind_proxy(f"192.0.2.{attempt + 1}, 203.0.113.7")
        login_post(client, "/accounts/login/", analyst.username, f"wrong-{attempt}")

    client = client_behind_proxy("192.0.2.99, 203.0.113.7")
    assert login_post(client, "/accounts/login/", analyst.username, PASSWORD).status_code == 429


def test_behind_a_proxy_a_malformed_forwarded_address_counts_as_the_proxy(settings, analyst):
    settings.TRUST_X_FORWARDED_FOR = True
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        login_post(client_behind_proxy(f"not-an-address-{attempt}"), "/accounts/login/", analyst.username, "wrong")

    client = client_behind_proxy("")
    assert login_post(client, "/accounts/login/", analyst.username, PASSWORD).status_code == 429


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(analyst):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        login_post(client_behind_proxy(f"198.51.100.{attempt + 1}"), "/accounts/login/", analyst.username, "wrong")

    client = client_behind_proxy("198.51.100.99")
    assert login_post(client, "/accounts/login/", analyst.username, PASSWORD).status_code == 429
