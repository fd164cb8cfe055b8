"""Under the Content-Security-Policy, Chromium blocks nothing on our pages and the admin's: no violation, no JS error."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, PhotoFactory, QuoteFactory, UserFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def newsroom(transactional_db):
    from django.apps import apps

    from monitoring.core.roles import EDITOR, roles_sync

    roles_sync(apps)  # transactional tests flush the role groups the migrations made
    editor = UserFactory(username="ed", role=EDITOR)
    article = ArticleFactory()
    QuoteFactory(article=article)
    photo = PhotoFactory(article=article)
    return editor, article, photo


def test_pages_and_admin_run_under_the_policy(page, log_in, newsroom):
    editor, article, photo = newsroom
    problems = []

    def console_error(message):
        if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
            problems.append(f"{message.text} ({message.location.get('url')})")

    page.on("console", console_error)
    page.on("pageerror", lambda error: problems.append(str(error)))
    log_in(editor)
    urls = [
        "/",
        "/articles/",
        reverse("articles:detail", args=[article.pk]),
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[article.pk]),
        reverse("admin:articles_article_add"),
        reverse("admin:photos_photo_change", args=[photo.pk]),
        reverse("admin:people_quote_changelist"),
        reverse("admin:axes_accessattempt_changelist"),
    ]
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert problems == [], url

    page.goto("/")
    page.wait_for_function("() => document.querySelector('canvas') && window.Chart && Chart.instances")
    page.goto(reverse("admin:articles_article_change", args=[article.pk]))
    page.locator(".add-row a").first.click()  # the admin's inline JS (a static file) still runs
    assert problems == []
