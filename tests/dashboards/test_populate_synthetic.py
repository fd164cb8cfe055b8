"""populate_synthetic: realistic synthetic coverage written in bulk, consistent with what the pages read."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from monitoring.articles.models import Article
from monitoring.codebook.models import TaggedArticle
from monitoring.dashboards.search import articles_search
from monitoring.people.models import Quote, Role, SuggestionStatus
from monitoring.review.models import Annotation
from tests.factories import ArticleFactory


def populate(*args) -> str:
    out = StringIO()
    call_command("populate_synthetic", *args, stdout=out)
    return out.getvalue()


def test_it_writes_coverage_the_pages_can_read(db, client, analyst):
    summary = populate("--articles", "120", "--quotes-per-article", "4")
    assert "articles 120" in summary and "quotes 480" in summary
    assert Article.objects.count() == 120 and Quote.objects.count() == 480
    assert len({status for status in Article.objects.values_list("status", flat=True)}) >= 4  # states spread
    approved = Article.objects.counted()
    assert approved.exists()
    # Quotes point at their text in the body, and approved items have confirmed quotes, roles and tags.
    for quote in Quote.objects.select_related("article")[:50]:
        assert quote.article.body[quote.start : quote.end] == quote.text
    assert not Quote.objects.filter(article__in=approved).exclude(status=SuggestionStatus.CONFIRMED).exists()
    assert Role.objects.counted().exists() and TaggedArticle.objects.counted().exists()
    assert Annotation.objects.count() == 12
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM dashboards_article_fts")
        assert cursor.fetchone()[0] == 120
    assert articles_search(Article.objects.all(), "delegation").exists()
    client.force_login(analyst)
    for path in ("/", "/articles/", "/people/", f"/articles/{approved.first().pk}/"):
        assert client.get(path).status_code == 200, path
    populated = Article.objects.create(outlet=approved.first().outlet, headline="After", body="x", fingerprint="f" * 64)
    assert populated.pk == 121  # the sequences continue after the written ids


def test_it_refuses_a_database_with_articles_unless_forced(db):
    ArticleFactory()
    with pytest.raises(CommandError, match="already holds articles"):
        populate("--articles", "5")
    assert Article.objects.count() == 1
    populate("--articles", "5", "--force")
    assert Article.objects.count() == 6
