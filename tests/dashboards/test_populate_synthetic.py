"""populate_synthetic: realistic synthetic coverage written in bulk, consistent with what the pages read."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction

from monitoring.articles.models import Article
from monitoring.codebook.models import TaggedArticle
from monitoring.dashboards import synthetic
from monitoring.dashboards.models import ArticleSearchIndex
from monitoring.dashboards.search import articles_search, search_documents
from monitoring.dashboards.synthetic import Table
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
    # The index rows written with the articles are the documents the search module builds from the rows.
    some = list(Article.objects.order_by("pk").values_list("pk", flat=True)[:9])
    indexed = ArticleSearchIndex.objects.filter(article_id__in=some).order_by("article_id")
    assert list(indexed.values_list("article_id", "headline", "body", "captions", "quotes")) == sorted(
        search_documents(some)
    )
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


def test_rows_with_special_characters_are_written_as_given(db):
    """COPY's text format gives tab, newline, carriage return and backslash a meaning: they must arrive as text."""
    outlet = ArticleFactory().outlet
    headline = 'Tab\there, back\\slash, "quotes" and \\N'
    body = "First line\r\nsecond line\n\n\\t is not a tab"
    Table(Article, "outlet_id", "headline", "body", "fingerprint", "published_on").write(
        [(outlet.pk, headline, body, "e" * 64, None)]
    )
    written = Article.objects.get(fingerprint="e" * 64)
    assert (written.headline, written.body, written.published_on) == (headline, body, None)
    assert written.bylines == [] and written.language == "en"  # the other columns take their defaults


def schema(tables: list[str]) -> set[tuple]:
    """Every index and constraint of the tables, by name and definition."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index "
            "WHERE indrelid = ANY(%s::regclass[])",
            [tables],
        )
        indexes = set(cursor.fetchall())
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = ANY(%s::regclass[])",
            [tables],
        )
        return indexes | set(cursor.fetchall())


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="indexes are dropped for the load on PostgreSQL only")
def test_an_empty_database_gets_its_indexes_and_constraints_back_after_the_load(db):
    tables = ["articles_article", "people_quote", "people_role", "codebook_taggedarticle", "dashboards_article_fts"]
    before = schema(tables)
    assert len(before) > 10
    populate("--articles", "30")
    assert schema(tables) == before
    # The foreign keys are checked again: a quote of a missing article is refused.
    with pytest.raises(IntegrityError), transaction.atomic():
        Quote.objects.create(article_id=10**9, text="x", start=0, end=1)
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="indexes are dropped for the load on PostgreSQL only")
def test_a_failed_load_leaves_the_schema_as_it_was(db, monkeypatch):
    tables = ["articles_article", "people_quote", "dashboards_article_fts"]
    before = schema(tables)

    def broken(self):
        raise RuntimeError("generator failed")

    monkeypatch.setattr(synthetic.Batch, "write", broken)
    with pytest.raises(RuntimeError):
        populate("--articles", "10")
    assert schema(tables) == before and not Article.objects.exists()


def test_an_error_while_generating_writes_nothing(db, monkeypatch):
    """A batch that fails half-way through generation: the command fails, and the batches already sent are undone."""
    real = synthetic.synthetic_article

    def failing(rng, context, n, batch):
        if n == 7:
            raise ValueError("generator failed")
        real(rng, context, n, batch)

    monkeypatch.setattr(synthetic, "ARTICLES_CHUNK", 5)
    monkeypatch.setattr(synthetic, "synthetic_article", failing)
    with pytest.raises(ValueError, match="generator failed"):
        populate("--articles", "20")
    assert not Article.objects.exists() and not Quote.objects.exists()


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite's planner keeps no statistics")
def test_the_planner_knows_the_written_tables_and_rollups(db):
    """Autovacuum may be off or late: the load and the rollups' rebuild gather the statistics themselves."""
    from monitoring.people.models import Person
    from monitoring.rollups.models import ArticleRollup, QuoteMonthRollup, QuoteRollup

    populate("--articles", "60")
    with connection.cursor() as cursor:
        for model in (Person, Article, Quote, ArticleRollup, QuoteRollup, QuoteMonthRollup):
            cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [model._meta.db_table])
            assert cursor.fetchone()[0] == model.objects.count() > 0, model.__name__
