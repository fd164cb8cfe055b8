"""HTML fragments kept with the figures (`figures_fragment`): the filter form and a page of the article list come
from the cache until the data changes, and nothing of one user's page reaches another's."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from monitoring.review import services
from tests.factories import ArticleFactory, OutletFactory, PersonFactory, QuoteFactory, TagFactory

TODAY = datetime.date(2024, 6, 30)


@pytest.fixture
def cached(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "html"}}
    settings.FIGURES_CACHE_SECONDS = 300
    from django.core.cache import cache

    cache.clear()


def page(client, url: str) -> tuple[str, int]:
    """The page's HTML and how many queries it ran."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def unmasked(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def test_the_article_list_is_served_from_the_cache_until_a_transition_changes_it(
    cached, login, analyst, django_capture_on_commit_callbacks
):
    OutletFactory(name="Coast Daily")
    TagFactory(name="labour", slug="labour", category="frame")
    article = ArticleFactory(status="new", published_on=TODAY, headline="Harbour fees rise")
    client = login(analyst)
    first, computed = page(client, "/articles/")
    again, cached_queries = page(client, "/articles/")
    assert cached_queries < computed  # the select's choices, the rows and their tags are not read again
    assert unmasked(again) == unmasked(first)  # the same page, with CSRF tokens masked anew for each request
    assert 'value="labour"' in again and "Harbour fees rise" in again and "<td>New</td>" in again
    with django_capture_on_commit_callbacks(execute=True):
        services.article_claim(article=article, user=analyst)
    claimed, _ = page(client, "/articles/")
    assert "<td>New</td>" not in claimed and "<td>In analysis</td>" in claimed  # never older than the transition


def csrf_tokens(html: str) -> set[str]:
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]*)"', html))


def test_a_cached_page_holds_each_users_own_csrf_tokens(cached, analyst, analyst2):
    ArticleFactory(status="new", published_on=TODAY)
    ana, ben = Client(), Client()
    ana.force_login(analyst)
    ben.force_login(analyst2)
    first, _ = page(ana, "/articles/")
    second, _ = page(ben, "/articles/")  # the rows from the cache
    assert second.count('name="csrfmiddlewaretoken"') == 3  # logout, bulk actions, saved search: for this request
    assert not csrf_tokens(first) & csrf_tokens(second)


def test_the_filter_form_varies_with_the_page_it_is_on(cached, login, analyst):
    ArticleFactory(status="new", published_on=TODAY)
    client = login(analyst)
    overview, _ = page(client, "/?unreviewed=on")
    listing, _ = page(client, "/articles/")
    assert 'name="unreviewed"' in overview  # the overview offers the switch
    assert 'name="unreviewed"' not in listing.split('class="filters"', 1)[1].split("</form>", 1)[0]


def test_a_repeated_search_reads_neither_its_rows_nor_their_snippets_again(cached, login, analyst, monkeypatch):
    from monitoring.dashboards import search

    article = ArticleFactory(status="new", published_on=TODAY, headline="Harbour fees rise")
    search.search_index_refresh([article.pk])
    asked = []
    snippets = search.search_snippets
    monkeypatch.setattr(search, "search_snippets", lambda text, ids: asked.append(list(ids)) or snippets(text, ids))
    client = login(analyst)
    first, _ = page(client, "/articles/?q=harbour")
    again, _ = page(client, "/articles/?q=harbour")
    assert asked == [[article.pk]]  # once, for the first page
    assert "<mark>" in again and unmasked(again) == unmasked(first)


def test_a_person_page_is_served_from_the_cache_until_a_quote_changes_it(
    cached, login, analyst, django_capture_on_commit_callbacks
):
    article = ArticleFactory(status="approved", published_on=TODAY, headline="Harbour fees rise")
    speaker = PersonFactory(name="Amina Diallo")
    QuoteFactory(article=article, speaker=speaker, status="confirmed", text="Fees will fall.")
    client = login(analyst)
    first, computed = page(client, f"/people/{speaker.pk}/")
    again, cached_queries = page(client, f"/people/{speaker.pk}/")
    assert cached_queries < computed and unmasked(again) == unmasked(first)
    assert "Fees will fall." in again
    with django_capture_on_commit_callbacks(execute=True):
        QuoteFactory(article=article, speaker=speaker, status="confirmed", text="Ports will open.")
    assert "Ports will open." in page(client, f"/people/{speaker.pk}/")[0]
