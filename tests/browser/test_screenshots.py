"""Full-page screenshots of the main dashboard pages over the demo articles, for the README.

Set README_SCREENSHOTS=1 to write them to docs/screenshots/; otherwise they go to test-output/.
"""

import datetime
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from monitoring.articles.models import Article
from monitoring.dashboards.search import search_index_rebuild
from monitoring.people.models import Quote

from .conftest import ROOT

pytestmark = pytest.mark.browser
DEMO_YEAR = "start=2024-01-01&end=2024-12-31"


@pytest.fixture
def demo(transactional_db):
    """The demo fixtures and sample articles, imported by the real pipeline, with some review history."""
    from django.apps import apps

    from monitoring.core.roles import ANALYST, roles_sync
    from tests.factories import UserFactory

    roles_sync(apps)
    fixtures = sorted(str(p) for p in (ROOT / "fixtures").glob("[0-9][0-9]-*.json"))
    call_command("loaddata", *fixtures, verbosity=0)
    call_command("import_articles", str(ROOT / "fixtures" / "articles"), verbosity=0)
    search_index_rebuild()  # the flush between transactional tests skips the (unmanaged) search table
    analyst, colleague = UserFactory(username="ana", role=ANALYST), UserFactory(username="ben", role=ANALYST)
    now = timezone.now()
    for n, pk in enumerate(Article.objects.order_by("pk").values_list("pk", flat=True)):
        status = ["approved", "in_review", "in_analysis", "approved", "new"][n % 5]
        Article.objects.filter(pk=pk).update(
            status=status,
            assignee=[analyst, colleague][n % 2],
            imported_at=now - datetime.timedelta(days=3),
            approved_at=now - datetime.timedelta(hours=20 + 7 * n) if status == "approved" else None,
            due_on=(now - datetime.timedelta(days=n % 3)).date(),
        )
    return analyst


def test_readme_screenshots(page, log_in, demo):
    folder = ROOT / "docs" / "screenshots" if os.environ.get("README_SCREENSHOTS") else ROOT / "test-output"
    folder.mkdir(parents=True, exist_ok=True)
    assert Article.objects.exists(), "the demo import produced no articles"
    person = (
        Quote.objects.kept().exclude(speaker=None).values("speaker").annotate(n=Count("pk")).order_by("-n").first()
    )["speaker"]
    reader = reader_article_annotate(demo)
    log_in(demo)
    shots = {
        "overview.png": f"/?{DEMO_YEAR}&interval=month",
        "articles-search.png": "/articles/?q=minister",
        "person.png": f"/people/{person}/?interval=month",
        "reader.png": reader.get_absolute_url(),
        "queues.png": "/review/",
        "admin-articles.png": "/admin/articles/article/",
    }
    for name, url in shots.items():
        page.goto(url)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(Path(folder) / name), full_page=True)
    page.goto("/articles/?q=minister")
    assert page.locator("#articles .snippet mark").count() >= 1


def reader_article_annotate(analyst) -> Article:
    """An article in analysis with the analyst, with one annotation on its first quote, for the reader shot."""
    from monitoring.codebook.models import Tag
    from monitoring.review.services import annotation_create

    article = Article.objects.filter(status="in_analysis", assignee=analyst, quotes__isnull=False).first()
    quote = article.quotes.order_by("start").first()
    tag = Tag.objects.filter(category="frame").order_by("name").first()
    annotation_create(
        article=article,
        user=analyst,
        tag=tag,
        start=quote.start,
        end=quote.end,
        note="Praise framed as shared experience.",
        stance="supportive",
    )
    return article
