"""Full-text search: ranking, snippets that escape article text, and the index following edits."""

import pytest
from django.db import connection

from monitoring.articles.models import Article
from monitoring.dashboards.search import (
    MARK_START,
    articles_search,
    fts5_query,
    search_index_refresh,
    search_snippets,
)
from tests.factories import ArticleFactory, OutletFactory, PhotoFactory, QuoteFactory


def hits(text: str) -> list[int]:
    return list(articles_search(Article.objects.all(), text).values_list("pk", flat=True))


def indexed_ids() -> set[int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT rowid FROM dashboards_article_fts")
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ("minister talks", '"minister" "talks"'),
        ('"foreign minister" said', '"foreign minister" "said"'),
        ("budget -defence", '"budget" NOT "defence"'),
        ('col:x NEAR( "unbalanced', '"col x" "NEAR" "unbalanced"'),
        ("*** ()", ""),
        ("-only negatives", '"negatives" NOT "only"'),
        ("water OR flood", '("water" OR "flood")'),
        ('water OR "flash flood" relief -drill', '("water" OR "flash flood") "relief" NOT "drill"'),
        ("OR water or flood OR", '"water" "or" "flood"'),
    ],
)
def test_fts5_query_quotes_every_term(typed, query):
    assert fts5_query(typed) == query


def test_or_finds_either_word_on_both_databases(db):
    outlet = OutletFactory()
    water = ArticleFactory(outlet=outlet, headline="Water rationing", body="Taps ran dry.")
    flood = ArticleFactory(outlet=outlet, headline="Flood warning", body="Rivers rose.")
    ArticleFactory(outlet=outlet, headline="Budget vote", body="Deputies voted.")
    search_index_refresh([water.pk, flood.pk])
    assert set(hits("water OR flood")) == {water.pk, flood.pk}
    assert hits("water OR flood -rivers") == [water.pk]


def test_search_covers_headline_body_captions_and_quotes(db):
    outlet = OutletFactory()
    in_headline = ArticleFactory(outlet=outlet, headline="Fishermen protest harbour fees", body="Boats stayed in.")
    in_body = ArticleFactory(outlet=outlet, headline="Coastal news", body="The fishermen said fees were too high.")
    in_caption = ArticleFactory(outlet=outlet, headline="Port story", body="Nothing here.")
    PhotoFactory(article=in_caption, caption="Fishermen mend nets in the port.")
    unrelated = ArticleFactory(outlet=outlet, headline="Budget vote", body="Parliament passed the budget.")
    search_index_refresh([in_headline.pk, in_body.pk, in_caption.pk, unrelated.pk])

    found = hits("fishermen")
    assert set(found) == {in_headline.pk, in_body.pk, in_caption.pk}
    assert found[0] == in_headline.pk  # the headline weighs most
    assert hits('"passed the budget"') == [unrelated.pk]
    assert hits("fishermen -fees") == [in_caption.pk]
    assert hits("protesting") == [in_headline.pk]  # stemmed on both databases


def test_quote_text_is_searchable(db):
    article = ArticleFactory(body="Opening line about the summit.\n\nClosing line.")
    QuoteFactory(article=article, start=0, end=29)
    search_index_refresh([article.pk])
    with connection.cursor() as cursor:
        cursor.execute("SELECT quotes FROM dashboards_article_fts WHERE rowid = %s", [article.pk])
        assert cursor.fetchone()[0] == "Opening line about the summit"


def test_snippet_escapes_article_text_but_keeps_marks(db):
    article = ArticleFactory(
        headline="Plain headline",
        body=f'<script>alert("x")</script> The ministers <b>met</b> {MARK_START}fake mark and talked about the ministers.',
    )
    search_index_refresh([article.pk])
    snippet = search_snippets("ministers", [article.pk])[article.pk]
    # SQLite keeps the tags as (escaped) text, PostgreSQL's parser drops them: either way no markup but ours.
    assert "<" not in snippet.replace("<mark>", "").replace("</mark>", "")
    assert "<mark>ministers</mark>" in snippet
    assert snippet.count("<mark>") == snippet.count("</mark>") >= 1
    assert MARK_START not in snippet  # markers in article text are stripped at indexing


def test_search_page_shows_ranked_hits_with_snippets(db, login, analyst):
    article = ArticleFactory(headline="Harbour fees", body="Fishermen <i>protest</i> harbour fees again.")
    search_index_refresh([article.pk])
    html = login(analyst).get("/articles/?q=protest").content.decode()
    snippet = html.split('class="snippet">')[1].split("</div>")[0]
    assert "<mark>protest</mark>" in snippet
    assert "<i>" not in snippet


def test_nonsense_query_matches_nothing_without_error(db, login, analyst):
    ArticleFactory()
    response = login(analyst).get("/articles/?q=%22%22%22+***+NEAR(")
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 0


def test_refresh_drops_deleted_articles_and_handles_big_batches(db):
    articles = Article.objects.bulk_create(
        [
            Article(outlet=OutletFactory(), headline=f"Bulk {n}", body="bulk text", fingerprint=f"b{n}")
            for n in range(1200)
        ]
    )
    ids = [a.pk for a in articles]
    search_index_refresh(ids)  # more than one chunk
    assert indexed_ids() >= set(ids)
    Article.objects.filter(pk__in=ids[:10]).delete()
    search_index_refresh(ids[:10])
    assert not indexed_ids() & set(ids[:10])


def test_article_edit_reindexes_on_commit(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory(headline="Old headline")
    assert hits("old") == [article.pk]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        article.headline = "Renamed ceasefire story"
        article.save()
        article.save()
    assert callbacks  # queued on commit, not run inside the transaction
    assert hits("ceasefire") == [article.pk]
    assert hits("old") == []


def test_quote_and_photo_changes_reindex_their_article(db, django_capture_on_commit_callbacks):
    article = ArticleFactory(body="Ministers spoke.\n\nThe end.")
    with django_capture_on_commit_callbacks(execute=True):
        photo = PhotoFactory(article=article, caption="Lighthouse at dusk")
    assert hits("lighthouse") == [article.pk]
    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()
    assert hits("lighthouse") == []


def test_article_delete_removes_it_from_the_index(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory(headline="Vanishing story")
    pk = article.pk
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    assert pk not in indexed_ids()


def test_nothing_is_indexed_when_the_transaction_rolls_back(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        ArticleFactory(headline="Never committed")
    assert callbacks and hits("committed") == []


def test_rebuild_command_indexes_every_article(db):
    from io import StringIO

    from django.core.management import call_command

    articles = ArticleFactory.create_batch(3)
    out = StringIO()
    call_command("search_index_rebuild", stdout=out)
    assert "Indexed 3 articles" in out.getvalue()
    assert indexed_ids() == {a.pk for a in articles}


def test_imported_articles_are_searchable(db, django_capture_on_commit_callbacks):
    """The import pipeline's bulk writes reach the index through search_index_refresh."""
    from pathlib import Path

    from django.conf import settings
    from django.core.management import call_command

    fixtures = Path(settings.BASE_DIR) / "fixtures"
    call_command("loaddata", *sorted(str(p) for p in fixtures.glob("[0-9][0-9]-*.json")), verbosity=0)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_articles", str(fixtures / "articles"), verbosity=0)
    assert Article.objects.exists()
    assert indexed_ids() == set(Article.objects.values_list("pk", flat=True))
    assert hits("minister")
