"""Cached dashboard figures: served from the cache until something they read changes, never after."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from monitoring.dashboards import selectors
from monitoring.review import services
from tests.factories import ArticleFactory, OutletFactory, QuoteFactory

TODAY = datetime.date(2024, 6, 30)
PARAMS = {"start": "2024-01-01", "end": "2024-12-31"}
WIDE = {**PARAMS, "unreviewed": "on"}


@pytest.fixture
def cached(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "figures"}}
    settings.FIGURES_CACHE_SECONDS = 300
    from django.core.cache import cache

    cache.clear()


def approved_items() -> int:
    pipeline = next(c for c in selectors.overview_page(PARAMS, today=TODAY)["charts"] if c.key == "outlets")
    return sum(sum(data) for _, data in pipeline.series)


def queries_of(function) -> int:
    with CaptureQueriesContext(connection) as queries:
        function()
    return len(queries)


def test_figures_come_from_the_cache_until_a_decision_changes_them(
    cached, analyst, reviewer, django_capture_on_commit_callbacks
):
    article = ArticleFactory(status="in_analysis", assignee=analyst, published_on=TODAY)
    QuoteFactory(article=article, status="confirmed")
    with django_capture_on_commit_callbacks(execute=True):
        services.article_submit(article=article, user=analyst)
    before = approved_items()
    assert queries_of(approved_items) < queries_of(lambda: selectors.overview_page({"end": "2024-12-30"}, today=TODAY))
    with django_capture_on_commit_callbacks(execute=True):
        services.article_approve(article=article, user=reviewer)
    assert approved_items() == before + 1  # the approval is counted at once, not after the cache expires


def items_with_unreviewed() -> int:
    outlets = next(c for c in selectors.overview_page(WIDE, today=TODAY)["charts"] if c.key == "outlets")
    return sum(sum(data) for _, data in outlets.series)


def test_an_import_makes_cached_figures_out_of_date(db, cached, tmp_path, django_capture_on_commit_callbacks):
    from django.core.management import call_command

    ArticleFactory(status="new", published_on=TODAY, outlet=OutletFactory(name="Coast Daily"))
    before = items_with_unreviewed()
    assert queries_of(items_with_unreviewed) <= 2  # cached: the page's own lookups only
    story = "Harbour fees rise\n\nUpdated: 2024-06-20 Coast Daily\n\nFees rose, officials said.\n"
    (tmp_path / "fees.txt").write_text(story)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_articles", str(tmp_path), "-v", "0")
    assert items_with_unreviewed() == before + 1  # bulk writes skip signals: the import marks figures itself


def test_a_cache_that_is_down_costs_speed_never_the_page(settings, client, analyst):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}
    }
    settings.FIGURES_CACHE_SECONDS = 300
    client.force_login(analyst)
    assert client.get("/").status_code == 200
